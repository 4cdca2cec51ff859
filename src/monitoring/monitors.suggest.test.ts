import { describe, expect, it } from 'vitest';
import { hostOf, suggestMonitors } from './monitors.suggest.ts';

describe('hostOf', () => {
  it('finds the host in the ways people write it', () => {
    expect(hostOf('Example.COM.')).toBe('example.com');
    expect(hostOf('https://shop.example.co.uk/cart?x=1')).toBe('shop.example.co.uk');
    expect(hostOf('example.com/path')).toBe('example.com');
    expect(hostOf('203.0.113.7')).toBe('203.0.113.7');
    expect(hostOf('ABC-123 licence')).toBeNull();
    expect(hostOf('')).toBeNull();
  });
});

describe('suggestMonitors', () => {
  it('offers registration, certificate and website for a domain, the registration of the registered domain', () => {
    const offered = suggestMonitors({ kind: 'domain', identifier: 'www.example.co.uk', name: 'Shop' }, []);
    expect(offered.map((s) => [s.kind, s.body.config])).toEqual([
      ['domain', { domain: 'example.co.uk' }],
      ['tls', { host: 'www.example.co.uk', port: 443 }],
      ['http', { url: 'https://www.example.co.uk/' }],
    ]);
    expect(offered.find((s) => s.kind === 'domain')!.body.intervalSeconds).toBeGreaterThanOrEqual(3600);
  });

  it('offers website and server for a hosting plan, and only the server for an address', () => {
    expect(suggestMonitors({ kind: 'hosting', identifier: 'web1.host.example', name: 'Plan' }, []).map((s) => s.kind)).toEqual(['http', 'tcp']);
    expect(suggestMonitors({ kind: 'hosting', identifier: '203.0.113.7', name: 'VPS' }, []).map((s) => s.kind)).toEqual(['tcp']);
  });

  it('marks what exists already and offers nothing for things that are not hosts', () => {
    const existing = [{ kind: 'http', config: { url: 'https://example.com' } }, { kind: 'domain', config: { domain: 'EXAMPLE.com' } }];
    const offered = suggestMonitors({ kind: 'domain', identifier: 'example.com', name: 'x' }, existing);
    expect(offered.map((s) => [s.kind, s.exists])).toEqual([
      ['domain', true],
      ['tls', false],
      ['http', true],
    ]);
    expect(suggestMonitors({ kind: 'licence', identifier: 'example.com', name: 'x' }, [])).toEqual([]);
    expect(suggestMonitors({ kind: 'domain', identifier: 'not a domain!', name: 'x' }, [])).toEqual([]);
  });
});

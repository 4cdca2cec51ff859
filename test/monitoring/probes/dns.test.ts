import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../../src/monitoring/probes/index.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import type { Outbound } from '../../../src/platform/outbound/client.ts';
import { startDnsPeer, type DnsPeer } from '../../support/peers/dns-server.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The dns probe asking a dns2 server on loopback. */
let peer: DnsPeer;
let outbound: Outbound;
let context: ProbeContext;

const check = (input: Record<string, unknown>, overrides: Partial<ProbeContext> = {}) =>
  runProbe('dns', configOf('dns', { resolver: peer.address, ...input }), { ...context, ...overrides });

beforeAll(async () => {
  peer = await startDnsPeer(
    {
      'shop.example': {
        A: ['203.0.113.10', '203.0.113.11'],
        AAAA: ['2001:db8::10'],
        MX: [
          { priority: 10, exchange: 'mx1.mail.example' },
          { priority: 20, exchange: 'mx2.mail.example' },
        ],
        NS: ['ns1.dns.example', 'ns2.dns.example'],
        TXT: ['v=spf1 include:_spf.mail.example ~all', ['google-site-verification=', 'abc123']],
      },
      'www.shop.example': { CNAME: 'shop.cdn.example' },
      '_dmarc.shop.example': { TXT: ['v=DMARC1; p=reject'] },
    },
    { silent: ['slow.example'] },
  );
  outbound = testOutbound();
  context = probeContext(outbound);
});

afterAll(async () => {
  await Promise.all([peer.close(), outbound.close()]);
});

describe('record types', () => {
  it('is up when every expected A record is present', async () => {
    const result = await check({ host: 'shop.example', recordType: 'A', expected: ['203.0.113.11'] });
    expect(result).toMatchObject({ ok: true, message: 'A shop.example: 203.0.113.10, 203.0.113.11', details: { answers: ['203.0.113.10', '203.0.113.11'] } });
    expect(peer.queries).toContain('A shop.example');
  });

  it('is down when an expected value is missing, naming what was found', async () => {
    const result = await check({ host: 'shop.example', recordType: 'A', expected: ['203.0.113.10', '198.51.100.7'] });
    expect(result).toMatchObject({ ok: false, message: 'A shop.example: expected 198.51.100.7, got 203.0.113.10, 203.0.113.11' });
  });

  it('compares IPv6 addresses by value', async () => {
    expect(await check({ host: 'shop.example', recordType: 'AAAA', expected: ['2001:0db8:0:0::10'] })).toMatchObject({ ok: true });
    expect(await check({ host: 'shop.example', recordType: 'AAAA', expected: ['2001:db8::11'] })).toMatchObject({ ok: false });
  });

  it('matches CNAME and NS names without case or trailing dot', async () => {
    expect(await check({ host: 'www.shop.example', recordType: 'CNAME', expected: ['Shop.CDN.example.'] })).toMatchObject({ ok: true });
    expect(await check({ host: 'shop.example', recordType: 'NS', expected: ['ns2.dns.example'] })).toMatchObject({ ok: true });
    expect(await check({ host: 'shop.example', recordType: 'NS', expected: ['ns3.dns.example'] })).toMatchObject({ ok: false });
  });

  it('matches MX by host alone or with its priority', async () => {
    expect(await check({ host: 'shop.example', recordType: 'MX', expected: ['mx1.mail.example'] })).toMatchObject({ ok: true });
    expect(await check({ host: 'shop.example', recordType: 'MX', expected: ['20 mx2.mail.example'] })).toMatchObject({ ok: true });
    expect(await check({ host: 'shop.example', recordType: 'MX', expected: ['10 mx2.mail.example'] })).toMatchObject({ ok: false });
  });

  it('joins TXT records split into strings, and reads underscore names', async () => {
    expect(await check({ host: 'shop.example', recordType: 'TXT', expected: ['google-site-verification=abc123'] })).toMatchObject({ ok: true });
    expect(await check({ host: '_dmarc.shop.example', recordType: 'TXT', expected: ['v=DMARC1; p=reject'] })).toMatchObject({ ok: true });
    expect(await check({ host: '_dmarc.shop.example', recordType: 'TXT', expected: ['v=DMARC1; p=none'] })).toMatchObject({ ok: false });
  });

  it('is up on any answer when nothing is expected, and down on none', async () => {
    expect(await check({ host: 'shop.example', recordType: 'NS' })).toMatchObject({ ok: true });
    expect(await check({ host: 'www.shop.example', recordType: 'MX' })).toMatchObject({ ok: false, message: 'MX www.shop.example: no records of this type (resolver ' + peer.address + ')' });
  });
});

describe('failures', () => {
  it('says NXDOMAIN for a name that does not exist', async () => {
    const result = await check({ host: 'missing.example', recordType: 'A' });
    expect(result).toMatchObject({ ok: false, message: `A missing.example: no such domain (NXDOMAIN) (resolver ${peer.address})` });
  });

  it('times out on a resolver that does not answer', async () => {
    const started = Date.now();
    const result = await check({ host: 'slow.example', recordType: 'A' }, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, message: `A slow.example: no answer within 300 ms (resolver ${peer.address})` });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses a resolver in a private range when private targets are blocked', async () => {
    const result = await check({ host: 'shop.example' }, { blockPrivateTargets: true });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('127.0.0.1 is a private address') });
  });

  it('refuses a resolver that is not an address', async () => {
    const result = await runProbe('dns', { ...configOf('dns', { host: 'shop.example' }), resolver: '999.1.1.1:99999' }, context);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('is not an IP address') });
  });
});

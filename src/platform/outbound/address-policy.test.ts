import { describe, expect, it } from 'vitest';
import { createAddressPolicy, isPrivateAddress } from './address-policy.ts';
import { OutboundError } from './errors.ts';
import { formatIp, parseIp, parseRange, rangeContains } from './ip.ts';

describe('parseIp', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['[fe80::1%eth0]', 'fe80:0:0:0:0:0:0:1'],
    ['::ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:1'],
    ['2001:db8::8a2e:370:7334', '2001:db8:0:0:0:8a2e:370:7334'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('reads %s', (text, expanded) => {
    expect(formatIp(parseIp(text)!)).toBe(expanded);
  });

  it.each(['example.com', '256.1.1.1', '1.2.3', '0x7f.1', '', ':::1'])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('ranges', () => {
  it('matches prefixes that do not end on a byte', () => {
    const cgnat = parseRange('100.64.0.0/10')!;
    expect(rangeContains(cgnat, parseIp('100.127.255.255')!)).toBe(true);
    expect(rangeContains(cgnat, parseIp('100.128.0.0')!)).toBe(false);
    expect(rangeContains(parseRange('fc00::/7')!, parseIp('fdff::1')!)).toBe(true);
    expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
  });

  it('never matches across families', () => {
    expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/8/8', '10.0.0.0/x', 'host/8'])('refuses %j', (text) => {
    expect(parseRange(text)).toBeNull();
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1',
  ])('calls %s private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
    'example.com',
  ])('calls %s public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('createAddressPolicy', () => {
  const blocked = (run: () => void): OutboundError => {
    try {
      run();
    } catch (err) {
      expect(err).toBeInstanceOf(OutboundError);
      return err as OutboundError;
    }
    throw new Error('expected the address to be blocked');
  };

  it('allows everything when blocking is off', () => {
    const policy = createAddressPolicy({ blockPrivateAddresses: false });
    expect(() => policy.assertAllowed('router.lan', '192.168.1.1')).not.toThrow();
  });

  it('blocks private addresses and lets public ones through', () => {
    const policy = createAddressPolicy({ blockPrivateAddresses: true });
    expect(() => policy.assertAllowed('example.com', '93.184.216.34')).not.toThrow();
    const error = blocked(() => policy.assertAllowed('rebind.example', '10.0.0.5'));
    expect(error).toMatchObject({ kind: 'blocked', retryable: false });
    expect(error.message).toContain('rebind.example resolves to 10.0.0.5');
  });

  it('allows listed hosts whatever they resolve to, by name or by wildcard', () => {
    const policy = createAddressPolicy({ blockPrivateAddresses: true, allow: ['Status.LAN', '*.corp.example'] });
    expect(() => policy.assertAllowed('status.lan.', '192.168.1.10')).not.toThrow();
    expect(() => policy.assertAllowed('wiki.corp.example', '10.0.0.8')).not.toThrow();
    expect(() => policy.assertAllowed('a.b.corp.example', '10.0.0.8')).not.toThrow();
    blocked(() => policy.assertAllowed('corp.example', '10.0.0.8'));
    blocked(() => policy.assertAllowed('evilcorp.example', '10.0.0.8'));
  });

  it('allows listed addresses and ranges, including their IPv4-mapped forms', () => {
    const policy = createAddressPolicy({ blockPrivateAddresses: true, allow: ['127.0.0.1', '10.1.0.0/16', 'fd00::/8'] });
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.1.200.3', 'fd00::5']) {
      expect(() => policy.assertAllowed(address, address)).not.toThrow();
    }
    blocked(() => policy.assertAllowed('127.0.0.2', '127.0.0.2'));
    blocked(() => policy.assertAllowed('10.2.0.1', '10.2.0.1'));
  });

  it.each([['10.0.0.0/40'], ['http://host'], ['bad host'], ['*.']])('refuses the allow-list entry %j', (entry) => {
    expect(() => createAddressPolicy({ blockPrivateAddresses: true, allow: [entry] })).toThrow(RangeError);
  });
});

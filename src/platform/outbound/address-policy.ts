import { OutboundError } from './errors.ts';
import { parseIp, parseRange, rangeContains, type IpAddress, type IpRange } from './ip.ts';

/**
 * Which addresses outbound requests may reach. Blocking private addresses is off by default,
 * because self-hosted users monitor their own LAN; a hosted or shared install turns it on so a
 * webhook URL cannot be used to reach the machine itself, the LAN or a cloud metadata service.
 * The check runs on the address a name RESOLVED to, at connect time, so DNS rebinding (a name
 * that was public when saved and private when used) cannot get around it.
 */
const PRIVATE_RANGES: readonly IpRange[] = [
  '0.0.0.0/8', // "this network"; connecting to 0.0.0.0 reaches the local machine
  '10.0.0.0/8', // RFC 1918
  '100.64.0.0/10', // carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, including cloud metadata at 169.254.169.254
  '172.16.0.0/12', // RFC 1918
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16', // RFC 1918
  '198.18.0.0/15', // benchmarking networks
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address
  '::/128', // unspecified
  '::1/128', // loopback
  'fc00::/7', // unique-local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated, still routed by some stacks)
  'ff00::/8', // multicast
].map(range);

/** IPv6 forms that carry an IPv4 address, and where in the 16 bytes it sits. */
const EMBEDDING_RANGES: readonly { range: IpRange; offset: number }[] = [
  { range: range('::ffff:0:0/96'), offset: 12 }, // IPv4-mapped: ::ffff:127.0.0.1
  { range: range('::ffff:0:0:0/96'), offset: 12 }, // IPv4-translated (SIIT)
  { range: range('::/96'), offset: 12 }, // IPv4-compatible (deprecated)
  { range: range('64:ff9b::/96'), offset: 12 }, // NAT64 well-known prefix
  { range: range('2002::/16'), offset: 2 }, // 6to4
];

function range(text: string): IpRange {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`bad built-in range ${text}`);
  return parsed;
}

/** The IPv4 address inside an IPv6 address that carries one, or null. */
export function embeddedIpv4(ip: IpAddress): IpAddress | null {
  if (ip.family !== 6) return null;
  const embedding = EMBEDDING_RANGES.find((candidate) => rangeContains(candidate.range, ip));
  return embedding ? { family: 4, bytes: ip.bytes.slice(embedding.offset, embedding.offset + 4) } : null;
}

/** True for loopback, RFC 1918, link-local, CGNAT, unique-local and similar addresses, in any spelling. */
export function isPrivateAddress(address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  const inner = embeddedIpv4(ip);
  return PRIVATE_RANGES.some((blocked) => rangeContains(blocked, ip) || (inner !== null && rangeContains(blocked, inner)));
}

export interface AddressPolicyOptions {
  blockPrivateAddresses: boolean;
  /**
   * Exceptions to the blocking: host names (`status.lan`, `*.corp.example`) or addresses and
   * CIDR ranges (`127.0.0.1`, `10.1.0.0/16`). A host name is allowed whatever it resolves to.
   */
  allow?: readonly string[];
}

export interface AddressPolicy {
  readonly blocksPrivateAddresses: boolean;
  /** Throws `OutboundError` of kind `blocked` when `hostname`, resolved to `address`, may not be reached. */
  assertAllowed(hostname: string, address: string): void;
}

export function createAddressPolicy(options: AddressPolicyOptions): AddressPolicy {
  const { hosts, suffixes, ranges } = parseAllowList(options.allow ?? []);
  const hostAllowed = (hostname: string): boolean => {
    const name = normalizeHost(hostname);
    return hosts.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
  };
  const addressAllowed = (address: IpAddress): boolean => {
    const inner = embeddedIpv4(address);
    return ranges.some((allowed) => rangeContains(allowed, address) || (inner !== null && rangeContains(allowed, inner)));
  };
  return Object.freeze({
    blocksPrivateAddresses: options.blockPrivateAddresses,
    assertAllowed(hostname: string, address: string): void {
      if (!options.blockPrivateAddresses || !isPrivateAddress(address)) return;
      const ip = parseIp(address);
      if (hostAllowed(hostname) || (ip && addressAllowed(ip))) return;
      throw blockedError(hostname, address);
    },
  });
}

function blockedError(hostname: string, address: string): OutboundError {
  const host = normalizeHost(hostname);
  const what = parseIp(host) ? `${address} is` : `${host} resolves to ${address}, which is`;
  return new OutboundError(
    'blocked',
    `${what} a private address (loopback, LAN, link-local or similar), and private addresses are blocked. ` +
      'Add the host or its network to the outbound allow-list if this is intended.',
    { retryable: false },
  );
}

function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

function parseAllowList(entries: readonly string[]): { hosts: Set<string>; suffixes: string[]; ranges: IpRange[] } {
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const ranges: IpRange[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    const parsed = parseRange(trimmed);
    if (parsed) ranges.push(parsed);
    else if (/^\*\.[a-z0-9.-]+$/i.test(trimmed)) suffixes.push(normalizeHost(trimmed.slice(1)));
    else if (/^[a-z0-9.-]+$/i.test(trimmed)) hosts.add(normalizeHost(trimmed));
    else throw new RangeError(`Outbound allow-list entry "${entry}" is neither a host name nor an address or CIDR range.`);
  }
  return { hosts, suffixes, ranges };
}

import { isIP } from 'node:net';

/**
 * IP addresses as bytes, and CIDR ranges over them. Small on purpose: the address policy needs
 * to look inside IPv6 forms that carry an IPv4 address, which `net.BlockList` cannot do.
 */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly bytes: Uint8Array;
}

export interface IpRange extends IpAddress {
  readonly prefix: number;
}

/** Parses an IPv4 or IPv6 literal (brackets and a zone id such as `%eth0` allowed), or returns null. */
export function parseIp(text: string): IpAddress | null {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = unbracketed.split('%')[0] ?? '';
  const family = isIP(address);
  if (family === 4) return { family, bytes: Uint8Array.from(ipv4Groups(address)) };
  if (family === 6) return { family, bytes: ipv6Bytes(address) };
  return null;
}

/** Parses `10.0.0.0/8`, `fc00::/7`, or a single address (a range of one). */
export function parseRange(text: string): IpRange | null {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const ip = parseIp(address);
  if (!ip || rest.length > 0) return null;
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { ...ip, prefix: Number(prefixText) };
}

export function rangeContains(range: IpRange, ip: IpAddress): boolean {
  if (range.family !== ip.family) return false;
  const whole = Math.floor(range.prefix / 8);
  for (let i = 0; i < whole; i++) if (range.bytes[i] !== ip.bytes[i]) return false;
  const bits = range.prefix % 8;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return ((range.bytes[whole] ?? 0) & mask) === ((ip.bytes[whole] ?? 0) & mask);
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}

function ipv4Groups(address: string): number[] {
  return address.split('.').map(Number);
}

/** Expands a valid IPv6 literal (already checked by `isIP`) to 16 bytes. */
function ipv6Bytes(address: string): Uint8Array {
  const toWords = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = ipv4Groups(group);
          return [(a << 8) | b, (c << 8) | d];
        });
  const gap = address.indexOf('::');
  const head = toWords(gap === -1 ? address : address.slice(0, gap));
  const tail = gap === -1 ? [] : toWords(address.slice(gap + 2));
  const words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  return bytes;
}

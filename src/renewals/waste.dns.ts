import { Resolver } from 'node:dns/promises';
import { parseResolverAddress } from '../monitoring/probes/configs.ts';
import { formatIp, parseIp } from '../platform/outbound/ip.ts';
import type { DnsFacts } from './waste.model.ts';

/**
 * The waste audit's DNS lookups, through resolvers of its own (`UPKEEP_DNS_SERVERS`, or the
 * system's). The answers are kept apart from failures: NXDOMAIN and "no records of this type"
 * (NODATA) are real answers and may become evidence; SERVFAIL, a refusal or a timeout is a
 * failed lookup and gives null, which the rules report as unknown, never as waste.
 */
export interface WasteDns {
  /** Delegation and A/AAAA/MX records of a domain; null when a lookup failed. */
  domain(name: string): Promise<DnsFacts | null>;
  /** The addresses a host name resolves to (A and AAAA), or the address itself; null when unknown. */
  addresses(host: string): Promise<string[] | null>;
}

export interface WasteDnsOptions {
  /** `ip` or `ip:port` (IPv6 in brackets with a port); empty: the system's resolvers. */
  servers: readonly string[];
  /** Per try; two tries, so one lost UDP packet does not make a lookup fail. */
  timeoutMs: number;
}

/** The name does not exist, or exists without records of the asked type: an answer, not a failure. */
const ANSWERED_EMPTY = new Set(['ENOTFOUND', 'ENODATA']);

class LookupFailed extends Error {}

export function createWasteDns(options: WasteDnsOptions): WasteDns {
  const resolver = new Resolver({ timeout: Math.max(100, Math.ceil(options.timeoutMs / 2)), tries: 2 });
  if (options.servers.length > 0) resolver.setServers(options.servers.map(serverAddress));

  /** Answers of one query, [] for NXDOMAIN/NODATA; throws LookupFailed when there was no usable answer. */
  async function ask<T>(query: () => Promise<T[]>): Promise<{ answers: T[]; nxdomain: boolean }> {
    try {
      return { answers: await query(), nxdomain: false };
    } catch (err) {
      const code = (err as { code?: string } | null)?.code ?? '';
      if (ANSWERED_EMPTY.has(code)) return { answers: [], nxdomain: code === 'ENOTFOUND' };
      throw new LookupFailed(code || String(err));
    }
  }

  // Queries of one name go one after another: the audit's concurrency limit then bounds the
  // queries in flight towards the resolver, not only the assets being checked.
  async function domain(name: string): Promise<DnsFacts | null> {
    const host = dnsName(name);
    try {
      const ns = await ask(() => resolver.resolveNs(host));
      // A registered domain always has NS records at its apex once delegated; none means the parent does not delegate it.
      if (ns.answers.length === 0) return { delegated: false, a: [], aaaa: [], mx: [] };
      const a = await ask(() => resolver.resolve4(host));
      const aaaa = await ask(() => resolver.resolve6(host));
      const mx = await ask(() => resolver.resolveMx(host));
      return { delegated: true, a: a.answers.map(canonicalIp), aaaa: aaaa.answers.map(canonicalIp), mx: mx.answers.map((m) => m.exchange.toLowerCase()) };
    } catch (err) {
      if (err instanceof LookupFailed) return null;
      throw err;
    }
  }

  async function addresses(host: string): Promise<string[] | null> {
    const literal = host.trim().replace(/^\[|\]$/g, '');
    if (parseIp(literal)) return [canonicalIp(literal)];
    try {
      const name = dnsName(host);
      const a = await ask(() => resolver.resolve4(name));
      const aaaa = await ask(() => resolver.resolve6(name));
      return [...a.answers, ...aaaa.answers].map(canonicalIp);
    } catch (err) {
      if (err instanceof LookupFailed) return null;
      throw err;
    }
  }

  return { domain, addresses };
}

/** The name as asked: no scheme, path, trailing dot or case; Unicode names in punycode. */
export function dnsName(identifier: string): string {
  const plain = identifier.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/\.$/, '');
  try {
    return new URL(`http://${plain}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return plain;
  }
}

/** One spelling per address, so "2001:db8::1" from DNS and "2001:DB8:0::1" typed by a person compare equal. */
export function canonicalIp(text: string): string {
  const ip = parseIp(text);
  if (!ip) return text.toLowerCase();
  const plain = formatIp(ip);
  // The WHATWG URL parser writes IPv6 in its shortest form (RFC 5952), as people read it.
  return plain.includes(':') ? new URL(`http://[${plain}]/`).hostname.slice(1, -1) : plain;
}

function serverAddress(server: string): string {
  const parsed = parseResolverAddress(server.trim());
  if (!parsed) throw new Error(`DNS server "${server}" is not an IP address with an optional port`);
  return parsed.address.includes(':') ? `[${parsed.address}]:${parsed.port}` : `${parsed.address}:${parsed.port}`;
}

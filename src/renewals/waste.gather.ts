import { createOutbound, type Outbound } from '../platform/outbound/client.ts';
import { OutboundError } from '../platform/outbound/errors.ts';
import { looksParked } from './parked.model.ts';
import { createWasteDns, dnsName, type WasteDns } from './waste.dns.ts';
import type { DnsFacts, PageFacts } from './waste.model.ts';

/**
 * Fact gathering for the waste audit: what a domain's DNS says and what its web address serves,
 * and the addresses of a hosting plan. Anything that could not be learnt is null (unknown).
 */
export interface GatherOptions {
  /** `ip` or `ip:port`; empty: the system's resolvers. */
  dnsServers: readonly string[];
  /** The port pages are fetched from; 80 unless a test points it at a server of its own. */
  httpPort?: number | undefined;
  /** Assets checked at once, and so DNS queries and page fetches in flight at most. */
  concurrency: number;
  /** Per DNS lookup and per page fetch. */
  timeoutMs: number;
  /** Refuse to fetch pages from loopback and private addresses a domain points at. */
  blockPrivateAddresses?: boolean | undefined;
}

export interface DomainFacts {
  dns: DnsFacts | null;
  page: PageFacts | null;
}

export interface WasteGatherer {
  domain(identifier: string): Promise<DomainFacts>;
  /** The addresses of a hosting plan (its identifier is an IP address or a host name). */
  hostingAddresses(identifier: string): Promise<string[] | null>;
  close(): Promise<void>;
}

/** Enough for any parking page; a home page larger than this is a real site anyway. */
const PAGE_BODY_LIMIT = 128 * 1024;

export function createGatherer(options: GatherOptions): WasteGatherer {
  const dns = createWasteDns({ servers: options.dnsServers, timeoutMs: options.timeoutMs });
  const outbound = createOutbound({
    timeoutMs: options.timeoutMs,
    blockPrivateAddresses: options.blockPrivateAddresses ?? false,
    userAgent: 'Upkeep waste audit (+https://upkeep.example/renewals)',
    // Not followed: a redirect's target is evidence enough (a parking service's lander), and
    // following would resolve names through the system's resolvers instead of the audit's.
    maxRedirects: 0,
    maxBodyBytes: PAGE_BODY_LIMIT,
  });
  return {
    domain: (identifier) => domainFacts(dns, outbound, identifier, options.httpPort ?? 80),
    hostingAddresses: (identifier) => dns.addresses(dnsName(identifier)),
    close: () => outbound.close(),
  };
}

async function domainFacts(dns: WasteDns, outbound: Outbound, identifier: string, port: number): Promise<DomainFacts> {
  const name = dnsName(identifier);
  const facts = await dns.domain(name);
  const address = facts?.a[0] ?? facts?.aaaa[0];
  if (!facts || !address) return { dns: facts, page: null };
  return { dns: facts, page: await fetchPage(outbound, name, address, port) };
}

/**
 * GET http://<domain>/ from the address the audit's own lookup gave, with the domain as Host, so
 * the page judged is the one behind the records judged. Null when nothing usable came back.
 */
export async function fetchPage(outbound: Outbound, name: string, address: string, port: number): Promise<PageFacts | null> {
  const host = address.includes(':') ? `[${address}]` : address;
  const portPart = port === 80 ? '' : `:${port}`;
  const url = `http://${host}${portPart}/`;
  try {
    const res = await outbound.request(url, { headers: { host: `${name}${portPart}`, accept: 'text/html,*/*;q=0.5' } });
    const location = res.headers.location;
    const finalUrl = location ? resolveLocation(location, `http://${name}${portPart}/`) : `http://${name}${portPart}/`;
    const verdict = looksParked({ status: res.status, finalUrl, body: res.body, headers: res.headers });
    return { parked: verdict.parked, evidence: verdict.evidence };
  } catch (err) {
    // A home page too large to read is a real site: parking and placeholder pages are small.
    if (err instanceof OutboundError && err.kind === 'too-large') return { parked: false, evidence: [] };
    return null;
  }
}

function resolveLocation(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return base;
  }
}

/**
 * Runs `work` over `items` with at most `limit` at once: a fixed set of runners pulling from a
 * shared index, so a page of thousands of assets never becomes thousands of open lookups.
 */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, runner));
}

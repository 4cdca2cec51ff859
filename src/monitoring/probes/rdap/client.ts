import { domainToASCII } from 'node:url';
import type { Outbound } from '../../../platform/outbound/client.ts';
import { describeError, OutboundError } from '../../../platform/outbound/errors.ts';
import { RdapBootstrap, type BootstrapRefresh } from './bootstrap.ts';
import { parseDomainAnswer, RdapFormatError, type RdapDomainAnswer } from './parse.ts';
import { createRdapPoliteness, parseRetryAfter, type RdapPoliteness, type Turn } from './politeness.ts';

/**
 * Looks domains up over RDAP: finds the registry in the bootstrap, waits for that registry's
 * turn, asks, and sorts the answer into what the domain probe needs to know. Keep ONE client per
 * process (see `sharedRdapClient`) so every check shares the rate limits and back-offs.
 */
export type RdapLookup =
  | { kind: 'found'; source: string; answer: RdapDomainAnswer }
  | { kind: 'not-found'; source: string }
  | { kind: 'unsupported'; tld: string; bootstrapPublication: string | null }
  | { kind: 'throttled'; host: string; retryAfterMs: number }
  | { kind: 'failed'; source: string; message: string };

export interface RdapLookupOptions {
  outbound: Outbound;
  signal: AbortSignal;
  /** The whole lookup, waiting for a turn included. */
  timeoutMs: number;
}

export interface RdapClient {
  readonly bootstrap: RdapBootstrap;
  lookupDomain(domain: string, options: RdapLookupOptions): Promise<RdapLookup>;
  /** Replaces the bootstrap with the one at `url` (IANA's by default config); keeps the old one on failure. Call daily. */
  refreshBootstrap(outbound: Outbound, url: string, signal?: AbortSignal): Promise<BootstrapRefresh>;
}

export interface RdapClientOptions {
  /** Default: the snapshot shipped with Upkeep. Tests pass one pointing at their own RDAP server. */
  bootstrap?: RdapBootstrap;
  politeness?: RdapPoliteness;
  /** Wall clock for Retry-After dates; default Date.now. */
  wallClock?: () => number;
}

export function createRdapClient(options: RdapClientOptions = {}): RdapClient {
  const bootstrap = options.bootstrap ?? RdapBootstrap.fromSnapshot();
  const politeness = options.politeness ?? createRdapPoliteness();
  const wallClock = options.wallClock ?? Date.now;

  async function lookupDomain(domain: string, lookup: RdapLookupOptions): Promise<RdapLookup> {
    const ascii = domainToASCII(domain.toLowerCase().replace(/\.$/, '')) || domain.toLowerCase();
    const service = bootstrap.serviceFor(ascii);
    if (!service) {
      return { kind: 'unsupported', tld: ascii.slice(ascii.lastIndexOf('.') + 1), bootstrapPublication: bootstrap.publication };
    }
    const url = `${service.baseUrl}domain/${encodeURIComponent(ascii)}`;
    const host = new URL(url).host;
    const started = performance.now();
    // At most half the check's time goes to waiting for a turn; the rest is for the request.
    let turn: Turn;
    try {
      turn = await politeness.turn(host, lookup.timeoutMs / 2, lookup.signal);
    } catch {
      return { kind: 'failed', source: url, message: `cancelled while waiting for a turn at ${host}` };
    }
    if (!turn.granted) return { kind: 'throttled', host, retryAfterMs: turn.retryAfterMs };
    const remainingMs = Math.max(1, lookup.timeoutMs - (performance.now() - started));
    try {
      const response = await lookup.outbound.request(url, {
        headers: { accept: 'application/rdap+json, application/json' },
        signal: lookup.signal,
        timeoutMs: remainingMs,
        maxBodyBytes: 1024 * 1024,
      });
      return sortAnswer(response, url, host);
    } catch (err) {
      const message = err instanceof OutboundError ? err.message : describeError(err).detail;
      return { kind: 'failed', source: url, message };
    }
  }

  function sortAnswer(response: { status: number; headers: Readonly<Record<string, string>>; body: string; url: string }, url: string, host: string): RdapLookup {
    const retryAfter = parseRetryAfter(response.headers['retry-after'], wallClock());
    if (response.status === 429 || (response.status === 503 && retryAfter !== null)) {
      return { kind: 'throttled', host, retryAfterMs: politeness.throttled(host, retryAfter) };
    }
    politeness.answered(host);
    if (response.status === 404) return { kind: 'not-found', source: response.url };
    if (response.status !== 200) return { kind: 'failed', source: url, message: `${host} answered HTTP ${response.status}` };
    try {
      return { kind: 'found', source: response.url, answer: parseDomainAnswer(JSON.parse(response.body)) };
    } catch (err) {
      const why = err instanceof RdapFormatError ? err.message : 'the answer is not JSON';
      return { kind: 'failed', source: url, message: `${host} sent an answer that cannot be read: ${why}` };
    }
  }

  return {
    bootstrap,
    lookupDomain,
    refreshBootstrap: (outbound, url, signal) => bootstrap.refresh(outbound, url, signal),
  };
}

let shared: RdapClient | undefined;

/** The process-wide client on the shipped snapshot, used when a probe context brings none. */
export function sharedRdapClient(): RdapClient {
  shared ??= createRdapClient();
  return shared;
}

import type { Outbound } from '../../platform/outbound/client.ts';
import type { MonitorConfigs, MonitorKind } from './configs.ts';
import type { RdapClient } from './rdap/client.ts';

/**
 * One check of one monitor. Every kind (http, tcp, dns, tls, domain) is a probe in its own file
 * behind this interface; the scheduler knows nothing about kinds. A probe never throws for a
 * failed target — that is a result with `ok: false`. It throws only on its own bugs, and the
 * scheduler survives those too (recorded as a failed check with the error's message).
 */
export interface ProbeContext {
  /**
   * Aborted when the worker stops, and possibly at the monitor's timeout. Probes enforce
   * `timeoutMs` themselves; an abort with a `TimeoutError` reason (`AbortSignal.timeout`) or at
   * `timeoutMs` is reported as a timeout, any other abort as a cancelled, inconclusive check.
   */
  signal: AbortSignal;
  timeoutMs: number;
  now: () => Date;
  /** Monitors may not reach private ranges when set; enforced on the resolved address. */
  blockPrivateTargets: boolean;
  /** For probes that speak HTTP (http, domain/RDAP). */
  outbound: Outbound;
  /**
   * Certificates (PEM) trusted INSTEAD of the system's CAs by the http and tls probes: an
   * install's internal CA, or a test's own CA. Unset: the system's trusted CAs.
   */
  ca?: readonly string[];
  /**
   * The RDAP client of the domain probe: bootstrap (which registry answers for a TLD) and
   * per-registry politeness. The engine keeps ONE per process so rate limits and back-offs are
   * shared by all checks, and refreshes its bootstrap daily; tests pass one pointed at a local
   * RDAP server. Unset: a process-wide client on the shipped bootstrap snapshot.
   */
  rdap?: RdapClient;
}

/**
 * Phases of an HTTP check in milliseconds, null when a phase did not happen (no DNS for an IP
 * address, no TLS for plain http). Durations, not offsets, so they stack: `firstByteMs` is the wait
 * from the request being sent to the response headers. Across redirects each phase is the sum over
 * the hops; `totalMs` is the whole check, body included.
 */
export interface HttpTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  totalMs: number;
}

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string; // ISO instant
  validTo: string; // ISO instant
  daysLeft: number;
  altNames: string[];
  hostnameMatches: boolean;
  chainValid: boolean;
  /** Why the chain is not trusted (self-signed, unknown issuer, expired), or null. */
  chainError: string | null;
  selfSigned: boolean;
}

export interface DomainFacts {
  domain: string;
  /** YYYY-MM-DD, or null when the registry does not publish it (`expiryPublished: false`). */
  expiresOn: string | null;
  expiryPublished: boolean;
  daysLeft: number | null;
  registrar: string | null;
  /** RDAP statuses as published, e.g. "client transfer prohibited", "redemption period". */
  statuses: string[];
  /** The RDAP URL the answer came from. */
  source: string;
}

export interface ProbeResult {
  ok: boolean;
  /** One line a person can read: "HTTP 503", "connection refused", "certificate expires in 2 days". */
  message: string;
  responseMs: number | null;
  statusCode?: number;
  timings?: HttpTimings;
  certificate?: CertificateFacts;
  domain?: DomainFacts;
  /** DNS answers, TCP address dialled, and so on: shown on the result, not interpreted. */
  details?: Record<string, unknown>;
  /** True when a warning threshold is crossed but the check still counts as up (a certificate expiring soon). */
  warning?: boolean;
  /**
   * True when the probe could not reach a verdict for reasons on OUR side of the exchange — a
   * registry throttling RDAP lookups — so the monitor's state should not change (`ok` is false).
   */
  inconclusive?: boolean;
  /** With `inconclusive`: when trying again can help, in milliseconds from now. */
  retryAfterMs?: number;
}

export interface Probe<K extends Exclude<MonitorKind, 'heartbeat'> = Exclude<MonitorKind, 'heartbeat'>> {
  kind: K;
  check(config: MonitorConfigs[K], context: ProbeContext): Promise<ProbeResult>;
}

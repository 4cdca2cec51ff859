import type { Outbound } from '../../platform/outbound/client.ts';
import type { MonitorConfigs, MonitorKind } from './configs.ts';

/**
 * One check of one monitor. Every kind (http, tcp, dns, tls, domain) is a probe in its own file
 * behind this interface; the scheduler knows nothing about kinds. A probe never throws for a
 * failed target — that is a result with `ok: false`. It throws only on its own bugs, and the
 * scheduler survives those too (recorded as a failed check with the error's message).
 */
export interface ProbeContext {
  /** Aborted at the monitor's timeout or when the worker stops. */
  signal: AbortSignal;
  timeoutMs: number;
  now: () => Date;
  /** Monitors may not reach private ranges when set; enforced on the resolved address. */
  blockPrivateTargets: boolean;
  /** For probes that speak HTTP (http, domain/RDAP). */
  outbound: Outbound;
}

/** Phases of an HTTP check in milliseconds, null when a phase did not happen (a reused connection, plain http). */
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
}

export interface Probe<K extends Exclude<MonitorKind, 'heartbeat'> = Exclude<MonitorKind, 'heartbeat'>> {
  kind: K;
  check(config: MonitorConfigs[K], context: ProbeContext): Promise<ProbeResult>;
}

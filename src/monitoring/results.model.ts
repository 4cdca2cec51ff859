import type { CertificateFacts, DomainFacts, HttpTimings, ProbeResult } from './probes/probe.ts';

/**
 * A check result as shown to people, and its compact stored form. Raw results are the largest
 * data Upkeep keeps (one row per check), so the row leaves out what can be rebuilt: a message
 * that only repeats the status code, a total time that is the response time.
 */
export interface CheckResultView {
  checkedAt: string;
  location: string;
  ok: boolean;
  responseMs: number | null;
  statusCode: number | null;
  message: string;
  timings: HttpTimings | null;
  certificate: CertificateFacts | null;
  domain: DomainFacts | null;
  details: Record<string, unknown> | null;
  warning: boolean;
}

export interface StoredResult {
  at_ms: number;
  location: string;
  ok: number;
  response_ms: number | null;
  status_code: number | null;
  message: string | null;
  details: string | null;
}

interface CompactDetails {
  t?: [number | null, number | null, number | null, number | null];
  c?: CertificateFacts;
  d?: DomainFacts;
  x?: Record<string, unknown>;
  w?: 1;
}

/** The message a result rebuilds when none is stored: what probes say for a plain answer. */
function defaultMessage(ok: boolean, statusCode: number | null, responseMs: number | null): string {
  if (statusCode !== null) return responseMs !== null ? `HTTP ${statusCode} in ${responseMs} ms` : `HTTP ${statusCode}`;
  return ok ? 'OK' : 'Failed';
}

const MAX_MESSAGE = 500;

export function toStoredResult(result: ProbeResult, at: number, location: string): StoredResult {
  const statusCode = result.statusCode ?? null;
  const message = result.message.length > MAX_MESSAGE ? `${result.message.slice(0, MAX_MESSAGE - 1)}…` : result.message;
  const compact: CompactDetails = {};
  if (result.timings) compact.t = [result.timings.dnsMs, result.timings.connectMs, result.timings.tlsMs, result.timings.firstByteMs];
  if (result.certificate) compact.c = result.certificate;
  if (result.domain) compact.d = result.domain;
  if (result.details && Object.keys(result.details).length > 0) compact.x = result.details;
  if (result.warning) compact.w = 1;
  const responseMs = result.responseMs === null ? null : Math.round(result.responseMs);
  return {
    at_ms: at,
    location,
    ok: result.ok ? 1 : 0,
    response_ms: responseMs,
    status_code: statusCode,
    message: message === defaultMessage(result.ok, statusCode, responseMs) ? null : message,
    details: Object.keys(compact).length > 0 ? JSON.stringify(compact) : null,
  };
}

export function toResultView(row: StoredResult): CheckResultView {
  const ok = row.ok === 1;
  const compact = row.details ? (JSON.parse(row.details) as CompactDetails) : {};
  const t = compact.t;
  return {
    checkedAt: new Date(Number(row.at_ms)).toISOString(),
    location: row.location,
    ok,
    responseMs: row.response_ms,
    statusCode: row.status_code,
    message: row.message ?? defaultMessage(ok, row.status_code, row.response_ms),
    timings: t ? { dnsMs: t[0], connectMs: t[1], tlsMs: t[2], firstByteMs: t[3], totalMs: row.response_ms ?? 0 } : null,
    certificate: compact.c ?? null,
    domain: compact.d ?? null,
    details: compact.x ?? null,
    warning: compact.w === 1,
  };
}

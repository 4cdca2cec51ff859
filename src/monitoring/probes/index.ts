import type { MonitorConfigs, MonitorKind } from './configs.ts';
import { dnsProbe } from './dns.ts';
import { domainProbe } from './domain.ts';
import { httpProbe } from './http.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { tcpProbe } from './tcp.ts';
import { tlsProbe } from './tls.ts';

/**
 * Every probe by kind. Heartbeats have none: their pings arrive over HTTP and are judged by time.
 * The scheduler calls `runProbe`, which never throws.
 */
export type ProbeKind = Exclude<MonitorKind, 'heartbeat'>;

export const PROBES: { readonly [K in ProbeKind]: Probe<K> } = Object.freeze({
  http: httpProbe,
  tcp: tcpProbe,
  dns: dnsProbe,
  tls: tlsProbe,
  domain: domainProbe,
});

export function isProbeKind(kind: string): kind is ProbeKind {
  return Object.hasOwn(PROBES, kind);
}

/**
 * Runs one check. A probe reports a failed target as `ok: false`; should it throw anyway (a bug,
 * a config that skipped validation), the error becomes a failed result with its message, so one
 * bad monitor never stops the scheduler.
 */
export async function runProbe<K extends ProbeKind>(kind: K, config: MonitorConfigs[K], context: ProbeContext): Promise<ProbeResult> {
  try {
    const probe = PROBES[kind] as Probe<K> | undefined;
    if (!probe) return { ok: false, message: `no probe for monitors of kind "${String(kind)}"`, responseMs: null };
    return await probe.check(config, context);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `the ${String(kind)} check failed unexpectedly: ${message}`, responseMs: null };
  }
}

export type { Probe, ProbeContext, ProbeResult } from './probe.ts';
export { createRdapClient, sharedRdapClient, type RdapClient, type RdapLookup } from './rdap/client.ts';
export { RdapBootstrap } from './rdap/bootstrap.ts';
export { createRdapPoliteness, type RdapPoliteness } from './rdap/politeness.ts';

import { performance } from 'node:perf_hooks';
import { parse as parseHost } from 'tldts';
import type { DomainConfig } from './configs.ts';
import { daysUntil, judgeDomain } from './domain-verdict.ts';
import type { DomainFacts, Probe, ProbeContext, ProbeResult } from './probe.ts';
import { sharedRdapClient, type RdapLookup } from './rdap/client.ts';
import { elapsedSince, sharedByManyChecks } from './targets.ts';

/**
 * A domain's registration, from its registry over RDAP: expiry, registrar and statuses. The
 * monitored name is reduced to the registrable domain (www.shop.example.co.uk → example.co.uk).
 * Domains are checked rarely (every few hours); registries' rate limits are respected through
 * the shared RDAP client, and a throttled lookup is reported as inconclusive, not as down.
 */
export const domainProbe: Probe<'domain'> = {
  kind: 'domain',
  async check(config, context) {
    const domain = registrableDomain(config.domain);
    if (typeof domain !== 'string') return { ok: false, message: domain.error, responseMs: null };
    const rdap = context.rdap ?? sharedRdapClient();
    sharedByManyChecks(context.signal);
    const start = performance.now();
    const lookup = await rdap.lookupDomain(domain, { outbound: context.outbound, signal: context.signal, timeoutMs: context.timeoutMs });
    return resultOf(lookup, domain, config, context, elapsedSince(start));
  },
};

export function registrableDomain(name: string): string | { error: string } {
  const parsed = parseHost(name.trim().replace(/\.$/, ''), { allowPrivateDomains: false });
  if (parsed.isIp) return { error: `${name} is an IP address, not a domain name` };
  if (!parsed.domain) return { error: `${name} is not a registrable domain name (it is a public suffix or not a name)` };
  return parsed.domain;
}

function resultOf(lookup: RdapLookup, domain: string, config: DomainConfig, context: ProbeContext, responseMs: number): ProbeResult {
  switch (lookup.kind) {
    case 'unsupported': {
      const publication = lookup.bootstrapPublication ? ` (published ${lookup.bootstrapPublication.slice(0, 10)})` : '';
      return {
        ok: false,
        message: `.${lookup.tld} has no RDAP service in the IANA bootstrap${publication}, so its registration cannot be checked`,
        responseMs: null,
      };
    }
    case 'throttled':
      return {
        ok: false,
        inconclusive: true,
        retryAfterMs: lookup.retryAfterMs,
        message: `${lookup.host} is limiting RDAP lookups; next try in ${Math.ceil(lookup.retryAfterMs / 1000)} s`,
        responseMs: null,
      };
    case 'failed':
      // A registry's outage says nothing about the registration: no verdict, try again later.
      return { ok: false, inconclusive: true, message: `RDAP lookup failed: ${lookup.message}`, responseMs: null, details: { source: lookup.source } };
    case 'not-found':
      return {
        ok: false,
        message: `${domain} is not registered (not found at ${new URL(lookup.source).host})`,
        responseMs,
        details: { source: lookup.source },
      };
    case 'found':
      return foundResult(lookup, domain, config, context.now(), responseMs);
  }
}

function foundResult(lookup: Extract<RdapLookup, { kind: 'found' }>, domain: string, config: DomainConfig, now: Date, responseMs: number): ProbeResult {
  const { answer } = lookup;
  const facts: DomainFacts = {
    domain,
    expiresOn: answer.expiresOn,
    expiryPublished: answer.expiresOn !== null,
    daysLeft: answer.expiresOn === null ? null : daysUntil(answer.expiresOn, now),
    registrar: answer.registrar,
    statuses: answer.statuses,
    source: lookup.source,
  };
  const verdict = judgeDomain(facts, new URL(lookup.source).host, config.warnDays, config.downDays);
  return { ok: verdict.ok, message: verdict.message, responseMs, domain: facts, ...(verdict.warning ? { warning: true } : {}) };
}

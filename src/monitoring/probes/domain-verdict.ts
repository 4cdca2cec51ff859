import type { DomainFacts } from './probe.ts';

/**
 * When a domain's registration counts as down: it has lapsed or is about to (within `downDays`),
 * or the registry reports a state in which the domain no longer works (held, in redemption,
 * pending deletion). A registry that does not publish the expiry leaves that part unjudged — the
 * result says so and names the registry, and never guesses a date.
 */
const DAY_MS = 86_400_000;

/** RDAP statuses (RFC 8056 names) in which the domain has stopped working or is being deleted. */
const DOWN_STATUSES: Record<string, string> = {
  'redemption period': 'is in its redemption period (it has expired and will be deleted unless restored)',
  'pending delete': 'is pending deletion',
  'pending restore': 'is being restored after expiry',
  'client hold': 'is on hold by the registrar (client hold): it does not resolve',
  'server hold': 'is on hold by the registry (server hold): it does not resolve',
};

export interface DomainVerdict {
  ok: boolean;
  warning: boolean;
  message: string;
}

/** Whole days from `now`'s UTC date to a YYYY-MM-DD date (negative once it has passed). */
export function daysUntil(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
}

export function judgeDomain(facts: DomainFacts, registryHost: string, warnDays: number, downDays: number): DomainVerdict {
  const states = facts.statuses.map((status) => status.toLowerCase()).filter((status) => DOWN_STATUSES[status]);
  if (states.length > 0) {
    return { ok: false, warning: false, message: `${facts.domain} ${states.map((status) => DOWN_STATUSES[status]).join('; ')}` };
  }
  const by = facts.registrar ? ` (registrar ${facts.registrar})` : '';
  if (!facts.expiryPublished || facts.expiresOn === null || facts.daysLeft === null) {
    return { ok: true, warning: false, message: `${facts.domain} is registered${by}; expiry not published by ${registryHost}` };
  }
  const days = facts.daysLeft;
  if (days < 0) return { ok: false, warning: false, message: `${facts.domain} registration expired on ${facts.expiresOn}${by}` };
  const inDays = days === 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`;
  if (days <= downDays) return { ok: false, warning: false, message: `${facts.domain} registration expires ${inDays} (${facts.expiresOn})${by}` };
  if (days <= warnDays) return { ok: true, warning: true, message: `${facts.domain} registration expires ${inDays} (${facts.expiresOn})${by}` };
  return { ok: true, warning: false, message: `${facts.domain} registered until ${facts.expiresOn} (${days} days)${by}` };
}

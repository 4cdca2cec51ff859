import { businessMinutesBetween, nextBusinessDayDue, type Measure, type SlaClock, type ClockPause } from './clock.model.ts';
import type { Severity, SlaPlan, SlaTarget } from './plan.model.ts';

/**
 * A ticket's two SLA clocks under its plan: first response and resolution. Both count from the
 * ticket's creation in the severity's measure and stand still while the ticket waits on the client.
 * Calling this again after a severity change is the recomputation: the new severity's targets,
 * counted from creation (see `retarget` in clock.model.ts for the rule).
 */
export interface TicketSlaFacts {
  severity: Severity;
  createdAt: string;
  /** Stretches the clocks stood still (waiting on the client, resolved until reopened): see clockFactsOf. */
  pauses: readonly ClockPause[];
  /** The first public staff reply (see firstResponseAt); null until there is one. */
  firstRespondedAt: string | null;
  /** When the ticket was resolved, if it is now; null while it is not (see clockFactsOf). */
  resolvedAt: string | null;
}

export interface TicketClocks {
  firstResponse: SlaClock;
  /** Null when the severity has no resolution target (work queue, best effort). */
  resolution: SlaClock | null;
}

/** The measure a severity's targets are counted in. */
export function measureFor(plan: SlaPlan, severity: Severity): Measure {
  return plan.severities[severity].measure === 'business' ? plan.supportHours : 'around-the-clock';
}

/**
 * A target as minutes of counting time for a ticket created at `createdAt`. "Next business day"
 * becomes the business minutes from creation to that day's close, so it pauses and warns like any other.
 */
export function targetMinutes(plan: SlaPlan, severity: Severity, target: SlaTarget, createdAt: Date): number {
  if (target.kind === 'minutes') return target.minutes;
  return businessMinutesBetween(plan.supportHours, createdAt, nextBusinessDayDue(plan.supportHours, createdAt));
}

export function ticketClocks(plan: SlaPlan, facts: TicketSlaFacts): TicketClocks {
  const terms = plan.severities[facts.severity];
  const measure = measureFor(plan, facts.severity);
  const createdAt = new Date(facts.createdAt);
  const clock = (target: SlaTarget, stoppedAt: string | null): SlaClock => ({
    startedAt: facts.createdAt,
    targetMinutes: targetMinutes(plan, facts.severity, target, createdAt),
    measure,
    pauses: facts.pauses,
    stoppedAt,
  });
  return {
    firstResponse: clock(terms.firstResponse, facts.firstRespondedAt),
    resolution: terms.resolution ? clock(terms.resolution, facts.resolvedAt) : null,
  };
}

/** One entry of a ticket's thread, as far as the first response cares. */
export interface ThreadEntry {
  at: string;
  author: 'staff' | 'client' | 'system';
  /** Internal notes are never seen by the client, so they answer nothing. */
  visibility: 'public' | 'internal';
}

/**
 * When the first response was given: the earliest public reply written by staff. The automatic
 * acknowledgement (system) and internal notes do not count; a client's own follow-ups do not either.
 */
export function firstResponseAt(thread: readonly ThreadEntry[]): string | null {
  let first: string | null = null;
  for (const entry of thread) {
    if (entry.author !== 'staff' || entry.visibility !== 'public') continue;
    if (first === null || Date.parse(entry.at) < Date.parse(first)) first = entry.at;
  }
  return first;
}

/** A status change of a ticket, oldest first. */
export interface StatusChange {
  at: string;
  status: 'new' | 'open' | 'waiting-on-client' | 'resolved' | 'closed' | 'reopened';
}

/** Statuses in which no SLA clock runs: the ball is with the client, or the work is (for now) done. */
const STANDING: ReadonlySet<StatusChange['status']> = new Set(['waiting-on-client', 'resolved', 'closed']);
const DONE: ReadonlySet<StatusChange['status']> = new Set(['resolved', 'closed']);

/** The standing stretches of `changes` as pauses; one still standing at the end runs to `endAt` (null: open). */
function standingPauses(changes: readonly StatusChange[], endAt: string | null): ClockPause[] {
  const pauses: ClockPause[] = [];
  let since: string | null = null;
  for (const change of changes) {
    if (STANDING.has(change.status)) since ??= change.at;
    else if (since !== null) {
      pauses.push({ pausedAt: since, resumedAt: change.at });
      since = null;
    }
  }
  if (since !== null) pauses.push({ pausedAt: since, resumedAt: endAt });
  return pauses;
}

/**
 * The clock facts of a status history (oldest first): the pauses — waiting on the client, and a
 * resolution the client later reopened (the clock stood still while the ticket was resolved and
 * runs on from the reopening, rather than starting again) — and when the ticket was resolved, if it
 * is resolved or closed now. A ticket left waiting on the client has its last pause open.
 */
export function clockFactsOf(history: readonly StatusChange[]): { pauses: ClockPause[]; resolvedAt: string | null } {
  let doneFrom = history.length;
  while (doneFrom > 0 && DONE.has(history[doneFrom - 1]!.status)) doneFrom--;
  if (doneFrom === history.length) return { pauses: standingPauses(history, null), resolvedAt: null };
  const resolvedAt = history[doneFrom]!.at;
  return { pauses: standingPauses(history.slice(0, doneFrom), resolvedAt), resolvedAt };
}

import type { ClockStatus } from './clock.model.ts';
import { SEVERITIES, type Severity } from './plan.model.ts';

/**
 * The ticket side of the monthly SLA report: per severity, the share of tickets that met their
 * response and resolution targets, and median times. Pure over a list of ticket outcomes that the
 * service gathers (normally the tickets created in the month).
 */

/** How one target of one ticket turned out. */
export type TargetOutcome =
  /** Met at or before its due instant. */
  | 'met'
  /** Met late, or still unmet past its due instant. */
  | 'missed'
  /** Still unmet and not yet due: not counted either way. */
  | 'pending'
  /** No target applies (work queue, best effort). */
  | 'none';

export interface TicketOutcome {
  severity: Severity;
  firstResponse: TargetOutcome;
  resolution: TargetOutcome;
  /** Counting minutes (the SLA clock's measure, pauses left out) to the first response; null without one. */
  minutesToFirstResponse: number | null;
  /** Counting minutes to resolution; null while unresolved. */
  minutesToResolve: number | null;
}

/** A clock's outcome, for a ticket's report line; null clock: no target. */
export function outcomeOf(status: ClockStatus | null): TargetOutcome {
  if (status === null) return 'none';
  if (status.breached) return 'missed';
  return status.met ? 'met' : 'pending';
}

export interface TargetStats {
  /** Tickets whose target is decided (met or missed). */
  counted: number;
  met: number;
  /** met / counted × 100 to one decimal; null when nothing was counted. */
  percentMet: number | null;
}

export interface SeverityStats {
  tickets: number;
  firstResponse: TargetStats;
  resolution: TargetStats;
  medianMinutesToFirstResponse: number | null;
  medianMinutesToResolve: number | null;
}

/** The middle value, or the mean of the two middle values of an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function targetStats(outcomes: readonly TargetOutcome[]): TargetStats {
  const met = outcomes.filter((o) => o === 'met').length;
  const counted = met + outcomes.filter((o) => o === 'missed').length;
  return { counted, met, percentMet: counted === 0 ? null : Math.round((met / counted) * 1000) / 10 };
}

function severityStats(tickets: readonly TicketOutcome[]): SeverityStats {
  const times = (pick: (t: TicketOutcome) => number | null) => tickets.map(pick).filter((m): m is number => m !== null);
  return {
    tickets: tickets.length,
    firstResponse: targetStats(tickets.map((t) => t.firstResponse)),
    resolution: targetStats(tickets.map((t) => t.resolution)),
    medianMinutesToFirstResponse: median(times((t) => t.minutesToFirstResponse)),
    medianMinutesToResolve: median(times((t) => t.minutesToResolve)),
  };
}

/** Stats per severity (every severity present, empty ones with zero tickets) and over all tickets. */
export function ticketStats(tickets: readonly TicketOutcome[]): { bySeverity: Record<Severity, SeverityStats>; all: SeverityStats } {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, severityStats(tickets.filter((t) => t.severity === s))])) as Record<Severity, SeverityStats>;
  return { bySeverity, all: severityStats(tickets) };
}

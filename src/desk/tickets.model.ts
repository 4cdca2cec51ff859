import { DateTime } from 'luxon';
import type { Acknowledgement } from './acknowledgement.model.ts';
import type { BusinessCalendar } from './calendar.model.ts';
import { clockStatus, type ClockStatus, type SlaClock } from './clock.model.ts';
import type { Severity, SeverityTerms, SlaPlan, SlaTarget } from './plan.model.ts';
import { clockFactsOf, ticketClocks, type StatusChange } from './ticket-clocks.model.ts';
import { STATUS_MOVES, type TicketStatus } from './ticket-status.model.ts';

/**
 * Tickets as pure rules: the statuses and the moves between them, the SLA snapshot a ticket is
 * opened under, where its two clocks stand at an instant, and the wording of the acknowledgement.
 * No I/O: the service feeds these the stored ticket and its status history.
 */
export { TICKET_STATUSES, type TicketStatus } from './ticket-status.model.ts';
export const TICKET_SOURCES = ['portal', 'staff', 'api', 'incident'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** Null when `from → to` is allowed; otherwise the reason, for a 409. */
export function transitionProblem(from: TicketStatus, to: TicketStatus, by: 'staff' | 'client'): string | null {
  if (by === 'client' && to !== 'closed' && to !== 'reopened') {
    return `A client can only close or reopen a ticket, not set it to ${to}.`;
  }
  if (STATUS_MOVES[from].includes(to)) return null;
  const allowed = STATUS_MOVES[from].join(', ');
  return `A ${from} ticket cannot become ${to}: from ${from} it can become ${allowed}.`;
}

/** The statuses a ticket moves through by itself as the conversation goes on. */
export function statusAfterMessage(status: TicketStatus, by: 'staff' | 'client', visibility: 'public' | 'internal'): TicketStatus | null {
  if (visibility !== 'public') return null;
  // The client answered what they were asked: the ball is back with the agency, the clocks run on.
  if (by === 'client' && status === 'waiting') return 'open';
  // Someone at the agency replied to a new ticket: it is being worked on.
  if (by === 'staff' && status === 'new') return 'open';
  return null;
}

/** The SLA a ticket was opened under, kept with the ticket so editing the plan later moves no target. */
export interface TicketSla {
  planId: string;
  severities: Record<Severity, SeverityTerms>;
  supportHours: BusinessCalendar;
}

export function planOfSnapshot(sla: TicketSla): SlaPlan {
  return { name: '', scope: { included: '', excluded: '' }, severities: sla.severities, supportHours: sla.supportHours, channels: [], uptimeGuarantee: null };
}

/** A ticket's status history as the clock model reads it (it names waiting in full). */
export function statusChanges(history: readonly { at: string; status: TicketStatus }[]): StatusChange[] {
  return history.map((h) => ({ at: h.at, status: h.status === 'waiting' ? 'waiting-on-client' : h.status }));
}

export interface ClockView extends ClockStatus {
  target: SlaTarget;
  targetMinutes: number;
  /** When the target was met: the first response, or the resolution; null while it runs. */
  metAt: string | null;
  /** As recorded by the breach watch (or when the target was met late); kept after a severity change. */
  warningRecordedAt: string | null;
  breachRecordedAt: string | null;
}

export interface TicketClocksView {
  firstResponse: ClockView;
  /** Null when the severity has no resolution target. */
  resolution: ClockView | null;
}

export interface ClockInputs {
  sla: TicketSla;
  severity: Severity;
  createdAt: string;
  firstResponseAt: string | null;
  history: readonly { at: string; status: TicketStatus }[];
}

export interface Recorded {
  firstResponse: { warnedAt: string | null; breachedAt: string | null };
  resolution: { warnedAt: string | null; breachedAt: string | null };
}

const NOTHING_RECORDED: Recorded = { firstResponse: { warnedAt: null, breachedAt: null }, resolution: { warnedAt: null, breachedAt: null } };

function viewOf(clock: SlaClock, target: SlaTarget, now: Date, recorded: Recorded['firstResponse']): ClockView {
  const status = clockStatus(clock, now);
  return { ...status, target, targetMinutes: clock.targetMinutes, metAt: status.met ? clock.stoppedAt : null, warningRecordedAt: recorded.warnedAt, breachRecordedAt: recorded.breachedAt };
}

/** Where the ticket's clocks stand at `now`, from its snapshot, severity and history. */
export function ticketClocksAt(input: ClockInputs, now: Date, recorded: Recorded = NOTHING_RECORDED): TicketClocksView {
  const facts = clockFactsOf(statusChanges(input.history));
  const clocks = ticketClocks(planOfSnapshot(input.sla), { severity: input.severity, createdAt: input.createdAt, pauses: facts.pauses, firstRespondedAt: input.firstResponseAt, resolvedAt: facts.resolvedAt });
  const terms = input.sla.severities[input.severity];
  return {
    firstResponse: viewOf(clocks.firstResponse, terms.firstResponse, now, recorded.firstResponse),
    resolution: clocks.resolution && terms.resolution ? viewOf(clocks.resolution, terms.resolution, now, recorded.resolution) : null,
  };
}

/** The instants stored on the ticket row for the watch and the lists: null once met. */
export interface StoredDue {
  firstResponseDueAt: string | null;
  firstResponseWarningAt: string | null;
  resolutionDueAt: string | null;
  resolutionWarningAt: string | null;
  nextDueAt: string | null;
}

export function storedDue(clocks: TicketClocksView): StoredDue {
  const running = (c: ClockView | null) => (c && !c.met ? c : null);
  const fr = running(clocks.firstResponse);
  const res = running(clocks.resolution);
  const dues = [fr?.dueAt, res?.dueAt].filter((d): d is string => typeof d === 'string').sort();
  return {
    firstResponseDueAt: fr?.dueAt ?? null,
    firstResponseWarningAt: fr?.warningAt ?? null,
    resolutionDueAt: res?.dueAt ?? null,
    resolutionWarningAt: res?.warningAt ?? null,
    nextDueAt: dues[0] ?? null,
  };
}

/** What is true now and not yet recorded: the 75 % warning and the breach, at the instants they happened. */
export function newlyPassed(clocks: TicketClocksView, recorded: Recorded, now: Date): Recorded {
  const passed = (c: ClockView | null, r: Recorded['firstResponse']) => {
    if (!c) return { warnedAt: null, breachedAt: null };
    const warned = c.warningAt !== null && Date.parse(c.warningAt) <= now.getTime() && (!c.met || Date.parse(c.warningAt) < Date.parse(c.metAt!));
    return { warnedAt: r.warnedAt === null && warned ? c.warningAt : null, breachedAt: r.breachedAt === null && c.breached ? c.breachedAt : null };
  };
  return { firstResponse: passed(clocks.firstResponse, recorded.firstResponse), resolution: passed(clocks.resolution, recorded.resolution) };
}

// The acknowledgement, in English; a later step localises it and sends it.

const when = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).setLocale('en').toFormat("ccc d LLL yyyy 'at' HH:mm");

export function acknowledgementText(title: string, ack: Acknowledgement): string {
  const zone = ack.timeZone;
  const lines = [`We have received your ticket "${title}" (severity ${ack.severity}).`];
  if (ack.measure === 'around-the-clock') lines.push('Work on it starts now: this severity is handled around the clock.');
  else if (ack.withinSupportHours) lines.push('It arrived within our support hours, so work on it starts now.');
  else lines.push(`It arrived outside our support hours; work on it starts ${when(ack.workStartsAt, zone)}.`);
  lines.push(`First response by ${when(ack.firstResponse.dueAt, zone)}.`);
  if (ack.resolution) lines.push(`Resolution target: ${when(ack.resolution.dueAt, zone)}.`);
  else lines.push(ack.noResolutionTarget === 'best-effort' ? 'There is no resolution deadline for this severity: we resolve it on a best-effort basis.' : 'There is no resolution deadline for this severity: it joins our work queue.');
  lines.push(`Times are in ${zone}.`);
  return lines.join('\n');
}

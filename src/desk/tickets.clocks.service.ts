import type { Kysely } from 'kysely';
import { publishEvents, type NewEvent, type Severity as EventSeverity } from '../notifications/events.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import type { Severity } from './plan.model.ts';
import { WARNING_SHARE } from './clock.model.ts';
import { clockFactsOf } from './ticket-clocks.model.ts';
import { newlyPassed, statusChanges, storedDue, ticketClocksAt, type ClockView, type TicketClocksView, type TicketStatus } from './tickets.model.ts';
import * as store from './tickets.store.ts';

/**
 * A ticket's clocks from what is stored: its SLA snapshot, severity, first response and status
 * history. Every change of a ticket ends with `refreshClocks` in its transaction, so the due and
 * warning instants on the row (which the watch and the lists use) never lag behind the history.
 */
export function statusHistory(events: readonly store.TicketEvent[]): { at: string; status: TicketStatus }[] {
  return events.filter((e) => e.kind === 'status' && e.to !== null).map((e) => ({ at: e.at, status: e.to as TicketStatus }));
}

export function clocksOf(ticket: store.TicketRecord, events: readonly store.TicketEvent[], now: Date): TicketClocksView {
  const input = { sla: ticket.sla, severity: ticket.severity, createdAt: ticket.createdAt, firstResponseAt: ticket.firstResponseAt, history: statusHistory(events) };
  return ticketClocksAt(input, now, ticket.recorded);
}

type Column = 'first_response_warned_at' | 'first_response_breached_at' | 'resolution_warned_at' | 'resolution_breached_at';

export interface RecordedPassing {
  ticketId: string;
  clock: 'first-response' | 'resolution';
  kind: 'warning' | 'breach';
  at: string;
}

/** The ticket's page, for staff and the client's portal alike: what notifications link to. */
export function ticketUrl(deps: Deps, ticketId: string): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/desk/tickets/${ticketId}`;
}

/**
 * Records what has passed and is not yet recorded (each once), and publishes it in the same
 * transaction, so each warning and breach is told once whoever records it: the watch, or a change
 * that moved a target into the past (a severity raised, a first response given late). Returns what
 * this call recorded.
 */
export async function recordPassed(deps: Deps, db: Kysely<Schema>, ticket: store.TicketRecord, clocks: TicketClocksView, now: Date): Promise<RecordedPassing[]> {
  const ticketId = ticket.id;
  const passed = newlyPassed(clocks, ticket.recorded, now);
  const candidates: [Column, RecordedPassing['clock'], RecordedPassing['kind'], string | null][] = [
    ['first_response_warned_at', 'first-response', 'warning', passed.firstResponse.warnedAt],
    ['first_response_breached_at', 'first-response', 'breach', passed.firstResponse.breachedAt],
    ['resolution_warned_at', 'resolution', 'warning', passed.resolution.warnedAt],
    ['resolution_breached_at', 'resolution', 'breach', passed.resolution.breachedAt],
  ];
  const done: RecordedPassing[] = [];
  for (const [column, clock, kind, at] of candidates) {
    if (at !== null && (await store.recordOnce(db, ticketId, column, at))) done.push({ ticketId, clock, kind, at });
  }
  const events = done.flatMap((p) => passingEvent(ticket, clocks, done, p, ticketUrl(deps, ticketId)));
  if (events.length > 0) await publishEvents(db, events, now);
  return done;
}

/**
 * A breach has the ticket's severity, so a critical or high one reaches the owners and admins by the
 * default route (and a critical one passes quiet hours: critical tickets are handled around the clock);
 * a warning is one step milder. Its subject `ticket:<id>:<clock>` is what acknowledging stops the
 * escalation of. A warning is not told when its clock is met already (the answer came before the watch
 * saw 75 %) or breached in the same step (a watch that was not running records both at once, and the
 * breach says it all).
 */
const BREACH_SEVERITY: Record<Severity, EventSeverity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };
const WARNING_SEVERITY: Record<Severity, EventSeverity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low' };
// The warning stands for the share it is given at, whenever the watch noticed it.
const WARNING_PERCENT = WARNING_SHARE * 100;

function passingEvent(ticket: store.TicketRecord, clocks: TicketClocksView, all: readonly RecordedPassing[], p: RecordedPassing, url: string): NewEvent[] {
  const view: ClockView | null = p.clock === 'first-response' ? clocks.firstResponse : clocks.resolution;
  const common = { clientId: ticket.clientId, projectId: null, assetId: null, groupKey: null };
  const facts = { ticketId: ticket.id, title: ticket.title, severity: ticket.severity, clientName: ticket.clientName, clock: p.clock, assigneeId: ticket.assigneeId, url };
  if (p.kind === 'breach') {
    const event: NewEvent<'ticket.sla-breached'> = { ...common, type: 'ticket.sla-breached', severity: BREACH_SEVERITY[ticket.severity], subjectKey: `ticket:${ticket.id}:${p.clock}`, data: { ...facts, dueAt: p.at } };
    return [event];
  }
  const breachedToo = all.some((o) => o.clock === p.clock && o.kind === 'breach');
  if (!view || view.met || breachedToo || !view.dueAt) return [];
  const event: NewEvent<'ticket.sla-warning'> = { ...common, type: 'ticket.sla-warning', severity: WARNING_SEVERITY[ticket.severity], subjectKey: `ticket:${ticket.id}:${p.clock}:warning`, data: { ...facts, dueAt: view.dueAt, percentUsed: WARNING_PERCENT } };
  return [event];
}

/**
 * Recompute and store the ticket's clocks after a change (inside its transaction), with the
 * resolution and closing instants that follow from the history. Returns the clocks now.
 */
export async function refreshClocks(deps: Deps, trx: Kysely<Schema>, ticketId: string, now: Date): Promise<TicketClocksView> {
  const ticket = await store.findTicket(trx, ticketId);
  if (!ticket) throw new Error(`Ticket ${ticketId} vanished inside its own change`);
  const events = await store.eventsOf(trx, ticketId);
  const clocks = clocksOf(ticket, events, now);
  const history = statusHistory(events);
  const last = history[history.length - 1];
  await store.updateTicket(trx, ticketId, {
    ...store.dueColumns(storedDue(clocks)),
    resolved_at: clockFactsOf(statusChanges(history)).resolvedAt,
    closed_at: last?.status === 'closed' ? last.at : null,
  });
  await recordPassed(deps, trx, ticket, clocks, now);
  return clocks;
}

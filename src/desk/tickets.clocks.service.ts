import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { clockFactsOf } from './ticket-clocks.model.ts';
import { newlyPassed, statusChanges, storedDue, ticketClocksAt, type Recorded, type TicketClocksView, type TicketStatus } from './tickets.model.ts';
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

/** Records what has passed and is not yet recorded (each once); returns what this call recorded. */
export async function recordPassed(db: Kysely<Schema>, ticketId: string, clocks: TicketClocksView, recorded: Recorded, now: Date): Promise<RecordedPassing[]> {
  const passed = newlyPassed(clocks, recorded, now);
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
  return done;
}

/**
 * Recompute and store the ticket's clocks after a change (inside its transaction), with the
 * resolution and closing instants that follow from the history. Returns the clocks now.
 */
export async function refreshClocks(trx: Kysely<Schema>, ticketId: string, now: Date): Promise<TicketClocksView> {
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
  await recordPassed(trx, ticketId, clocks, ticket.recorded, now);
  return clocks;
}

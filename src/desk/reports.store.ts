import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { BusinessCalendar } from './calendar.model.ts';
import type { SlaPlanTerms } from './plans.store.ts';
import type { Severity } from './plan.model.ts';
import type { TicketSla, TicketStatus } from './tickets.model.ts';

type Q = Kysely<Schema>;

/**
 * The reads of the monthly reports, each over many clients at once: a month's report for one
 * client and the overview of every client cost the same handful of queries. Long id lists go in
 * chunks, well inside SQLite's and PostgreSQL's limits on bound parameters.
 */
const CHUNK = 1000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ClientPlan {
  planId: string;
  planName: string;
  clientId: string;
  clientName: string;
  clientLocale: string;
  terms: SlaPlanTerms;
  timeZone: string;
  createdAt: string;
}

/** Every client's plan with its support hours' zone, by client name; or one client's. */
export async function clientPlans(db: Q, clientId?: string): Promise<ClientPlan[]> {
  let query = db
    .selectFrom('sla_plans as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .innerJoin('business_calendars as b', 'b.id', 'p.calendar_id')
    .select(['p.id', 'p.name', 'p.client_id', 'p.definition', 'p.created_at', 'c.name as client_name', 'c.locale', 'b.definition as calendar']);
  if (clientId !== undefined) query = query.where('p.client_id', '=', clientId);
  const rows = await query.orderBy('c.name').orderBy('c.id').execute();
  return rows.map((r) => ({
    planId: r.id,
    planName: r.name,
    clientId: r.client_id!,
    clientName: r.client_name,
    clientLocale: r.locale,
    terms: JSON.parse(r.definition) as SlaPlanTerms,
    timeZone: (JSON.parse(r.calendar) as BusinessCalendar).timeZone,
    createdAt: r.created_at,
  }));
}

export interface MonthTicket {
  id: string;
  clientId: string;
  severity: Severity;
  sla: TicketSla;
  createdAt: string;
  firstResponseAt: string | null;
}

/** Tickets of these clients opened in [from, to). */
export async function ticketsOpened(db: Q, clientIds: readonly string[], from: Date, to: Date): Promise<MonthTicket[]> {
  const out: MonthTicket[] = [];
  // Tickets opened under the same plan share one snapshot of its terms: parsed once, kept once.
  const snapshots = new Map<string, TicketSla>();
  for (const part of chunks(clientIds)) {
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'client_id', 'severity', 'plan_id', 'sla_terms', 'created_at', 'first_response_at'])
      .where('client_id', 'in', part)
      .where('created_at', '>=', from.toISOString())
      .where('created_at', '<', to.toISOString())
      .execute();
    for (const r of rows) {
      const key = `${r.plan_id}\n${r.sla_terms}`;
      let sla = snapshots.get(key);
      if (!sla) snapshots.set(key, (sla = { planId: r.plan_id, ...(JSON.parse(r.sla_terms) as Omit<TicketSla, 'planId'>) }));
      out.push({ id: r.id, clientId: r.client_id, severity: r.severity as Severity, sla, createdAt: r.created_at, firstResponseAt: r.first_response_at });
    }
  }
  return out;
}

/** The status history of each ticket, oldest first: what its clocks are counted from. */
export async function statusHistories(db: Q, ticketIds: readonly string[]): Promise<Map<string, { at: string; status: TicketStatus }[]>> {
  const out = new Map<string, { at: string; status: TicketStatus }[]>(ticketIds.map((id) => [id, []]));
  for (const part of chunks(ticketIds)) {
    const rows = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'to_value', 'at'])
      .where('ticket_id', 'in', part)
      .where('kind', '=', 'status')
      .where('to_value', 'is not', null)
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) out.get(r.ticket_id)?.push({ at: r.at, status: r.to_value as TicketStatus });
  }
  return out;
}

/** The ticket opened for each of these incidents that has one, by incident id (one at most: incident_id is unique). */
export async function ticketsOfIncidents(db: Q, incidentIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(incidentIds)) {
    const rows = await db.selectFrom('tickets').select(['id', 'incident_id']).where('incident_id', 'in', part).execute();
    for (const r of rows) if (r.incident_id !== null) out.set(r.incident_id, r.id);
  }
  return out;
}

/** True when the report-ready event of this subject was published already (a job run again after a crash). */
export async function reportAnnounced(db: Q, subjectKey: string): Promise<boolean> {
  const row = await db.selectFrom('events').select('id').where('type', '=', 'sla.report-ready').where('subject_key', '=', subjectKey).executeTakeFirst();
  return row !== undefined;
}

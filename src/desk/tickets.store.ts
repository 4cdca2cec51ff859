import { sql, type Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, RowPatch, Schema } from '../platform/db/schema.ts';
import type { Severity } from './plan.model.ts';
import type { Recorded, StoredDue, TicketSla, TicketSource, TicketStatus } from './tickets.model.ts';

type Q = Kysely<Schema>;

/** Tickets, their thread and their history, as the desk reads and writes them. */
export interface TicketRecord {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  severity: Severity;
  status: TicketStatus;
  assigneeId: string | null;
  source: TicketSource;
  incidentId: string | null;
  createdBy: string | null;
  sla: TicketSla;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  recorded: Recorded;
  /** The nearest due instant of a running clock, as stored: what lists sort by. */
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  fileName: string;
  size: number;
  contentType: string;
  checksum: string;
}

export interface TicketMessage {
  id: string;
  ticketId: string;
  authorKind: 'staff' | 'client' | 'system';
  authorId: string | null;
  body: string;
  visibility: 'public' | 'internal';
  attachments: Attachment[];
  createdAt: string;
}

export interface TicketEvent {
  id: string;
  kind: 'status' | 'severity' | 'assignee';
  from: string | null;
  to: string | null;
  actorId: string | null;
  at: string;
}

type TicketRow = Row<'tickets'> & { client_name: string };

function toTicket(r: TicketRow): TicketRecord {
  const sla = JSON.parse(r.sla_terms) as Omit<TicketSla, 'planId'>;
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    title: r.title,
    severity: r.severity as Severity,
    status: r.status as TicketStatus,
    assigneeId: r.assignee_id,
    source: r.source as TicketSource,
    incidentId: r.incident_id,
    createdBy: r.created_by,
    sla: { planId: r.plan_id, severities: sla.severities, supportHours: sla.supportHours },
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    recorded: {
      firstResponse: { warnedAt: r.first_response_warned_at, breachedAt: r.first_response_breached_at },
      resolution: { warnedAt: r.resolution_warned_at, breachedAt: r.resolution_breached_at },
    },
    nextDueAt: r.next_due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function selectTickets(db: Q) {
  return db.selectFrom('tickets as t').innerJoin('clients as c', 'c.id', 't.client_id').selectAll('t').select('c.name as client_name');
}

export async function findTicket(db: Q, id: string): Promise<TicketRecord | null> {
  const row = await selectTickets(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toTicket(row) : null;
}

export async function findTicketOfIncident(db: Q, incidentId: string): Promise<TicketRecord | null> {
  const row = await selectTickets(db).where('t.incident_id', '=', incidentId).executeTakeFirst();
  return row ? toTicket(row) : null;
}

export interface TicketFilter {
  status?: TicketStatus | undefined;
  severity?: Severity | undefined;
  clientId?: string | undefined;
  /** A user id, or 'none' for unassigned tickets. */
  assignee?: string | undefined;
  /** Only tickets with a breach, recorded or running past due at `now`. */
  breached?: boolean | undefined;
  now: string;
  cursor?: Cursor | undefined;
  limit: number;
}

/** Nearest due first (tickets with no running clock last), then id. */
export async function listTickets(db: Q, f: TicketFilter): Promise<TicketRecord[]> {
  let query = selectTickets(db);
  if (f.status) query = query.where('t.status', '=', f.status);
  if (f.severity) query = query.where('t.severity', '=', f.severity);
  if (f.clientId) query = query.where('t.client_id', '=', f.clientId);
  if (f.assignee === 'none') query = query.where('t.assignee_id', 'is', null);
  else if (f.assignee) query = query.where('t.assignee_id', '=', f.assignee);
  if (f.breached) query = query.where(breachedNow(f.now));
  if (f.cursor) query = query.where(afterCursor('t.next_due_at', 'asc', f.cursor));
  const rows = await query.orderBy(sql`t.next_due_at is null`).orderBy('t.next_due_at').orderBy('t.id').limit(f.limit + 1).execute();
  return rows.map(toTicket);
}

function breachedNow(now: string) {
  return sql<boolean>`(t.first_response_breached_at is not null or t.resolution_breached_at is not null or t.first_response_due_at <= ${now} or t.resolution_due_at <= ${now})`;
}

export interface TicketCounts {
  open: number;
  atRisk: number;
  breached: number;
}

/** Tickets not resolved or closed: how many, how many past 75 % of a target, how many past one. */
export async function openCounts(db: Q, now: string, confinedTo: string | undefined): Promise<TicketCounts> {
  const breached = sql`(t.first_response_breached_at is not null or t.resolution_breached_at is not null or t.first_response_due_at <= ${now} or t.resolution_due_at <= ${now})`;
  const warned = sql`(t.first_response_warning_at <= ${now} or t.resolution_warning_at <= ${now})`;
  let query = db
    .selectFrom('tickets as t')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('open'),
      eb.fn.sum<string | number | null>(sql`case when ${breached} then 0 when ${warned} then 1 else 0 end`).as('at_risk'),
      eb.fn.sum<string | number | null>(sql`case when ${breached} then 1 else 0 end`).as('breached'),
    ])
    .where('t.status', 'not in', ['resolved', 'closed']);
  if (confinedTo) query = query.where('t.client_id', '=', confinedTo);
  const row = await query.executeTakeFirstOrThrow();
  return { open: Number(row.open), atRisk: Number(row.at_risk ?? 0), breached: Number(row.breached ?? 0) };
}

/** Tickets with a warning or breach that has come and is not yet recorded; a page at a time. */
export async function ticketsToWatch(db: Q, now: string, afterId: string | null, limit: number): Promise<string[]> {
  let query = db
    .selectFrom('tickets')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('first_response_warning_at', '<=', now), eb('first_response_warned_at', 'is', null)]),
        eb.and([eb('first_response_due_at', '<=', now), eb('first_response_breached_at', 'is', null)]),
        eb.and([eb('resolution_warning_at', '<=', now), eb('resolution_warned_at', 'is', null)]),
        eb.and([eb('resolution_due_at', '<=', now), eb('resolution_breached_at', 'is', null)]),
      ]),
    );
  if (afterId) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export function dueColumns(d: StoredDue): RowPatch<'tickets'> {
  return {
    first_response_due_at: d.firstResponseDueAt,
    first_response_warning_at: d.firstResponseWarningAt,
    resolution_due_at: d.resolutionDueAt,
    resolution_warning_at: d.resolutionWarningAt,
    next_due_at: d.nextDueAt,
  };
}

export async function insertTicket(db: Q, row: NewRow<'tickets'>): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function updateTicket(db: Q, id: string, patch: RowPatch<'tickets'>): Promise<void> {
  await db.updateTable('tickets').set(patch).where('id', '=', id).execute();
}

/** Records a warning or breach once: only where nothing is recorded yet. True when this call recorded it. */
export async function recordOnce(db: Q, id: string, column: 'first_response_warned_at' | 'first_response_breached_at' | 'resolution_warned_at' | 'resolution_breached_at', at: string): Promise<boolean> {
  const result = await db.updateTable('tickets').set({ [column]: at }).where('id', '=', id).where(column, 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Thread and history.

function toMessage(r: Row<'ticket_messages'>): TicketMessage {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    authorKind: r.author_kind as TicketMessage['authorKind'],
    authorId: r.author_id,
    body: r.body,
    visibility: r.visibility as TicketMessage['visibility'],
    attachments: JSON.parse(r.attachments) as Attachment[],
    createdAt: r.created_at,
  };
}

export async function insertMessage(db: Q, m: TicketMessage): Promise<void> {
  await db
    .insertInto('ticket_messages')
    .values({ id: m.id, ticket_id: m.ticketId, author_kind: m.authorKind, author_id: m.authorId, body: m.body, visibility: m.visibility, attachments: JSON.stringify(m.attachments), created_at: m.createdAt })
    .execute();
}

/** A ticket's thread, oldest first; bounded (a thread past the limit shows its first part). */
export async function messagesOf(db: Q, ticketId: string, publicOnly: boolean, limit = 1000): Promise<TicketMessage[]> {
  let query = db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', ticketId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map(toMessage);
}

export async function insertEvent(db: Q, ticketId: string, e: TicketEvent): Promise<void> {
  await db.insertInto('ticket_events').values({ id: e.id, ticket_id: ticketId, kind: e.kind, from_value: e.from, to_value: e.to, actor_id: e.actorId, at: e.at }).execute();
}

/** Oldest first; the status events are what the clocks are recomputed from. */
export async function eventsOf(db: Q, ticketId: string): Promise<TicketEvent[]> {
  const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').limit(5000).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as TicketEvent['kind'], from: r.from_value, to: r.to_value, actorId: r.actor_id, at: r.at }));
}

/** The events of a page of tickets at once, oldest first within each. */
export async function eventsOfTickets(db: Q, ticketIds: readonly string[]): Promise<Map<string, TicketEvent[]>> {
  const out = new Map<string, TicketEvent[]>(ticketIds.map((id) => [id, []]));
  if (ticketIds.length === 0) return out;
  const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', 'in', [...ticketIds]).orderBy('at').orderBy('id').execute();
  for (const r of rows) out.get(r.ticket_id)?.push({ id: r.id, kind: r.kind as TicketEvent['kind'], from: r.from_value, to: r.to_value, actorId: r.actor_id, at: r.at });
  return out;
}

/** A staff member who can be assigned: not a client-portal user, not disabled. */
export async function findStaffUser(db: Q, id: string): Promise<{ id: string; name: string } | null> {
  const row = await db.selectFrom('users').select(['id', 'name']).where('id', '=', id).where('role', '!=', 'client').where('disabled_at', 'is', null).executeTakeFirst();
  return row ?? null;
}

/** Whoever wrote a message, staff or a client's portal user, by name; null when there is no such user. */
export async function userName(db: Q, id: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

import { sql, type Kysely } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';

type Q = Kysely<Schema>;

export interface Incident {
  id: string;
  monitorId: string;
  monitorName: string;
  clientId: string | null;
  projectId: string | null;
  parentIncidentId: string | null;
  state: 'open' | 'resolved';
  flapping: boolean;
  inMaintenance: boolean;
  cause: string;
  rootCause: string | null;
  startedAt: string;
  confirmedAt: string;
  notifiedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  updatedAt: string;
}

export interface IncidentUpdate {
  id: string;
  kind: string;
  message: string;
  public: boolean;
  byUserId: string | null;
  at: string;
}

type IncidentRow = Row<'incidents'> & { monitor_name: string };

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    monitorName: row.monitor_name,
    clientId: row.client_id,
    projectId: row.project_id,
    parentIncidentId: row.parent_incident_id,
    state: row.state as Incident['state'],
    flapping: row.flapping === 1,
    inMaintenance: row.in_maintenance === 1,
    cause: row.cause,
    rootCause: row.root_cause,
    startedAt: row.started_at,
    confirmedAt: row.confirmed_at,
    notifiedAt: row.notified_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    updatedAt: row.updated_at,
  };
}

function withMonitorName(db: Q) {
  return db.selectFrom('incidents').innerJoin('monitors', 'monitors.id', 'incidents.monitor_id').selectAll('incidents').select('monitors.name as monitor_name');
}

export async function findIncident(db: Q, id: string): Promise<Incident | null> {
  const row = await withMonitorName(db).where('incidents.id', '=', id).executeTakeFirst();
  return row ? toIncident(row) : null;
}

export interface IncidentFilter {
  state?: 'open' | 'resolved' | undefined;
  clientId?: string | undefined;
  monitorId?: string | undefined;
  /** Client-portal users: only incidents that belong to a client, this one. */
  confinedTo?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** Newest first by start, one more row than the page to tell whether more follow. */
export async function listIncidents(db: Q, f: IncidentFilter): Promise<Incident[]> {
  let query = withMonitorName(db);
  if (f.state) query = query.where('incidents.state', '=', f.state);
  if (f.clientId) query = query.where('incidents.client_id', '=', f.clientId);
  if (f.confinedTo) query = query.where('incidents.client_id', '=', f.confinedTo);
  if (f.monitorId) query = query.where('incidents.monitor_id', '=', f.monitorId);
  if (f.cursor) {
    const { value, id } = f.cursor;
    query = query.where(sql<boolean>`(incidents.started_at < ${value} or (incidents.started_at = ${value} and incidents.id < ${id}))`);
  }
  const rows = await query.orderBy('incidents.started_at', 'desc').orderBy('incidents.id', 'desc').limit(f.limit + 1).execute();
  return rows.map(toIncident);
}

export async function childrenOf(db: Q, id: string): Promise<Incident[]> {
  const rows = await withMonitorName(db).where('incidents.parent_incident_id', '=', id).orderBy('incidents.started_at').limit(500).execute();
  return rows.map(toIncident);
}

export async function updatesOf(db: Q, incidentId: string, publicOnly: boolean): Promise<IncidentUpdate[]> {
  let query = db.selectFrom('incident_updates').selectAll().where('incident_id', '=', incidentId);
  if (publicOnly) query = query.where('public', '=', 1);
  const rows = await query.orderBy('at').orderBy('id').limit(1000).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, message: r.message, public: r.public === 1, byUserId: r.by_user_id, at: r.at }));
}

export async function insertUpdate(db: Q, row: NewRow<'incident_updates'>): Promise<void> {
  await db.insertInto('incident_updates').values(row).execute();
}

export async function setIncidentFields(db: Q, id: string, fields: { acknowledged_at?: string; acknowledged_by?: string | null; root_cause?: string | null; updated_at: string }): Promise<void> {
  await db.updateTable('incidents').set(fields).where('id', '=', id).execute();
}

export interface OpenCounts {
  open: number;
  unacknowledged: number;
  inMaintenance: number;
  byClient: { clientId: string | null; open: number }[];
}

export async function openCounts(db: Q, confinedTo: string | undefined): Promise<OpenCounts> {
  let query = db
    .selectFrom('incidents')
    .select(['client_id'])
    .select((eb) => [
      eb.fn.countAll<string | number>().as('open'),
      eb.fn.sum<string | number | null>(sql`case when acknowledged_at is null then 1 else 0 end`).as('unacknowledged'),
      eb.fn.sum<string | number | null>('in_maintenance').as('in_maintenance'),
    ])
    .where('state', '=', 'open');
  if (confinedTo) query = query.where('client_id', '=', confinedTo);
  const rows = await query.groupBy('client_id').execute();
  const total = (pick: (r: (typeof rows)[number]) => string | number | null) => rows.reduce((sum, r) => sum + Number(pick(r) ?? 0), 0);
  return {
    open: total((r) => r.open),
    unacknowledged: total((r) => r.unacknowledged),
    inMaintenance: total((r) => r.in_maintenance),
    byClient: rows.map((r) => ({ clientId: r.client_id, open: Number(r.open) })).sort((a, b) => b.open - a.open),
  };
}

/** Incidents of some monitors that started after `since`, newest first: a status page's history. */
export async function recentIncidentsOf(db: Q, monitorIds: readonly string[], since: string, limit: number): Promise<Incident[]> {
  if (monitorIds.length === 0) return [];
  const rows = await withMonitorName(db)
    .where('incidents.monitor_id', 'in', [...monitorIds])
    .where('incidents.started_at', '>=', since)
    .orderBy('incidents.started_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIncident);
}

/** Public updates of many incidents at once, oldest first within each. */
export async function publicUpdatesOf(db: Q, incidentIds: readonly string[]): Promise<Map<string, IncidentUpdate[]>> {
  const out = new Map<string, IncidentUpdate[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return out;
  const rows = await db.selectFrom('incident_updates').selectAll().where('incident_id', 'in', [...incidentIds]).where('public', '=', 1).orderBy('at').orderBy('id').execute();
  for (const r of rows) out.get(r.incident_id)?.push({ id: r.id, kind: r.kind, message: r.message, public: true, byUserId: r.by_user_id, at: r.at });
  return out;
}

export interface ClientIncident {
  id: string;
  clientId: string;
  monitorName: string;
  startedAt: string;
  resolvedAt: string | null;
  cause: string;
}

/** Incidents of these clients that overlap [from, to), oldest first. */
export async function clientIncidentsOverlapping(db: Q, clientIds: readonly string[], from: Date, to: Date): Promise<ClientIncident[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .select(['i.id', 'i.client_id', 'i.started_at', 'i.resolved_at', 'i.cause', 'm.name as monitor_name'])
    .where('i.client_id', 'in', [...clientIds])
    .where('i.started_at', '<', to.toISOString())
    .where((eb) => eb.or([eb('i.resolved_at', 'is', null), eb('i.resolved_at', '>', from.toISOString())]))
    .orderBy('i.started_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ id: r.id, clientId: r.client_id!, monitorName: r.monitor_name, startedAt: r.started_at, resolvedAt: r.resolved_at, cause: r.cause }));
}

import { sql, type Kysely } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, RowPatch, Schema } from '../platform/db/schema.ts';
import type { MaintenanceScope, Recurrence } from './maintenance.model.ts';
import { parseRecurrence } from './maintenance.model.ts';

type Q = Kysely<Schema>;

export interface MaintenanceWindowRecord {
  id: string;
  title: string;
  scopeType: MaintenanceScope;
  scopeId: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toWindow(row: Row<'maintenance_windows'>): MaintenanceWindowRecord {
  return {
    id: row.id,
    title: row.title,
    scopeType: row.scope_type as MaintenanceScope,
    scopeId: row.scope_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    recurrence: parseRecurrence(row.recurrence),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findWindow(db: Q, id: string): Promise<MaintenanceWindowRecord | null> {
  const row = await db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWindow(row) : null;
}

/** The client a window's scope belongs to, or null when the scope is gone or belongs to none. */
export async function clientOfScope(db: Q, scopeType: MaintenanceScope, scopeId: string): Promise<string | null | undefined> {
  const one = async (table: 'monitors' | 'assets' | 'projects') => {
    const row = await db.selectFrom(table).select('client_id').where('id', '=', scopeId).executeTakeFirst();
    return row === undefined ? undefined : row.client_id;
  };
  switch (scopeType) {
    case 'client':
      return (await db.selectFrom('clients').select('id').where('id', '=', scopeId).executeTakeFirst())?.id;
    case 'project':
      return one('projects');
    case 'asset':
      return one('assets');
    case 'monitor':
      return one('monitors');
  }
}

export interface WindowFilter {
  scopeType?: MaintenanceScope | undefined;
  scopeId?: string | undefined;
  when?: 'current' | 'upcoming' | 'past' | undefined;
  /** Client-portal users: windows over this client's things only. */
  confinedTo?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listWindows(db: Q, f: WindowFilter, now: string): Promise<MaintenanceWindowRecord[]> {
  let query = db.selectFrom('maintenance_windows').selectAll();
  if (f.scopeType) query = query.where('scope_type', '=', f.scopeType);
  if (f.scopeId) query = query.where('scope_id', '=', f.scopeId);
  if (f.when === 'current') query = query.where('starts_at', '<=', now).where('ends_at', '>', now);
  if (f.when === 'upcoming') query = query.where('starts_at', '>', now);
  if (f.when === 'past') query = query.where('ends_at', '<=', now);
  if (f.confinedTo) {
    const client = f.confinedTo;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('scope_type', '=', 'client'), eb('scope_id', '=', client)]),
        eb.and([eb('scope_type', '=', 'project'), eb('scope_id', 'in', eb.selectFrom('projects').select('id').where('client_id', '=', client))]),
        eb.and([eb('scope_type', '=', 'asset'), eb('scope_id', 'in', eb.selectFrom('assets').select('id').where('client_id', '=', client))]),
        eb.and([eb('scope_type', '=', 'monitor'), eb('scope_id', 'in', eb.selectFrom('monitors').select('id').where('client_id', '=', client))]),
      ]),
    );
  }
  if (f.cursor) {
    const { value, id } = f.cursor;
    query = query.where(sql<boolean>`(starts_at < ${value} or (starts_at = ${value} and id < ${id}))`);
  }
  const rows = await query.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
  return rows.map(toWindow);
}

export async function insertWindow(db: Q, row: NewRow<'maintenance_windows'>): Promise<void> {
  await db.insertInto('maintenance_windows').values(row).execute();
}

export async function updateWindow(db: Q, id: string, patch: RowPatch<'maintenance_windows'>): Promise<void> {
  await db.updateTable('maintenance_windows').set(patch).where('id', '=', id).execute();
}

export async function deleteWindow(db: Q, id: string): Promise<void> {
  await db.deleteFrom('maintenance_windows').where('id', '=', id).execute();
}

import { sql, type Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, RowPatch, Schema } from '../platform/db/schema.ts';
import type { MonitorKind } from './probes/configs.ts';

type Q = Kysely<Schema>;
export type MonitorRow = Row<'monitors'>;

export interface MonitorFilter {
  q?: string | undefined;
  kinds?: MonitorKind[] | undefined;
  /** pending, up, down (and not paused), or paused. */
  states?: string[] | undefined;
  clientId?: string | undefined;
  projectId?: string | undefined;
  assetId?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function findMonitorRow(db: Q, id: string): Promise<MonitorRow | null> {
  return (await db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findMonitorRows(db: Q, ids: readonly string[]): Promise<MonitorRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('monitors').selectAll().where('id', 'in', [...ids]).execute();
}

export async function findMonitorByPingHash(db: Q, hash: string): Promise<MonitorRow | null> {
  return (await db.selectFrom('monitors').selectAll().where('ping_key_hash', '=', hash).where('kind', '=', 'heartbeat').executeTakeFirst()) ?? null;
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page (plus one row) of monitors by name. */
export async function listMonitorRows(db: Q, f: MonitorFilter): Promise<MonitorRow[]> {
  let query = db.selectFrom('monitors').selectAll();
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.projectId) query = query.where('project_id', '=', f.projectId);
  if (f.assetId) query = query.where('asset_id', '=', f.assetId);
  if (f.kinds?.length) query = query.where('kind', 'in', f.kinds);
  if (f.states?.length) {
    const stored = f.states.filter((s) => s !== 'paused');
    const paused = f.states.includes('paused');
    query = query.where((eb) =>
      eb.or([
        ...(stored.length > 0 ? [eb.and([eb('state', 'in', stored), eb('paused_at', 'is', null)])] : []),
        ...(paused ? [eb('paused_at', 'is not', null)] : []),
      ]),
    );
  }
  const q = f.q?.trim().toLowerCase();
  if (q) query = query.where(sql<boolean>`lower(name) like ${`%${likeEscaped(q)}%`} escape '\\'`);
  if (f.cursor) query = query.where(afterCursor('monitors.name', 'asc', f.cursor));
  return query.orderBy('name').orderBy('id').limit(f.limit + 1).execute();
}

export async function insertMonitor(db: Q, row: NewRow<'monitors'>): Promise<void> {
  await db.insertInto('monitors').values(row).execute();
}

export async function updateMonitor(db: Q, id: string, patch: RowPatch<'monitors'>): Promise<void> {
  await db.updateTable('monitors').set(patch).where('id', '=', id).execute();
}

export async function deleteMonitor(db: Q, id: string): Promise<void> {
  await db.deleteFrom('monitors').where('id', '=', id).execute();
}

/** Monitors that depend on `id`, directly or through others: a parent may not be one of them. */
export async function dependentIds(db: Q, id: string): Promise<Set<string>> {
  const found = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0 && found.size < 10_000) {
    const children = await db.selectFrom('monitors').select('id').where('parent_id', 'in', frontier).execute();
    frontier = children.map((c) => c.id).filter((c) => !found.has(c));
    for (const c of frontier) found.add(c);
  }
  return found;
}

/** The monitors of an asset, to tell which suggestions exist already. */
export async function monitorsOfAsset(db: Q, assetId: string): Promise<MonitorRow[]> {
  return db.selectFrom('monitors').selectAll().where('asset_id', '=', assetId).orderBy('name').limit(200).execute();
}

export async function insertPing(db: Q, row: NewRow<'heartbeat_pings'>): Promise<void> {
  await db.insertInto('heartbeat_pings').values(row).execute();
}

/**
 * Read-only, for other capabilities (the waste audit): whether each monitor linked to the given
 * assets is up now. A paused monitor is not up: nobody is watching the site it checks.
 */
export async function monitorStatesOfAssets(db: Q, assetIds: readonly string[]): Promise<Map<string, { up: boolean }[]>> {
  const byAsset = new Map<string, { up: boolean }[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db.selectFrom('monitors').select(['asset_id', 'state', 'paused_at']).where('asset_id', 'in', [...assetIds]).execute();
  for (const row of rows) {
    if (row.asset_id === null) continue;
    const list = byAsset.get(row.asset_id) ?? [];
    list.push({ up: row.state === 'up' && row.paused_at === null });
    byAsset.set(row.asset_id, list);
  }
  return byAsset;
}

/** A monitor's own client and asset, or null for an unknown monitor. */
export async function ownerOfMonitor(db: Q, id: string): Promise<{ clientId: string | null; assetId: string | null } | null> {
  const row = await db.selectFrom('monitors').select(['client_id', 'asset_id']).where('id', '=', id).executeTakeFirst();
  return row ? { clientId: row.client_id, assetId: row.asset_id } : null;
}

export interface ClientMonitor {
  id: string;
  clientId: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  assetId: string | null;
  projectId: string | null;
}

/** The monitors of these clients that are of one of these kinds, with what they hang off. */
export async function clientMonitorsOfKinds(db: Q, clientIds: readonly string[], kinds: readonly string[]): Promise<ClientMonitor[]> {
  if (clientIds.length === 0 || kinds.length === 0) return [];
  const rows = await db
    .selectFrom('monitors')
    .select(['id', 'client_id', 'name', 'kind', 'config', 'asset_id', 'project_id'])
    .where('client_id', 'in', [...clientIds])
    .where('kind', 'in', [...kinds])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id!,
    name: r.name,
    kind: r.kind,
    config: JSON.parse(r.config) as Record<string, unknown>,
    assetId: r.asset_id,
    projectId: r.project_id,
  }));
}

/** When the client's first monitor was set up, or null. */
export async function firstMonitorCreatedAt(db: Q, clientId: string): Promise<string | null> {
  const row = await db.selectFrom('monitors').select((eb) => eb.fn.min('created_at').as('first')).where('client_id', '=', clientId).executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}

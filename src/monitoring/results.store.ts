import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { parseRecurrence, type MaintenanceScope, type MaintenanceWindow, type MonitorScopes } from './maintenance.model.ts';
import type { StoredResult } from './results.model.ts';
import type { ResponseSummary } from './rollups.model.ts';
import type { ObservedState, StateInterval } from './uptime.model.ts';

/** Reads of results, rollups, state intervals and maintenance windows, for uptime and charts. */
type Db = Kysely<Schema>;

export async function monitorScopes(db: Db, monitorIds: readonly string[]): Promise<MonitorScopes[]> {
  if (monitorIds.length === 0) return [];
  const rows = await db.selectFrom('monitors').select(['id', 'asset_id', 'project_id', 'client_id']).where('id', 'in', monitorIds).execute();
  return rows.map((r) => ({ monitorId: r.id, assetId: r.asset_id, projectId: r.project_id, clientId: r.client_id }));
}

/** Every window that covers one of these monitors (by the monitor, its asset, project or client). */
export async function maintenanceWindowsFor(db: Db, scopes: readonly MonitorScopes[]): Promise<MaintenanceWindow[]> {
  const ids = (pick: (s: MonitorScopes) => string | null) => [...new Set(scopes.map(pick).filter((v): v is string => v !== null))];
  const wanted: [MaintenanceScope, string[]][] = [
    ['monitor', ids((s) => s.monitorId)],
    ['asset', ids((s) => s.assetId)],
    ['project', ids((s) => s.projectId)],
    ['client', ids((s) => s.clientId)],
  ];
  const present = wanted.filter(([, list]) => list.length > 0);
  if (present.length === 0) return [];
  const rows = await db
    .selectFrom('maintenance_windows')
    .select(['id', 'scope_type', 'scope_id', 'starts_at', 'ends_at', 'recurrence'])
    .where((eb) => eb.or(present.map(([type, list]) => eb.and([eb('scope_type', '=', type), eb('scope_id', 'in', list)]))))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scopeType: r.scope_type as MaintenanceScope,
    scopeId: r.scope_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    recurrence: parseRecurrence(r.recurrence),
  }));
}

/** State intervals of these monitors that overlap [from, to), oldest first. */
export async function stateIntervals(db: Db, monitorIds: readonly string[], from: Date, to: Date): Promise<Map<string, StateInterval[]>> {
  const byMonitor = new Map<string, StateInterval[]>(monitorIds.map((id) => [id, []]));
  if (monitorIds.length === 0) return byMonitor;
  const rows = await db
    .selectFrom('monitor_state_intervals')
    .select(['monitor_id', 'started_at', 'ended_at', 'state'])
    .where('monitor_id', 'in', monitorIds)
    .where('started_at', '<', to.toISOString())
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from.toISOString())]))
    .orderBy('started_at')
    .execute();
  for (const r of rows) byMonitor.get(r.monitor_id)?.push({ startedAt: r.started_at, endedAt: r.ended_at, state: r.state as ObservedState });
  return byMonitor;
}

export async function seriesOf(db: Db, monitorId: string): Promise<number | undefined> {
  const row = await db.selectFrom('monitor_series').select('series').where('monitor_id', '=', monitorId).executeTakeFirst();
  return row?.series;
}

/** Raw results newest first, before `beforeMs` when given. */
export async function resultsPage(db: Db, series: number, options: { beforeMs?: number | undefined; limit: number }): Promise<StoredResult[]> {
  let query = db
    .selectFrom('check_results')
    .select(['at_ms', 'location', 'ok', 'response_ms', 'status_code', 'message', 'details'])
    .where('series', '=', series);
  if (options.beforeMs !== undefined) query = query.where('at_ms', '<', options.beforeMs);
  return query.orderBy('at_ms', 'desc').orderBy('location').limit(options.limit).execute();
}

/** Outcome and response time of raw results in [fromMs, toMs), oldest first. */
export async function rawOutcomes(db: Db, series: number, fromMs: number, toMs: number): Promise<{ at_ms: number; ok: number; response_ms: number | null }[]> {
  return db
    .selectFrom('check_results')
    .select(['at_ms', 'ok', 'response_ms'])
    .where('series', '=', series)
    .where('at_ms', '>=', fromMs)
    .where('at_ms', '<', toMs)
    .orderBy('at_ms')
    .execute();
}

export interface RollupRow extends ResponseSummary {
  periodStart: string;
  downSeconds: number;
  maintenanceSeconds: number;
}

export async function hourlyRollups(db: Db, monitorId: string, from: Date, to: Date): Promise<RollupRow[]> {
  const rows = await db
    .selectFrom('check_rollups_hourly')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('period_start', '>=', from.toISOString())
    .where('period_start', '<', to.toISOString())
    .orderBy('period_start')
    .execute();
  return rows.map((r) => ({
    periodStart: r.period_start,
    checks: r.checks,
    failures: r.failures,
    downSeconds: r.down_seconds,
    maintenanceSeconds: r.maintenance_seconds,
    p50: r.p50_ms,
    p95: r.p95_ms,
    max: r.max_ms,
  }));
}

import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Dialect } from '../platform/db/dialect.ts';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { LocationStreak } from './incidents.model.ts';
import type { StoredResult } from './results.model.ts';

/**
 * The check engine's queries. The per-check writes come in batches (one statement per table per
 * flush), because a worker records up to a thousand checks a second.
 */
type Db = Kysely<Schema>;

const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export type MonitorRow = Row<'monitors'> & { series: number | null };

function monitorsWithSeries(db: Db) {
  return db.selectFrom('monitors').leftJoin('monitor_series', 'monitor_series.monitor_id', 'monitors.id').selectAll('monitors').select('monitor_series.series');
}

export async function monitorsInShards(db: Db, shards: readonly number[]): Promise<MonitorRow[]> {
  const out: MonitorRow[] = [];
  for (const part of chunks(shards, 64)) out.push(...(await monitorsWithSeries(db).where('monitors.shard', 'in', part).execute()));
  return out;
}

export async function monitorsChangedSince(db: Db, since: string): Promise<MonitorRow[]> {
  return monitorsWithSeries(db).where('monitors.updated_at', '>', since).execute();
}

export async function monitorsByIds(db: Db, ids: readonly string[]): Promise<MonitorRow[]> {
  const out: MonitorRow[] = [];
  for (const part of chunks(ids)) out.push(...(await monitorsWithSeries(db).where('monitors.id', 'in', part).execute()));
  return out;
}

/** Monitors someone asked to check now. */
export async function requestedChecks(db: Db): Promise<{ id: string; check_requested_at: string }[]> {
  const rows = await db.selectFrom('monitors').select(['id', 'check_requested_at']).where('check_requested_at', 'is not', null).execute();
  return rows as { id: string; check_requested_at: string }[];
}

export async function monitorIdsInShards(db: Db, shards: readonly number[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunks(shards, 64)) out.push(...(await db.selectFrom('monitors').select('id').where('shard', 'in', part).execute()).map((r) => r.id));
  return out;
}

/** Gives each monitor its series number (kept for good), returning them by monitor id. */
export async function ensureSeries(db: Db, monitorIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(monitorIds)) {
    await db.insertInto('monitor_series').values(part.map((id) => ({ monitor_id: id }))).onConflict((oc) => oc.column('monitor_id').doNothing()).execute();
    const rows = await db.selectFrom('monitor_series').select(['monitor_id', 'series']).where('monitor_id', 'in', part).execute();
    for (const r of rows) out.set(r.monitor_id, r.series);
  }
  return out;
}

export async function locationStreaks(db: Db, monitorIds: readonly string[]): Promise<Map<string, LocationStreak[]>> {
  const out = new Map<string, LocationStreak[]>();
  for (const part of chunks(monitorIds)) {
    const rows = await db.selectFrom('monitor_location_states').selectAll().where('monitor_id', 'in', part).execute();
    for (const r of rows) {
      const list = out.get(r.monitor_id) ?? [];
      list.push({ location: r.location, ok: r.ok === 1, streak: r.streak, streakStartedAt: r.streak_started_at, checkedAt: r.checked_at, message: r.message });
      out.set(r.monitor_id, list);
    }
  }
  return out;
}

export interface LocationStateWrite {
  monitorId: string;
  location: string;
  ok: boolean;
  streak: number;
  streakStartedAt: string;
  checkedAt: string;
  message: string;
}

export interface LastCheckWrite {
  monitorId: string;
  checkedAt: string;
  ok: boolean;
  message: string;
  responseMs: number | null;
}

/** The per-check writes of one flush: results, where each location stands, and the monitors' last check. */
export async function writeChecks(
  trx: Transaction<Schema>,
  d: Dialect,
  batch: { results: (StoredResult & { series: number })[]; states: LocationStateWrite[]; lastChecks: LastCheckWrite[] },
): Promise<void> {
  await d.insertMany(trx, 'check_results', batch.results as unknown as Record<string, unknown>[]);
  for (const part of chunks(batch.states)) {
    await trx
      .insertInto('monitor_location_states')
      .values(part.map((s) => ({ monitor_id: s.monitorId, location: s.location, ok: s.ok ? 1 : 0, streak: s.streak, streak_started_at: s.streakStartedAt, checked_at: s.checkedAt, message: s.message })))
      .onConflict((oc) =>
        oc.columns(['monitor_id', 'location']).doUpdateSet((eb) => ({
          ok: eb.ref('excluded.ok'),
          streak: eb.ref('excluded.streak'),
          streak_started_at: eb.ref('excluded.streak_started_at'),
          checked_at: eb.ref('excluded.checked_at'),
          message: eb.ref('excluded.message'),
        })),
      )
      .execute();
  }
  for (const part of chunks(batch.lastChecks)) await updateLastChecks(trx, d, part);
}

function values(rows: readonly RawBuilder<unknown>[][]): RawBuilder<unknown> {
  return sql.join(rows.map((r) => sql`(${sql.join(r)})`));
}

// A values list typed by casts: PostgreSQL types bare parameters in VALUES as text.
async function updateLastChecks(trx: Db, d: Dialect, rows: readonly LastCheckWrite[]): Promise<void> {
  const instant = sql.raw(d.types.instant);
  const list = values(rows.map((r) => [sql`${r.monitorId}`, sql`cast(${r.checkedAt} as ${instant})`, sql`cast(${r.ok ? 1 : 0} as integer)`, sql`cast(${r.message} as text)`, sql`cast(${r.responseMs} as integer)`]));
  await sql`with v(id, checked_at, ok, message, response_ms) as (values ${list})
    update monitors set last_checked_at = v.checked_at, last_ok = v.ok, last_message = v.message, last_response_ms = v.response_ms
    from v where monitors.id = v.id`.execute(trx);
}

/** Clears "check now" requests that the check just made has answered (not newer ones). */
export async function clearRequests(trx: Db, requests: readonly { monitorId: string; requestedAt: string }[]): Promise<void> {
  for (const r of requests) {
    await trx.updateTable('monitors').set({ check_requested_at: null }).where('id', '=', r.monitorId).where('check_requested_at', '<=', r.requestedAt).execute();
  }
}

/**
 * Opens a state interval for monitors that have a state but no open interval (after a restart,
 * a resumption or a worker taking over), so their time is observed again.
 */
export async function ensureOpenIntervals(trx: Db, d: Dialect, rows: readonly { monitorId: string; at: string; state: 'up' | 'down' }[]): Promise<void> {
  const instant = sql.raw(d.types.instant);
  for (const part of chunks(rows)) {
    const list = values(part.map((r) => [sql`${r.monitorId}`, sql`cast(${r.at} as ${instant})`, sql`cast(${r.state} as text)`]));
    await sql`insert into monitor_state_intervals (monitor_id, started_at, state)
      select v.id, v.at, v.state from (with v(id, at, state) as (values ${list}) select * from v) v
      where exists (select 1 from monitors m where m.id = v.id)
        and not exists (select 1 from monitor_state_intervals i where i.monitor_id = v.id and i.ended_at is null)
        and not exists (select 1 from monitor_state_intervals i where i.monitor_id = v.id and i.started_at >= v.at)`.execute(trx);
  }
}

/** Ends the open interval of a paused monitor: paused time is not observed. */
export async function closeIntervals(trx: Db, rows: readonly { monitorId: string; at: string }[]): Promise<void> {
  for (const r of rows) {
    await trx.updateTable('monitor_state_intervals').set({ ended_at: r.at }).where('monitor_id', '=', r.monitorId).where('ended_at', 'is', null).where('started_at', '<', r.at).execute();
  }
}

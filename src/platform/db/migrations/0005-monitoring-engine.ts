import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * The check engine's tables: raw results, rollups, state intervals, per-location check state,
 * notices already given, and the workers with their shard leases.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await createResultTables(db, d);
  await createStateTables(db, d);
  await createLeaseTables(db, d);
  // Workers look for "check now" requests every few seconds; only the few set are indexed.
  await sql`create index monitors_check_requested_idx on monitors (check_requested_at) where check_requested_at is not null`.execute(db);
}

/** On SQLite, a table keyed by its primary key alone is stored once, in that key's b-tree. */
function withoutRowid(d: Dialect) {
  return <T extends { modifyEnd(m: ReturnType<typeof sql>): T }>(b: T): T => (d.name === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b);
}

async function createResultTables(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  // A small number per monitor: raw results name their monitor by it instead of a 30-character id,
  // which is most of a result row. No foreign key: the row outlives its monitor until the retention
  // job has deleted the monitor's results, then goes too.
  await db.schema
    .createTable('monitor_series')
    .addColumn('series', sql.raw(t.serial), (c) => (d.name === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('monitor_id', 'text', (c) => c.notNull().unique())
    .execute();

  // The highest-volume table (one row per check): kept compact on purpose. The instant is epoch
  // milliseconds (t.money is a 64-bit integer on both databases), the message is left out when it
  // only repeats the status code, and on SQLite the rows live in the primary key's b-tree alone.
  // No foreign key: results of a deleted monitor go with the retention job, never block a batch.
  await db.schema
    .createTable('check_results')
    .addColumn('series', 'integer', (c) => c.notNull())
    .addColumn('at_ms', sql.raw(t.money), (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('response_ms', 'integer')
    .addColumn('status_code', 'integer')
    .addColumn('message', 'text')
    // Compact JSON: HTTP timings as [dns, connect, tls, firstByte], certificate and domain facts, probe details.
    .addColumn('details', 'text')
    .addPrimaryKeyConstraint('check_results_pk', ['series', 'at_ms', 'location'])
    .$call(withoutRowid(d))
    .execute();

  for (const grain of ['hourly', 'daily'] as const) {
    await db.schema
      .createTable(`check_rollups_${grain}`)
      .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
      // The hour's or the day's first instant (UTC).
      .addColumn('period_start', sql.raw(t.instant), (c) => c.notNull())
      .addColumn('checks', 'integer', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      // From the state intervals, maintenance time left out of both.
      .addColumn('down_seconds', 'integer', (c) => c.notNull())
      .addColumn('maintenance_seconds', 'integer', (c) => c.notNull())
      .addColumn('p50_ms', 'integer')
      .addColumn('p95_ms', 'integer')
      .addColumn('max_ms', 'integer')
      .addPrimaryKeyConstraint(`check_rollups_${grain}_pk`, ['monitor_id', 'period_start'])
      .$call(withoutRowid(d))
      .execute();
  }
}

async function createStateTables(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  // Uptime is time down over time observed: one row per stretch of one state, the open one with
  // ended_at null. Pending and paused time is not in any row, so it is not observed.
  await db.schema
    .createTable('monitor_state_intervals')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('ended_at', sql.raw(t.instant))
    // up or down
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_state_intervals_pk', ['monitor_id', 'started_at'])
    .$call(withoutRowid(d))
    .execute();
  await db.schema.createIndex('monitor_state_intervals_open_idx').on('monitor_state_intervals').columns(['ended_at', 'started_at']).execute();

  // What each location last saw of a monitor: the run of equal outcomes it is in. Workers of other
  // locations read it for the quorum; a worker taking a monitor over resumes its streak from it.
  await db.schema
    .createTable('monitor_location_states')
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    // Consecutive checks with this outcome, and when the first of them ran.
    .addColumn('streak', 'integer', (c) => c.notNull())
    .addColumn('streak_started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('checked_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_location_states_pk', ['monitor_id', 'location'])
    .execute();

  // Warnings given once per fact (a certificate's validTo, a domain's expiry day), so a warning
  // repeated by every check of the same certificate notifies once.
  await db.schema
    .createTable('monitor_notices')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('at', sql.raw(t.instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_notices_pk', ['monitor_id', 'kind', 'fact'])
    .execute();
}

async function createLeaseTables(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('monitor_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('heartbeat_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitor_workers_location_idx').on('monitor_workers').columns(['location', 'heartbeat_at']).execute();

  // Workers lease shards (monitors.shard, 0..255) per location, not single monitors.
  await db.schema
    .createTable('monitor_leases')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('worker_id', 'text')
    .addColumn('lease_until', sql.raw(t.instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_leases_pk', ['location', 'shard'])
    .execute();
}

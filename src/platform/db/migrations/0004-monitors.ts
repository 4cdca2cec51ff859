import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Monitors as people set them up, and what people see of them: incidents with their timeline,
 * maintenance windows, status pages and heartbeat pings. The check engine's own tables
 * (results, rollups, state intervals, worker leases) come in the next migration.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: the probe's settings (see probes/configs.ts) without secrets.
    .addColumn('config', 'text', (c) => c.notNull())
    // Sealed JSON: basic-auth passwords, secret headers, the heartbeat's ping token. Null when none.
    .addColumn('secret_config', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    .addColumn('asset_id', 'text', (c) => c.references('assets.id').onDelete('set null'))
    // The monitor this one depends on (the server a site runs on).
    .addColumn('parent_id', 'text', (c) => c.references('monitors.id').onDelete('set null'))
    .addColumn('failure_threshold', 'integer', (c) => c.notNull())
    .addColumn('recovery_threshold', 'integer', (c) => c.notNull())
    // JSON: location names that run it, e.g. ["main"]; with several, `quorum` of them must agree.
    .addColumn('locations', 'text', (c) => c.notNull())
    .addColumn('quorum', 'integer', (c) => c.notNull())
    // pending (not yet checked), up, down; paused monitors keep their last state and carry paused_at.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    .addColumn('state_changed_at', sql.raw(t.instant))
    .addColumn('paused_at', sql.raw(t.instant))
    .addColumn('last_checked_at', sql.raw(t.instant))
    .addColumn('last_ok', 'integer')
    .addColumn('last_message', 'text')
    .addColumn('last_response_ms', 'integer')
    // Set by "check now"; the owning worker checks the monitor and clears it.
    .addColumn('check_requested_at', sql.raw(t.instant))
    // sha256 of the heartbeat ping token, so /ping/<token> finds its monitor without the token stored in clear.
    .addColumn('ping_key_hash', 'text')
    // 0..255: which lease bucket (shard) the monitor falls into; workers lease shards, not monitors.
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitors_client_idx').on('monitors').columns(['client_id', 'name', 'id']).execute();
  await db.schema.createIndex('monitors_name_idx').on('monitors').columns(['name', 'id']).execute();
  await db.schema.createIndex('monitors_asset_idx').on('monitors').columns(['asset_id']).execute();
  await db.schema.createIndex('monitors_parent_idx').on('monitors').columns(['parent_id']).execute();
  await db.schema.createIndex('monitors_shard_idx').on('monitors').columns(['shard', 'updated_at']).execute();
  await db.schema.createIndex('monitors_updated_idx').on('monitors').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('monitors_state_idx').on('monitors').columns(['state', 'id']).execute();
  await db.schema.createIndex('monitors_ping_idx').on('monitors').column('ping_key_hash').unique().execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('client_id', 'text')
    .addColumn('project_id', 'text')
    // Grouped under the parent monitor's open incident while the parent is down.
    .addColumn('parent_incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    // open or resolved
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    // Opened inside a maintenance window: alerts held, excluded from SLA downtime.
    .addColumn('in_maintenance', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text')
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('confirmed_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('notified_at', sql.raw(t.instant))
    .addColumn('acknowledged_at', sql.raw(t.instant))
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', sql.raw(t.instant))
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_monitor_idx').on('incidents').columns(['monitor_id', 'started_at']).execute();
  await db.schema.createIndex('incidents_state_idx').on('incidents').columns(['state', 'started_at', 'id']).execute();
  await db.schema.createIndex('incidents_client_idx').on('incidents').columns(['client_id', 'started_at']).execute();
  await db.schema.createIndex('incidents_parent_idx').on('incidents').columns(['parent_incident_id']).execute();

  await db.schema
    .createTable('incident_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    // first_failure, confirmed, notified, acknowledged, update, flapping, resolved
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    // Shown on status pages when 1; internal notes otherwise.
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_updates_incident_idx').on('incident_updates').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    // monitor, asset, project or client, and the id of that thing.
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('ends_at', sql.raw(t.instant), (c) => c.notNull())
    // JSON or null for one-off: { "weekdays": [1..7], "start": "HH:mm", "minutes": n, "timeZone": "Europe/…", "until": "YYYY-MM-DD"|null }
    .addColumn('recurrence', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maintenance_scope_idx').on('maintenance_windows').columns(['scope_type', 'scope_id']).execute();

  await db.schema
    .createTable('status_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    // JSON: the monitor ids shown, in order.
    .addColumn('monitor_ids', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('heartbeat_pings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    // success, start or fail
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('exit_code', 'integer')
    // A size the job reported (a backup's bytes), kept to spot shrinking backups.
    .addColumn('size_bytes', sql.raw(t.money))
    .addColumn('body', 'text')
    .addColumn('source_ip', 'text')
    .addColumn('received_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heartbeat_pings_monitor_idx').on('heartbeat_pings').columns(['monitor_id', 'received_at']).execute();
}

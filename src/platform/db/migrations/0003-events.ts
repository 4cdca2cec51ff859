import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Events: what capabilities publish for the notifications capability to deliver (an incident
 * opened, a certificate about to expire, a renewal due). Each is written in the transaction of
 * the change that caused it, so an event is never lost and never published for a rolled-back change.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('asset_id', 'text')
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('occurred_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_subject_idx').on('events').columns(['subject_key', 'occurred_at']).execute();
  await db.schema.createIndex('events_occurred_idx').on('events').columns(['occurred_at', 'id']).execute();
}

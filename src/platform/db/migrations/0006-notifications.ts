import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Channels, recipients' channel choices (primary and fallback), the durable outbox and its delivery log. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('notification_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('secret_config', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', sql.raw(t.instant))
    .addColumn('last_sent_at', sql.raw(t.instant))
    .addColumn('rate_per_minute', 'integer')
    .addColumn('rate_window', sql.raw(t.instant))
    .addColumn('rate_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_channels_owner_idx').on('notification_channels').columns(['owner_user_id', 'name', 'id']).execute();
  await db.schema.createIndex('notification_channels_name_idx').on('notification_channels').columns(['name', 'id']).execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('primary_channel_id', 'text', (c) => c.references('notification_channels.id').onDelete('set null'))
    .addColumn('fallback_channel_id', 'text', (c) => c.references('notification_channels.id').onDelete('set null'))
    .addColumn('locale', 'text')
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('event_id', 'text', (c) => c.references('events.id'))
    .addColumn('digest_event_ids', 'text')
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recipient_channel_id', 'text', (c) => c.references('notification_channels.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.references('notification_channels.id').onDelete('set null'))
    .addColumn('fallback_used', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('not_before', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('next_attempt_at', sql.raw(t.instant))
    .addColumn('subject', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('sent_at', sql.raw(t.instant))
    .execute();
  // The delivery log pages newest first, overall and per status, recipient, channel or event.
  await db.schema.createIndex('notifications_created_idx').on('notifications').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('notifications_status_idx').on('notifications').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_recipient_idx').on('notifications').columns(['recipient_user_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_channel_idx').on('notifications').columns(['channel_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_event_idx').on('notifications').columns(['event_id']).execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('reason', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('finished_at', sql.raw(t.instant))
    .addColumn('retry_at', sql.raw(t.instant))
    .execute();
  // One row per attempt: two workers can never both record attempt 3 of the same notification.
  await sql`create unique index notification_deliveries_attempt_idx on notification_deliveries (notification_id, attempt)`.execute(db);

  await db.schema
    .createTable('notification_templates')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_templates_pk', ['event_type', 'audience', 'locale'])
    .execute();
}

import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Routing rules, escalation policies and their running escalations, acknowledgements, quiet hours and digests. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: [{ afterMinutes, targets: Target[] }], afterMinutes strictly increasing from the start.
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: event types or prefixes (`incident.*`); empty matches every type.
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('min_severity', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    // JSON: Target[] told at once.
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('escalation_policy_id', 'text', (c) => c.references('escalation_policies.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  // One row per open problem (subject) the dispatcher has seen: what de-duplication and grouping look at.
  await db.schema
    .createTable('notification_subjects')
    .addColumn('subject_key', 'text', (c) => c.primaryKey())
    // open or resolved
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text')
    // 1 when folded under a parent that was already told about: nobody was told about this one.
    .addColumn('grouped', 'integer', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addColumn('last_type', 'text', (c) => c.notNull())
    .addColumn('last_severity', 'text', (c) => c.notNull())
    .addColumn('opened_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('notified_at', sql.raw(t.instant))
    .addColumn('resolved_at', sql.raw(t.instant))
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  // What the dispatcher decided for each event and recipient: queued, held, digest, grouped, deduplicated, unrouted.
  await db.schema
    .createTable('notification_decisions')
    .addColumn('event_id', 'text', (c) => c.notNull())
    // `user:usr_…`, `channel:chn_…`, or `-` for a decision about the event as a whole.
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text')
    .addColumn('not_before', sql.raw(t.instant))
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_decisions_pk', ['event_id', 'recipient_key', 'reason'])
    .execute();
  await db.schema.createIndex('notification_decisions_subject_idx').on('notification_decisions').columns(['subject_key', 'outcome']).execute();

  await db.schema
    .createTable('escalations')
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('escalation_policies.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    // running, acknowledged, resolved or completed (every step done)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('next_step', 'integer', (c) => c.notNull())
    .addColumn('next_at', sql.raw(t.instant))
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('stopped_at', sql.raw(t.instant))
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('escalations_pk', ['subject_key', 'policy_id'])
    .execute();
  await db.schema.createIndex('escalations_state_idx').on('escalations').columns(['state', 'started_at', 'subject_key']).execute();

  await db.schema
    .createTable('acknowledgements')
    .addColumn('subject_key', 'text', (c) => c.primaryKey())
    // Null when acknowledged from a link sent to a shared channel rather than to a person.
    .addColumn('user_id', 'text')
    // link, api, ui or incident
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_schedules')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // Null: the time zone of the user's profile.
    .addColumn('time_zone', 'text')
    // JSON: Window[] ({ days: 1..7, start: 'HH:mm', end: 'HH:mm' })
    .addColumn('quiet_hours', 'text', (c) => c.notNull())
    // JSON: Window[], or null for "any time".
    .addColumn('working_hours', 'text')
    // JSON: event types collected into the digest.
    .addColumn('digest_types', 'text', (c) => c.notNull())
    // daily or weekly
    .addColumn('digest_frequency', 'text', (c) => c.notNull())
    .addColumn('digest_time', 'text', (c) => c.notNull())
    .addColumn('digest_weekday', 'integer', (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_items')
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('due_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('added_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('sent_at', sql.raw(t.instant))
    .addColumn('notification_id', 'text')
    .addPrimaryKeyConstraint('digest_items_pk', ['recipient_key', 'event_id'])
    .execute();
  await db.schema.createIndex('digest_items_due_idx').on('digest_items').columns(['sent_at', 'due_at']).execute();
}

import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Renewals: policy overrides, the sweep's runs and the reminders it sent, renewal tasks with
 * their comments, what was paid for each renewal (cost history), auto-renew verification,
 * the waste audit's runs, findings and decisions, and the secret calendar feeds.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;

  // The agency default is the row with scope `default` and target ''; the others override it field by field.
  await db.schema
    .createTable('renewal_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // default, client, kind or asset
    .addColumn('scope', 'text', (c) => c.notNull())
    // '' for the default, else the client id, the asset kind or the asset id
    .addColumn('target', 'text', (c) => c.notNull())
    // JSON: PolicyOverride (the whole RenewalPolicy for the default)
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('renewal_policies_target_idx').on('renewal_policies').columns(['scope', 'target']).unique().execute();

  // One row per sweep: the next sweep produces what fell due in (previous swept_at, its own swept_at].
  await db.schema
    .createTable('renewal_sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('swept_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('finished_at', sql.raw(t.instant))
    // JSON: { assets, reminders, late, tasks, escalations, autoRenewFailed, ms }
    .addColumn('counts', 'text')
    .execute();
  await db.schema.createIndex('renewal_sweeps_swept_idx').on('renewal_sweeps').columns(['finished_at', 'swept_at']).execute();

  // A reminder is sent once: its key (asset/renewal date/kind/offset) is the primary key.
  await db.schema
    .createTable('renewal_reminders')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('renewal_on', sql.raw(t.date), (c) => c.notNull())
    // renewal, expired, cancel or pay
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('recipient_id', 'text')
    .addColumn('fire_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('sent_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('renewal_reminders_asset_idx').on('renewal_reminders').columns(['asset_id', 'renewal_on']).execute();

  // One task per renewal of an asset (asset, renewal date).
  await db.schema
    .createTable('renewal_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('renewal_on', sql.raw(t.date), (c) => c.notNull())
    .addColumn('due_on', sql.raw(t.date), (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // open, in_progress, snoozed, done or cancelled
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', sql.raw(t.date))
    // renewed or cancelled, once done
    .addColumn('outcome', 'text')
    .addColumn('renewed_until', sql.raw(t.date))
    .addColumn('paid_amount', sql.raw(t.money))
    .addColumn('paid_currency', 'text')
    .addColumn('escalated_at', sql.raw(t.instant))
    .addColumn('completed_at', sql.raw(t.instant))
    .addColumn('completed_by', 'text')
    // Where the task was pushed to (an external tracker through a webhook channel), JSON or null.
    .addColumn('pushed', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('renewal_tasks_renewal_idx').on('renewal_tasks').columns(['asset_id', 'renewal_on']).unique().execute();
  await db.schema.createIndex('renewal_tasks_inbox_idx').on('renewal_tasks').columns(['assignee_id', 'state', 'due_on', 'id']).execute();
  await db.schema.createIndex('renewal_tasks_due_idx').on('renewal_tasks').columns(['state', 'due_on', 'id']).execute();
  await db.schema.createIndex('renewal_tasks_client_idx').on('renewal_tasks').columns(['client_id', 'state', 'due_on']).execute();

  await db.schema
    .createTable('renewal_task_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('renewal_tasks.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('renewal_task_comments_task_idx').on('renewal_task_comments').columns(['task_id', 'created_at']).execute();

  // What was paid for an asset and for which period: the cost history the KPIs and forecasts read.
  await db.schema
    .createTable('asset_costs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('paid_on', sql.raw(t.date), (c) => c.notNull())
    .addColumn('amount', sql.raw(t.money), (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // The renewal this payment was for (the expiry it moved on from) and the expiry it bought.
    .addColumn('renewal_on', sql.raw(t.date))
    .addColumn('renewed_until', sql.raw(t.date))
    .addColumn('task_id', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_costs_asset_idx').on('asset_costs').columns(['asset_id', 'paid_on']).execute();
  await db.schema.createIndex('asset_costs_paid_idx').on('asset_costs').columns(['paid_on', 'client_id']).execute();

  // Auto-renew verification per renewal: waiting, renewed (the expiry moved), failed (alert raised).
  await db.schema
    .createTable('auto_renew_checks')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('renewal_on', sql.raw(t.date), (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('checked_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('resolved_at', sql.raw(t.instant))
    .addPrimaryKeyConstraint('auto_renew_checks_pk', ['asset_id', 'renewal_on'])
    .execute();
  await db.schema.createIndex('auto_renew_checks_state_idx').on('auto_renew_checks').columns(['state', 'asset_id']).execute();

  await db.schema
    .createTable('waste_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // running, finished or failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('started_by', 'text')
    .addColumn('started_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('finished_at', sql.raw(t.instant))
    // JSON: { assets, checked, flagged, unknown, ms }
    .addColumn('counts', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('waste_audits_started_idx').on('waste_audits').columns(['started_at', 'id']).execute();

  // The facts gathered for each asset in an audit, and the finding when it looks wasted.
  await db.schema
    .createTable('waste_findings')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('waste_audits.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    // JSON: WasteReason[]
    .addColumn('reasons', 'text', (c) => c.notNull())
    // JSON: string[] of facts that could not be gathered
    .addColumn('unknown', 'text', (c) => c.notNull())
    .addColumn('yearly_saving', sql.raw(t.money))
    .addColumn('currency', 'text')
    .addPrimaryKeyConstraint('waste_findings_pk', ['audit_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('waste_findings_client_idx').on('waste_findings').columns(['audit_id', 'client_id', 'asset_id']).execute();

  await db.schema
    .createTable('waste_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    // keep or cancel
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('keep_for_days', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('waste_decisions_asset_idx').on('waste_decisions').columns(['asset_id', 'decided_at']).execute();

  // A secret calendar URL per user or per client; the token is kept sealed (to show the URL again) and hashed (to find it).
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // user or client
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('revoked_at', sql.raw(t.instant))
    .execute();
  await db.schema.createIndex('calendar_feeds_token_idx').on('calendar_feeds').column('token_hash').unique().execute();
  await db.schema.createIndex('calendar_feeds_owner_idx').on('calendar_feeds').columns(['owner_type', 'owner_id']).execute();
}

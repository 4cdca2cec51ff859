import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Desk, part two: tickets with SLA clocks. A ticket keeps a snapshot of the SLA it was opened
 * under (the plan's severity terms and support hours, as JSON), so later edits of the plan do not
 * move the targets of tickets already open. Its status history (ticket_events) is what the clocks
 * are recomputed from; the due and warning instants on the row are that computation, stored so the
 * breach watch and the lists can find and sort tickets with an index.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  const instant = sql.raw(t.instant);

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('created_by', 'text')
    // The plan it was opened under, and a snapshot of its terms: { severities, supportHours }.
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('sla_terms', 'text', (c) => c.notNull())
    .addColumn('first_response_at', instant)
    .addColumn('resolved_at', instant)
    .addColumn('closed_at', instant)
    // Computed from the snapshot and the history on every change: null while met, or paused short of it.
    .addColumn('first_response_due_at', instant)
    .addColumn('first_response_warning_at', instant)
    .addColumn('resolution_due_at', instant)
    .addColumn('resolution_warning_at', instant)
    // The nearest of the due instants still running: the lists sort on it.
    .addColumn('next_due_at', instant)
    // Recorded once each by the breach watch.
    .addColumn('first_response_warned_at', instant)
    .addColumn('first_response_breached_at', instant)
    .addColumn('resolution_warned_at', instant)
    .addColumn('resolution_breached_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // One ticket per incident (nulls are distinct in both databases).
  await db.schema.createIndex('tickets_incident_idx').on('tickets').column('incident_id').unique().execute();
  await db.schema.createIndex('tickets_client_due_idx').on('tickets').columns(['client_id', 'next_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_due_idx').on('tickets').columns(['next_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_status_idx').on('tickets').columns(['status', 'next_due_at']).execute();
  await db.schema.createIndex('tickets_assignee_idx').on('tickets').columns(['assignee_id', 'next_due_at']).execute();
  await db.schema.createIndex('tickets_fr_warning_idx').on('tickets').column('first_response_warning_at').execute();
  await db.schema.createIndex('tickets_res_warning_idx').on('tickets').column('resolution_warning_at').execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // staff | client | system
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    // public | internal
    .addColumn('visibility', 'text', (c) => c.notNull())
    // JSON: [{ fileName, size, contentType, checksum }] — metadata only, the files live elsewhere.
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_messages_ticket_idx').on('ticket_messages').columns(['ticket_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // status | severity | assignee
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket_idx').on('ticket_events').columns(['ticket_id', 'at', 'id']).execute();
}

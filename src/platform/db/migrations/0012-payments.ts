import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Billing, part two: money moving through payment gateways.
 *
 * - `billing_gateways`: a gateway's settings, secrets sealed (never stored in the clear).
 * - `payment_customers`, `payment_methods`, `method_setups`: who the client is at each gateway,
 *   the methods it saved there (labels and expiry only, never a card number) and the hosted
 *   "save a method" pages it was sent to.
 * - `charges`: every charge attempt, written *before* the gateway is asked, with the idempotency
 *   key it is sent under. A row left `requested` means a process stopped between asking and
 *   recording; reconciliation asks the gateway what became of that key, so nothing is charged twice.
 * - `auto_charges`: an invoice the agency charges by itself on a day, and whether a person must
 *   approve it first.
 * - `dunning_cases`: a failed charge's way through the retry schedule, and how it ended.
 * - `gateway_events`: webhook events seen, keyed by the gateway's event id, so each is processed once.
 * - `card_expiry_requests`: a request to update a card, once per card and expiry.
 * - `billing_runs`: one per day, what the day's run invoiced.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  const instant = sql.raw(t.instant);
  const date = sql.raw(t.date);
  const money = sql.raw(t.money);

  await db.schema
    .createTable('billing_gateways')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sealed_secrets', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('payment_customers')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('customer_ref', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_customers_pk', ['client_id', 'gateway'])
    .execute();

  await db.schema
    .createTable('payment_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('method_ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('exp_month', 'integer')
    .addColumn('exp_year', 'integer')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('removed_at', instant)
    .execute();
  await db.schema.createIndex('payment_methods_ref_idx').on('payment_methods').columns(['gateway', 'method_ref']).unique().execute();
  await db.schema.createIndex('payment_methods_client_idx').on('payment_methods').columns(['client_id', 'removed_at']).execute();

  await db.schema
    .createTable('method_setups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('session_ref', 'text', (c) => c.notNull())
    // started | finished | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('method_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('finished_at', instant)
    .execute();

  await db.schema
    .createTable('charges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('method_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // requested | pending | succeeded | declined | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('charge_ref', 'text')
    .addColumn('decline_kind', 'text')
    .addColumn('decline_code', 'text')
    .addColumn('decline_message', 'text')
    // auto | pay-now | dunning | person
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('settled_at', instant)
    .execute();
  await db.schema.createIndex('charges_invoice_idx').on('charges').columns(['invoice_id', 'attempt']).unique().execute();
  await db.schema.createIndex('charges_state_idx').on('charges').columns(['state', 'requested_at']).execute();
  await db.schema.createIndex('charges_ref_idx').on('charges').columns(['gateway', 'charge_ref']).execute();

  await db.schema
    .createTable('auto_charges')
    .addColumn('invoice_id', 'text', (c) => c.primaryKey().references('invoices.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('charge_on', date, (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // scheduled | awaiting-approval | approved | charged | failed | rejected | cancelled
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auto_charges_due_idx').on('auto_charges').columns(['state', 'charge_on']).execute();

  await db.schema
    .createTable('dunning_cases')
    .addColumn('invoice_id', 'text', (c) => c.primaryKey().references('invoices.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    // active | recovered | exhausted | stopped
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('entered_at', instant, (c) => c.notNull())
    .addColumn('next_attempt_at', instant)
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reason', 'text')
    .addColumn('used_fallback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', instant)
    .execute();
  await db.schema.createIndex('dunning_cases_due_idx').on('dunning_cases').columns(['state', 'next_attempt_at']).execute();

  await db.schema
    .createTable('gateway_events')
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('gateway_events_pk', ['gateway', 'event_id'])
    .execute();

  await db.schema
    .createTable('card_expiry_requests')
    .addColumn('method_id', 'text', (c) => c.notNull())
    .addColumn('valid_through', date, (c) => c.notNull())
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('card_expiry_requests_pk', ['method_id', 'valid_through'])
    .execute();

  // The billing KPIs count by period: invoices by issue date, payments by when they arrived.
  await db.schema.createIndex('invoices_issued_idx').on('invoices').columns(['kind', 'issued_on']).execute();
  await db.schema.createIndex('payments_received_idx').on('payments').column('received_at').execute();

  await db.schema
    .createTable('billing_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_on', date, (c) => c.notNull().unique())
    .addColumn('invoices', 'integer', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('started_at', instant, (c) => c.notNull())
    .addColumn('finished_at', instant)
    .execute();
}

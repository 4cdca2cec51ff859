import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Refunds a person makes from Upkeep.
 *
 * - `refunds`: every refund asked for, written *before* the gateway is asked, with the idempotency
 *   key it is sent under (`refund:<payment>:<request>`). Sending the same request again (a double
 *   click, a retry after a failure) sends the same key, which the gateway answers with the first
 *   refund, never a second. A refund of a payment recorded by hand has no gateway: it is recorded
 *   at once. `refunded_before` is what the ledger held as refunded of the payment's charge when the
 *   refund was asked for: it tells whether the gateway's own webhook recorded this refund first.
 *   `ledger_payment_id` is the refund's row in `payments` once recorded.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const instant = sql.raw(d.types.instant);
  const money = sql.raw(d.types.money);

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('gateway', 'text')
    .addColumn('charge_ref', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // requested | succeeded | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('refunded_before', money, (c) => c.notNull().defaultTo(0))
    .addColumn('refund_ref', 'text')
    .addColumn('ledger_payment_id', 'text')
    .addColumn('failure', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('settled_at', instant)
    .execute();
  await db.schema.createIndex('refunds_payment_idx').on('refunds').columns(['payment_id', 'state']).execute();
  await db.schema.createIndex('refunds_invoice_idx').on('refunds').column('invoice_id').execute();
}

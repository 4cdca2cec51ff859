import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Billing, part one: invoices kept and managed. A client's billing profile says how it is
 * invoiced (tax, reverse charge, terms). An invoice is a draft without a number until it is
 * issued; the number is taken from invoice_counters inside the issuing transaction, so numbers
 * are gapless per series and year. Totals are stored when computed (draft) and frozen at issue.
 * A line paying for a renewal carries that renewal's key, unique, so a billing run that runs
 * twice cannot bill one renewal twice. A payment from a gateway carries the gateway's reference,
 * unique, so a webhook delivered twice is recorded once.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  const instant = sql.raw(t.instant);
  const date = sql.raw(t.date);
  const money = sql.raw(t.money);

  await db.schema
    .createTable('billing_profiles')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id'))
    // Null name and basis points: lines are not taxed unless a line says otherwise.
    .addColumn('tax_name', 'text')
    .addColumn('tax_basis_points', 'integer')
    .addColumn('reverse_charge', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vat_number', 'text')
    // JSON: the address lines as printed.
    .addColumn('address', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('invoice_days_before', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('approval_threshold_amount', money)
    .addColumn('approval_threshold_currency', 'text')
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(14))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // invoice | credit-note
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    // The series and year the number was counted in, and its place there.
    .addColumn('series', 'text')
    .addColumn('year', 'integer')
    .addColumn('sequence', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('issued_on', date)
    .addColumn('due_on', date)
    .addColumn('subtotal', money, (c) => c.notNull())
    .addColumn('tax', money, (c) => c.notNull())
    .addColumn('total', money, (c) => c.notNull())
    .addColumn('paid', money, (c) => c.notNull().defaultTo(0))
    .addColumn('reverse_charge', 'integer', (c) => c.notNull())
    .addColumn('correcting_invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // Drafts have no number (nulls are distinct in both databases).
  await db.schema.createIndex('invoices_number_idx').on('invoices').column('number').unique().execute();
  await db.schema.createIndex('invoices_series_idx').on('invoices').columns(['series', 'year', 'sequence']).unique().execute();
  await db.schema.createIndex('invoices_client_idx').on('invoices').columns(['client_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('invoices_state_idx').on('invoices').columns(['state', 'created_at', 'id']).execute();
  await db.schema.createIndex('invoices_created_idx').on('invoices').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('invoices_correcting_idx').on('invoices').column('correcting_invoice_id').execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.references('assets.id'))
    .addColumn('period_from', date)
    .addColumn('period_to', date)
    // Thousandths of a unit (QUANTITY_SCALE).
    .addColumn('quantity', money, (c) => c.notNull())
    .addColumn('unit_price', money, (c) => c.notNull())
    .addColumn('tax_name', 'text')
    .addColumn('tax_basis_points', 'integer')
    .addColumn('net', money, (c) => c.notNull())
    .addColumn('renewal_key', 'text')
    .execute();
  await db.schema.createIndex('invoice_lines_invoice_idx').on('invoice_lines').columns(['invoice_id', 'position']).unique().execute();
  await db.schema.createIndex('invoice_lines_renewal_idx').on('invoice_lines').column('renewal_key').unique().execute();

  await db.schema
    .createTable('invoice_counters')
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_counters_pk', ['series', 'year'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // Null for a payment recorded by a person (a bank transfer).
    .addColumn('gateway', 'text')
    .addColumn('gateway_ref', 'text')
    // payment | refund
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_gateway_ref_idx').on('payments').column('gateway_ref').unique().execute();
  await db.schema.createIndex('payments_invoice_idx').on('payments').columns(['invoice_id', 'received_at']).execute();
}

import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { LedgerCredit } from './payments.model.ts';
import type { PaymentRecord } from './invoices.store.ts';

/** Reading an invoice's money: its payments and refunds, and the credit notes issued against it. */
type Q = Kysely<Schema>;

function toPayment(row: Row<'payments'>): PaymentRecord {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    amount: Number(row.amount),
    currency: row.currency,
    gateway: row.gateway,
    gatewayRef: row.gateway_ref,
    kind: row.kind === 'refund' ? 'refund' : 'payment',
    receivedAt: row.received_at,
    createdAt: row.created_at,
  };
}

export async function findPayment(db: Q, id: string): Promise<PaymentRecord | null> {
  const row = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPayment(row) : null;
}

/** Every payment and refund of the invoice, in the order they were received (see inLedgerOrder for the exact order). */
export async function paymentsOf(db: Q, invoiceId: string): Promise<PaymentRecord[]> {
  const rows = await db.selectFrom('payments').selectAll().where('invoice_id', '=', invoiceId).orderBy('received_at').orderBy('created_at').orderBy('id').execute();
  return rows.map(toPayment);
}

/** The credit notes issued against the invoice, each as the positive amount it gives back. */
export async function creditsOf(db: Q, invoiceId: string): Promise<LedgerCredit[]> {
  const rows = await db.selectFrom('invoices').select(['total', 'created_at']).where('correcting_invoice_id', '=', invoiceId).where('kind', '=', 'credit-note').execute();
  return rows.map((r) => ({ amount: -Number(r.total), issuedAt: r.created_at }));
}

/**
 * The saved method each gateway payment was charged to ("Visa ·· 4242"), by the payment's gateway
 * reference: the charge's reference at the gateway, or its idempotency key when it had none.
 */
export async function methodLabels(db: Q, gatewayRefs: readonly string[]): Promise<Map<string, string>> {
  if (gatewayRefs.length === 0) return new Map();
  const rows = await db
    .selectFrom('charges')
    .innerJoin('payment_methods', 'payment_methods.id', 'charges.method_id')
    .select(['charges.charge_ref', 'charges.idempotency_key', 'payment_methods.label'])
    .where((eb) => eb.or([eb('charges.charge_ref', 'in', [...gatewayRefs]), eb('charges.idempotency_key', 'in', [...gatewayRefs])]))
    .execute();
  const labels = new Map<string, string>();
  for (const r of rows) {
    if (r.charge_ref) labels.set(r.charge_ref, r.label);
    labels.set(r.idempotency_key, r.label);
  }
  return labels;
}

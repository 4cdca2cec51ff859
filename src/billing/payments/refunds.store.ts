import type { Kysely } from 'kysely';
import type { Row, Schema } from '../../platform/db/schema.ts';
import type { GatewayName } from './settings.model.ts';

/** Refunds asked for from Upkeep: written before the gateway is asked, settled once with its answer. */
type Q = Kysely<Schema>;

export type RefundState = 'requested' | 'succeeded' | 'failed';

export interface RefundRecord {
  id: string;
  invoiceId: string;
  paymentId: string;
  /** Null for a payment recorded by hand: the money went back outside Upkeep. */
  gateway: GatewayName | null;
  chargeRef: string | null;
  idempotencyKey: string;
  amount: number;
  currency: string;
  reason: string;
  state: RefundState;
  /** What the ledger held as refunded of the charge when this refund was asked for. */
  refundedBefore: number;
  refundRef: string | null;
  ledgerPaymentId: string | null;
  failure: string | null;
  requestedBy: string | null;
  requestedAt: string;
  settledAt: string | null;
}

function toRefund(row: Row<'refunds'>): RefundRecord {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    gateway: row.gateway as GatewayName | null,
    chargeRef: row.charge_ref,
    idempotencyKey: row.idempotency_key,
    amount: Number(row.amount),
    currency: row.currency,
    reason: row.reason,
    state: row.state as RefundState,
    refundedBefore: Number(row.refunded_before),
    refundRef: row.refund_ref,
    ledgerPaymentId: row.ledger_payment_id,
    failure: row.failure,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    settledAt: row.settled_at,
  };
}

export async function insertRefund(db: Q, r: RefundRecord): Promise<void> {
  await db
    .insertInto('refunds')
    .values({
      id: r.id,
      invoice_id: r.invoiceId,
      payment_id: r.paymentId,
      gateway: r.gateway,
      charge_ref: r.chargeRef,
      idempotency_key: r.idempotencyKey,
      amount: r.amount,
      currency: r.currency,
      reason: r.reason,
      state: r.state,
      refunded_before: r.refundedBefore,
      refund_ref: r.refundRef,
      ledger_payment_id: r.ledgerPaymentId,
      failure: r.failure,
      requested_by: r.requestedBy,
      requested_at: r.requestedAt,
      settled_at: r.settledAt,
    })
    .execute();
}

export async function findRefund(db: Q, id: string): Promise<RefundRecord | null> {
  const row = await db.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRefund(row) : null;
}

export async function refundByKey(db: Q, idempotencyKey: string): Promise<RefundRecord | null> {
  const row = await db.selectFrom('refunds').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toRefund(row) : null;
}

export async function refundsOfInvoice(db: Q, invoiceId: string): Promise<RefundRecord[]> {
  const rows = await db.selectFrom('refunds').selectAll().where('invoice_id', '=', invoiceId).orderBy('requested_at').orderBy('id').execute();
  return rows.map(toRefund);
}

export async function refundsOfPayment(db: Q, paymentId: string): Promise<RefundRecord[]> {
  const rows = await db.selectFrom('refunds').selectAll().where('payment_id', '=', paymentId).orderBy('requested_at').orderBy('id').execute();
  return rows.map(toRefund);
}

/** Refunds asked for before `before` and never answered: a process stopped between asking and recording. */
export async function unansweredBefore(db: Q, before: string, limit: number): Promise<RefundRecord[]> {
  const rows = await db.selectFrom('refunds').selectAll().where('state', '=', 'requested').where('requested_at', '<', before).orderBy('requested_at').limit(limit).execute();
  return rows.map(toRefund);
}

/** Moves a refund from one of `from` to `to`; false when it had moved already (the caller then does nothing more). */
export async function settleRefund(db: Q, id: string, from: RefundState[], to: Pick<RefundRecord, 'state' | 'refundRef' | 'ledgerPaymentId' | 'failure' | 'settledAt'>): Promise<boolean> {
  const result = await db
    .updateTable('refunds')
    .set({ state: to.state, refund_ref: to.refundRef, ledger_payment_id: to.ledgerPaymentId, failure: to.failure, settled_at: to.settledAt })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A failed refund asked for again under the same key: back to requested, as it is about to be sent again. */
export async function reopenRefund(db: Q, id: string, requestedAt: string): Promise<boolean> {
  const result = await db.updateTable('refunds').set({ state: 'requested', failure: null, settled_at: null, requested_at: requestedAt }).where('id', '=', id).where('state', '=', 'failed').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

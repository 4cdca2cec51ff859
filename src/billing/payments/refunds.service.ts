import type { Kysely, Transaction } from 'kysely';
import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../../platform/deps.ts';
import { conflict, invalid, notFound, upstreamFailed } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { GatewayError } from '../gateways/gateway.ts';
import * as ledger from '../payment-ledger.store.ts';
import * as invoiceStore from '../invoices.store.ts';
import { visibleInvoice, type Ctx } from '../invoices.service.ts';
import { applyPayment } from '../invoices.settle.service.ts';
import * as chargeStore from './charges.store.ts';
import { gatewayOf } from './gateways.service.ts';
import { cumulativeRefOf, ledgerRefOf, refundAmount, refundKey, RefundRuleError, remainingOf } from './refunds.model.ts';
import * as store from './refunds.store.ts';
import type { RefundRecord } from './refunds.store.ts';
import type { GatewayName } from './settings.model.ts';
import { refundRefPrefix } from './webhooks.model.ts';
import { refundedFromCharge } from './webhooks.store.ts';

/**
 * A person gives money back from Upkeep, without ever giving it back twice.
 *
 * 1. The refund is written and committed first, with the idempotency key it will be sent under
 *    (`refund:<payment>:<request key>`); only one refund of a payment may be unanswered.
 * 2. The gateway is asked with that key.
 * 3. The answer is recorded, once, as a refund in the invoice's ledger under the reference the
 *    gateway's own webhook gives it (refunds.model.ts), in the transaction that settles the refund:
 *    the webhook arriving later finds it recorded, and one arriving first is recognised.
 * The same request sent again (a double click, a retry after a 502) carries the same key: answered
 * from what is recorded, or sent again, which the gateway answers with the first refund. A payment
 * recorded by hand has no gateway: its refund is recorded at once, the money returned outside Upkeep.
 */
export type { RefundRecord } from './refunds.store.ts';
type Trx = Transaction<Schema>;

export interface RefundOrder {
  amount?: number | undefined;
  currency?: string | undefined;
  reason: string;
  requestKey?: string | undefined;
}

export interface RefundMade {
  refund: RefundRecord;
  invoice: invoiceStore.InvoiceRecord;
}

const nameOf = (gateway: GatewayName) => (gateway === 'stripe' ? 'Stripe' : 'PayPal');

export async function refundPayment(deps: Deps, ctx: Ctx, invoiceId: string, paymentId: string, order: RefundOrder): Promise<RefundMade> {
  const invoice = await visibleInvoice(deps, ctx.actor, invoiceId);
  const payment = await ledger.findPayment(deps.database.db, paymentId);
  if (!payment || payment.invoiceId !== invoice.id) throw notFound('payment', paymentId);
  let refund = await openRefund(deps, ctx, payment, order);
  if (refund.state === 'requested') refund = await sendRefund(deps, ctx, refund);
  return { refund, invoice: (await invoiceStore.findInvoice(deps.database.db, invoiceId))! };
}

/**
 * What is refunded of a payment, recorded or under way. A gateway payment's refunds are all those
 * of its charge in the ledger (made here or in the gateway's dashboard, reported by webhook) plus
 * any refund asked for and not answered yet; a payment by hand has only those made here.
 */
async function refundedOf(trx: Kysely<Schema>, payment: invoiceStore.PaymentRecord, except: string | null = null): Promise<{ total: number; ofCharge: number }> {
  const made = (await store.refundsOfPayment(trx, payment.id)).filter((r) => r.id !== except);
  const underWay = made.filter((r) => r.state === 'requested').reduce((sum, r) => sum + r.amount, 0);
  if (!payment.gateway || !payment.gatewayRef) {
    return { total: made.filter((r) => r.state !== 'failed').reduce((sum, r) => sum + r.amount, 0), ofCharge: 0 };
  }
  const ofCharge = await refundedFromCharge(trx, payment.invoiceId, payment.gateway as GatewayName, refundRefPrefix(payment.gatewayRef));
  return { total: ofCharge + underWay, ofCharge };
}

function amountFor(payment: invoiceStore.PaymentRecord, refunded: number, order: RefundOrder): number {
  try {
    return refundAmount(payment, refunded, order);
  } catch (err) {
    if (err instanceof RefundRuleError) throw invalid([{ field: err.field === 'paymentId' ? 'params.paymentId' : `body.${err.field}`, message: err.message }]);
    throw err;
  }
}

/** Step 1: the refund written (or found, for a request sent again); one by hand is recorded at once. */
async function openRefund(deps: Deps, ctx: Ctx, payment: invoiceStore.PaymentRecord, order: RefundOrder): Promise<RefundRecord> {
  const now = deps.now().toISOString();
  const key = refundKey(payment.id, order.requestKey ?? newId('refund'));
  return change(deps, ctx, async (trx, audit) => {
    await invoiceStore.lockInvoice(trx, payment.invoiceId);
    const again = await store.refundByKey(trx, key);
    if (again) return sentAgain(trx, again, payment, order, now);
    const { total, ofCharge } = await refundedOf(trx, payment);
    const amount = amountFor(payment, total, order);
    const underWay = (await store.refundsOfPayment(trx, payment.id)).find((r) => r.state === 'requested');
    if (underWay) throw conflict('A refund of this payment is under way; send the same request again, or wait for its answer.');
    const charge = payment.gateway ? await chargeStore.chargeByRef(trx, payment.gateway as GatewayName, payment.gatewayRef ?? '') : null;
    if (payment.gateway && !charge) throw conflict(`${nameOf(payment.gateway as GatewayName)} gave no reference for this payment: refund it in the gateway's dashboard.`);
    const refund: RefundRecord = {
      id: newId('refund'),
      invoiceId: payment.invoiceId,
      paymentId: payment.id,
      gateway: charge ? charge.gateway : null,
      chargeRef: charge ? payment.gatewayRef : null,
      idempotencyKey: key,
      amount,
      currency: payment.currency,
      reason: order.reason,
      state: 'requested',
      refundedBefore: ofCharge,
      refundRef: null,
      ledgerPaymentId: null,
      failure: null,
      requestedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      requestedAt: now,
      settledAt: null,
    };
    await store.insertRefund(trx, refund);
    if (!refund.gateway) return recordByHand(trx, audit, refund, now);
    await audit({ action: 'invoice.refund-requested', entityType: 'invoice', entityId: refund.invoiceId, before: null, after: { refundId: refund.id, paymentId: payment.id, gateway: refund.gateway, amount, currency: refund.currency, reason: refund.reason } });
    return refund;
  });
}

/** The same request again: answered from what is recorded, or (after a failure) sent again under its key. */
async function sentAgain(trx: Trx, refund: RefundRecord, payment: invoiceStore.PaymentRecord, order: RefundOrder, now: string): Promise<RefundRecord> {
  if (order.amount !== undefined && order.amount !== refund.amount) throw conflict(`This request was first sent for ${refund.amount}; a refund of another amount needs another request key.`, [{ field: 'body.requestKey', message: 'is already used by a refund of another amount' }]);
  if (refund.state === 'succeeded') return refund;
  if (refund.state === 'requested') throw conflict('This refund is under way; its answer has not come yet.');
  amountFor(payment, (await refundedOf(trx, payment, refund.id)).total, { amount: refund.amount, reason: refund.reason });
  // `refundedBefore` stays as it was: had the failure been a lost answer, a webhook may have
  // recorded the refund since under the reference it names.
  await store.reopenRefund(trx, refund.id, now);
  return (await store.findRefund(trx, refund.id))!;
}

async function recordByHand(trx: Trx, audit: Audit, refund: RefundRecord, now: string): Promise<RefundRecord> {
  const entry: invoiceStore.PaymentRecord = { id: newId('payment'), invoiceId: refund.invoiceId, amount: refund.amount, currency: refund.currency, gateway: null, gatewayRef: null, kind: 'refund', receivedAt: now, createdAt: now };
  const { before, after } = await applyPayment(trx, refund.invoiceId, entry, now);
  const settled = { state: 'succeeded' as const, refundRef: null, ledgerPaymentId: entry.id, failure: null, settledAt: now };
  await store.settleRefund(trx, refund.id, ['requested'], settled);
  await audit({ action: 'invoice.refunded', entityType: 'invoice', entityId: refund.invoiceId, before: { state: before.state, paid: before.paid }, after: { state: after.state, paid: after.paid, refundId: refund.id, paymentId: refund.paymentId, payment: entry, reason: refund.reason, gateway: null } });
  return { ...refund, ...settled };
}

/** Steps 2 and 3. A gateway's failure is recorded on the refund alone, and answered with a 502. */
async function sendRefund(deps: Deps, ctx: ChangeContext, refund: RefundRecord): Promise<RefundRecord> {
  const gatewayName = refund.gateway!;
  let refundRef: string;
  try {
    const gateway = await gatewayOf(deps, gatewayName);
    ({ refundRef } = await gateway.refund(refund.chargeRef!, { amount: refund.amount, currency: refund.currency }, refund.idempotencyKey));
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    deps.logger.warn({ refundId: refund.id, gateway: gatewayName, reason: err.message }, 'refund failed at the gateway');
    await recordFailure(deps, ctx, refund, err.message);
    throw upstreamFailed(`${nameOf(gatewayName)} did not refund: ${err.message}`);
  }
  return recordRefund(deps, ctx, refund.id, refundRef);
}

/**
 * The gateway's answer, recorded once. When a cumulative webhook for this refund came first, its
 * entry is this refund's and nothing more is recorded; a webhook naming the refund's id came first
 * when its reference is already in the ledger (applyPayment then records nothing).
 */
async function recordRefund(deps: Deps, ctx: ChangeContext, id: string, refundRef: string): Promise<RefundRecord> {
  const now = deps.now().toISOString();
  await change(deps, ctx, async (trx, audit) => {
    const refund = (await store.findRefund(trx, id))!;
    await invoiceStore.lockInvoice(trx, refund.invoiceId);
    if (refund.state !== 'requested') return;
    const gateway = refund.gateway!;
    const chargeRef = refund.chargeRef!;
    const earlier = await invoiceStore.paymentByRef(trx, cumulativeRefOf(chargeRef, refund.refundedBefore, refund.amount));
    let ledgerPaymentId = earlier?.kind === 'refund' && earlier.invoiceId === refund.invoiceId ? earlier.id : null;
    let moved: { before: invoiceStore.InvoiceRecord; after: invoiceStore.InvoiceRecord } | null = null;
    if (!ledgerPaymentId) {
      const ofCharge = await refundedFromCharge(trx, refund.invoiceId, gateway, refundRefPrefix(chargeRef));
      const entry: invoiceStore.PaymentRecord = { id: newId('payment'), invoiceId: refund.invoiceId, amount: refund.amount, currency: refund.currency, gateway, gatewayRef: ledgerRefOf(gateway, chargeRef, ofCharge, refund.amount, refundRef), kind: 'refund', receivedAt: now, createdAt: now };
      const applied = await applyPayment(trx, refund.invoiceId, entry, now);
      ledgerPaymentId = applied.recorded ? entry.id : ((await invoiceStore.paymentByRef(trx, entry.gatewayRef!))?.id ?? null);
      if (applied.recorded) moved = applied;
    }
    const settled = { state: 'succeeded' as const, refundRef, ledgerPaymentId, failure: null, settledAt: now };
    if (!(await store.settleRefund(trx, id, ['requested'], settled))) return;
    const invoice = moved ?? { before: (await invoiceStore.findInvoice(trx, refund.invoiceId))!, after: null };
    await audit({
      action: 'invoice.refunded',
      entityType: 'invoice',
      entityId: refund.invoiceId,
      before: { state: invoice.before.state, paid: invoice.before.paid },
      after: { ...(invoice.after ? { state: invoice.after.state, paid: invoice.after.paid } : { recordedBy: 'webhook' }), refundId: id, paymentId: refund.paymentId, gateway, refundRef, ledgerPaymentId, amount: refund.amount, currency: refund.currency, reason: refund.reason },
    });
  });
  return (await store.findRefund(deps.database.db, id))!;
}

async function recordFailure(deps: Deps, ctx: ChangeContext, refund: RefundRecord, message: string): Promise<void> {
  const now = deps.now().toISOString();
  await change(deps, ctx, async (trx, audit) => {
    if (!(await store.settleRefund(trx, refund.id, ['requested'], { state: 'failed', refundRef: null, ledgerPaymentId: null, failure: message, settledAt: now }))) return;
    await audit({ action: 'invoice.refund-failed', entityType: 'invoice', entityId: refund.invoiceId, before: { refundId: refund.id, state: 'requested' }, after: { refundId: refund.id, state: 'failed', failure: message } });
  });
}

/** Refunds left unanswered this long are sent again under their key; younger ones may still be on their way. */
export const RECONCILE_REFUNDS_AFTER_MS = 2 * 60_000;
const SYSTEM = { actor: systemActor('billing.refunds'), requestId: null } satisfies ChangeContext;

/**
 * Refunds a stopped process left unanswered: sent again under the same key, which the gateway
 * answers with the refund it made (or makes it now). One the gateway still cannot take waits for
 * the next round; one it refuses is recorded as failed.
 */
export async function reconcileRefunds(deps: Deps, limit = 100): Promise<number> {
  const before = new Date(deps.now().getTime() - RECONCILE_REFUNDS_AFTER_MS).toISOString();
  let settled = 0;
  for (const refund of await store.unansweredBefore(deps.database.db, before, limit)) {
    try {
      const { refundRef } = await (await gatewayOf(deps, refund.gateway!)).refund(refund.chargeRef!, { amount: refund.amount, currency: refund.currency }, refund.idempotencyKey);
      await recordRefund(deps, SYSTEM, refund.id, refundRef);
      settled += 1;
    } catch (err) {
      if (err instanceof GatewayError && !err.retryable) {
        await recordFailure(deps, SYSTEM, refund, err.message);
        settled += 1;
      } else deps.logger.warn({ refundId: refund.id, reason: err instanceof Error ? err.message : String(err) }, 'refund not reconciled yet');
    }
  }
  return settled;
}

/** What each payment of the invoice can still give back, and the refunds made from Upkeep. */
export async function refundsOf(deps: Deps, ctx: Ctx, invoiceId: string) {
  const invoice = await visibleInvoice(deps, ctx.actor, invoiceId);
  const db = deps.database.db;
  const payments = (await ledger.paymentsOf(db, invoice.id)).filter((p) => p.kind === 'payment');
  const rows = await Promise.all(
    payments.map(async (p) => {
      const { total } = await refundedOf(db, p);
      return { paymentId: p.id, currency: p.currency, refunded: total, refundable: remainingOf(p, total) };
    }),
  );
  return { payments: rows, items: await store.refundsOfInvoice(db, invoice.id) };
}

import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { conflict } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { GatewayError, type ChargeOutcome } from '../gateways/gateway.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import { wrongState } from '../invoices.service.ts';
import * as store from './charges.store.ts';
import type { ChargeRecord, ChargeTrigger } from './charges.store.ts';
import { gatewayOf } from './gateways.service.ts';
import { ensureCustomer } from './methods.service.ts';
import * as methodStore from './methods.store.ts';
import { followUp, onRefusedAutoCharge, settlementEnv } from './settlement.service.ts';

/**
 * Charging a saved method for what an invoice still owes, without ever charging twice.
 *
 * 1. The attempt is written and committed first, with the idempotency key it will be sent under
 *    (`invoice:<id>:attempt:<n>`), and only one attempt per invoice may be unanswered.
 * 2. The gateway is asked with that key.
 * 3. The answer is recorded, once: the attempt moves out of `requested` in the same transaction
 *    that records the payment, so a webhook reporting the same charge finds it settled.
 * A process that stops between 2 and 3 leaves the attempt `requested`; `reconcileCharges` asks
 * the gateway what became of the key and records that, or sends the same key again — which a
 * gateway answers with the first charge, never a second.
 */
export type { ChargeRecord } from './charges.store.ts';

const PAYABLE = ['open', 'partially-paid'];
export const chargeKey = (invoiceId: string, attempt: number) => `invoice:${invoiceId}:attempt:${attempt}`;

export interface ChargeOrder {
  invoiceId: string;
  methodId: string;
  trigger: ChargeTrigger;
}

/** Writes the attempt (step 1). Refused while the invoice owes nothing or another attempt is unanswered. */
export async function openAttempt(deps: Deps, ctx: ChangeContext, order: ChargeOrder): Promise<ChargeRecord> {
  const method = await methodStore.findMethod(deps.database.db, order.methodId);
  if (!method) throw conflict('The payment method is no longer saved.');
  return change(deps, ctx, async (trx, audit) => {
    await invoiceStore.lockInvoice(trx, order.invoiceId);
    const invoice = (await invoiceStore.findInvoice(trx, order.invoiceId))!;
    if (invoice.kind !== 'invoice' || !PAYABLE.includes(invoice.state)) throw wrongState(invoice, 'charge');
    const due = amountDue(invoice.total - (await invoiceStore.creditedOn(trx, invoice.id)), invoice.paid);
    if (due <= 0) throw conflict('The invoice owes nothing.');
    const open = (await store.chargesOf(trx, invoice.id)).find((c) => c.state === 'requested' || c.state === 'pending');
    if (open) throw conflict(`A charge for this invoice is already under way (attempt ${open.attempt}).`);
    const attempt = (await store.lastAttempt(trx, invoice.id)) + 1;
    const charge: ChargeRecord = {
      id: newId('charge'),
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      gateway: method.gateway,
      methodId: method.id,
      attempt,
      idempotencyKey: chargeKey(invoice.id, attempt),
      amount: due,
      currency: invoice.currency,
      state: 'requested',
      chargeRef: null,
      declineKind: null,
      declineCode: null,
      declineMessage: null,
      trigger: order.trigger,
      requestedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      requestedAt: deps.now().toISOString(),
      settledAt: null,
    };
    await store.insertCharge(trx, charge);
    await audit({ action: 'charge.requested', entityType: 'invoice', entityId: invoice.id, before: null, after: { chargeId: charge.id, attempt, gateway: charge.gateway, method: method.label, amount: due, currency: charge.currency, trigger: order.trigger } });
    return charge;
  });
}

/** Steps 2 and 3. Returns the attempt as recorded; still `requested` when the gateway could not be reached. */
export async function sendAttempt(deps: Deps, charge: ChargeRecord): Promise<ChargeRecord> {
  // The method as it was when the attempt was written, even if removed since: a reconciled attempt resends exactly that.
  const methodRef = await methodStore.methodRefOf(deps.database.db, charge.methodId);
  try {
    const gateway = await gatewayOf(deps, charge.gateway);
    const customerRef = await ensureCustomer(deps, charge.clientId, charge.gateway);
    const number = (await invoiceStore.numberOf(deps.database.db, charge.invoiceId)) ?? charge.invoiceId;
    const outcome = await gateway.charge({
      idempotencyKey: charge.idempotencyKey,
      customerRef,
      paymentMethodRef: methodRef,
      amount: { amount: charge.amount, currency: charge.currency },
      description: `Invoice ${number}`,
      metadata: { invoice_id: charge.invoiceId, charge_id: charge.id, attempt: String(charge.attempt) },
    });
    return recordOutcome(deps, charge.id, outcome);
  } catch (err) {
    if (err instanceof GatewayError && err.retryable) {
      // Unknown: it may have been charged. Reconciliation finds out; nobody charges again meanwhile.
      deps.logger.warn({ chargeId: charge.id, gateway: charge.gateway, reason: err.message }, 'charge outcome unknown; will reconcile');
      return (await store.findCharge(deps.database.db, charge.id))!;
    }
    const message = err instanceof Error ? err.message : String(err);
    deps.logger.error({ chargeId: charge.id, gateway: charge.gateway, reason: message }, 'charge failed before reaching the card');
    return recordFailure(deps, charge.id, message);
  }
}

/** Open and send: what "Pay now", an automatic charge and a dunning retry do. */
export async function charge(deps: Deps, ctx: ChangeContext, order: ChargeOrder): Promise<ChargeRecord> {
  return sendAttempt(deps, await openAttempt(deps, ctx, order));
}

const SYSTEM = { actor: systemActor('billing.charges'), requestId: null } satisfies ChangeContext;

/**
 * Records what the gateway said about an attempt, once, with what follows from it (the payment,
 * the client told, dunning moved on). An answer for an attempt already settled changes nothing,
 * except a pending one becoming final.
 */
export async function recordOutcome(deps: Deps, chargeId: string, outcome: ChargeOutcome, ctx: ChangeContext = SYSTEM): Promise<ChargeRecord> {
  const now = deps.now().toISOString();
  const env = await settlementEnv(deps);
  await change(deps, ctx, async (trx, audit) => {
    const charge = (await store.findCharge(trx, chargeId))!;
    const to =
      outcome.status === 'declined'
        ? { state: 'declined' as const, chargeRef: outcome.chargeRef, declineKind: outcome.decline, declineCode: outcome.code, declineMessage: outcome.message, settledAt: now }
        : { state: outcome.status, chargeRef: outcome.chargeRef, declineKind: null, declineCode: null, declineMessage: null, settledAt: outcome.status === 'pending' ? null : now };
    // A pending answer never overrides a final one; a success overrides a decline, since a charge
    // declined for want of the card holder (3-D Secure) may still succeed once they confirm it.
    const from: store.ChargeState[] = outcome.status === 'pending' ? ['requested'] : outcome.status === 'succeeded' ? ['requested', 'pending', 'declined', 'failed'] : ['requested', 'pending'];
    if (!(await store.settle(trx, chargeId, from, to))) return;
    await audit({ action: `charge.${to.state}`, entityType: 'invoice', entityId: charge.invoiceId, before: { chargeId, state: charge.state }, after: { chargeId, ...to } });
    await followUp(deps, trx, audit, { ...charge, ...to }, env);
  });
  return (await store.findCharge(deps.database.db, chargeId))!;
}

async function recordFailure(deps: Deps, chargeId: string, message: string): Promise<ChargeRecord> {
  const now = deps.now().toISOString();
  await change(deps, SYSTEM, async (trx, audit) => {
    const to = { state: 'failed' as const, chargeRef: null, declineKind: null, declineCode: 'gateway_error', declineMessage: message, settledAt: now };
    if (!(await store.settle(trx, chargeId, ['requested'], to))) return;
    const failed = (await store.findCharge(trx, chargeId))!;
    // On the invoice, like every other step of a charge, so the invoice's history tells it all.
    await audit({ action: 'charge.failed', entityType: 'invoice', entityId: failed.invoiceId, before: { chargeId, state: 'requested' }, after: { chargeId, ...to } });
    await onRefusedAutoCharge(deps, trx, audit, failed);
  });
  return (await store.findCharge(deps.database.db, chargeId))!;
}

/** Attempts left unanswered this long are reconciled; younger ones may still be on their way. */
export const RECONCILE_AFTER_MS = 2 * 60_000;
/** Pending at the gateway this long without a webhook: ask. */
const PENDING_CHECK_AFTER_MS = 60 * 60_000;

/**
 * Finds out what became of attempts a stopped process left unanswered: the gateway's charge
 * under the attempt's key is recorded; with none there, the same key is sent again.
 */
export async function reconcileCharges(deps: Deps, limit = 100): Promise<number> {
  const now = deps.now().getTime();
  const requested = await store.unsettledBefore(deps.database.db, ['requested'], new Date(now - RECONCILE_AFTER_MS).toISOString(), limit);
  const pending = await store.unsettledBefore(deps.database.db, ['pending'], new Date(now - PENDING_CHECK_AFTER_MS).toISOString(), limit);
  let settled = 0;
  for (const charge of [...requested, ...pending]) {
    try {
      const customerRef = await ensureCustomer(deps, charge.clientId, charge.gateway);
      const found = await (await gatewayOf(deps, charge.gateway)).findCharge(charge.idempotencyKey, customerRef);
      const after = found ? await recordOutcome(deps, charge.id, found) : charge.state === 'requested' ? await sendAttempt(deps, charge) : charge;
      if (after.state !== charge.state) settled += 1;
    } catch (err) {
      deps.logger.warn({ chargeId: charge.id, reason: err instanceof Error ? err.message : String(err) }, 'charge not reconciled yet');
    }
  }
  return settled;
}

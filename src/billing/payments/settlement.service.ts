import type { Kysely, Transaction } from 'kysely';
import { DateTime } from 'luxon';
import { readAgency } from '../../accounts/agency.ts';
import { publishEvent } from '../../notifications/events.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { Audit, Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { findClient } from '../../registry/parties.store.ts';
import { nextDunningStep, type DunningStep, type FailedAttempt } from '../dunning.model.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import { applyPayment } from '../invoices.settle.service.ts';
import * as autoStore from './auto-charges.store.ts';
import * as store from './charges.store.ts';
import type { ChargeRecord } from './charges.store.ts';
import * as dunningStore from './dunning.store.ts';
import { invoiceUrl, methodsUrl, payUrl, receiptUrl } from './links.ts';
import * as methodStore from './methods.store.ts';
import { readBillingSettings } from './settings.service.ts';
import type { BillingSettings } from './settings.model.ts';

/**
 * What follows a charge's final answer, inside the transaction that records it: a success is a
 * payment on the invoice (and ends its dunning); a decline of an automatic charge or a retry moves
 * the invoice through dunning — the client told each time, in their language, with a link to pay —
 * and when dunning gives up, a person is told to follow it up.
 */
type Trx = Transaction<Schema>;

/**
 * What settling needs besides the transaction, read before it begins: on SQLite the transaction
 * holds the only connection, so nothing inside it may read through `deps.database`.
 */
export interface SettlementEnv {
  settings: BillingSettings;
  zone: string;
}

export async function settlementEnv(deps: Deps): Promise<SettlementEnv> {
  return { settings: await readBillingSettings(deps), zone: (await readAgency(deps)).timeZone };
}

/** Declines of these are dunned; a person paying now sees the answer on the spot instead. */
const DUNNED: readonly store.ChargeTrigger[] = ['auto', 'dunning'];

export async function followUp(deps: Deps, trx: Trx, audit: Audit, charge: ChargeRecord, env: SettlementEnv): Promise<void> {
  if (charge.state === 'succeeded') await onPaid(deps, trx, audit, charge);
  else if (charge.state === 'declined') {
    await autoStore.moveAutoCharge(trx, charge.invoiceId, ['scheduled', 'approved'], 'failed', deps.now().toISOString());
    if (DUNNED.includes(charge.trigger)) await advanceDunning(deps, trx, audit, charge.invoiceId, env);
  }
}

/**
 * An automatic charge the gateway refused before it reached the money (its credentials, a method
 * gone at the gateway) is not a decline: a retry would be refused the same way, round after
 * round. It goes straight to a person instead, in the follow-up queue with the gateway's reason.
 * The client is not told: nothing was tried on their card, and the invoice stays open to pay.
 */
export async function onRefusedAutoCharge(deps: Deps, trx: Trx, audit: Audit, charge: ChargeRecord): Promise<void> {
  const now = deps.now().toISOString();
  if (charge.trigger !== 'auto' || !(await autoStore.moveAutoCharge(trx, charge.invoiceId, ['scheduled', 'approved'], 'failed', now))) return;
  const reason = charge.declineMessage ?? `${charge.gateway} refused the automatic charge`;
  await dunningStore.saveCase(trx, { invoiceId: charge.invoiceId, clientId: charge.clientId, state: 'exhausted', enteredAt: charge.requestedAt, nextAttemptAt: null, failures: 1, lastReason: reason, usedFallback: false, closedAt: now });
  await audit({ action: 'dunning.exhausted', entityType: 'invoice', entityId: charge.invoiceId, before: null, after: { state: 'exhausted', reason } });
  await tellStaff(deps, trx, charge, 1, reason);
}

async function onPaid(deps: Deps, trx: Trx, audit: Audit, charge: ChargeRecord): Promise<void> {
  const now = deps.now().toISOString();
  const payment: invoiceStore.PaymentRecord = {
    id: newId('payment'),
    invoiceId: charge.invoiceId,
    amount: charge.amount,
    currency: charge.currency,
    gateway: charge.gateway,
    gatewayRef: charge.chargeRef ?? charge.idempotencyKey,
    kind: 'payment',
    receivedAt: now,
    createdAt: now,
  };
  const { before, after, recorded } = await applyPayment(trx, charge.invoiceId, payment, now);
  if (!recorded) return;
  await audit({ action: 'invoice.payment-recorded', entityType: 'invoice', entityId: charge.invoiceId, before: { state: before.state, paid: before.paid }, after: { state: after.state, paid: after.paid, payment, chargeId: charge.id } });
  await autoStore.moveAutoCharge(trx, charge.invoiceId, ['scheduled', 'approved', 'failed'], 'charged', now);
  const dunning = await dunningStore.findCase(trx, charge.invoiceId);
  if (dunning?.state === 'active' || (dunning?.state === 'exhausted' && after.state === 'paid')) {
    await dunningStore.saveCase(trx, { ...dunning, state: 'recovered', nextAttemptAt: null, closedAt: now });
    await audit({ action: 'dunning.recovered', entityType: 'invoice', entityId: charge.invoiceId, before: { state: dunning.state }, after: { state: 'recovered', failures: dunning.failures } });
  }
  const method = await methodStore.findMethod(trx, charge.methodId);
  await publishEvent(
    trx,
    {
      type: 'payment.received',
      severity: 'info',
      clientId: charge.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `payment:${payment.id}`,
      groupKey: null,
      data: { invoiceId: charge.invoiceId, invoiceNumber: after.number ?? '', amount: { amount: payment.amount, currency: payment.currency }, paidAt: now, method: method?.label ?? null, url: invoiceUrl(deps, charge.invoiceId), receiptUrl: receiptUrl(deps, payment.id) },
    },
    deps.now(),
  );
}

/** The declined attempts since the invoice entered dunning, oldest first. */
async function failuresSince(trx: Kysely<Schema>, invoiceId: string, since: string): Promise<FailedAttempt[]> {
  return (await store.chargesOf(trx, invoiceId))
    .filter((c) => c.state === 'declined' && c.requestedAt >= since)
    .map((c) => ({ at: new Date(c.settledAt ?? c.requestedAt), decline: c.declineKind ?? 'soft', gateway: c.gateway }));
}

/** The step dunning takes next for an invoice, from its declined attempts and the agency's schedule. */
export async function dunningStepFor(deps: Deps, trx: Kysely<Schema>, dunning: dunningStore.DunningCase, settings: BillingSettings): Promise<DunningStep> {
  const failures = await failuresSince(trx, dunning.invoiceId, dunning.enteredAt);
  if (failures.length === 0) return { kind: 'give-up', reason: 'retries-used-up' };
  return nextDunningStep({ retryDays: settings.retryDays, fallbackGateway: settings.fallbackGateway }, failures, deps.now());
}

async function advanceDunning(deps: Deps, trx: Trx, audit: Audit, invoiceId: string, env: SettlementEnv): Promise<void> {
  const now = deps.now().toISOString();
  const charges = await store.chargesOf(trx, invoiceId);
  const last = charges.at(-1)!;
  const existing = await dunningStore.findCase(trx, invoiceId);
  const dunning: dunningStore.DunningCase =
    existing?.state === 'active' ? existing : { invoiceId, clientId: last.clientId, state: 'active', enteredAt: last.requestedAt, nextAttemptAt: null, failures: 0, lastReason: null, usedFallback: false, closedAt: null };
  const step = await dunningStepFor(deps, trx, dunning, env.settings);
  const failures = (await failuresSince(trx, invoiceId, dunning.enteredAt)).length;
  const reason = last.declineMessage ?? last.declineCode ?? 'declined';
  if (!existing || existing.state !== 'active') await audit({ action: 'dunning.entered', entityType: 'invoice', entityId: invoiceId, before: null, after: { reason } });
  if (step.kind === 'give-up') {
    await dunningStore.saveCase(trx, { ...dunning, state: 'exhausted', nextAttemptAt: null, failures, lastReason: reason, usedFallback: dunning.usedFallback || last.gateway !== charges[0]!.gateway, closedAt: now });
    await audit({ action: 'dunning.exhausted', entityType: 'invoice', entityId: invoiceId, before: { state: 'active' }, after: { state: 'exhausted', reason: step.reason, failures } });
    await tellClient(deps, trx, last, failures, null, step.reason === 'hard-decline', env.zone);
    await tellStaff(deps, trx, last, failures, reason);
    return;
  }
  await dunningStore.saveCase(trx, { ...dunning, nextAttemptAt: step.at.toISOString(), failures, lastReason: reason, usedFallback: dunning.usedFallback || step.kind === 'fallback' });
  await audit({ action: 'dunning.scheduled', entityType: 'invoice', entityId: invoiceId, before: null, after: { step: step.kind, at: step.at.toISOString(), gateway: step.gateway, failures } });
  await tellClient(deps, trx, last, failures, step.at, false, env.zone);
}

/** Dunning ends without a charge (no saved method left to try): the client and a person are told. */
export async function giveUpDunning(deps: Deps, trx: Trx, audit: Audit, dunning: dunningStore.DunningCase, reason: string, env: SettlementEnv): Promise<void> {
  const last = (await store.chargesOf(trx, dunning.invoiceId)).at(-1)!;
  await dunningStore.saveCase(trx, { ...dunning, state: 'exhausted', nextAttemptAt: null, lastReason: reason, closedAt: deps.now().toISOString() });
  await audit({ action: 'dunning.exhausted', entityType: 'invoice', entityId: dunning.invoiceId, before: { state: dunning.state }, after: { state: 'exhausted', reason } });
  await tellClient(deps, trx, last, dunning.failures, null, false, env.zone);
  await tellStaff(deps, trx, last, dunning.failures, reason);
}

async function context(deps: Deps, trx: Trx, charge: ChargeRecord) {
  const invoice = (await invoiceStore.findInvoice(trx, charge.invoiceId))!;
  const client = await findClient(trx, charge.clientId);
  const credited = await invoiceStore.creditedOn(trx, invoice.id);
  return { invoice, clientName: client?.name ?? '', due: amountDue(invoice.total - credited, invoice.paid) };
}

async function tellClient(deps: Deps, trx: Trx, charge: ChargeRecord, attempt: number, nextAt: Date | null, hardDecline: boolean, zone: string): Promise<void> {
  const { invoice, clientName } = await context(deps, trx, charge);
  const nextRetryOn = nextAt ? DateTime.fromJSDate(nextAt, { zone }).toISODate() : null;
  await publishEvent(
    trx,
    {
      type: 'payment.failed',
      severity: 'medium',
      clientId: charge.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `payment-failed:${charge.id}`,
      groupKey: null,
      data: {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number ?? '',
        clientName,
        amount: { amount: charge.amount, currency: charge.currency },
        reason: charge.declineMessage ?? charge.declineCode ?? 'declined',
        hardDecline,
        attempt,
        nextRetryOn,
        payUrl: payUrl(deps, invoice.id),
        methodsUrl: methodsUrl(deps),
      },
    },
    deps.now(),
  );
}

async function tellStaff(deps: Deps, trx: Trx, charge: ChargeRecord, attempts: number, lastReason: string): Promise<void> {
  const { invoice, clientName, due } = await context(deps, trx, charge);
  await publishEvent(
    trx,
    {
      type: 'payment.dunning-exhausted',
      severity: 'high',
      clientId: charge.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `dunning:${invoice.id}`,
      groupKey: null,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number ?? '', clientName, amountDue: { amount: due, currency: invoice.currency }, attempts, lastReason, assigneeId: null, url: invoiceUrl(deps, invoice.id) },
    },
    deps.now(),
  );
}

import type { Actor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import { visibleInvoice } from '../invoices.service.ts';
import * as autoStore from './auto-charges.store.ts';
import { charge } from './charges.service.ts';
import * as store from './charges.store.ts';
import * as dunningStore from './dunning.store.ts';
import * as methodStore from './methods.store.ts';
import { autoChargeView, chargeViews, dunningViewOf } from './payments.views.ts';

/**
 * What people do with charges: pay an invoice now with a saved method, see an invoice's attempts,
 * approve or reject a large automatic charge, stop dunning. Each is audited where it changes something.
 */
type Ctx = ChangeContext & { actor: Actor };

/** "Pay now": the client (or the agency on its behalf) charges a saved method for what is owed. */
export async function payNow(deps: Deps, ctx: Ctx, invoiceId: string, methodId: string) {
  const invoice = await visibleInvoice(deps, ctx.actor, invoiceId);
  const method = await methodStore.findMethod(deps.database.db, methodId);
  if (!method || method.clientId !== invoice.clientId) throw notFound('payment method', methodId);
  const trigger = ctx.actor.role === 'client' ? 'pay-now' : 'person';
  const attempt = await charge(deps, ctx, { invoiceId, methodId, trigger });
  return (await chargeViews(deps.database.db, [attempt]))[0]!;
}

export async function chargesOfInvoice(deps: Deps, actor: Actor, invoiceId: string) {
  await visibleInvoice(deps, actor, invoiceId);
  const db = deps.database.db;
  const auto = await autoStore.findAutoCharge(db, invoiceId);
  const dunning = await dunningStore.findCase(db, invoiceId);
  return {
    items: await chargeViews(db, await store.chargesOf(db, invoiceId)),
    autoCharge: auto ? await autoChargeView(deps, auto) : null,
    dunning: dunning ? await dunningViewOf(deps, dunning) : null,
  };
}

/** The agency's queue (billing:oversee, which client users lack). */
export async function listApprovals(deps: Deps, state: autoStore.AutoChargeState) {
  const rows = await autoStore.listAutoCharges(deps.database.db, state, null, 500);
  return { items: await Promise.all(rows.map((a) => autoChargeView(deps, a))) };
}

/** A person decides on a charge held for approval: approved ones are charged on their day (at once if it has come). */
export async function decideApproval(deps: Deps, ctx: Ctx, invoiceId: string, approve: boolean) {
  await visibleInvoice(deps, ctx.actor, invoiceId);
  const before = await autoStore.findAutoCharge(deps.database.db, invoiceId);
  if (!before) throw notFound('automatic charge', invoiceId);
  const to = approve ? 'approved' : 'rejected';
  await change(deps, ctx, async (trx, audit) => {
    const moved = await autoStore.moveAutoCharge(trx, invoiceId, ['awaiting-approval'], to, deps.now().toISOString(), ctx.actor.id ?? null);
    if (!moved) throw conflict(`The charge is ${before.state}, not waiting for approval.`);
    await audit({ action: approve ? 'auto-charge.approved' : 'auto-charge.rejected', entityType: 'invoice', entityId: invoiceId, before: { state: before.state }, after: { state: to, amount: before.amount, currency: before.currency } });
  });
  return autoChargeView(deps, (await autoStore.findAutoCharge(deps.database.db, invoiceId))!);
}

export async function listDunning(deps: Deps, state: dunningStore.DunningState) {
  const rows = await dunningStore.listCases(deps.database.db, { state, clientId: null, limit: 500 });
  return { items: await Promise.all(rows.map((d) => dunningViewOf(deps, d))) };
}

/** A person takes over: no more retries or messages for this invoice. */
export async function stopDunning(deps: Deps, ctx: Ctx, invoiceId: string) {
  await visibleInvoice(deps, ctx.actor, invoiceId);
  const before = await dunningStore.findCase(deps.database.db, invoiceId);
  if (!before) throw notFound('dunning case', invoiceId);
  if (before.state !== 'active') throw conflict(`Dunning for this invoice is ${before.state} already.`);
  const after = { ...before, state: 'stopped' as const, nextAttemptAt: null, closedAt: deps.now().toISOString() };
  await change(deps, ctx, async (trx, audit) => {
    await dunningStore.saveCase(trx, after);
    await audit({ action: 'dunning.stopped', entityType: 'invoice', entityId: invoiceId, before: { state: before.state }, after: { state: 'stopped' } });
  });
  return dunningViewOf(deps, after);
}

import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { changedFields } from '../platform/audit/model.ts';
import type { Audit, Deps } from '../platform/deps.ts';
import { conflict, invalid, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Asset } from '../registry/assets.model.ts';
import { getAsset, updateAssetWith } from '../registry/assets.service.ts';
import { currencyProblem, newCost, writeCost } from './costs.service.ts';
import { completionProblem, renewedUntilProblem, todayOf, type TaskOutcome } from './tasks.model.ts';
import { findVisibleTask, viewOf, type Ctx, type TaskView } from './tasks.service.ts';
import * as store from './tasks.store.ts';

/**
 * Completing a renewal task: the asset is renewed (new expiry, active, what was paid) or retired,
 * the payment goes into the cost history and the task is closed — in one transaction, through the
 * registry's own update so the asset change is audited there. Everything is checked before the
 * transaction opens; a task completed meanwhile by someone else rolls the whole thing back.
 */
export type Completion =
  | { outcome: 'renewed'; renewedUntil?: string | undefined; expiryFrom?: 'entered' | 'check' | undefined; paid?: { amount: number; currency: string } | undefined }
  | { outcome: 'cancelled'; note?: string | undefined };

export async function completeTask(deps: Deps, ctx: Ctx, id: string, input: Completion): Promise<TaskView> {
  const task = await findVisibleTask(deps, ctx.actor, id);
  const refused = completionProblem(task.state);
  if (refused) throw conflict(`The task cannot be completed: ${refused}.`);
  const asset = await getAsset(deps, ctx.actor, task.asset.id);
  return input.outcome === 'renewed' ? renew(deps, ctx, task, asset, input) : cancel(deps, ctx, task, asset, input.note);
}

/** The new expiry: entered by the person, or what the latest domain/TLS check already wrote on the asset. */
function newExpiry(task: store.RenewalTask, asset: Asset, input: Extract<Completion, { outcome: 'renewed' }>, errors: FieldError[]): string {
  if (input.expiryFrom === 'check') {
    if (input.renewedUntil) errors.push({ field: 'body.renewedUntil', message: 'is not given when the expiry is taken from a check' });
    // Domain and TLS checks move the asset's expiry as soon as they see the renewal; until then there is nothing to take.
    if (!asset.expiresOn || asset.expiresOn <= task.renewalOn) throw conflict('No fresh check shows a new expiry yet: enter the new expiry date, or wait for the next domain or certificate check.', [{ field: 'body.expiryFrom', message: 'no fresh check shows a new expiry yet' }]);
    return asset.expiresOn;
  }
  if (!input.renewedUntil) {
    errors.push({ field: 'body.renewedUntil', message: 'is required: the new expiry date, or expiryFrom "check"' });
    return task.renewalOn;
  }
  const problem = renewedUntilProblem(task.renewalOn, input.renewedUntil);
  if (problem) errors.push({ field: 'body.renewedUntil', message: problem });
  return input.renewedUntil;
}

async function renew(deps: Deps, ctx: Ctx, task: store.RenewalTask, asset: Asset, input: Extract<Completion, { outcome: 'renewed' }>): Promise<TaskView> {
  const errors: FieldError[] = [];
  const until = newExpiry(task, asset, input, errors);
  const currency = input.paid ? currencyProblem(asset, input.paid.currency, 'body.paid.currency') : null;
  if (currency) errors.push(currency);
  if (errors.length > 0) throw invalid(errors);
  const now = deps.now();
  const patch = { expiresOn: until, status: 'active' as const, ...(input.paid ? { renewalAmount: input.paid.amount } : {}) };
  const closing: store.RenewalTask = {
    ...task,
    state: 'done',
    snoozedUntil: null,
    outcome: 'renewed',
    renewedUntil: until,
    paid: input.paid ?? null,
    completedAt: now.toISOString(),
    completedBy: ctx.actor.id,
    updatedAt: now.toISOString(),
  };
  const { result } = await updateAssetWith(deps, ctx, asset.id, patch, async (trx, audit) => {
    await close(trx, audit, task, closing);
    if (input.paid) {
      const cost = newCost(deps, ctx, asset, { paidOn: todayOf(now), amount: input.paid.amount, currency: input.paid.currency, renewalOn: task.renewalOn, renewedUntil: until, taskId: task.id });
      await writeCost(trx, audit, cost);
    }
    return closing;
  });
  return viewOf({ ...result, asset: { ...result.asset, expiresOn: until } }, now);
}

async function cancel(deps: Deps, ctx: Ctx, task: store.RenewalTask, asset: Asset, note: string | undefined): Promise<TaskView> {
  const now = deps.now();
  const closing: store.RenewalTask = { ...task, state: 'done', snoozedUntil: null, outcome: 'cancelled', completedAt: now.toISOString(), completedBy: ctx.actor.id, updatedAt: now.toISOString() };
  const { result } = await updateAssetWith(deps, ctx, asset.id, { status: 'retired' }, async (trx, audit) => {
    await close(trx, audit, task, closing);
    if (note) {
      const row = { id: newId('taskComment', now.getTime()), task_id: task.id, author_id: ctx.actor.id, body: note, created_at: now.toISOString() };
      await store.insertComment(trx, row);
      await audit({ action: 'task.commented', entityType: 'task', entityId: task.id, after: { commentId: row.id, body: note } });
    }
    return closing;
  });
  return viewOf(result, now);
}

const completionFields = (t: store.RenewalTask) => ({ state: t.state, outcome: t.outcome, renewedUntil: t.renewedUntil, paid: t.paid, completedBy: t.completedBy });

async function close(trx: Kysely<Schema>, audit: Audit, before: store.RenewalTask, after: store.RenewalTask): Promise<void> {
  const closed = await store.closeTask(trx, before.id, {
    state: after.state,
    snoozed_until: null,
    outcome: after.outcome as TaskOutcome,
    renewed_until: after.renewedUntil,
    paid_amount: after.paid?.amount ?? null,
    paid_currency: after.paid?.currency ?? null,
    completed_at: after.completedAt,
    completed_by: after.completedBy,
    updated_at: after.updatedAt,
  });
  // Someone completed it between our check and this write: throwing rolls back the asset change too.
  if (!closed) throw conflict('The task was completed by someone else meanwhile.');
  await audit({ action: 'task.completed', entityType: 'task', entityId: before.id, ...changedFields(completionFields(before), completionFields(after)) });
}

import type { Actor } from '../accounts/model.ts';
import { createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { invalid, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Asset } from '../registry/assets.model.ts';
import { getAsset } from '../registry/assets.service.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import * as store from './costs.store.ts';
import { todayOf } from './tasks.model.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { AssetCost } from './costs.store.ts';

/**
 * The cost history of an asset: what was paid for it and which period that bought. Rows come from
 * completed renewal tasks and from payments recorded by hand; the KPIs and forecasts read them.
 */
export async function listCosts(deps: Deps, actor: Actor, assetId: string, page: { cursor?: Cursor | undefined; limit: number }): Promise<Page<store.AssetCost>> {
  await getAsset(deps, actor, assetId);
  const rows = await store.listCosts(deps.database.db, assetId, page.limit, page.cursor);
  return toPage(rows, page.limit, (c) => ({ value: c.paidOn, id: c.id }), (c) => c);
}

export interface CostInput {
  paidOn: string;
  amount: number;
  currency: string;
  renewedUntil?: string | null | undefined;
}

/** A payment is in the asset's currency: a mixed history could not be summed. */
export function currencyProblem(asset: Pick<Asset, 'currency'>, currency: string, field: string): FieldError | null {
  return currency === asset.currency ? null : { field, message: `must be the asset's currency (${asset.currency})` };
}

/** Records one payment inside the caller's transaction, audited as `asset.cost-recorded`. */
export async function writeCost(trx: Kysely<Schema>, audit: Audit, cost: store.AssetCost): Promise<store.AssetCost> {
  await store.insertCost(trx, cost);
  await audit({ action: 'asset.cost-recorded', entityType: 'asset', entityId: cost.assetId, after: { costId: cost.id, ...createdRecord(cost) } });
  return cost;
}

export function newCost(deps: Deps, ctx: Ctx, asset: Pick<Asset, 'id' | 'clientId'>, fields: Omit<store.AssetCost, 'id' | 'assetId' | 'clientId' | 'recordedBy' | 'createdAt'>): store.AssetCost {
  const now = deps.now();
  return { id: newId('cost', now.getTime()), assetId: asset.id, clientId: asset.clientId, recordedBy: ctx.actor.id, createdAt: now.toISOString(), ...fields };
}

export async function recordCost(deps: Deps, ctx: Ctx, assetId: string, input: CostInput): Promise<store.AssetCost> {
  const asset = await getAsset(deps, ctx.actor, assetId);
  const errors: FieldError[] = [];
  const currency = currencyProblem(asset, input.currency, 'body.currency');
  if (currency) errors.push(currency);
  const today = todayOf(deps.now());
  if (input.paidOn > today) errors.push({ field: 'body.paidOn', message: `must not be in the future (today is ${today})` });
  if (input.renewedUntil && input.renewedUntil <= input.paidOn) errors.push({ field: 'body.renewedUntil', message: 'must be after the day it was paid' });
  if (errors.length > 0) throw invalid(errors);
  const cost = newCost(deps, ctx, asset, { paidOn: input.paidOn, amount: input.amount, currency: input.currency, renewalOn: null, renewedUntil: input.renewedUntil ?? null, taskId: null });
  return change(deps, ctx, (trx, audit) => writeCost(trx, audit, cost));
}

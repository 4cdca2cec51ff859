import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { Row, Schema } from '../platform/db/schema.ts';

type Q = Kysely<Schema>;

/** One payment for an asset: what was paid, when, and the period it bought. */
export interface AssetCost {
  id: string;
  assetId: string;
  clientId: string;
  paidOn: string;
  amount: number;
  currency: string;
  renewalOn: string | null;
  renewedUntil: string | null;
  taskId: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export function toCost(r: Row<'asset_costs'>): AssetCost {
  return {
    id: r.id,
    assetId: r.asset_id,
    clientId: r.client_id,
    paidOn: r.paid_on,
    amount: Number(r.amount),
    currency: r.currency,
    renewalOn: r.renewal_on,
    renewedUntil: r.renewed_until,
    taskId: r.task_id,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  };
}

export function costRow(c: AssetCost): Row<'asset_costs'> {
  return {
    id: c.id,
    asset_id: c.assetId,
    client_id: c.clientId,
    paid_on: c.paidOn,
    amount: c.amount,
    currency: c.currency,
    renewal_on: c.renewalOn,
    renewed_until: c.renewedUntil,
    task_id: c.taskId,
    recorded_by: c.recordedBy,
    created_at: c.createdAt,
  };
}

export async function insertCost(db: Q, cost: AssetCost): Promise<void> {
  await db.insertInto('asset_costs').values(costRow(cost)).execute();
}

/** Newest payment first (by the day paid, then id); `limit + 1` rows. */
export async function listCosts(db: Q, assetId: string, limit: number, cursor?: Cursor): Promise<AssetCost[]> {
  let q = db.selectFrom('asset_costs').selectAll().where('asset_id', '=', assetId);
  if (cursor) q = q.where(sql<SqlBool>`(paid_on < ${cursor.value} or (paid_on = ${cursor.value} and id < ${cursor.id}))`);
  const rows = await q.orderBy('paid_on', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return rows.map(toCost);
}

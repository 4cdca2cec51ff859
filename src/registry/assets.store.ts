import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../platform/db/dialect.ts';
import { afterCursor, decodeCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Row, Schema } from '../platform/db/schema.ts';
import {
  dateAfterDays,
  EXPIRING_WITHIN_DAYS,
  searchWords,
  type Asset,
  type AssetKind,
  type AssetStatus,
  type BillingCycle,
} from './assets.model.ts';

type Q = Kysely<Schema>;

export function toAsset(row: Row<'assets'>, projectIds: string[]): Asset {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as AssetKind,
    name: row.name,
    identifier: row.identifier,
    providerId: row.provider_id,
    status: row.status as AssetStatus,
    expiresOn: row.expires_on,
    billingCycle: row.billing_cycle as BillingCycle,
    cycleMonths: row.cycle_months,
    currency: row.currency,
    costAmount: row.cost_amount,
    renewalAmount: row.renewal_amount,
    autoRenew: row.auto_renew === 1,
    ownerId: row.owner_id,
    projectIds,
    tags: JSON.parse(row.tags),
    notes: row.notes,
    customFields: JSON.parse(row.custom_fields),
    secretNames: Object.keys(JSON.parse(row.secrets)).sort(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
  };
}

export async function projectIdsOf(db: Q, assetIds: string[]): Promise<Map<string, string[]>> {
  const byAsset = new Map<string, string[]>(assetIds.map((id) => [id, []]));
  if (assetIds.length === 0) return byAsset;
  const links = await db.selectFrom('asset_projects').selectAll().where('asset_id', 'in', assetIds).orderBy('project_id').execute();
  for (const link of links) byAsset.get(link.asset_id)?.push(link.project_id);
  return byAsset;
}

export async function findAssetRow(db: Q, id: string): Promise<Row<'assets'> | null> {
  return (await db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findAsset(db: Q, id: string): Promise<Asset | null> {
  const row = await findAssetRow(db, id);
  if (!row) return null;
  return toAsset(row, (await projectIdsOf(db, [id])).get(id) ?? []);
}

/** Keep the link tables in step with the asset's project list and tags. */
export async function replaceLinks(db: Q, assetId: string, projectIds: string[], tags: string[]): Promise<void> {
  await db.deleteFrom('asset_projects').where('asset_id', '=', assetId).execute();
  await db.deleteFrom('asset_tags').where('asset_id', '=', assetId).execute();
  if (projectIds.length > 0) await db.insertInto('asset_projects').values(projectIds.map((project_id) => ({ asset_id: assetId, project_id }))).execute();
  if (tags.length > 0) await db.insertInto('asset_tags').values(tags.map((tag) => ({ asset_id: assetId, tag }))).execute();
}

export const ASSET_SORTS = { name: 'name', expiresOn: 'expires_on', createdAt: 'created_at', updatedAt: 'updated_at', yearlyCost: 'yearly_cost' } as const;
export type AssetSort = keyof typeof ASSET_SORTS;

export interface AssetFilter {
  clientId?: string | null | undefined;
  projectId?: string | undefined;
  /** A user id, or 'none' for assets nobody is responsible for. */
  ownerId?: string | undefined;
  providerId?: string | undefined;
  kinds?: AssetKind[] | undefined;
  statuses?: AssetStatus[] | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  expiresWithinDays?: number | undefined;
  includeRetired?: boolean | undefined;
  sort: AssetSort;
  direction: 'asc' | 'desc';
  cursor?: Cursor | undefined;
  limit: number;
}

/** The SQL twin of `effectiveStatus()`: which rows show a given status today. */
function statusCondition(status: AssetStatus, today: string, expiringUntil: string): Expression<SqlBool> {
  const live = sql<SqlBool>`assets.status in ('active', 'expiring')`;
  switch (status) {
    case 'expired':
      return sql<SqlBool>`(assets.status = 'expired' or (${live} and assets.expires_on < ${today}))`;
    case 'expiring':
      return sql<SqlBool>`(${live} and assets.expires_on >= ${today} and assets.expires_on <= ${expiringUntil})`;
    case 'active':
      return sql<SqlBool>`(${live} and (assets.expires_on is null or assets.expires_on > ${expiringUntil}))`;
    default:
      return sql<SqlBool>`assets.status = ${status}`;
  }
}

export async function listAssetRows(db: Q, dialect: Dialect, f: AssetFilter, now: Date): Promise<Row<'assets'>[]> {
  const today = dateAfterDays(now, 0);
  let query = db.selectFrom('assets').selectAll('assets');
  if (f.clientId) query = query.where('assets.client_id', '=', f.clientId);
  if (f.projectId) query = query.where('assets.id', 'in', (eb) => eb.selectFrom('asset_projects').select('asset_id').where('project_id', '=', f.projectId!));
  if (f.ownerId) query = f.ownerId === 'none' ? query.where('assets.owner_id', 'is', null) : query.where('assets.owner_id', '=', f.ownerId);
  if (f.providerId) query = query.where('assets.provider_id', '=', f.providerId);
  if (f.kinds?.length) query = query.where('assets.kind', 'in', f.kinds);
  // Tags are stored trimmed and lower-cased (normaliseTags), so the filter is compared the same way.
  const tag = f.tag?.trim().toLowerCase();
  if (tag) query = query.where('assets.id', 'in', (eb) => eb.selectFrom('asset_tags').select('asset_id').where('tag', '=', tag));
  if (f.statuses?.length) {
    const until = dateAfterDays(now, EXPIRING_WITHIN_DAYS);
    query = query.where((eb) => eb.or(f.statuses!.map((s) => statusCondition(s, today, until))));
  }
  if (!f.includeRetired && !f.statuses?.includes('retired')) query = query.where('assets.status', '!=', 'retired');
  if (f.expiresWithinDays !== undefined) {
    query = query
      .where('assets.expires_on', '>=', today)
      .where('assets.expires_on', '<=', dateAfterDays(now, f.expiresWithinDays))
      .where('assets.status', 'not in', ['cancelled', 'retired']);
  }
  if (f.q) {
    const words = searchWords(f.q);
    if (words.length > 0) query = query.where(dialect.assetTextMatch(words));
  }
  const column = `assets.${ASSET_SORTS[f.sort]}`;
  if (f.cursor) query = query.where(afterCursor(column, f.direction, f.cursor));
  // A range on the renewal date rules out nulls; saying NULLS LAST would stop SQLite using the index.
  const nullable = f.sort === 'expiresOn' && f.expiresWithinDays === undefined;
  const order = sql.raw(`${column} ${f.direction}${nullable ? ' nulls last' : ''}, assets.id ${f.direction}`);
  return query.orderBy(order).limit(f.limit + 1).execute();
}

export function assetCursor(row: Row<'assets'>, sort: AssetSort): Cursor {
  return { value: row[ASSET_SORTS[sort]], id: row.id };
}

export { decodeCursor };

/** The row for an asset; `secrets` is the already-encrypted map. Derived columns are filled here. */
export function assetRow(asset: Asset, secrets: Record<string, string>, yearlyCostAmount: number, text: string): Row<'assets'> {
  return {
    id: asset.id,
    client_id: asset.clientId,
    kind: asset.kind,
    name: asset.name,
    identifier: asset.identifier,
    provider_id: asset.providerId,
    status: asset.status,
    expires_on: asset.expiresOn,
    billing_cycle: asset.billingCycle,
    cycle_months: asset.cycleMonths,
    currency: asset.currency,
    cost_amount: asset.costAmount,
    renewal_amount: asset.renewalAmount,
    yearly_cost: yearlyCostAmount,
    auto_renew: asset.autoRenew ? 1 : 0,
    owner_id: asset.ownerId,
    notes: asset.notes,
    tags: JSON.stringify(asset.tags),
    custom_fields: JSON.stringify(asset.customFields),
    secrets: JSON.stringify(secrets),
    search_text: text,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    retired_at: asset.retiredAt,
  };
}

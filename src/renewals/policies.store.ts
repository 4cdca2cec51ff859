import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { AssetKind } from '../registry/assets.model.ts';
import { DEFAULT_RENEWAL_POLICY, type PolicyLayer, type PolicyOverride, type PolicyTarget, type RenewalPolicy } from './policy.model.ts';

type Q = Kysely<Schema>;

/** The agency's default policy: the shipped one with whatever the agency changed laid over it. */
export async function readDefaultPolicy(db: Q): Promise<RenewalPolicy> {
  const row = await db.selectFrom('renewal_policies').select('settings').where('scope', '=', 'default').where('target', '=', '').executeTakeFirst();
  return row ? { ...DEFAULT_RENEWAL_POLICY, ...(JSON.parse(row.settings) as PolicyOverride) } : { ...DEFAULT_RENEWAL_POLICY };
}

function targetOf(scope: string, target: string): PolicyTarget {
  switch (scope) {
    case 'client':
      return { scope, clientId: target };
    case 'kind':
      return { scope, kind: target as AssetKind };
    default:
      return { scope: 'asset', assetId: target };
  }
}

/** Every override (client, kind, asset). Few enough to hold in memory: one per client, kind or odd asset. */
export async function readPolicyLayers(db: Q): Promise<PolicyLayer[]> {
  const rows = await db.selectFrom('renewal_policies').select(['scope', 'target', 'settings']).where('scope', '!=', 'default').orderBy('id').execute();
  return rows.map((r) => ({ target: targetOf(r.scope, r.target), override: JSON.parse(r.settings) as PolicyOverride }));
}

export interface PolicyRecord {
  id: string;
  scope: 'default' | PolicyTarget['scope'];
  target: string;
  settings: PolicyOverride;
  createdAt: string;
  updatedAt: string;
}

function toRecord(row: { id: string; scope: string; target: string; settings: string; created_at: string; updated_at: string }): PolicyRecord {
  return { id: row.id, scope: row.scope as PolicyRecord['scope'], target: row.target, settings: JSON.parse(row.settings) as PolicyOverride, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function findPolicy(db: Q, scope: PolicyRecord['scope'], target: string): Promise<PolicyRecord | null> {
  const row = await db.selectFrom('renewal_policies').selectAll().where('scope', '=', scope).where('target', '=', target).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Writes the row of (scope, target), whichever of insert or update it needs. */
export async function savePolicy(db: Q, record: PolicyRecord, exists: boolean): Promise<void> {
  const settings = JSON.stringify(record.settings);
  if (exists) {
    await db.updateTable('renewal_policies').set({ settings, updated_at: record.updatedAt }).where('id', '=', record.id).execute();
    return;
  }
  await db
    .insertInto('renewal_policies')
    .values({ id: record.id, scope: record.scope, target: record.target, settings, created_at: record.createdAt, updated_at: record.updatedAt })
    .execute();
}

export async function deletePolicy(db: Q, id: string): Promise<void> {
  await db.deleteFrom('renewal_policies').where('id', '=', id).execute();
}

/** One page of overrides, oldest first (ids sort by time). */
export async function listOverrides(db: Q, afterId: string | undefined, limit: number): Promise<PolicyRecord[]> {
  let query = db.selectFrom('renewal_policies').selectAll().where('scope', '!=', 'default');
  if (afterId) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(limit + 1).execute();
  return rows.map(toRecord);
}

/** Names to show for override targets: clients and assets by id. */
export async function targetNames(db: Q, clientIds: string[], assetIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (clientIds.length > 0) for (const r of await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', clientIds).execute()) names.set(r.id, r.name);
  if (assetIds.length > 0) for (const r of await db.selectFrom('assets').select(['id', 'name']).where('id', 'in', assetIds).execute()) names.set(r.id, r.name);
  return names;
}

export async function clientExists(db: Q, id: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface PolicyAsset {
  id: string;
  clientId: string;
  kind: AssetKind;
  name: string;
  expiresOn: string | null;
  autoRenew: boolean;
}

export async function findPolicyAsset(db: Q, id: string): Promise<PolicyAsset | null> {
  const row = await db.selectFrom('assets').select(['id', 'client_id', 'kind', 'name', 'expires_on', 'auto_renew']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, clientId: row.client_id, kind: row.kind as AssetKind, name: row.name, expiresOn: row.expires_on, autoRenew: Boolean(row.auto_renew) } : null;
}

/** A staff member who can be given tasks: not disabled, not a client-portal user. */
export async function isActiveStaff(db: Q, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('disabled_at', 'is', null).where('role', '!=', 'client').executeTakeFirst();
  return row !== undefined;
}

/** The layers that apply to one target's assets: what an override of that target is laid over. */
export async function layersOf(db: Q, scope: PolicyTarget['scope'], target: string, asset: PolicyAsset | null): Promise<PolicyLayer[]> {
  const wanted: [string, string][] = [[scope, target]];
  if (asset) wanted.push(['client', asset.clientId], ['kind', asset.kind], ['asset', asset.id]);
  const rows = await db
    .selectFrom('renewal_policies')
    .select(['scope', 'target', 'settings'])
    .where((eb) => eb.or(wanted.map(([s, t]) => eb.and([eb('scope', '=', s), eb('target', '=', t)]))))
    .execute();
  return rows.map((r) => ({ target: targetOf(r.scope, r.target), override: JSON.parse(r.settings) as PolicyOverride }));
}

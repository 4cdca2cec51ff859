import { canSeeClient, clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { toPage, type Page } from '../platform/db/keyset.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { searchText, yearlyCost, type Asset } from './assets.model.ts';
import * as store from './assets.store.ts';
import { checkAssetRefs, currencyChangeErrors, normaliseTags, type AssetInput } from './assets.rules.ts';

type Ctx = ChangeContext & { actor: Actor };

export async function getAsset(deps: Deps, actor: Actor, id: string): Promise<Asset> {
  const asset = await store.findAsset(deps.database.db, id);
  if (!asset || !canSeeClient(actor, asset.clientId)) throw notFound('asset', id);
  return asset;
}

export async function listAssets(deps: Deps, actor: Actor, filter: store.AssetFilter): Promise<Page<Asset>> {
  const scope = clientScope(actor);
  const scoped = scope === null ? filter : { ...filter, clientId: scope };
  const db = deps.database.db;
  // A client user filtering for another client gets an empty page, not someone else's data.
  if (scope !== null && filter.clientId && filter.clientId !== scope) return { items: [], nextCursor: null };
  const rows = await store.listAssetRows(db, deps.database.dialect, scoped, deps.now());
  const links = await store.projectIdsOf(db, rows.slice(0, filter.limit).map((r) => r.id));
  return toPage(rows, filter.limit, (r) => store.assetCursor(r, filter.sort), (r) => store.toAsset(r, links.get(r.id) ?? []));
}

function encryptSecrets(deps: Deps, assetId: string, current: Record<string, string>, changes: Record<string, string | null> | undefined) {
  const next = { ...current };
  for (const [name, value] of Object.entries(changes ?? {})) {
    if (value === null) delete next[name];
    else next[name] = deps.secrets.encrypt(value, `${assetId}:${name}`);
  }
  return next;
}

function rowFor(asset: Asset, secrets: Record<string, string>) {
  return store.assetRow(asset, secrets, yearlyCost(asset), searchText(asset));
}

function duplicateIdentifier(asset: Asset): never {
  throw conflict(`This client already has a ${asset.kind} "${asset.identifier}".`, [{ field: 'body.identifier', message: 'is already recorded for this client' }]);
}

export async function createAsset(deps: Deps, ctx: Ctx, input: AssetInput): Promise<Asset> {
  const now = deps.now().toISOString();
  const id = newId('asset');
  // An asset recorded as already retired (from an old spreadsheet, say) is retired as of now.
  const retiredAt = input.status === 'retired' ? now : null;
  const asset = await buildAsset(deps, { id, createdAt: now, updatedAt: now, retiredAt }, input);
  const secrets = encryptSecrets(deps, id, {}, input.secrets);
  try {
    return await change(deps, ctx, async (trx, audit) => {
      await trx.insertInto('assets').values(rowFor(asset, secrets)).execute();
      await store.replaceLinks(trx, id, asset.projectIds, asset.tags);
      const created = { ...asset, secretNames: Object.keys(secrets).sort() };
      await audit({ action: 'asset.created', entityType: 'asset', entityId: id, after: createdRecord(created) });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) duplicateIdentifier(asset);
    throw err;
  }
}

/** Validate references and fill defaults; throws one 400 listing every problem found. */
async function buildAsset(deps: Deps, meta: Pick<Asset, 'id' | 'createdAt' | 'updatedAt' | 'retiredAt'>, input: AssetInput): Promise<Asset> {
  const errors: FieldError[] = [];
  const refs = await checkAssetRefs(deps.database.db, input, errors);
  if (errors.length > 0 || !refs) throw invalid(errors);
  return {
    ...meta,
    clientId: input.clientId,
    kind: input.kind,
    name: input.name?.trim() || input.identifier,
    identifier: input.identifier.trim(),
    providerId: input.providerId ?? null,
    status: input.status ?? 'active',
    expiresOn: input.expiresOn ?? null,
    billingCycle: input.billingCycle ?? 'yearly',
    cycleMonths: input.billingCycle === 'multi-year' ? (input.cycleMonths ?? 24) : null,
    currency: refs.currency,
    costAmount: input.costAmount ?? null,
    renewalAmount: input.renewalAmount ?? null,
    autoRenew: input.autoRenew ?? false,
    ownerId: input.ownerId ?? null,
    projectIds: [...new Set(input.projectIds ?? [])].sort(),
    tags: normaliseTags(input.tags ?? []),
    notes: input.notes ?? '',
    customFields: input.customFields ?? {},
    secretNames: [],
  };
}

/** A change checked and ready to write: validation happens before any transaction opens. */
interface PreparedUpdate {
  before: Asset;
  asset: Asset;
  secrets: Record<string, string>;
  retiring: boolean;
  secretsSet: string[];
}

async function prepareUpdate(deps: Deps, ctx: Ctx, id: string, patch: Partial<AssetInput>): Promise<PreparedUpdate> {
  const before = await getAsset(deps, ctx.actor, id);
  const currencyErrors = currencyChangeErrors(before, patch);
  if (currencyErrors.length > 0) throw invalid(currencyErrors);
  const row = (await store.findAssetRow(deps.database.db, id))!;
  const merged: AssetInput = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as AssetInput;
  const now = deps.now().toISOString();
  const retiredAt = patch.status === undefined ? before.retiredAt : patch.status === 'retired' ? (before.retiredAt ?? now) : null;
  const asset = await buildAsset(deps, { id, createdAt: before.createdAt, updatedAt: now, retiredAt }, merged);
  return {
    before,
    asset,
    secrets: encryptSecrets(deps, id, JSON.parse(row.secrets), patch.secrets),
    retiring: patch.status === 'retired' && before.status !== 'retired',
    // A rotated secret keeps its name, so the diff alone would not show it; say which, never the value.
    secretsSet: Object.keys(patch.secrets ?? {}).sort(),
  };
}

async function writeUpdate(trx: Transaction<Schema>, audit: Audit, u: PreparedUpdate): Promise<Asset> {
  const id = u.asset.id;
  await trx.updateTable('assets').set(rowFor(u.asset, u.secrets)).where('id', '=', id).execute();
  await store.replaceLinks(trx, id, u.asset.projectIds, u.asset.tags);
  const after = { ...u.asset, secretNames: Object.keys(u.secrets).sort() };
  const diff = changedFields(u.before, after);
  const recorded = u.secretsSet.length > 0 ? { before: diff.before, after: { ...diff.after, secretsSet: u.secretsSet } } : diff;
  await audit({ action: u.retiring ? 'asset.retired' : 'asset.updated', entityType: 'asset', entityId: id, ...recorded });
  return after;
}

export async function updateAsset(deps: Deps, ctx: Ctx, id: string, patch: Partial<AssetInput>): Promise<Asset> {
  return (await updateAssetWith(deps, ctx, id, patch, async () => undefined)).asset;
}

/**
 * Changes an asset and runs the caller's own writes in the same transaction (completing a renewal
 * task records the payment and closes the task; a waste-audit decision to cancel is recorded with
 * the cancellation): all of it lands, or none.
 * `extra` gets the asset as written.
 */
export async function updateAssetWith<T>(
  deps: Deps,
  ctx: Ctx,
  id: string,
  patch: Partial<AssetInput>,
  extra: (trx: Transaction<Schema>, audit: Audit, asset: Asset) => Promise<T>,
): Promise<{ asset: Asset; result: T }> {
  const prepared = await prepareUpdate(deps, ctx, id, patch);
  try {
    return await change(deps, ctx, async (trx, audit) => {
      const asset = await writeUpdate(trx, audit, prepared);
      return { asset, result: await extra(trx, audit, asset) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) duplicateIdentifier(prepared.asset);
    throw err;
  }
}

/**
 * The same change to many assets (a bulk action in the table): every asset is checked first,
 * then all are written in one transaction, so either all change or none do.
 */
export async function updateAssets(deps: Deps, ctx: Ctx, ids: string[], patchOf: (asset: Asset) => Partial<AssetInput>): Promise<Asset[]> {
  const prepared: PreparedUpdate[] = [];
  for (const id of new Set(ids)) prepared.push(await prepareUpdate(deps, ctx, id, patchOf(await getAsset(deps, ctx.actor, id))));
  return change(deps, ctx, async (trx, audit) => {
    const updated: Asset[] = [];
    for (const u of prepared) updated.push(await writeUpdate(trx, audit, u));
    return updated;
  });
}

export async function retireAsset(deps: Deps, ctx: Ctx, id: string): Promise<Asset> {
  return updateAsset(deps, ctx, id, { status: 'retired' });
}

/** Give out one secret's value. Always audited, because a revealed password may leave the building. */
export async function revealSecret(deps: Deps, ctx: Ctx, id: string, name: string): Promise<string> {
  await getAsset(deps, ctx.actor, id);
  const row = (await store.findAssetRow(deps.database.db, id))!;
  const cipher = (JSON.parse(row.secrets) as Record<string, string>)[name];
  if (cipher === undefined) throw notFound('secret', `${id}/${name}`);
  const value = deps.secrets.decrypt(cipher, `${id}:${name}`);
  await change(deps, ctx, (_trx, audit) => audit({ action: 'asset.secret-revealed', entityType: 'asset', entityId: id, after: { secret: name } }));
  return value;
}

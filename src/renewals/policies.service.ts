import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { encodeCursor } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { ASSET_KINDS, type AssetKind } from '../registry/assets.model.ts';
import { effectivePolicy, type PolicyOverride, type PolicyScope, type RenewalPolicy } from './policy.model.ts';
import { explainPolicy, schedulePreview, type PolicySources, type SchedulePreview } from './policies.model.ts';
import * as store from './policies.store.ts';

type Ctx = ChangeContext & { actor: Actor };

export interface OverrideView {
  id: string;
  scope: PolicyScope;
  target: string;
  targetName: string;
  override: PolicyOverride;
  updatedAt: string;
}

export interface PoliciesView {
  default: RenewalPolicy;
  overrides: OverrideView[];
  nextCursor: string | null;
}

/** The default and one page of overrides, each with the name of what it applies to. */
export async function listPolicies(deps: Deps, afterId: string | undefined, limit: number): Promise<PoliciesView> {
  const db = deps.database.db;
  const rows = await store.listOverrides(db, afterId, limit);
  const page = rows.slice(0, limit);
  const names = await store.targetNames(
    db,
    page.filter((r) => r.scope === 'client').map((r) => r.target),
    page.filter((r) => r.scope === 'asset').map((r) => r.target),
  );
  return {
    default: await store.readDefaultPolicy(db),
    overrides: page.map((r) => ({ id: r.id, scope: r.scope as PolicyScope, target: r.target, targetName: names.get(r.target) ?? r.target, override: r.settings, updatedAt: r.updatedAt })),
    nextCursor: rows.length > limit ? encodeCursor({ value: page[page.length - 1]!.id, id: page[page.length - 1]!.id }) : null,
  };
}

/** A named person must be one who can be handed a task. */
async function checkFallback(deps: Deps, fields: PolicyOverride): Promise<FieldError[]> {
  const id = fields.fallbackAssigneeId;
  if (id == null || (await store.isActiveStaff(deps.database.db, id))) return [];
  return [{ field: 'body.fallbackAssigneeId', message: `No active staff member with id ${id}` }];
}

/** The escalation rule of the model, applied to what will be in force rather than to the fields sent. */
function checkEscalation(policy: RenewalPolicy): FieldError[] {
  if (policy.escalateDaysBefore === null || policy.escalateDaysBefore < policy.taskLeadDays) return [];
  return [
    {
      field: 'body.escalateDaysBefore',
      message: `must be fewer days than the task lead time in force (${policy.taskLeadDays}), or the task is escalated as soon as it is created`,
    },
  ];
}

export async function setDefaultPolicy(deps: Deps, ctx: Ctx, policy: RenewalPolicy): Promise<RenewalPolicy> {
  const errors = await checkFallback(deps, policy);
  if (errors.length > 0) throw invalid(errors);
  const db = deps.database.db;
  const before = await readDefaultRecord(deps);
  const now = deps.now().toISOString();
  const record: store.PolicyRecord = { id: before?.id ?? newId('renewalPolicy'), scope: 'default', target: '', settings: policy, createdAt: before?.createdAt ?? now, updatedAt: now };
  const previous = await store.readDefaultPolicy(db);
  return change(deps, ctx, async (trx, audit) => {
    await store.savePolicy(trx, record, before !== null);
    await audit({ action: 'renewal-policy.updated', entityType: 'renewal-policy', entityId: record.id, before: { scope: 'default', ...previous }, after: { scope: 'default', ...policy } });
    return policy;
  });
}

function readDefaultRecord(deps: Deps): Promise<store.PolicyRecord | null> {
  return store.findPolicy(deps.database.db, 'default', '');
}

/** The target of an override, checked: it must exist. An asset's own layers come with it. */
async function checkedTarget(deps: Deps, scope: PolicyScope, target: string): Promise<{ name: string; asset: store.PolicyAsset | null }> {
  const db = deps.database.db;
  if (scope === 'kind') {
    if (!(ASSET_KINDS as readonly string[]).includes(target)) throw invalid([{ field: 'params.target', message: `must be an asset kind: ${ASSET_KINDS.join(', ')}` }]);
    return { name: target as AssetKind, asset: null };
  }
  if (scope === 'client') {
    const names = await store.targetNames(db, [target], []);
    if (!names.has(target)) throw notFound('client', target);
    return { name: names.get(target)!, asset: null };
  }
  const asset = await store.findPolicyAsset(db, target);
  if (!asset) throw notFound('asset', target);
  return { name: asset.name, asset };
}

/**
 * Sets an override's fields (replacing the override as a whole: fields left out are inherited).
 * The escalation check sees the result laid over the layers beneath it.
 */
export async function setOverride(deps: Deps, ctx: Ctx, scope: PolicyScope, target: string, fields: PolicyOverride): Promise<OverrideView> {
  const db = deps.database.db;
  const { name, asset } = await checkedTarget(deps, scope, target);
  const settings = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PolicyOverride;
  const layers = (await store.layersOf(db, scope, target, asset)).filter((l) => !sameTarget(l.target, scope, target));
  const base = await store.readDefaultPolicy(db);
  const errors = [...(await checkFallback(deps, settings)), ...checkEscalation(effectivePolicy(base, [...layers, { target: targetFor(scope, target), override: settings }]))];
  if (errors.length > 0) throw invalid(errors);
  const before = await store.findPolicy(db, scope, target);
  const now = deps.now().toISOString();
  const record: store.PolicyRecord = { id: before?.id ?? newId('renewalPolicy'), scope, target, settings, createdAt: before?.createdAt ?? now, updatedAt: now };
  return change(deps, ctx, async (trx, audit) => {
    await store.savePolicy(trx, record, before !== null);
    await audit({
      action: 'renewal-policy.updated',
      entityType: 'renewal-policy',
      entityId: record.id,
      ...(before ? { before: { scope, target, ...before.settings } } : {}),
      after: { scope, target, ...settings },
    });
    return { id: record.id, scope, target, targetName: name, override: settings, updatedAt: now };
  });
}

function targetFor(scope: PolicyScope, target: string) {
  if (scope === 'client') return { scope, clientId: target } as const;
  if (scope === 'kind') return { scope, kind: target as AssetKind } as const;
  return { scope, assetId: target } as const;
}

function sameTarget(t: ReturnType<typeof targetFor> | { scope: PolicyScope }, scope: PolicyScope, target: string): boolean {
  const other = targetFor(scope, target);
  return JSON.stringify(t) === JSON.stringify(other);
}

export async function deleteOverride(deps: Deps, ctx: Ctx, scope: PolicyScope, target: string): Promise<void> {
  const before = await store.findPolicy(deps.database.db, scope, target);
  if (!before) throw notFound(`${scope} policy override`, target);
  await change(deps, ctx, async (trx, audit) => {
    await store.deletePolicy(trx, before.id);
    await audit({ action: 'renewal-policy.deleted', entityType: 'renewal-policy', entityId: before.id, before: { scope, target, ...before.settings } });
  });
}

export interface EffectivePolicyView {
  assetId: string;
  clientId: string;
  kind: AssetKind;
  policy: RenewalPolicy;
  sources: PolicySources;
  preview: SchedulePreview | null;
}

/** The policy in force for an asset, where each field comes from, and the schedule of its next renewal. */
export async function assetPolicy(deps: Deps, assetId: string): Promise<EffectivePolicyView> {
  const db = deps.database.db;
  const asset = await store.findPolicyAsset(db, assetId);
  if (!asset) throw notFound('asset', assetId);
  const layers = await store.layersOf(db, 'asset', asset.id, asset);
  const { policy, sources } = explainPolicy(await store.readDefaultPolicy(db), layers);
  const preview = asset.expiresOn ? schedulePreview(asset.autoRenew, asset.expiresOn, policy) : null;
  return { assetId: asset.id, clientId: asset.clientId, kind: asset.kind, policy, sources, preview };
}

import type { Transaction } from 'kysely';
import type { Actor } from '../../accounts/model.ts';
import { startAuditBatch, type AuditRecord } from '../../platform/audit/store.ts';
import { changedFields, createdRecord, type ChangeContext } from '../../platform/audit/model.ts';
import type { Row, Schema } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { searchText, yearlyCost, type Asset } from '../assets.model.ts';
import { normaliseTags } from '../assets.rules.ts';
import { assetRow } from '../assets.store.ts';
import type { Client, Project, Provider, ProviderKind } from '../clients.model.ts';
import { PROVIDER_KINDS } from '../clients.model.ts';
import type { ImportPlan, PlannedAsset, PlannedUpdate } from './plan.model.ts';

/**
 * Write a plan in one transaction: new clients, providers and projects first, then assets in
 * batches, then one audit entry per change. Any failure rolls all of it back.
 */
type Ctx = ChangeContext & { actor: Actor };

// Assets are built, written and audited this many at a time, so memory holds one chunk, not the file.
const CHUNK = 10_000;

export async function applyPlan(deps: Deps, ctx: Ctx, plan: ImportPlan, finish: (trx: Transaction<Schema>) => Promise<void>): Promise<void> {
  const now = deps.now().toISOString();
  const ids = new Map<string, string>();
  const partyAudit: AuditRecord[] = [];
  const parties = newParties(plan, ids, now, partyAudit);
  const creates = inIndexOrder(plan.creates, ids);
  const insert = deps.database.dialect.insertMany;
  await deps.database.db.transaction().execute(async (trx) => {
    const audit = await startAuditBatch(trx, deps.database.dialect, ctx, deps.now());
    await insert(trx, 'clients', parties.clients);
    await insert(trx, 'providers', parties.providers);
    await insert(trx, 'projects', parties.projects);
    await audit.append(partyAudit);
    for (let i = 0; i < creates.length; i += CHUNK) {
      const created = creates.slice(i, i + CHUNK).map((c) => newAsset(deps, c, ids, now));
      await insert(trx, 'assets', created.map((c) => c.row));
      await insert(trx, 'asset_projects', created.flatMap((c) => c.asset.projectIds.map((project_id) => ({ asset_id: c.asset.id, project_id }))));
      await insert(trx, 'asset_tags', created.flatMap((c) => c.asset.tags.map((tag) => ({ asset_id: c.asset.id, tag }))));
      await audit.append(created.map((c) => ({ action: 'asset.created', entityType: 'asset', entityId: c.asset.id, after: createdRecord(c.asset) })));
    }
    const updated: AuditRecord[] = [];
    for (const update of plan.updates) updated.push(await applyUpdate(deps, trx, update, ids, now));
    await audit.append(updated);
    await audit.finish();
    await finish(trx);
  });
}

function newParties(plan: ImportPlan, ids: Map<string, string>, now: string, audit: AuditRecord[]) {
  const clients: Row<'clients'>[] = plan.newClients.map((c) => {
    const client: Client = { id: newId('client'), name: c.name, contacts: [], locale: 'en', currency: c.currency, notes: '', createdAt: now, updatedAt: now, archivedAt: null };
    ids.set(c.ref, client.id);
    audit.push({ action: 'client.created', entityType: 'client', entityId: client.id, after: client });
    return { id: client.id, name: client.name, contacts: '[]', locale: client.locale, currency: client.currency, notes: '', created_at: now, updated_at: now, archived_at: null };
  });
  const providers: Row<'providers'>[] = plan.newProviders.map((p) => {
    const kind: ProviderKind = (PROVIDER_KINDS as readonly string[]).includes(p.kind) ? (p.kind as ProviderKind) : 'other';
    const provider: Provider = { id: newId('provider'), name: p.name, kind, website: null, accountReference: null, notes: '', createdAt: now, updatedAt: now };
    ids.set(p.ref, provider.id);
    audit.push({ action: 'provider.created', entityType: 'provider', entityId: provider.id, after: provider });
    return { id: provider.id, name: p.name, kind, website: null, account_reference: null, notes: '', created_at: now, updated_at: now };
  });
  const projects: Row<'projects'>[] = plan.newProjects.map((p) => {
    const project: Project = { id: newId('project'), clientId: resolve(ids, p.clientRef), name: p.name, managerId: null, notes: '', createdAt: now, updatedAt: now, archivedAt: null };
    ids.set(p.ref, project.id);
    audit.push({ action: 'project.created', entityType: 'project', entityId: project.id, after: project });
    return { id: project.id, client_id: project.clientId, name: p.name, manager_id: null, notes: '', created_at: now, updated_at: now, archived_at: null };
  });
  return { clients, providers, projects };
}

/**
 * Creates sorted as the identity index sorts them (client, kind, identifier), with ids minted in
 * that order: the B-tree inserts of a large import then walk each index once, left to right,
 * instead of touching a random page per row.
 */
function inIndexOrder(creates: PlannedAsset[], ids: Map<string, string>): PlannedAsset[] {
  const keyed = creates.map((c) => ({ c, client: resolve(ids, c.clientRef), identifier: c.draft.identifier.toLowerCase() }));
  keyed.sort((a, b) => compare(a.client, b.client) || compare(a.c.draft.kind, b.c.draft.kind) || compare(a.identifier, b.identifier));
  return keyed.map(({ c }) => c);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A reference is an existing id, or `new:…` for a party this import creates. */
function resolve(ids: Map<string, string>, ref: string): string {
  return ref.startsWith('new:') ? ids.get(ref)! : ref;
}

function encrypt(deps: Deps, assetId: string, secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([name, value]) => [name, deps.secrets.encrypt(value, `${assetId}:${name}`)]));
}

function newAsset(deps: Deps, planned: PlannedAsset, ids: Map<string, string>, now: string): { asset: Asset; row: Row<'assets'> } {
  const d = planned.draft;
  const id = newId('asset');
  const asset: Asset = {
    id,
    clientId: resolve(ids, planned.clientRef),
    kind: d.kind,
    name: d.name,
    identifier: d.identifier,
    providerId: planned.providerRef ? resolve(ids, planned.providerRef) : null,
    status: d.status,
    expiresOn: d.expiresOn,
    billingCycle: d.billingCycle,
    cycleMonths: d.billingCycle === 'multi-year' ? (d.cycleMonths ?? 24) : null,
    currency: planned.currency,
    costAmount: d.costAmount,
    renewalAmount: d.renewalAmount,
    autoRenew: d.autoRenew,
    ownerId: planned.ownerId,
    projectIds: planned.projectRefs.map((r) => resolve(ids, r)).sort(),
    tags: normaliseTags(d.tags),
    notes: d.notes,
    customFields: d.customFields,
    secretNames: Object.keys(d.secrets).sort(),
    createdAt: now,
    updatedAt: now,
    retiredAt: d.status === 'retired' ? now : null,
  };
  return { asset, row: assetRow(asset, encrypt(deps, id, d.secrets), yearlyCost(asset), searchText(asset)) };
}

/** Change only what the file's columns say differently; keep everything else as it is. */
async function applyUpdate(deps: Deps, trx: Transaction<Schema>, u: PlannedUpdate, ids: Map<string, string>, now: string): Promise<AuditRecord> {
  const { existing: e, draft: d } = u;
  const { secrets: _plainSecrets, ...before } = e;
  const has = (name: string) => u.changes.includes(name);
  const after: Asset = {
    ...before,
    secretNames: [...new Set([...before.secretNames, ...Object.keys(d.secrets)])].sort(),
    updatedAt: now,
    name: has('name') ? d.name : e.name,
    providerId: has('providerId') && u.providerRef ? resolve(ids, u.providerRef) : e.providerId,
    status: has('status') ? d.status : e.status,
    expiresOn: has('expiresOn') ? d.expiresOn : e.expiresOn,
    billingCycle: has('billingCycle') ? d.billingCycle : e.billingCycle,
    cycleMonths: has('billingCycle') ? d.cycleMonths : e.cycleMonths,
    currency: has('currency') ? u.currency : e.currency,
    costAmount: has('costAmount') ? d.costAmount : e.costAmount,
    renewalAmount: has('renewalAmount') ? d.renewalAmount : e.renewalAmount,
    autoRenew: has('autoRenew') ? d.autoRenew : e.autoRenew,
    ownerId: has('ownerId') ? u.ownerId : e.ownerId,
    projectIds: has('projectIds') ? [...new Set([...e.projectIds, ...u.projectRefs.map((r) => resolve(ids, r))])].sort() : e.projectIds,
    tags: has('tags') ? normaliseTags([...e.tags, ...d.tags]) : e.tags,
    notes: has('notes') ? d.notes : e.notes,
    customFields: { ...e.customFields, ...d.customFields },
  };
  after.retiredAt = after.status === 'retired' ? (e.retiredAt ?? now) : null;
  // Secrets not in the file keep their stored ciphertext; those in it are encrypted afresh.
  const stored = JSON.parse((await trx.selectFrom('assets').select('secrets').where('id', '=', e.id).executeTakeFirstOrThrow()).secrets) as Record<string, string>;
  const secrets = { ...stored, ...encrypt(deps, e.id, d.secrets) };
  await trx.updateTable('assets').set(assetRow(after, secrets, yearlyCost(after), searchText(after))).where('id', '=', e.id).execute();
  await trx.deleteFrom('asset_projects').where('asset_id', '=', e.id).execute();
  await trx.deleteFrom('asset_tags').where('asset_id', '=', e.id).execute();
  if (after.projectIds.length) await trx.insertInto('asset_projects').values(after.projectIds.map((project_id) => ({ asset_id: e.id, project_id }))).execute();
  if (after.tags.length) await trx.insertInto('asset_tags').values(after.tags.map((tag) => ({ asset_id: e.id, tag }))).execute();
  return { action: 'asset.updated', entityType: 'asset', entityId: e.id, ...changedFields(before, after) };
}

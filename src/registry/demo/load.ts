import { systemActor, type Actor } from '../../accounts/model.ts';
import { createUser } from '../../accounts/service.ts';
import type { Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { createAsset, retireAsset } from '../assets.service.ts';
import { createClient, createProject, createProvider } from '../parties.service.ts';
import { findProvidersByNames, listClients } from '../parties.store.ts';
import { demoAgency, type DemoAgency, type DemoAsset, type DemoClient } from './agency.ts';

/** The demo agency is always the same one; only the dates move along with today. */
export const DEMO_SEED = 2026;

type Ctx = { actor: Actor; requestId: null };
type Ids = Map<string, string>;

/**
 * Load the demo agency into an empty registry, through the same services (validation, audit
 * log, encrypted secrets) as any other change. Returns what was created, or null when the
 * registry already has a client, archived or not: a demo is never mixed into real data.
 */
export async function loadDemoData(deps: Deps, actor: Actor = systemActor('demo')): Promise<Record<string, number> | null> {
  const existing = await listClients(deps.database.db, { includeArchived: true, limit: 1 });
  if (existing.length > 0) return null;
  const ctx: Ctx = { actor, requestId: null };
  const agency = demoAgency(DEMO_SEED, deps.now());
  const [first, ...others] = agency.clients;
  if (!first) return null;
  // The first client claims the registry: a second load started meanwhile fails on its unique
  // name, and one started after a load was cut short finds a client and stops.
  const clientIds: Ids = new Map();
  try {
    clientIds.set(first.key, (await createClient(deps, ctx, clientInput(first))).id);
  } catch (err) {
    if (err instanceof ProblemError && err.status === 409) return null;
    throw err;
  }
  const userIds = await createUsers(deps, ctx, agency);
  const providers = await createProviders(deps, ctx, agency);
  for (const client of others) clientIds.set(client.key, (await createClient(deps, ctx, clientInput(client))).id);
  const projectIds = await createProjects(deps, ctx, agency, clientIds, userIds);
  const assets = await createAssets(deps, ctx, agency.assets, { clients: clientIds, providers: providers.ids, users: userIds, projects: projectIds });
  return { clients: clientIds.size, projects: projectIds.size, providers: providers.created, users: userIds.size, assets };
}

function clientInput(client: DemoClient) {
  return { name: client.name, locale: client.locale, currency: client.currency, contacts: client.contacts, notes: client.notes };
}

/** Staff without a password: they own things in the demo, but nobody can sign in as them. */
async function createUsers(deps: Deps, ctx: Ctx, agency: DemoAgency): Promise<Ids> {
  const ids: Ids = new Map();
  for (const { key, ...user } of agency.users) ids.set(key, (await createUser(deps, ctx, user)).id);
  return ids;
}

/** Providers the registry already knows by name are used as they are, not duplicated. */
async function createProviders(deps: Deps, ctx: Ctx, agency: DemoAgency): Promise<{ ids: Ids; created: number }> {
  const known = await findProvidersByNames(deps.database.db, agency.providers.map((p) => p.name));
  const ids: Ids = new Map();
  let created = 0;
  for (const { key, ...provider } of agency.providers) {
    const found = known.find((k) => k.name.toLowerCase() === provider.name.toLowerCase());
    ids.set(key, found?.id ?? (await createProvider(deps, ctx, provider)).id);
    if (!found) created++;
  }
  return { ids, created };
}

async function createProjects(deps: Deps, ctx: Ctx, agency: DemoAgency, clientIds: Ids, userIds: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  for (const client of agency.clients) {
    for (const project of client.projects) {
      const managerId = project.managerKey ? userIds.get(project.managerKey) : null;
      ids.set(project.key, (await createProject(deps, ctx, { clientId: clientIds.get(client.key)!, name: project.name, managerId })).id);
    }
  }
  return ids;
}

/** One audited transaction per asset, like any other; a retired asset is recorded, then retired. */
async function createAssets(deps: Deps, ctx: Ctx, assets: DemoAsset[], ids: { clients: Ids; providers: Ids; users: Ids; projects: Ids }): Promise<number> {
  for (const { clientKey, providerKey, ownerKey, projectKeys, status, ...fields } of assets) {
    const created = await createAsset(deps, ctx, {
      ...fields,
      clientId: ids.clients.get(clientKey)!,
      providerId: providerKey ? ids.providers.get(providerKey)! : null,
      ownerId: ownerKey ? ids.users.get(ownerKey)! : null,
      projectIds: projectKeys.map((key) => ids.projects.get(key)!),
      status: status === 'retired' ? 'active' : status,
    });
    if (status === 'retired') await retireAsset(deps, ctx, created.id);
  }
  return assets.length;
}

import { clientScope, canSeeClient } from '../accounts/authorization.ts';
import { readAgency } from '../accounts/agency.ts';
import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { changedFields } from '../platform/audit/model.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Client, Contact, Project, Provider, ProviderKind } from './clients.model.ts';
import * as store from './parties.store.ts';

/** Use cases for clients, projects and providers. Every change is audited in its transaction. */
type Ctx = ChangeContext & { actor: Actor };

export interface ClientInput {
  name: string;
  contacts?: Contact[] | undefined;
  locale?: string | undefined;
  currency?: string | undefined;
  notes?: string | undefined;
}

function nameTaken(what: string, name: string) {
  return conflict(`A ${what} named "${name}" exists already.`, [{ field: 'body.name', message: 'is taken' }]);
}

/** Run a write, turning a unique-name violation into a 409 that names the field. */
async function uniqueName<T>(what: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(what, name);
    throw err;
  }
}

export async function getClient(deps: Deps, actor: Actor, id: string): Promise<Client> {
  const client = await store.findClient(deps.database.db, id);
  // Another client's record is "not found", not "forbidden": its existence is not disclosed.
  if (!client || !canSeeClient(actor, client.id)) throw notFound('client', id);
  return client;
}

export async function createClient(deps: Deps, ctx: Ctx, input: ClientInput): Promise<Client> {
  const now = deps.now().toISOString();
  const client: Client = {
    id: newId('client'),
    name: input.name,
    contacts: input.contacts ?? [],
    locale: input.locale ?? (await readAgency(deps)).locale,
    currency: input.currency ?? (await readAgency(deps)).currency,
    notes: input.notes ?? '',
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  };
  return uniqueName('client', input.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.insertInto('clients').values(clientRow(client)).execute();
      await audit({ action: 'client.created', entityType: 'client', entityId: client.id, after: client });
      return client;
    }),
  );
}

function clientRow(c: Client) {
  return {
    id: c.id,
    name: c.name,
    contacts: JSON.stringify(c.contacts),
    locale: c.locale,
    currency: c.currency,
    notes: c.notes,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    archived_at: c.archivedAt,
  };
}

export async function updateClient(deps: Deps, ctx: Ctx, id: string, patch: Partial<ClientInput> & { archived?: boolean | undefined }): Promise<Client> {
  const before = await getClient(deps, ctx.actor, id);
  const now = deps.now().toISOString();
  const { archived, ...fields } = patch;
  const after: Client = {
    ...before,
    ...stripUndefined(fields),
    archivedAt: archived === undefined ? before.archivedAt : archived ? (before.archivedAt ?? now) : null,
    updatedAt: now,
  };
  return uniqueName('client', after.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.updateTable('clients').set(clientRow(after)).where('id', '=', id).execute();
      const diff = changedFields(before, after);
      const action = archived === true && !before.archivedAt ? 'client.archived' : 'client.updated';
      await audit({ action, entityType: 'client', entityId: id, ...diff });
      return after;
    }),
  );
}

export interface ProjectInput {
  clientId: string;
  name: string;
  managerId?: string | null | undefined;
  notes?: string | undefined;
}

export async function getProject(deps: Deps, actor: Actor, id: string): Promise<Project> {
  const project = await store.findProject(deps.database.db, id);
  if (!project || !canSeeClient(actor, project.clientId)) throw notFound('project', id);
  return project;
}

async function checkManager(deps: Deps, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  const user = await deps.database.db.selectFrom('users').select(['id', 'role']).where('id', '=', managerId).executeTakeFirst();
  if (!user || user.role === 'client') {
    throw invalid([{ field: 'body.managerId', message: `No staff user with id ${managerId}.` }]);
  }
}

export async function createProject(deps: Deps, ctx: Ctx, input: ProjectInput): Promise<Project> {
  const client = await store.findClient(deps.database.db, input.clientId);
  if (!client) throw invalid([{ field: 'body.clientId', message: `No client with id ${input.clientId}.` }]);
  await checkManager(deps, input.managerId);
  const now = deps.now().toISOString();
  const project: Project = {
    id: newId('project'),
    clientId: client.id,
    name: input.name,
    managerId: input.managerId ?? null,
    notes: input.notes ?? '',
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  };
  return uniqueName('project of this client', input.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.insertInto('projects').values(projectRow(project)).execute();
      await audit({ action: 'project.created', entityType: 'project', entityId: project.id, after: project });
      return project;
    }),
  );
}

function projectRow(p: Project) {
  return {
    id: p.id,
    client_id: p.clientId,
    name: p.name,
    manager_id: p.managerId,
    notes: p.notes,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    archived_at: p.archivedAt,
  };
}

export async function updateProject(
  deps: Deps,
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<ProjectInput, 'clientId'>> & { archived?: boolean | undefined },
): Promise<Project> {
  const before = await getProject(deps, ctx.actor, id);
  await checkManager(deps, patch.managerId);
  const now = deps.now().toISOString();
  const { archived, ...fields } = patch;
  const after: Project = {
    ...before,
    ...stripUndefined(fields),
    archivedAt: archived === undefined ? before.archivedAt : archived ? (before.archivedAt ?? now) : null,
    updatedAt: now,
  };
  return uniqueName('project of this client', after.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.updateTable('projects').set(projectRow(after)).where('id', '=', id).execute();
      const action = archived === true && !before.archivedAt ? 'project.archived' : 'project.updated';
      await audit({ action, entityType: 'project', entityId: id, ...changedFields(before, after) });
      return after;
    }),
  );
}

export interface ProviderInput {
  name: string;
  kind: ProviderKind;
  website?: string | null | undefined;
  accountReference?: string | null | undefined;
  notes?: string | undefined;
}

export async function getProvider(deps: Deps, actor: Actor, id: string): Promise<Provider> {
  const provider = await store.findProvider(deps.database.db, id);
  const scope = clientScope(actor);
  if (!provider) throw notFound('provider', id);
  if (scope !== null) {
    const used = await deps.database.db.selectFrom('assets').select('id').where('provider_id', '=', id).where('client_id', '=', scope).executeTakeFirst();
    if (!used) throw notFound('provider', id);
  }
  return provider;
}

export async function createProvider(deps: Deps, ctx: Ctx, input: ProviderInput): Promise<Provider> {
  const now = deps.now().toISOString();
  const provider: Provider = {
    id: newId('provider'),
    name: input.name,
    kind: input.kind,
    website: input.website ?? null,
    accountReference: input.accountReference ?? null,
    notes: input.notes ?? '',
    createdAt: now,
    updatedAt: now,
  };
  return uniqueName('provider', input.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.insertInto('providers').values(providerRow(provider)).execute();
      await audit({ action: 'provider.created', entityType: 'provider', entityId: provider.id, after: provider });
      return provider;
    }),
  );
}

export function providerRow(p: Provider) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    website: p.website,
    account_reference: p.accountReference,
    notes: p.notes,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export async function updateProvider(deps: Deps, ctx: Ctx, id: string, patch: Partial<ProviderInput>): Promise<Provider> {
  const before = await getProvider(deps, ctx.actor, id);
  const after: Provider = { ...before, ...stripUndefined(patch), updatedAt: deps.now().toISOString() };
  return uniqueName('provider', after.name, () =>
    change(deps, ctx, async (trx, audit) => {
      await trx.updateTable('providers').set(providerRow(after)).where('id', '=', id).execute();
      await audit({ action: 'provider.updated', entityType: 'provider', entityId: id, ...changedFields(before, after) });
      return after;
    }),
  );
}

export async function deleteProvider(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await getProvider(deps, ctx.actor, id);
  const used = await store.countAssetsOf(deps.database.db, 'provider_id', id);
  if (used > 0) throw conflict(`${used} assets use this provider; move them to another provider first.`);
  await change(deps, ctx, async (trx, audit) => {
    await trx.deleteFrom('providers').where('id', '=', id).execute();
    await audit({ action: 'provider.deleted', entityType: 'provider', entityId: id, before });
  });
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

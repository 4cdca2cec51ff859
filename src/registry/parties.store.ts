import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { Client, CostByCurrency, Project, Provider, ProviderKind } from './clients.model.ts';

/** Queries for the parties assets hang off: clients, projects and providers. */
type Q = Kysely<Schema>;

export function toClient(row: Row<'clients'>): Client {
  return {
    id: row.id,
    name: row.name,
    contacts: JSON.parse(row.contacts),
    locale: row.locale,
    currency: row.currency,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

export function toProject(row: Row<'projects'>): Project {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    managerId: row.manager_id,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

export function toProvider(row: Row<'providers'>): Provider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProviderKind,
    website: row.website,
    accountReference: row.account_reference,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findClient(db: Q, id: string): Promise<Client | null> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toClient(row) : null;
}

export async function findProject(db: Q, id: string): Promise<Project | null> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProject(row) : null;
}

export async function findProvider(db: Q, id: string): Promise<Provider | null> {
  const row = await db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProvider(row) : null;
}

export async function findClientsByNames(db: Q, names: string[]): Promise<Client[]> {
  if (names.length === 0) return [];
  const rows = await db.selectFrom('clients').selectAll().where(sql`lower(name)`, 'in', names.map((n) => n.toLowerCase())).execute();
  return rows.map(toClient);
}

export async function findProvidersByNames(db: Q, names: string[]): Promise<Provider[]> {
  if (names.length === 0) return [];
  const rows = await db.selectFrom('providers').selectAll().where(sql`lower(name)`, 'in', names.map((n) => n.toLowerCase())).execute();
  return rows.map(toProvider);
}

export async function findProjectsOfClients(db: Q, clientIds: string[]): Promise<Project[]> {
  if (clientIds.length === 0) return [];
  const rows = await db.selectFrom('projects').selectAll().where('client_id', 'in', clientIds).execute();
  return rows.map(toProject);
}

/** Yearly cost of the assets matching `where`, per currency. */
export async function yearlyCostOf(db: Q, column: 'client_id' | 'provider_id', id: string): Promise<CostByCurrency> {
  const rows = await db
    .selectFrom('assets')
    .select(['currency', (eb) => eb.fn.sum<number>('yearly_cost').as('amount')])
    .where(column, '=', id)
    .where('retired_at', 'is', null)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
}

export async function yearlyCostOfProject(db: Q, projectId: string): Promise<CostByCurrency> {
  const rows = await db
    .selectFrom('assets')
    .innerJoin('asset_projects', 'asset_projects.asset_id', 'assets.id')
    .select(['assets.currency', (eb) => eb.fn.sum<number>('assets.yearly_cost').as('amount')])
    .where('asset_projects.project_id', '=', projectId)
    .where('assets.retired_at', 'is', null)
    .groupBy('assets.currency')
    .orderBy('assets.currency')
    .execute();
  return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
}

/** Assets that refer to a client or provider; `live` leaves out retired ones (as costs do). */
export async function countAssetsOf(db: Q, column: 'client_id' | 'provider_id', id: string, live = false): Promise<number> {
  let query = db.selectFrom('assets').select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', id);
  if (live) query = query.where('retired_at', 'is', null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NamedListFilter {
  q?: string | undefined;
  /** Only this client (clients: itself; projects: its projects; providers: those its assets use). */
  clientId?: string | null | undefined;
  includeArchived?: boolean | undefined;
  kind?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

// Name search is a case-insensitive "contains": these lists are a few thousand rows at most.
function nameLike(q: string) {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search, cursor, order and limit shared by the three lists (all sorted by name, then id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function byName<QB extends SelectQueryBuilder<any, any, any>>(query: QB, f: NamedListFilter): QB {
  let q = query;
  if (f.q) q = q.where(sql<boolean>`lower(name) like ${nameLike(f.q)} escape '\\'`) as QB;
  if (f.after) q = q.where(sql<boolean>`(name > ${f.after.name} or (name = ${f.after.name} and id > ${f.after.id}))`) as QB;
  return q.orderBy(sql`name`).orderBy(sql`id`).limit(f.limit + 1) as QB;
}

export async function listClients(db: Q, f: NamedListFilter): Promise<Row<'clients'>[]> {
  let query = db.selectFrom('clients').selectAll();
  if (f.clientId) query = query.where('id', '=', f.clientId);
  if (!f.includeArchived) query = query.where('archived_at', 'is', null);
  return byName(query, f).execute();
}

export async function listProjects(db: Q, f: NamedListFilter): Promise<Row<'projects'>[]> {
  let query = db.selectFrom('projects').selectAll();
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (!f.includeArchived) query = query.where('archived_at', 'is', null);
  return byName(query, f).execute();
}

export async function listProviders(db: Q, f: NamedListFilter): Promise<Row<'providers'>[]> {
  let query = db.selectFrom('providers').selectAll();
  if (f.clientId) {
    const clientId = f.clientId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('assets').select('provider_id').where('client_id', '=', clientId).where('provider_id', 'is not', null).$narrowType<{ provider_id: string }>(),
    );
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  return byName(query, f).execute();
}

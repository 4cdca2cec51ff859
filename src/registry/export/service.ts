import { stringify } from 'csv-stringify/sync';
import { clientScope } from '../../accounts/authorization.ts';
import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { toDecimalString } from '../../platform/money.ts';
import type { Asset } from '../assets.model.ts';
import { listAssets } from '../assets.service.ts';
import type { Cursor } from '../../platform/db/keyset.ts';
import { decodeCursor } from '../../platform/db/keyset.ts';
import { toClient, toProject, toProvider } from '../parties.store.ts';

/**
 * Export of the registry, streamed a batch at a time so a million assets never sit in memory.
 * The CSV uses the same headers the importer suggests for itself, so an export imports back.
 */
export const EXPORT_COLUMNS = [
  'client', 'project', 'provider', 'providerKind', 'kind', 'name', 'identifier', 'status', 'expiresOn',
  'billingCycle', 'cycleMonths', 'currency', 'cost', 'renewalPrice', 'autoRenew', 'owner', 'tags', 'notes', 'id',
] as const;

const BATCH = 1000;

interface Names {
  clients: Map<string, string>;
  projects: Map<string, string>;
  providers: Map<string, { name: string; kind: string }>;
  users: Map<string, string>;
}

async function loadNames(deps: Deps, scope: string | null): Promise<Names> {
  const db = deps.database.db;
  let clients = db.selectFrom('clients').select(['id', 'name']);
  let projects = db.selectFrom('projects').select(['id', 'name']);
  if (scope) {
    clients = clients.where('id', '=', scope);
    projects = projects.where('client_id', '=', scope);
  }
  const [c, p, v, u] = await Promise.all([
    clients.execute(),
    projects.execute(),
    db.selectFrom('providers').select(['id', 'name', 'kind']).execute(),
    db.selectFrom('users').select(['id', 'email']).execute(),
  ]);
  return {
    clients: new Map(c.map((r) => [r.id, r.name])),
    projects: new Map(p.map((r) => [r.id, r.name])),
    providers: new Map(v.map((r) => [r.id, { name: r.name, kind: r.kind }])),
    users: new Map(u.map((r) => [r.id, r.email])),
  };
}

/** Every non-retired asset the actor may see (retired ones too when asked), in batches. */
export async function* exportedAssets(deps: Deps, actor: Actor, includeRetired: boolean): AsyncGenerator<Asset[]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await listAssets(deps, actor, { sort: 'createdAt', direction: 'asc', limit: BATCH, includeRetired, cursor });
    if (page.items.length > 0) yield page.items;
    if (!page.nextCursor) return;
    cursor = decodeCursor(page.nextCursor) ?? undefined;
  }
}

function csvRecord(a: Asset, names: Names, hideOwner: boolean): string[] {
  const money = (amount: number | null) => (amount === null ? '' : toDecimalString(amount, a.currency));
  const provider = a.providerId ? names.providers.get(a.providerId) : undefined;
  return [
    names.clients.get(a.clientId) ?? '', a.projectIds.map((id) => names.projects.get(id) ?? id).join('; '),
    provider?.name ?? '', provider?.kind ?? '', a.kind, a.name, a.identifier, a.status, a.expiresOn ?? '',
    a.billingCycle, a.cycleMonths === null ? '' : String(a.cycleMonths), a.currency, money(a.costAmount),
    money(a.renewalAmount), a.autoRenew ? 'yes' : 'no', hideOwner || !a.ownerId ? '' : (names.users.get(a.ownerId) ?? ''),
    a.tags.join('; '), a.notes, a.id,
  ];
}

export async function* exportCsv(deps: Deps, actor: Actor, includeRetired = false): AsyncGenerator<string> {
  const scope = clientScope(actor);
  const names = await loadNames(deps, scope);
  yield stringify([[...EXPORT_COLUMNS]]);
  for await (const batch of exportedAssets(deps, actor, includeRetired)) {
    yield stringify(batch.map((a) => csvRecord(a, names, scope !== null)));
  }
}

/** JSON export: one document with clients, projects, providers and assets (no secret values). */
export async function* exportJson(deps: Deps, actor: Actor, includeRetired = false): AsyncGenerator<string> {
  const scope = clientScope(actor);
  const db = deps.database.db;
  let clients = db.selectFrom('clients').selectAll();
  let projects = db.selectFrom('projects').selectAll();
  if (scope) {
    clients = clients.where('id', '=', scope);
    projects = projects.where('client_id', '=', scope);
  }
  yield `{"exportedAt":${JSON.stringify(deps.now().toISOString())},"clients":${JSON.stringify((await clients.orderBy('name').execute()).map(toClient))}`;
  yield `,"projects":${JSON.stringify((await projects.orderBy('name').execute()).map(toProject))}`;
  const providers = scope ? [] : (await db.selectFrom('providers').selectAll().orderBy('name').execute()).map(toProvider);
  yield `,"providers":${JSON.stringify(providers)},"assets":[`;
  let first = true;
  for await (const batch of exportedAssets(deps, actor, includeRetired)) {
    yield (first ? '' : ',') + batch.map((a) => JSON.stringify(a)).join(',');
    first = false;
  }
  yield ']}\n';
}

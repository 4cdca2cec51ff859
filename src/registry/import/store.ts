import { sql, type Kysely, type Transaction } from 'kysely';
import type { SecretBox } from '../../platform/crypto/secrets.ts';
import type { Row, Schema } from '../../platform/db/schema.ts';
import { toAsset } from '../assets.store.ts';
import type { ExistingAsset, KnownParties } from './plan.model.ts';
import { identityKey } from './plan.model.ts';

type Q = Kysely<Schema>;

/** An asset a row may match: its client (by name), kind and identifier. */
export interface WantedIdentity {
  clientName: string;
  kind: string;
  identifier: string;
}

/** What the registry holds that an import's rows may refer to or match. */
export async function loadKnownParties(db: Q, secrets: SecretBox | null, wanted: WantedIdentity[]): Promise<KnownParties> {
  const [clients, providers, projects, users] = await Promise.all([
    db.selectFrom('clients').select(['id', 'name', 'currency']).execute(),
    db.selectFrom('providers').select(['id', 'name']).execute(),
    db.selectFrom('projects').select(['id', 'client_id', 'name']).execute(),
    db.selectFrom('users').select(['id', 'email', 'role']).execute(),
  ]);
  const byName = new Map(clients.map((c) => [c.name.toLowerCase(), c]));
  // Only rows of clients that exist can match an asset; new clients have none yet.
  const lookups = wanted.flatMap((w) => {
    const client = byName.get(w.clientName.trim().toLowerCase());
    return client ? [[client.id, w.kind, w.identifier.trim().toLowerCase()] as const] : [];
  });
  return {
    clients: byName,
    providers: new Map(providers.map((p) => [p.name.toLowerCase(), p])),
    projects: new Map(projects.map((p) => [`${p.client_id}|${p.name.toLowerCase()}`, p.id])),
    users: new Map(users.map((u) => [u.email.toLowerCase(), { id: u.id, role: u.role }])),
    assets: await loadExistingAssets(db, secrets, lookups),
  };
}

// Identities per query: 3 parameters each, well under both databases' limits.
const LOOKUP_CHUNK = 500;

/** The assets with these identities, through the identity index, a chunk at a time. */
async function loadExistingAssets(db: Q, secrets: SecretBox | null, lookups: (readonly [string, string, string])[]): Promise<Map<string, ExistingAsset>> {
  const byKey = new Map<string, ExistingAsset>();
  for (let i = 0; i < lookups.length; i += LOOKUP_CHUNK) {
    const tuples = sql.join(lookups.slice(i, i + LOOKUP_CHUNK).map(([c, k, id]) => sql`(${c}, ${k}, ${id})`));
    const rows = await db
      .selectFrom('assets')
      .selectAll()
      .where(sql<boolean>`(client_id, kind, lower(identifier)) in (values ${tuples})`)
      .execute();
    const links = await projectLinksOf(db, rows.map((r) => r.id));
    for (const row of rows) byKey.set(identityKey(row.client_id, row.kind, row.identifier), existing(row, links.get(row.id) ?? [], secrets));
  }
  return byKey;
}

async function projectLinksOf(db: Q, assetIds: string[]): Promise<Map<string, string[]>> {
  const byAsset = new Map<string, string[]>();
  if (assetIds.length === 0) return byAsset;
  const links = await db.selectFrom('asset_projects').selectAll().where('asset_id', 'in', assetIds).execute();
  for (const l of links) byAsset.set(l.asset_id, [...(byAsset.get(l.asset_id) ?? []), l.project_id]);
  return byAsset;
}

function existing(row: Row<'assets'>, projectIds: string[], secrets: SecretBox | null): ExistingAsset {
  const asset = toAsset(row, projectIds.sort());
  const cipher = JSON.parse(row.secrets) as Record<string, string>;
  // Secrets are decrypted only when the file maps secret columns, to tell changed from unchanged.
  const plain = secrets ? Object.fromEntries(Object.entries(cipher).map(([k, v]) => [k, secrets.decrypt(v, `${row.id}:${k}`)])) : {};
  return { ...asset, secrets: plain };
}

export async function saveImportFile(db: Q, row: Row<'imports'>): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function findImport(db: Q, id: string): Promise<Row<'imports'> | null> {
  return (await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function markImportCommitted(trx: Transaction<Schema>, id: string, at: string, result: unknown): Promise<boolean> {
  // Only an uncommitted import is marked; the count tells a concurrent second commit it lost.
  const done = await trx
    .updateTable('imports')
    .set({ committed_at: at, result: JSON.stringify(result) })
    .where('id', '=', id)
    .where('committed_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}


import { sql, type Kysely, type Transaction } from 'kysely';
import type { SecretBox } from '../../platform/crypto/secrets.ts';
import type { Row, Schema } from '../../platform/db/schema.ts';
import { toAsset } from '../assets.store.ts';
import type { ExistingAsset, KnownParties } from './plan.model.ts';
import { identityKey } from './plan.model.ts';

type Q = Kysely<Schema>;

/** What the registry holds that an import's rows may refer to or match. */
export async function loadKnownParties(db: Q, secrets: SecretBox | null): Promise<KnownParties> {
  const [clients, providers, projects, users] = await Promise.all([
    db.selectFrom('clients').select(['id', 'name', 'currency']).execute(),
    db.selectFrom('providers').select(['id', 'name']).execute(),
    db.selectFrom('projects').select(['id', 'client_id', 'name']).execute(),
    db.selectFrom('users').select(['id', 'email', 'role']).execute(),
  ]);
  return {
    clients: new Map(clients.map((c) => [c.name.toLowerCase(), c])),
    providers: new Map(providers.map((p) => [p.name.toLowerCase(), p])),
    projects: new Map(projects.map((p) => [`${p.client_id}|${p.name.toLowerCase()}`, p.id])),
    users: new Map(users.map((u) => [u.email.toLowerCase(), { id: u.id, role: u.role }])),
    assets: await loadExistingAssets(db, secrets),
  };
}

const PAGE = 20_000;

/** Every asset by identity, read in pages by rowid order of id, so memory holds rows, not result sets. */
async function loadExistingAssets(db: Q, secrets: SecretBox | null): Promise<Map<string, ExistingAsset>> {
  const byKey = new Map<string, ExistingAsset>();
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('assets').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) break;
    const links = await projectLinks(db, rows[0]!.id, rows[rows.length - 1]!.id);
    for (const row of rows) byKey.set(identityKey(row.client_id, row.kind, row.identifier), existing(row, links.get(row.id) ?? [], secrets));
    after = rows[rows.length - 1]!.id;
  }
  return byKey;
}

async function projectLinks(db: Q, fromId: string, toId: string): Promise<Map<string, string[]>> {
  const links = await db.selectFrom('asset_projects').selectAll().where('asset_id', '>=', fromId).where('asset_id', '<=', toId).execute();
  const byAsset = new Map<string, string[]>();
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

export { sql };

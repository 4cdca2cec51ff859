import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Clients, projects, providers and assets, with the indexes the registry's lists need. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('archived_at', sql.raw(t.instant))
    .execute();
  // Names are unique per agency, compared without case, so an import can match "ACME" to "Acme".
  await sql`create unique index clients_name_idx on clients (lower(name))`.execute(db);

  await db.schema
    .createTable('providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('account_reference', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await sql`create unique index providers_name_idx on providers (lower(name))`.execute(db);

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('archived_at', sql.raw(t.instant))
    .execute();
  await sql`create unique index projects_client_name_idx on projects (client_id, lower(name))`.execute(db);

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.references('providers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_on', sql.raw(t.date))
    .addColumn('billing_cycle', 'text', (c) => c.notNull())
    .addColumn('cycle_months', 'integer')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('cost_amount', sql.raw(t.money))
    .addColumn('renewal_amount', sql.raw(t.money))
    .addColumn('yearly_cost', sql.raw(t.money), (c) => c.notNull())
    .addColumn('auto_renew', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('custom_fields', 'text', (c) => c.notNull())
    .addColumn('secrets', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('retired_at', sql.raw(t.instant))
    .execute();
  // One identifier of a kind per client: "example.com" recorded twice for a client is a mistake.
  await sql`create unique index assets_identity_idx on assets (client_id, kind, lower(identifier))`.execute(db);
  // Keyed for renewal-date pages; the trailing columns let the dashboard's counts and sums over a
  // date range read the index alone, never the table.
  await db.schema
    .createIndex('assets_expiry_idx')
    .on('assets')
    .columns(['expires_on', 'id', 'status', 'currency', 'renewal_amount', 'cost_amount'])
    .execute();
  await db.schema.createIndex('assets_client_expiry_idx').on('assets').columns(['client_id', 'expires_on', 'id']).execute();
  await db.schema.createIndex('assets_name_idx').on('assets').columns(['name', 'id']).execute();
  await db.schema.createIndex('assets_owner_idx').on('assets').columns(['owner_id', 'status']).execute();
  // Few assets are stored as expired; a partial index finds them without touching the rest.
  await db.schema.createIndex('assets_stored_expired_idx').on('assets').column('id').where(sql.ref('status'), '=', 'expired').execute();
  await db.schema.createIndex('assets_provider_idx').on('assets').columns(['provider_id']).execute();
  await d.createAssetSearch(db);

  await db.schema
    .createTable('asset_projects')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('asset_projects_pk', ['asset_id', 'project_id'])
    .execute();
  await db.schema.createIndex('asset_projects_project_idx').on('asset_projects').columns(['project_id', 'asset_id']).execute();

  await db.schema
    .createTable('asset_tags')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_tags_pk', ['asset_id', 'tag'])
    .execute();
  await db.schema.createIndex('asset_tags_tag_idx').on('asset_tags').columns(['tag', 'asset_id']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('committed_at', sql.raw(t.instant))
    .addColumn('result', 'text')
    .execute();
}

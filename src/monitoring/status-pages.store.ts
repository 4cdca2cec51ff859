import type { Kysely } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, RowPatch, Schema } from '../platform/db/schema.ts';

type Q = Kysely<Schema>;

export interface StatusPage {
  id: string;
  slug: string;
  title: string;
  description: string;
  clientId: string | null;
  projectId: string | null;
  monitorIds: string[];
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toStatusPage(row: Row<'status_pages'>): StatusPage {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    clientId: row.client_id,
    projectId: row.project_id,
    monitorIds: JSON.parse(row.monitor_ids),
    published: row.published === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function statusPageRow(page: StatusPage): NewRow<'status_pages'> {
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    description: page.description,
    client_id: page.clientId,
    project_id: page.projectId,
    monitor_ids: JSON.stringify(page.monitorIds),
    published: page.published ? 1 : 0,
    created_at: page.createdAt,
    updated_at: page.updatedAt,
  };
}

export async function findStatusPage(db: Q, id: string): Promise<StatusPage | null> {
  const row = await db.selectFrom('status_pages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStatusPage(row) : null;
}

export async function findPublishedBySlug(db: Q, slug: string): Promise<StatusPage | null> {
  const row = await db.selectFrom('status_pages').selectAll().where('slug', '=', slug).where('published', '=', 1).executeTakeFirst();
  return row ? toStatusPage(row) : null;
}

export interface StatusPageFilter {
  clientId?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listStatusPages(db: Q, f: StatusPageFilter): Promise<StatusPage[]> {
  let query = db.selectFrom('status_pages').selectAll();
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.cursor) {
    const { value } = f.cursor;
    query = query.where('slug', '>', String(value));
  }
  const rows = await query.orderBy('slug').limit(f.limit + 1).execute();
  return rows.map(toStatusPage);
}

export async function insertStatusPage(db: Q, row: NewRow<'status_pages'>): Promise<void> {
  await db.insertInto('status_pages').values(row).execute();
}

export async function updateStatusPage(db: Q, id: string, patch: RowPatch<'status_pages'>): Promise<void> {
  await db.updateTable('status_pages').set(patch).where('id', '=', id).execute();
}

export async function deleteStatusPage(db: Q, id: string): Promise<void> {
  await db.deleteFrom('status_pages').where('id', '=', id).execute();
}

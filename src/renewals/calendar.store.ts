import { sql, type Kysely } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';
import type { FeedOwnerType, RenewalFact, TaskFact } from './calendar.model.ts';

type Q = Kysely<Schema>;

/** Tasks still to be worked: they have a due date that means something. */
export const OPEN_TASK_STATES = ['open', 'in_progress', 'snoozed'] as const;
/** Assets whose renewal date is still ahead of someone: cancelled and retired ones will not renew. */
const DONE_ASSET_STATUSES = ['cancelled', 'retired'];

export interface CalendarFeedRecord {
  id: string;
  ownerType: FeedOwnerType;
  ownerId: string;
  tokenSealed: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

function toFeed(row: Row<'calendar_feeds'>): CalendarFeedRecord {
  return {
    id: row.id,
    ownerType: row.owner_type as FeedOwnerType,
    ownerId: row.owner_id,
    tokenSealed: row.token_sealed,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertFeed(db: Q, row: NewRow<'calendar_feeds'>): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

export async function findFeed(db: Q, id: string): Promise<CalendarFeedRecord | null> {
  const row = await db.selectFrom('calendar_feeds').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toFeed(row) : null;
}

/** A live feed by the hash of its token: one index hit, and the token itself is never compared. */
export async function findFeedByTokenHash(db: Q, tokenHash: string): Promise<CalendarFeedRecord | null> {
  const row = await db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toFeed(row) : null;
}

export async function revokeFeed(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ revoked_at: at }).where('id', '=', id).execute();
}

export interface FeedVisibility {
  /** Everyone's feeds (user managers). */
  all: boolean;
  /** Every client feed (staff who manage renewals). */
  clientFeeds: boolean;
  userId: string;
}

/** Live feeds the actor may see, newest first, `limit + 1` rows for paging. */
export async function listFeeds(db: Q, v: FeedVisibility, cursor: Cursor | undefined, limit: number): Promise<CalendarFeedRecord[]> {
  let query = db.selectFrom('calendar_feeds').selectAll().where('revoked_at', 'is', null);
  if (!v.all) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('owner_type', '=', 'user'), eb('owner_id', '=', v.userId)]),
        eb('created_by', '=', v.userId),
        ...(v.clientFeeds ? [eb('owner_type', '=', 'client')] : []),
      ]),
    );
  }
  if (cursor) query = query.where(sql<boolean>`(created_at < ${cursor.value} or (created_at = ${cursor.value} and id < ${cursor.id}))`);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return rows.map(toFeed);
}

export interface FeedOwnerRecord {
  name: string;
  /** A disabled user's feed stops answering; a client's feed does not depend on who made it. */
  active: boolean;
  role: string | null;
}

export async function findOwner(db: Q, type: FeedOwnerType, id: string): Promise<FeedOwnerRecord | null> {
  if (type === 'user') {
    const user = await db.selectFrom('users').select(['name', 'disabled_at', 'role']).where('id', '=', id).executeTakeFirst();
    return user ? { name: user.name, active: user.disabled_at === null, role: user.role } : null;
  }
  const client = await db.selectFrom('clients').select(['name']).where('id', '=', id).executeTakeFirst();
  return client ? { name: client.name, active: true, role: null } : null;
}

/** Names of many owners at once, for a list of feeds. */
export async function ownerNames(db: Q, feeds: readonly CalendarFeedRecord[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const userIds = [...new Set(feeds.filter((f) => f.ownerType === 'user').map((f) => f.ownerId))];
  const clientIds = [...new Set(feeds.filter((f) => f.ownerType === 'client').map((f) => f.ownerId))];
  if (userIds.length > 0) for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()) names.set(`user:${u.id}`, u.name);
  if (clientIds.length > 0) for (const c of await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', clientIds).execute()) names.set(`client:${c.id}`, c.name);
  return names;
}

export interface EntryFilter {
  from: string;
  to: string;
  clientId?: string | undefined;
  /** Assets this user is responsible for: owner, assignee of an open task, or manager of one of its projects. */
  responsibleUserId?: string | undefined;
  /** Tasks assigned to this user. */
  assigneeId?: string | undefined;
}

/** Renewal dates in [from, to], by date, at most `limit` of them. */
export async function renewalFacts(db: Q, f: EntryFilter, limit: number): Promise<RenewalFact[]> {
  let query = db
    .selectFrom('assets')
    .innerJoin('clients', 'clients.id', 'assets.client_id')
    .select([
      'assets.id', 'assets.name', 'assets.identifier', 'assets.kind', 'assets.client_id', 'clients.name as client_name', 'assets.expires_on',
      'assets.auto_renew', 'assets.currency', 'assets.renewal_amount', 'assets.cost_amount', 'assets.updated_at',
    ])
    .where('assets.expires_on', '>=', f.from)
    .where('assets.expires_on', '<=', f.to)
    .where('assets.status', 'not in', DONE_ASSET_STATUSES);
  if (f.clientId) query = query.where('assets.client_id', '=', f.clientId);
  const user = f.responsibleUserId;
  if (user) {
    query = query.where((eb) =>
      eb.or([
        eb('assets.owner_id', '=', user),
        eb('assets.id', 'in', eb.selectFrom('renewal_tasks').select('asset_id').where('assignee_id', '=', user).where('state', 'in', [...OPEN_TASK_STATES])),
        eb('assets.id', 'in', eb.selectFrom('asset_projects').innerJoin('projects', 'projects.id', 'asset_projects.project_id').select('asset_projects.asset_id').where('projects.manager_id', '=', user)),
      ]),
    );
  }
  const rows = await query.orderBy('assets.expires_on').orderBy('assets.id').limit(limit).execute();
  return rows.map((r) => {
    const amount = r.renewal_amount ?? r.cost_amount;
    return {
      assetId: r.id,
      assetName: r.name,
      identifier: r.identifier,
      kind: r.kind,
      clientId: r.client_id,
      clientName: r.client_name,
      expiresOn: r.expires_on!,
      autoRenew: Boolean(r.auto_renew),
      price: amount === null ? null : { amount: Number(amount), currency: r.currency },
      updatedAt: r.updated_at,
    };
  });
}

/** Due dates of open renewal tasks in [from, to], by date, at most `limit` of them. */
export async function taskFacts(db: Q, f: EntryFilter, limit: number): Promise<TaskFact[]> {
  let query = db
    .selectFrom('renewal_tasks')
    .innerJoin('assets', 'assets.id', 'renewal_tasks.asset_id')
    .innerJoin('clients', 'clients.id', 'renewal_tasks.client_id')
    .select([
      'renewal_tasks.id', 'renewal_tasks.asset_id', 'assets.name as asset_name', 'renewal_tasks.client_id', 'clients.name as client_name',
      'renewal_tasks.renewal_on', 'renewal_tasks.due_on', 'renewal_tasks.state', 'renewal_tasks.assignee_id', 'renewal_tasks.updated_at',
    ])
    .where('renewal_tasks.state', 'in', [...OPEN_TASK_STATES])
    .where('renewal_tasks.due_on', '>=', f.from)
    .where('renewal_tasks.due_on', '<=', f.to);
  if (f.clientId) query = query.where('renewal_tasks.client_id', '=', f.clientId);
  if (f.assigneeId) query = query.where('renewal_tasks.assignee_id', '=', f.assigneeId);
  const rows = await query.orderBy('renewal_tasks.due_on').orderBy('renewal_tasks.id').limit(limit).execute();
  return rows.map((r) => ({
    taskId: r.id,
    assetId: r.asset_id,
    assetName: r.asset_name,
    clientId: r.client_id,
    clientName: r.client_name,
    renewalOn: r.renewal_on,
    dueOn: r.due_on,
    state: r.state,
    assigneeId: r.assignee_id,
    updatedAt: r.updated_at,
  }));
}

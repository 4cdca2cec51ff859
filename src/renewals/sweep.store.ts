import { sql, type Kysely } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';
import type { AssetKind, AssetStatus } from '../registry/assets.model.ts';
import { SWEPT_STATUSES, WORKING_TASK_STATES, type SweepCounts, type SweptAsset, type WorkingTask } from './sweep.model.ts';

/**
 * The sweep's queries: its own runs, the assets of the window a page at a time, what a page needs
 * besides (first project, people, tasks and checks that exist), and the writes. Every read of
 * assets or tasks is bounded by a page; lists of ids stay well under both databases' parameter limits.
 */
type Q = Kysely<Schema>;

// ---- sweeps ----

export interface Sweep {
  id: string;
  sweptAt: string;
  startedAt: string;
  finishedAt: string | null;
  counts: SweepCounts | null;
}

function toSweep(row: Row<'renewal_sweeps'>): Sweep {
  return { id: row.id, sweptAt: row.swept_at, startedAt: row.started_at, finishedAt: row.finished_at, counts: row.counts ? (JSON.parse(row.counts) as SweepCounts) : null };
}

export async function insertSweep(db: Q, row: NewRow<'renewal_sweeps'>): Promise<void> {
  await db.insertInto('renewal_sweeps').values(row).execute();
}

export async function finishSweep(db: Q, id: string, finishedAt: string, counts: SweepCounts): Promise<void> {
  await db.updateTable('renewal_sweeps').set({ finished_at: finishedAt, counts: JSON.stringify(counts) }).where('id', '=', id).execute();
}

export async function findSweep(db: Q, id: string): Promise<Sweep | undefined> {
  const row = await db.selectFrom('renewal_sweeps').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSweep(row) : undefined;
}

/** Up to where the last finished sweep covered; an unfinished one (it crashed) covered nothing for sure. */
export async function lastFinishedSweepAt(db: Q): Promise<string | null> {
  const row = await db.selectFrom('renewal_sweeps').select('swept_at').where('finished_at', 'is not', null).orderBy('swept_at', 'desc').limit(1).executeTakeFirst();
  return row?.swept_at ?? null;
}

/** Latest first; the cursor carries `swept_at` and id. */
export async function listSweeps(db: Q, cursor: Cursor | undefined, limit: number): Promise<Sweep[]> {
  let query = db.selectFrom('renewal_sweeps').selectAll();
  if (cursor) query = query.where(sql<boolean>`(swept_at < ${cursor.value} or (swept_at = ${cursor.value} and id < ${cursor.id}))`);
  const rows = await query.orderBy('swept_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return rows.map(toSweep);
}

// ---- the assets of the window ----

export interface AssetCursor {
  expiresOn: string;
  id: string;
}

/** One page of the window in (expires_on, id) order, read along assets_expiry_idx. */
export async function assetPage(db: Q, window: { from: string; to: string }, after: AssetCursor | null, limit: number): Promise<SweptAsset[]> {
  let query = db
    .selectFrom('assets')
    .select(['id', 'client_id', 'kind', 'name', 'status', 'expires_on', 'auto_renew', 'owner_id', 'provider_id', 'currency', 'renewal_amount', 'cost_amount'])
    .where('expires_on', '<=', window.to)
    .where('status', 'in', SWEPT_STATUSES);
  query = after ? query.where(sql<boolean>`(expires_on, id) > (${after.expiresOn}, ${after.id})`) : query.where('expires_on', '>=', window.from);
  const rows = await query.orderBy('expires_on').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    kind: r.kind as AssetKind,
    name: r.name,
    status: r.status as AssetStatus,
    expiresOn: r.expires_on!,
    autoRenew: r.auto_renew === 1,
    ownerId: r.owner_id,
    providerId: r.provider_id,
    currency: r.currency,
    renewalAmount: r.renewal_amount === null ? null : Number(r.renewal_amount),
    costAmount: r.cost_amount === null ? null : Number(r.cost_amount),
  }));
}

export interface FirstProject {
  projectId: string;
  managerId: string | null;
}

/** Each asset's first linked project (by id) and its manager. */
export async function firstProjects(db: Q, assetIds: readonly string[]): Promise<Map<string, FirstProject>> {
  const found = new Map<string, FirstProject>();
  if (assetIds.length === 0) return found;
  const rows = await db
    .selectFrom('asset_projects as ap')
    .innerJoin('projects as p', 'p.id', 'ap.project_id')
    .select(['ap.asset_id', 'ap.project_id', 'p.manager_id'])
    .where('ap.asset_id', 'in', assetIds)
    .orderBy('ap.asset_id')
    .orderBy('ap.project_id')
    .execute();
  for (const r of rows) if (!found.has(r.asset_id)) found.set(r.asset_id, { projectId: r.project_id, managerId: r.manager_id });
  return found;
}

export interface Person {
  name: string;
  timeZone: string;
}

export async function people(db: Q, ids: Iterable<string>): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name', 'time_zone']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, timeZone: r.time_zone }]));
}

export async function providerNames(db: Q, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('providers').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const renewalKey = (assetId: string, renewalOn: string) => `${assetId}/${renewalOn}`;

/** `asset/renewal date` of the tasks that exist for these assets, whatever their state. */
export async function existingTasks(db: Q, assetIds: readonly string[]): Promise<Set<string>> {
  if (assetIds.length === 0) return new Set();
  const rows = await db.selectFrom('renewal_tasks').select(['asset_id', 'renewal_on']).where('asset_id', 'in', assetIds).execute();
  return new Set(rows.map((r) => renewalKey(r.asset_id, r.renewal_on)));
}

/** `asset/renewal date` of the auto-renew checks that exist for these assets. */
export async function existingChecks(db: Q, assetIds: readonly string[]): Promise<Set<string>> {
  if (assetIds.length === 0) return new Set();
  const rows = await db.selectFrom('auto_renew_checks').select(['asset_id', 'renewal_on']).where('asset_id', 'in', assetIds).execute();
  return new Set(rows.map((r) => renewalKey(r.asset_id, r.renewal_on)));
}

export { renewalKey };

// ---- writes of the asset pages ----

const INSERT_CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) out.push(rows.slice(i, i + INSERT_CHUNK));
  return out;
}

/** Inserts the reminders not sent before; returns the keys that were new. */
export async function insertReminders(db: Q, rows: readonly NewRow<'renewal_reminders'>[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(rows)) {
    const back = await db.insertInto('renewal_reminders').values(chunk).onConflict((oc) => oc.column('key').doNothing()).returning('key').execute();
    for (const r of back) inserted.add(r.key);
  }
  return inserted;
}

/** Links each reminder to the event that announced it: one statement per chunk, not per reminder. */
export async function setReminderEvents(db: Q, events: ReadonlyMap<string, string>): Promise<void> {
  for (const chunk of chunks([...events])) {
    const eventOf = sql.join(chunk.map(([key, eventId]) => sql`when ${key} then ${eventId}`), sql` `);
    await db
      .updateTable('renewal_reminders')
      .set({ event_id: sql<string>`case key ${eventOf} end` })
      .where('key', 'in', chunk.map(([key]) => key))
      .execute();
  }
}

/** Inserts tasks, one per asset and renewal date; returns the ids of those that were new. */
export async function insertTasks(db: Q, rows: readonly NewRow<'renewal_tasks'>[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(rows)) {
    const back = await db
      .insertInto('renewal_tasks')
      .values(chunk)
      .onConflict((oc) => oc.columns(['asset_id', 'renewal_on']).doNothing())
      .returning('id')
      .execute();
    for (const r of back) inserted.add(r.id);
  }
  return inserted;
}

/** Records failed auto-renewals, each (asset, renewal date) once; returns `asset/renewal date` of those that were new. */
export async function insertFailedChecks(db: Q, failures: readonly { assetId: string; renewalOn: string }[], at: string): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(failures)) {
    const back = await db
      .insertInto('auto_renew_checks')
      .values(chunk.map((f) => ({ asset_id: f.assetId, renewal_on: f.renewalOn, state: 'failed', event_id: null, checked_at: at, resolved_at: null })))
      .onConflict((oc) => oc.columns(['asset_id', 'renewal_on']).doNothing())
      .returning(['asset_id', 'renewal_on'])
      .execute();
    for (const r of back) inserted.add(renewalKey(r.asset_id, r.renewal_on));
  }
  return inserted;
}

/** Links each new failed check (by asset; one renewal date per asset in a sweep) to its event. */
export async function setCheckEvents(db: Q, renewalOnOf: ReadonlyMap<string, { renewalOn: string; eventId: string }>): Promise<void> {
  for (const chunk of chunks([...renewalOnOf])) {
    const eventOf = sql.join(chunk.map(([assetId, { eventId }]) => sql`when ${assetId} then ${eventId}`), sql` `);
    await db
      .updateTable('auto_renew_checks')
      .set({ event_id: sql<string>`case asset_id ${eventOf} end` })
      .where((eb) => eb.or(chunk.map(([assetId, { renewalOn }]) => eb.and([eb('asset_id', '=', assetId), eb('renewal_on', '=', renewalOn)]))))
      .execute();
  }
}

// ---- open tasks and failed checks ----

export interface WorkingTaskRow extends WorkingTask {
  projectId: string | null;
  assetName: string;
  assignee: { id: string; name: string; timeZone: string } | null;
}

function workingTasks(db: Q) {
  return db
    .selectFrom('renewal_tasks as t')
    .innerJoin('assets as a', 'a.id', 't.asset_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select(['t.id', 't.project_id', 't.renewal_on', 't.due_on', 't.state', 't.snoozed_until', 't.escalated_at', 't.assignee_id'])
    .select(['a.id as asset_id', 'a.client_id', 'a.kind', 'a.name', 'a.status', 'a.expires_on', 'a.auto_renew', 'u.name as assignee_name', 'u.time_zone'])
    .where('t.state', 'in', WORKING_TASK_STATES);
}

type WorkingRow = Awaited<ReturnType<ReturnType<typeof workingTasks>['execute']>>[number];

function toWorkingTask(r: WorkingRow): WorkingTaskRow {
  return {
    id: r.id,
    projectId: r.project_id,
    renewalOn: r.renewal_on,
    dueOn: r.due_on,
    state: r.state as WorkingTask['state'],
    snoozedUntil: r.snoozed_until,
    escalatedAt: r.escalated_at,
    asset: { id: r.asset_id, clientId: r.client_id, kind: r.kind as AssetKind, status: r.status as AssetStatus, expiresOn: r.expires_on, autoRenew: r.auto_renew === 1 },
    assetName: r.name,
    assignee: r.assignee_id && r.assignee_name !== null && r.time_zone !== null ? { id: r.assignee_id, name: r.assignee_name, timeZone: r.time_zone } : null,
  };
}

/** Open tasks of auto-renewing assets whose expiry has moved past the task's renewal date. */
export async function tasksOutrunByAutoRenewal(db: Q, afterId: string | null, limit: number): Promise<WorkingTaskRow[]> {
  let query = workingTasks(db).where('a.auto_renew', '=', 1).where(sql<boolean>`a.expires_on > t.renewal_on`);
  if (afterId) query = query.where('t.id', '>', afterId);
  return (await query.orderBy('t.id').limit(limit).execute()).map(toWorkingTask);
}

/** Open tasks that may be escalated (due by `dueBy`, not escalated yet) or whose snooze ends by `snoozedBy`. */
export async function tasksNeedingAttention(db: Q, bounds: { dueBy: string; snoozedBy: string }, afterId: string | null, limit: number): Promise<WorkingTaskRow[]> {
  let query = workingTasks(db).where((eb) =>
    eb.or([
      eb.and([eb('t.escalated_at', 'is', null), eb('t.due_on', '<=', bounds.dueBy)]),
      eb.and([eb('t.state', '=', 'snoozed'), eb.or([eb('t.snoozed_until', 'is', null), eb('t.snoozed_until', '<=', bounds.snoozedBy)])]),
    ]),
  );
  if (afterId) query = query.where('t.id', '>', afterId);
  return (await query.orderBy('t.id').limit(limit).execute()).map(toWorkingTask);
}

/** Compare-and-set on the state, so a person's change made meanwhile is not overwritten; true when it applied. */
export async function closeTaskAsRenewed(db: Q, task: WorkingTaskRow, renewedUntil: string, at: string): Promise<boolean> {
  const done = await db
    .updateTable('renewal_tasks')
    .set({ state: 'done', outcome: 'renewed', renewed_until: renewedUntil, snoozed_until: null, completed_at: at, completed_by: null, updated_at: at })
    .where('id', '=', task.id)
    .where('state', '=', task.state)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Snoozed tasks back to open; returns the ids that were still snoozed. */
export async function wakeTasks(db: Q, ids: readonly string[], at: string): Promise<Set<string>> {
  const woken = new Set<string>();
  for (const chunk of chunks(ids)) {
    const back = await db.updateTable('renewal_tasks').set({ state: 'open', snoozed_until: null, updated_at: at }).where('id', 'in', chunk).where('state', '=', 'snoozed').returning('id').execute();
    for (const r of back) woken.add(r.id);
  }
  return woken;
}

/** Marks tasks escalated; returns the ids that were still open and not escalated yet. */
export async function markEscalated(db: Q, ids: readonly string[], at: string): Promise<Set<string>> {
  const escalated = new Set<string>();
  for (const chunk of chunks(ids)) {
    const back = await db
      .updateTable('renewal_tasks')
      .set({ escalated_at: at, updated_at: at })
      .where('id', 'in', chunk)
      .where('escalated_at', 'is', null)
      .where('state', 'in', WORKING_TASK_STATES)
      .returning('id')
      .execute();
    for (const r of back) escalated.add(r.id);
  }
  return escalated;
}

export interface FailedCheck {
  assetId: string;
  renewalOn: string;
  expiresOn: string;
}

/** Failed auto-renewals whose asset's expiry has since moved past the renewal date. */
export async function checksOutrun(db: Q, after: FailedCheck | null, limit: number): Promise<FailedCheck[]> {
  let query = db
    .selectFrom('auto_renew_checks as c')
    .innerJoin('assets as a', 'a.id', 'c.asset_id')
    .select(['c.asset_id', 'c.renewal_on', 'a.expires_on'])
    .where('c.state', '=', 'failed')
    .where('c.resolved_at', 'is', null)
    .where(sql<boolean>`a.expires_on > c.renewal_on`);
  if (after) query = query.where(sql<boolean>`(c.asset_id, c.renewal_on) > (${after.assetId}, ${after.renewalOn})`);
  const rows = await query
    .orderBy('c.asset_id')
    .orderBy('c.renewal_on')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ assetId: r.asset_id, renewalOn: r.renewal_on, expiresOn: r.expires_on! }));
}

export async function resolveCheck(db: Q, check: FailedCheck, at: string): Promise<void> {
  await db
    .updateTable('auto_renew_checks')
    .set({ state: 'renewed', resolved_at: at, checked_at: at })
    .where('asset_id', '=', check.assetId)
    .where('renewal_on', '=', check.renewalOn)
    .where('state', '=', 'failed')
    .execute();
}

/** Sweep history older than `before` (96 rows a day otherwise pile up); the latest finished sweep is always newer. */
export async function pruneSweeps(db: Q, before: string): Promise<number> {
  const result = await db.deleteFrom('renewal_sweeps').where('swept_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

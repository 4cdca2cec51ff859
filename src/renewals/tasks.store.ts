import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Cursor } from '../platform/db/keyset.ts';
import type { Row, RowPatch, Schema } from '../platform/db/schema.ts';
import { newId } from '../platform/ids.ts';
import type { AssetKind } from '../registry/assets.model.ts';
import type { TaskOutcome, TaskState } from './tasks.model.ts';

type Q = Kysely<Schema>;

export interface TaskPush {
  channelId: string;
  at: string;
  notificationId: string;
}

/** A renewal task as the inbox and the task page show it. */
export interface RenewalTask {
  id: string;
  asset: { id: string; name: string; kind: AssetKind; identifier: string; expiresOn: string | null; autoRenew: boolean; currency: string; renewalAmount: number | null };
  client: { id: string; name: string };
  projectId: string | null;
  renewalOn: string;
  dueOn: string;
  state: TaskState;
  snoozedUntil: string | null;
  assignee: { id: string; name: string } | null;
  escalated: boolean;
  escalatedAt: string | null;
  outcome: TaskOutcome | null;
  renewedUntil: string | null;
  paid: { amount: number; currency: string } | null;
  completedAt: string | null;
  completedBy: string | null;
  pushed: TaskPush[];
  commentCount: number;
  createdAt: string;
  updatedAt: string;
}

function baseQuery(db: Q) {
  return db
    .selectFrom('renewal_tasks as t')
    .innerJoin('assets as a', 'a.id', 't.asset_id')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .selectAll('t')
    .select([
      'a.name as asset_name',
      'a.kind as asset_kind',
      'a.identifier as asset_identifier',
      'a.expires_on as asset_expires_on',
      'a.auto_renew as asset_auto_renew',
      'a.currency as asset_currency',
      'a.renewal_amount as asset_renewal_amount',
      'c.name as client_name',
      'u.name as assignee_name',
      (eb) => eb.selectFrom('renewal_task_comments as k').select((k) => k.fn.countAll<string | number>().as('n')).whereRef('k.task_id', '=', 't.id').as('comment_count'),
    ]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function parsePushed(raw: string | null): TaskPush[] {
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  return Array.isArray(parsed) ? (parsed as TaskPush[]) : [parsed as TaskPush];
}

function toTask(r: TaskRow): RenewalTask {
  return {
    id: r.id,
    asset: {
      id: r.asset_id,
      name: r.asset_name,
      kind: r.asset_kind as AssetKind,
      identifier: r.asset_identifier,
      expiresOn: r.asset_expires_on,
      autoRenew: Boolean(r.asset_auto_renew),
      currency: r.asset_currency,
      renewalAmount: r.asset_renewal_amount === null ? null : Number(r.asset_renewal_amount),
    },
    client: { id: r.client_id, name: r.client_name },
    projectId: r.project_id,
    renewalOn: r.renewal_on,
    dueOn: r.due_on,
    state: r.state as TaskState,
    snoozedUntil: r.snoozed_until,
    assignee: r.assignee_id && r.assignee_name !== null ? { id: r.assignee_id, name: r.assignee_name } : null,
    escalated: r.escalated_at !== null,
    escalatedAt: r.escalated_at,
    outcome: r.outcome as TaskOutcome | null,
    renewedUntil: r.renewed_until,
    paid: r.paid_amount !== null && r.paid_currency !== null ? { amount: Number(r.paid_amount), currency: r.paid_currency } : null,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    pushed: parsePushed(r.pushed),
    commentCount: Number(r.comment_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findTask(db: Q, id: string): Promise<RenewalTask | null> {
  const row = await baseQuery(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : null;
}

export interface TaskFilter {
  /** A user id; null for the unassigned tasks; undefined for everyone's. */
  assigneeId?: string | null | undefined;
  states: TaskState[];
  clientId?: string | undefined;
  dueBefore?: string | undefined;
  overdue?: boolean | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/**
 * The condition for "the task is in one of these states as people see them today": a snooze
 * whose day has come counts as open, not snoozed (see effectiveState).
 */
function inStates(states: TaskState[], today: string) {
  return sql<SqlBool>`(${sql.join(
    states.map((s) => {
      if (s === 'open') return sql`(t.state = 'open' or (t.state = 'snoozed' and (t.snoozed_until is null or t.snoozed_until <= ${today})))`;
      if (s === 'snoozed') return sql`(t.state = 'snoozed' and t.snoozed_until > ${today})`;
      return sql`t.state = ${s}`;
    }),
    sql` or `,
  )})`;
}

/** The inbox: sorted by due day then id, `limit + 1` rows so the caller knows whether more exist. */
export async function listTasks(db: Q, f: TaskFilter, today: string): Promise<RenewalTask[]> {
  let q = baseQuery(db).where(inStates(f.states, today));
  if (f.assigneeId === null) q = q.where('t.assignee_id', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('t.assignee_id', '=', f.assigneeId);
  if (f.clientId) q = q.where('t.client_id', '=', f.clientId);
  if (f.dueBefore) q = q.where('t.due_on', '<', f.dueBefore);
  if (f.overdue) q = q.where('t.due_on', '<', today);
  if (f.cursor) {
    const { value, id } = f.cursor;
    q = q.where(sql<SqlBool>`(t.due_on > ${value} or (t.due_on = ${value} and t.id > ${id}))`);
  }
  const rows = await q.orderBy('t.due_on', 'asc').orderBy('t.id', 'asc').limit(f.limit + 1).execute();
  return rows.map(toTask);
}

export interface TaskSummary {
  overdue: number;
  dueThisWeek: number;
  mine: number;
  unassigned: number;
}

/** Counts of the tasks still to do, for the dashboard. `weekEnd` is the last day of "this week" (inclusive). */
export async function summarise(db: Q, userId: string | null, today: string, weekEnd: string): Promise<TaskSummary> {
  const row = await db
    .selectFrom('renewal_tasks as t')
    .where('t.state', 'in', ['open', 'in_progress', 'snoozed'])
    .select([
      sql<string | number>`sum(case when t.due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<string | number>`sum(case when t.due_on >= ${today} and t.due_on <= ${weekEnd} then 1 else 0 end)`.as('due_this_week'),
      sql<string | number>`sum(case when t.assignee_id = ${userId ?? ''} then 1 else 0 end)`.as('mine'),
      sql<string | number>`sum(case when t.assignee_id is null then 1 else 0 end)`.as('unassigned'),
    ])
    .executeTakeFirst();
  return { overdue: Number(row?.overdue ?? 0), dueThisWeek: Number(row?.due_this_week ?? 0), mine: Number(row?.mine ?? 0), unassigned: Number(row?.unassigned ?? 0) };
}

export interface NewTask {
  assetId: string;
  clientId: string;
  projectId: string | null;
  renewalOn: string;
  dueOn: string;
  assigneeId: string | null;
}

/**
 * Records the task of one renewal (asset, renewal date); the sweep uses it too. Idempotent: a
 * renewal that already has a task keeps it, and its id is returned with `created: false`.
 */
export async function createTask(db: Q, task: NewTask, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await db.selectFrom('renewal_tasks').select('id').where('asset_id', '=', task.assetId).where('renewal_on', '=', task.renewalOn).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const id = newId('task', now.getTime());
  const at = now.toISOString();
  await db
    .insertInto('renewal_tasks')
    .values({
      id,
      asset_id: task.assetId,
      client_id: task.clientId,
      project_id: task.projectId,
      renewal_on: task.renewalOn,
      due_on: task.dueOn,
      assignee_id: task.assigneeId,
      state: 'open',
      snoozed_until: null,
      outcome: null,
      renewed_until: null,
      paid_amount: null,
      paid_currency: null,
      escalated_at: null,
      completed_at: null,
      completed_by: null,
      pushed: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, created: true };
}

export async function updateTask(db: Q, id: string, patch: RowPatch<'renewal_tasks'>): Promise<void> {
  await db.updateTable('renewal_tasks').set(patch).where('id', '=', id).execute();
}

/** Guarded write for completion: only a task still being worked on changes, so two completions cannot both land. */
export async function closeTask(db: Q, id: string, patch: RowPatch<'renewal_tasks'>): Promise<boolean> {
  const result = await db.updateTable('renewal_tasks').set(patch).where('id', '=', id).where('state', 'in', ['open', 'in_progress', 'snoozed']).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const pushedJson = (pushes: TaskPush[]): string => JSON.stringify(pushes);

// ---------------------------------------------------------------------------------------------
// Comments

export interface TaskComment {
  id: string;
  taskId: string;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
}

export async function listComments(db: Q, taskId: string, limit: number): Promise<TaskComment[]> {
  const rows = await db
    .selectFrom('renewal_task_comments as k')
    .leftJoin('users as u', 'u.id', 'k.author_id')
    .selectAll('k')
    .select('u.name as author_name')
    .where('k.task_id', '=', taskId)
    .orderBy('k.created_at', 'asc')
    .orderBy('k.id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => commentOf(r, r.author_name));
}

export function commentOf(r: Row<'renewal_task_comments'>, authorName: string | null): TaskComment {
  return { id: r.id, taskId: r.task_id, author: r.author_id && authorName !== null ? { id: r.author_id, name: authorName } : null, body: r.body, createdAt: r.created_at };
}

export async function insertComment(db: Q, row: Row<'renewal_task_comments'>): Promise<void> {
  await db.insertInto('renewal_task_comments').values(row).execute();
}

export async function userName(db: Q, id: string): Promise<{ name: string; role: string; clientId: string | null; disabled: boolean } | null> {
  const row = await db.selectFrom('users').select(['name', 'role', 'client_id', 'disabled_at']).where('id', '=', id).executeTakeFirst();
  return row ? { name: row.name, role: row.role, clientId: row.client_id, disabled: row.disabled_at !== null } : null;
}

/** The people a task may be assigned to: active owners, admins and managers, by name. */
export async function listAssignees(db: Q, limit: number): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', 'in', ['owner', 'admin', 'manager'])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { publishEvent } from '../notifications/events.ts';
import { addDays } from './reminders.model.ts';
import * as costs from './costs.store.ts';
import { daysLeft, effectiveState, snoozeProblem, todayOf, transitionProblem, type TaskState, type WorkingState } from './tasks.model.ts';
import * as store from './tasks.store.ts';

export type Ctx = ChangeContext & { actor: Actor };
export type { RenewalTask, TaskComment, TaskSummary } from './tasks.store.ts';

/** What people see of a task: its state as of today (an ended snooze reads as open) and the days left. */
export type TaskView = store.RenewalTask & { daysLeft: number };

export interface TaskDetail extends TaskView {
  comments: store.TaskComment[];
  costs: costs.AssetCost[];
}

const COMMENTS_SHOWN = 500;
const COSTS_SHOWN = 10;
/** Roles that work on renewal tasks: a task is assigned to one of them. */
/** An agency has a handful of staff; the picker shows at most this many. */
const MAX_ASSIGNEES = 500;
const ASSIGNABLE_ROLES = new Set(['owner', 'admin', 'manager']);

/** Renewal tasks are the agency's own work: a client's portal user never sees them. */
function staffOnly(actor: Actor): void {
  if (clientScope(actor) !== null) throw forbidden('Renewal tasks are for the agency’s staff.');
}

export function viewOf(task: store.RenewalTask, now: Date): TaskView {
  return { ...task, state: effectiveState(task, todayOf(now)), daysLeft: daysLeft(task, now) };
}

export async function findVisibleTask(deps: Deps, actor: Actor, id: string): Promise<store.RenewalTask> {
  staffOnly(actor);
  const task = await store.findTask(deps.database.db, id);
  if (!task) throw notFound('task', id);
  return task;
}

export interface InboxQuery {
  /** `me`, `none` (unassigned) or a user id; everyone's when left out. */
  assignee?: string | undefined;
  state?: TaskState[] | undefined;
  clientId?: string | undefined;
  dueBefore?: string | undefined;
  overdue?: boolean | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export const DEFAULT_INBOX_STATES: TaskState[] = ['open', 'in_progress', 'snoozed'];

export async function listTasks(deps: Deps, actor: Actor, q: InboxQuery): Promise<Page<TaskView>> {
  staffOnly(actor);
  const now = deps.now();
  const assigneeId = q.assignee === undefined ? undefined : q.assignee === 'none' ? null : q.assignee === 'me' ? actor.id : q.assignee;
  const filter: store.TaskFilter = { ...q, assigneeId, states: q.state && q.state.length > 0 ? q.state : DEFAULT_INBOX_STATES };
  const rows = await store.listTasks(deps.database.db, filter, todayOf(now));
  return toPage(rows, q.limit, (t) => ({ value: t.dueOn, id: t.id }), (t) => viewOf(t, now));
}

/** Counts for the dashboard: overdue, due within the next 7 days, mine, unassigned. */
export async function summary(deps: Deps, actor: Actor): Promise<store.TaskSummary> {
  staffOnly(actor);
  const today = todayOf(deps.now());
  return store.summarise(deps.database.db, actor.id, today, addDays(today, 6));
}

/** Who a task can be given to, for the assignee picker (managers cannot list users otherwise). */
export async function assignees(deps: Deps, actor: Actor): Promise<{ items: { id: string; name: string }[] }> {
  staffOnly(actor);
  return { items: await store.listAssignees(deps.database.db, MAX_ASSIGNEES) };
}

export async function getTask(deps: Deps, actor: Actor, id: string): Promise<TaskDetail> {
  const task = await findVisibleTask(deps, actor, id);
  const db = deps.database.db;
  const comments = await store.listComments(db, id, COMMENTS_SHOWN);
  const history = (await costs.listCosts(db, task.asset.id, COSTS_SHOWN)).slice(0, COSTS_SHOWN);
  return { ...viewOf(task, deps.now()), comments, costs: history };
}

export interface TaskPatch {
  state?: WorkingState | undefined;
  snoozedUntil?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

async function checkAssignee(deps: Deps, assigneeId: string | null | undefined, errors: FieldError[]): Promise<string | null> {
  if (!assigneeId) return null;
  const user = await store.userName(deps.database.db, assigneeId);
  if (!user) errors.push({ field: 'body.assigneeId', message: `No user ${assigneeId}` });
  else if (user.disabled || !ASSIGNABLE_ROLES.has(user.role)) errors.push({ field: 'body.assigneeId', message: 'must be an active owner, admin or manager' });
  return user?.name ?? null;
}

/** Moves a task between open, in progress and snoozed, and (re)assigns it; audited as `task.updated`. */
export async function updateTask(deps: Deps, ctx: Ctx, id: string, patch: TaskPatch): Promise<TaskView> {
  const before = await findVisibleTask(deps, ctx.actor, id);
  const now = deps.now();
  const today = todayOf(now);
  const current = effectiveState(before, today);
  const to = patch.state ?? (current as WorkingState);
  const refused = transitionProblem(before.state, to);
  if (refused) throw conflict(`The task cannot be moved to ${to}: ${refused}.`, [{ field: 'body.state', message: refused }]);
  const errors: FieldError[] = [];
  let snoozedUntil: string | null = null;
  if (to === 'snoozed') {
    snoozedUntil = patch.snoozedUntil ?? (current === 'snoozed' ? before.snoozedUntil : null);
    const problem = snoozeProblem(before, snoozedUntil, today);
    if (problem) errors.push({ field: 'body.snoozedUntil', message: problem });
  } else if (patch.snoozedUntil) errors.push({ field: 'body.snoozedUntil', message: 'is only given when snoozing' });
  const assigneeId = patch.assigneeId === undefined ? (before.assignee?.id ?? null) : patch.assigneeId;
  const assigneeName = patch.assigneeId === undefined ? (before.assignee?.name ?? null) : await checkAssignee(deps, patch.assigneeId, errors);
  if (errors.length > 0) throw invalid(errors);
  const after: store.RenewalTask = { ...before, state: to, snoozedUntil, assignee: assigneeId && assigneeName ? { id: assigneeId, name: assigneeName } : null, updatedAt: now.toISOString() };
  await change(deps, ctx, async (trx, audit) => {
    await store.updateTask(trx, id, { state: to, snoozed_until: snoozedUntil, assignee_id: assigneeId, updated_at: after.updatedAt });
    await audit({ action: 'task.updated', entityType: 'task', entityId: id, ...changedFields(auditedFields(before), auditedFields(after)) });
    if (assigneeId && assigneeId !== before.assignee?.id) await announceAssignment(trx, after, now);
  });
  return viewOf(after, now);
}

const auditedFields = (t: store.RenewalTask) => ({ state: t.state, snoozedUntil: t.snoozedUntil, assigneeId: t.assignee?.id ?? null });

/** Tells the new assignee (and whoever routing names) that the renewal is theirs now. */
async function announceAssignment(trx: Parameters<typeof publishEvent>[0], task: store.RenewalTask, now: Date): Promise<void> {
  await publishEvent(
    trx,
    {
      type: 'renewal.task-assigned',
      severity: 'info',
      clientId: task.client.id,
      projectId: task.projectId,
      assetId: task.asset.id,
      subjectKey: `task-assigned:${task.id}:${task.assignee?.id ?? ''}`,
      groupKey: null,
      data: { taskId: task.id, assetId: task.asset.id, assetName: task.asset.name, renewalOn: task.renewalOn, dueOn: task.dueOn, assigneeId: task.assignee?.id ?? null, assigneeName: task.assignee?.name ?? null },
    },
    now,
  );
}

export async function addComment(deps: Deps, ctx: Ctx, taskId: string, body: string): Promise<store.TaskComment> {
  await findVisibleTask(deps, ctx.actor, taskId);
  const now = deps.now();
  const row = { id: newId('taskComment', now.getTime()), task_id: taskId, author_id: ctx.actor.id, body, created_at: now.toISOString() };
  const author = ctx.actor.id ? await store.userName(deps.database.db, ctx.actor.id) : null;
  const comment = store.commentOf(row, author?.name ?? null);
  await change(deps, ctx, async (trx, audit) => {
    await store.insertComment(trx, row);
    await audit({ action: 'task.commented', entityType: 'task', entityId: taskId, after: { commentId: comment.id, ...createdRecord({ body }) } });
  });
  return comment;
}

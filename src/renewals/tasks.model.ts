import { daysUntilRenewal } from '../registry/assets.model.ts';
import { addDays } from './reminders.model.ts';

/**
 * The life of a renewal task, as pure rules. A task is worked on (open → in_progress), may be put
 * aside until a day (snoozed; it reads as open again once that day comes), and ends done with an
 * outcome (renewed or cancelled) through "complete". `cancelled` is for tasks that became moot
 * (the asset was retired or deleted elsewhere); people do not set it through a transition.
 *
 * A done task is never reopened: completing it moved the asset's expiry (or retired the asset) and
 * recorded what was paid, so a reopened task would stand for a renewal that already happened and a
 * second completion would book the payment twice. The next renewal date gets its own task from the
 * sweep; a mistake is fixed on the asset (its expiry, its status), which the sweep then follows.
 */
export const TASK_STATES = ['open', 'in_progress', 'snoozed', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** The states a person moves a task between; done comes only from completing it. */
export const WORKING_STATES = ['open', 'in_progress', 'snoozed'] as const;
export type WorkingState = (typeof WORKING_STATES)[number];

export const TASK_OUTCOMES = ['renewed', 'cancelled'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** How far past the renewal date a task may be snoozed: registries and vendors keep a grace period of about this. */
export const MAX_SNOOZE_PAST_RENEWAL_DAYS = 14;

export interface TaskFacts {
  state: TaskState;
  snoozedUntil: string | null;
  renewalOn: string;
  dueOn: string;
}

export const isClosed = (state: TaskState): boolean => state === 'done' || state === 'cancelled';

/** The state as people should see it on `today`: a snooze that has run out reads as open. */
export function effectiveState(task: Pick<TaskFacts, 'state' | 'snoozedUntil'>, today: string): TaskState {
  if (task.state === 'snoozed' && (task.snoozedUntil === null || task.snoozedUntil <= today)) return 'open';
  return task.state;
}

/** Where a person may move a task from each state (staying put is allowed: a new snooze date, a new assignee). */
export const ALLOWED_MOVES: Readonly<Record<TaskState, readonly WorkingState[]>> = {
  open: ['open', 'in_progress', 'snoozed'],
  in_progress: ['open', 'in_progress', 'snoozed'],
  snoozed: ['open', 'in_progress', 'snoozed'],
  done: [],
  cancelled: [],
};

/** Why the move from one state to another is refused, or null when it is allowed. */
export function transitionProblem(from: TaskState, to: WorkingState): string | null {
  if (ALLOWED_MOVES[from].includes(to)) return null;
  if (from === 'done') return 'the task is done; the next renewal gets a task of its own';
  return 'the task was cancelled and cannot be worked on again';
}

/** Why the snooze date is refused, or null. The day must come after today and not long after the renewal. */
export function snoozeProblem(task: Pick<TaskFacts, 'renewalOn'>, until: string | null | undefined, today: string): string | null {
  if (!until) return 'is required to snooze a task';
  if (until <= today) return `must be after today (${today})`;
  const latest = addDays(task.renewalOn, MAX_SNOOZE_PAST_RENEWAL_DAYS);
  if (until > latest) return `must be on or before ${latest} (${MAX_SNOOZE_PAST_RENEWAL_DAYS} days after the renewal date)`;
  return null;
}

/** Why the task cannot be completed, or null. */
export function completionProblem(state: TaskState): string | null {
  if (state === 'done') return 'the task is already done';
  if (state === 'cancelled') return 'the task was cancelled';
  return null;
}

/** Why the new expiry of a renewal is refused, or null: it must move past the date being renewed. */
export function renewedUntilProblem(renewalOn: string, renewedUntil: string): string | null {
  return renewedUntil > renewalOn ? null : `must be after the renewal date (${renewalOn})`;
}

/** Days from `now` to when the task is due; negative once overdue. */
export function daysLeft(task: Pick<TaskFacts, 'dueOn'>, now: Date): number {
  return daysUntilRenewal(task.dueOn, now)!;
}

/** Overdue: still being worked on (or snoozed) and its due day has passed. */
export function isOverdue(task: TaskFacts, today: string): boolean {
  return !isClosed(task.state) && task.dueOn < today;
}

export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

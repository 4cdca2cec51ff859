import type { Money, NewEvent } from '../notifications/events.ts';
import type { DueReminder } from './reminders.model.ts';
import { daysBetween, type SweptAsset } from './sweep.model.ts';

/**
 * The events the sweep publishes, built from what it decided (pure). Each reminder is its own
 * subject (`reminder:<key>`): the 30-day and the 7-day reminder are different news, and the
 * dispatcher drops repeats of an open subject. A task's events share `task:<id>`, so its
 * escalation is news about the same thing.
 */
export interface Addressee {
  id: string | null;
  name: string | null;
}

/** Days left at which a renewal reminder is urgent. */
export const URGENT_DAYS_LEFT = 3;

export function priceOf(asset: Pick<SweptAsset, 'renewalAmount' | 'costAmount' | 'currency'>): Money | null {
  const amount = asset.renewalAmount ?? asset.costAmount;
  return amount === null ? null : { amount, currency: asset.currency };
}

function where(asset: Pick<SweptAsset, 'id' | 'clientId'>, projectId: string | null) {
  return { clientId: asset.clientId, projectId, assetId: asset.id, groupKey: null };
}

/** The event of one reminder; `today` is the local date of the person reminded. */
export function reminderEvent(asset: SweptAsset, projectId: string | null, reminder: DueReminder, assigneeId: string | null, today: string): NewEvent {
  const common = { ...where(asset, projectId), subjectKey: `reminder:${reminder.key}` };
  const price = priceOf(asset);
  const { late } = reminder;
  switch (reminder.kind) {
    case 'renewal':
    case 'pay': {
      const daysLeft = daysBetween(today, reminder.renewalOn);
      const data = { assetId: asset.id, assetName: asset.name, expiresOn: reminder.renewalOn, daysLeft, price, reminder: reminder.kind, late, assigneeId };
      return { ...common, type: 'renewal.due', severity: daysLeft <= URGENT_DAYS_LEFT ? 'high' : 'medium', data } satisfies NewEvent<'renewal.due'>;
    }
    case 'expired': {
      const data = { assetId: asset.id, assetName: asset.name, expiredOn: reminder.renewalOn, daysOverdue: daysBetween(reminder.renewalOn, today), price, late, assigneeId };
      return { ...common, type: 'renewal.expired', severity: 'high', data } satisfies NewEvent<'renewal.expired'>;
    }
    case 'cancel': {
      const cancelBy = reminder.cancelBy ?? reminder.renewalOn;
      const data = { assetId: asset.id, assetName: asset.name, renewalOn: reminder.renewalOn, cancelBy, daysLeft: daysBetween(today, cancelBy), price, late, assigneeId };
      return { ...common, type: 'renewal.cancel-deadline', severity: 'medium', data } satisfies NewEvent<'renewal.cancel-deadline'>;
    }
  }
}

export interface TaskFacts {
  taskId: string;
  asset: Pick<SweptAsset, 'id' | 'clientId' | 'name'>;
  projectId: string | null;
  renewalOn: string;
  dueOn: string;
  assignee: Addressee;
}

export function taskAssignedEvent(task: TaskFacts): NewEvent<'renewal.task-assigned'> {
  const { asset, assignee } = task;
  return {
    ...where(asset, task.projectId),
    type: 'renewal.task-assigned',
    severity: 'low',
    subjectKey: `task:${task.taskId}`,
    data: { taskId: task.taskId, assetId: asset.id, assetName: asset.name, renewalOn: task.renewalOn, dueOn: task.dueOn, assigneeId: assignee.id, assigneeName: assignee.name },
  };
}

export function taskEscalatedEvent(task: TaskFacts, today: string): NewEvent<'renewal.task-escalated'> {
  const { asset, assignee } = task;
  return {
    ...where(asset, task.projectId),
    type: 'renewal.task-escalated',
    severity: 'high',
    subjectKey: `task:${task.taskId}`,
    data: {
      taskId: task.taskId,
      assetId: asset.id,
      assetName: asset.name,
      renewalOn: task.renewalOn,
      dueOn: task.dueOn,
      daysLeft: daysBetween(today, task.dueOn),
      assigneeId: assignee.id,
      assigneeName: assignee.name,
    },
  };
}

export function autoRenewFailedEvent(
  asset: SweptAsset,
  projectId: string | null,
  failure: { renewalOn: string; graceEndedOn: string },
  provider: string | null,
  assigneeId: string | null,
): NewEvent<'renewal.auto-renew-failed'> {
  return {
    ...where(asset, projectId),
    type: 'renewal.auto-renew-failed',
    severity: 'high',
    subjectKey: `auto-renew:${asset.id}/${failure.renewalOn}`,
    data: { assetId: asset.id, assetName: asset.name, renewalOn: failure.renewalOn, graceEndedOn: failure.graceEndedOn, provider, assigneeId },
  };
}

import { findChannel } from '../notifications/channels.store.ts';
import { recordEvent, type EventData } from '../notifications/events.ts';
import { queueNotification } from '../notifications/outbox.service.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid } from '../platform/http/problem.ts';
import { findVisibleTask, viewOf, type Ctx, type TaskView } from './tasks.service.ts';
import * as store from './tasks.store.ts';

/**
 * Pushing a task to an external tracker (an issue tracker, a to-do app) through a webhook channel.
 * The push is a notification in the durable outbox, sent to that one channel: it is retried like
 * any delivery and the delivery log shows it. The webhook's `data` carries the task (see taskPayload).
 */
export function taskUrl(deps: Deps, taskId: string): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/renewals/tasks/${taskId}`;
}

/** What the tracker receives about the task: the webhook payload's `data`. */
export function taskPayload(deps: Deps, task: store.RenewalTask): EventData['renewal.task-pushed'] {
  return {
    taskId: task.id,
    assetId: task.asset.id,
    assetName: task.asset.name,
    assetKind: task.asset.kind,
    assetIdentifier: task.asset.identifier,
    clientId: task.client.id,
    clientName: task.client.name,
    renewalOn: task.renewalOn,
    dueOn: task.dueOn,
    assigneeId: task.assignee?.id ?? null,
    assigneeName: task.assignee?.name ?? null,
    url: taskUrl(deps, task.id),
  };
}

export async function pushTask(deps: Deps, ctx: Ctx, taskId: string, channelId: string): Promise<TaskView> {
  const task = await findVisibleTask(deps, ctx.actor, taskId);
  const channel = await findChannel(deps.database.db, channelId);
  // Someone else's own channel is not one to post through (nor to disclose): only the agency's and one's own.
  const usable = channel && channel.clientId === null && (channel.ownerUserId === null || channel.ownerUserId === ctx.actor.id);
  if (!channel || !usable) throw invalid([{ field: 'body.channelId', message: `No channel ${channelId} you may use` }]);
  if (channel.kind !== 'webhook') throw invalid([{ field: 'body.channelId', message: `must be a webhook channel (this one is ${channel.kind})` }]);
  const now = deps.now();
  const at = now.toISOString();
  return change(deps, ctx, async (trx, audit) => {
    // Recorded, not published: the push is for this one tracker, and routing rules must not see it.
    const eventId = await recordEvent(
      trx,
      {
        type: 'renewal.task-pushed',
        severity: 'info',
        clientId: task.client.id,
        projectId: task.projectId,
        assetId: task.asset.id,
        subjectKey: `task-push:${task.id}:${channel.id}:${at}`,
        groupKey: null,
        data: taskPayload(deps, task),
      },
      now,
    );
    const { notificationId } = await queueNotification(trx, deps, { eventId, recipient: { channelId: channel.id }, reason: `task-push:${task.id}` }, now);
    const push: store.TaskPush = { channelId: channel.id, at, notificationId };
    const pushed = [...task.pushed, push];
    await store.updateTask(trx, task.id, { pushed: store.pushedJson(pushed), updated_at: at });
    await audit({ action: 'task.pushed', entityType: 'task', entityId: task.id, before: { pushed: task.pushed.length }, after: { pushed: pushed.length, ...push } });
    return viewOf({ ...task, pushed, updatedAt: at }, now);
  });
}

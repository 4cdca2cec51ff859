import { publishEvents, type NewEvent } from '../notifications/events.ts';
import { appendAuditBatch, type AuditRecord } from '../platform/audit/store.ts';
import { change } from '../platform/deps.ts';
import { addDays } from './reminders.model.ts';
import { taskEscalatedEvent } from './sweep.events.ts';
import { judgeTask, LOCAL_DAY_MARGIN } from './sweep.model.ts';
import type { SweepRun } from './sweep.service.ts';
import * as store from './sweep.store.ts';

/**
 * The sweep's last phase, over open tasks rather than assets: a snooze whose day has come ends
 * (the task is open again), and a task still open close to its due date is escalated, once.
 * Only tasks that can need either are read: not yet escalated and due soon, or snoozed until now.
 */
export async function attendTasks(run: SweepRun): Promise<void> {
  const utcToday = run.at.slice(0, 10);
  const bounds = { dueBy: addDays(utcToday, run.maxEscalateDays + LOCAL_DAY_MARGIN), snoozedBy: addDays(utcToday, LOCAL_DAY_MARGIN) };
  let afterId: string | null = null;
  for (;;) {
    const tasks = await store.tasksNeedingAttention(run.deps.database.db, bounds, afterId, run.pageSize);
    if (tasks.length === 0) return;
    await attendPage(run, tasks);
    afterId = tasks[tasks.length - 1]!.id;
    if (tasks.length < run.pageSize) return;
  }
}

async function attendPage(run: SweepRun, tasks: store.WorkingTaskRow[]): Promise<void> {
  const verdicts = tasks.map((task) => {
    const zone = run.zoneOf(task.assignee ?? undefined);
    const today = run.localDate(zone);
    return { task, today, ...judgeTask(task, run.policyFor(task.asset), run.now, zone, today) };
  });
  const acting = verdicts.filter((v) => v.wake || v.escalate);
  if (acting.length === 0) return;
  await change(run.deps, run.ctx, async (trx) => {
    // Compare-and-set, a batch at a time: a task a person moved meanwhile is left as they left it.
    const woken = await store.wakeTasks(trx, acting.filter((v) => v.wake).map((v) => v.task.id), run.at);
    const escalated = await store.markEscalated(trx, acting.filter((v) => v.escalate).map((v) => v.task.id), run.at);
    const audits: AuditRecord[] = [];
    const events: NewEvent[] = [];
    for (const { task, today } of acting) {
      if (woken.has(task.id)) {
        audits.push({ action: 'task.snooze-ended', entityType: 'task', entityId: task.id, before: { state: 'snoozed', snoozedUntil: task.snoozedUntil }, after: { state: 'open', snoozedUntil: null } });
        run.counts.snoozesEnded++;
      }
      if (escalated.has(task.id)) {
        const assignee = { id: task.assignee?.id ?? null, name: task.assignee?.name ?? null };
        const facts = { taskId: task.id, asset: { id: task.asset.id, clientId: task.asset.clientId, name: task.assetName }, projectId: task.projectId, renewalOn: task.renewalOn, dueOn: task.dueOn, assignee };
        events.push(taskEscalatedEvent(facts, today));
        audits.push({ action: 'task.escalated', entityType: 'task', entityId: task.id, before: { escalatedAt: null }, after: { escalatedAt: run.at } });
        run.counts.escalations++;
      }
    }
    await publishEvents(trx, events, run.now);
    await appendAuditBatch(trx, run.deps.database.dialect, run.ctx, audits, run.now);
  });
}

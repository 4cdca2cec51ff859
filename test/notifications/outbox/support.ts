import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { DISPATCH_JOB, publishEvent, type NewEvent } from '../../../src/notifications/events.ts';
import { deliveryJobs } from '../../../src/notifications/delivery.jobs.ts';
import { queueNotification, type QueueNotificationInput } from '../../../src/notifications/outbox.service.ts';
import { createLogger } from '../../../src/platform/logger.ts';
import { JobWorker } from '../../../src/platform/jobs/worker.ts';
import type { TestApp } from '../../support/app.ts';

/** Helpers shared by the outbox tests: events, notifications, a job worker on the test clock. */

export function renewalDue(assetName: string, overrides: Partial<NewEvent<'renewal.due'>> = {}): NewEvent<'renewal.due'> {
  return {
    type: 'renewal.due',
    severity: 'medium',
    clientId: null,
    projectId: null,
    assetId: null,
    subjectKey: `renewal:${assetName}`,
    groupKey: null,
    data: { assetId: 'ast_x', assetName, expiresOn: '2026-12-21', daysLeft: 30, price: { amount: 129_900, currency: 'EUR' }, reminder: 'renewal', late: false, assigneeId: null },
    ...overrides,
  };
}

/** Publishes an event and queues a notification of it in one transaction, as the dispatch job does. */
export async function notify(t: TestApp, event: NewEvent, recipient: QueueNotificationInput['recipient'], reason = 'route:test'): Promise<{ eventId: string; notificationId: string }> {
  return t.deps.database.db.transaction().execute(async (trx) => {
    const eventId = await publishEvent(trx, event, t.clock.now);
    const { notificationId } = await queueNotification(trx, t.deps, { eventId, recipient, reason }, t.clock.now);
    return { eventId, notificationId };
  });
}

/**
 * The delivery job on a worker reading the test's clock (retries become due when the test moves
 * it). Routing is another capability's: its dispatch jobs are taken and left alone here.
 */
export function startDeliveryWorker(t: TestApp, workerId = 'outbox-test'): JobWorker {
  const worker = new JobWorker({
    database: t.deps.database,
    handlers: { ...deliveryJobs(t.deps, { random: () => 0 }), [DISPATCH_JOB]: async () => undefined },
    logger: createLogger('silent'),
    concurrency: 4,
    pollIntervalMs: 5,
    leaseMs: 5000,
    workerId,
    now: t.deps.now,
  });
  worker.start();
  return worker;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(5);
  }
}

export async function notificationOf(t: TestApp, id: string) {
  return t.deps.database.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function attemptsOf(t: TestApp, id: string) {
  return t.deps.database.db.selectFrom('notification_deliveries').selectAll().where('notification_id', '=', id).orderBy('attempt').execute();
}

export function reachesStatus(t: TestApp, id: string, status: string, timeoutMs?: number) {
  return waitFor(`notification ${id} to be ${status}`, async () => {
    const row = await notificationOf(t, id);
    return row.status === status ? row : undefined;
  }, timeoutMs);
}

/** Waits until attempt `failedAttempts` has failed, then moves the test clock past the retry it booked. */
export async function untilNextAttempt(t: TestApp, id: string, failedAttempts: number): Promise<void> {
  const row = await waitFor(`attempt ${failedAttempts} of ${id} to fail`, async () => {
    const n = await notificationOf(t, id);
    return n.status === 'retrying' && n.attempts >= failedAttempts && n.next_attempt_at ? n : undefined;
  });
  t.clock.now = new Date(new Date(row.next_attempt_at!).getTime() + 1);
}

export async function api(t: TestApp, token: string, method: string, path: string, body?: unknown) {
  const res = await t.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  return res;
}

export async function created(t: TestApp, token: string, path: string, body: unknown): Promise<any> {
  const res = await api(t, token, 'POST', path, body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const WEBHOOK_SECRET = 'a-shared-signing-secret';

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobWorker } from '../../../src/platform/jobs/worker.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { startReceiver, type Receiver } from '../../support/peers/receiver.ts';
import { attemptsOf, created, notify, reachesStatus, renewalDue, startDeliveryWorker, waitFor, WEBHOOK_SECRET } from './support.ts';

/** A worker killed between claiming a delivery and hearing back from the channel: delivered exactly once after restart. */

let t: TestApp;
let a: Agency;
let receiver: Receiver;
let child: ChildProcess | undefined;
let worker: JobWorker | undefined;

beforeAll(async () => {
  t = await startTestApp();
  // Real time: the killed process and the test share the leases' clock.
  t.deps = { ...t.deps, now: () => new Date() };
  receiver = await startReceiver({ webhookSecret: WEBHOOK_SECRET });
  a = await seedAgency(t);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await worker?.stop(500);
  await receiver?.close();
  await t?.close();
});

it('sends again with the same idempotency key after the crash, and the receiver delivers it once', async () => {
  const hook = await created(t, a.manager.token, '/api/v1/channels', { kind: 'webhook', name: 'Crash hook', config: { url: `${receiver.url}/hook`, secret: WEBHOOK_SECRET }, ratePerMinute: null });
  // The receiver takes the first request and never answers: the worker is mid-send when it dies.
  const delivered = new Set<string>();
  receiver.respond((request) => {
    if (receiver.requests.length === 1) return 'hang';
    const key = String(request.headers['upkeep-idempotency-key']);
    if (delivered.has(key)) return { status: 200, body: { duplicate: true } };
    delivered.add(key);
    return { status: 200, body: { ok: true } };
  });
  t.clock.now = new Date();
  const { notificationId } = await notify(t, renewalDue('crash.test'), { channelId: hook.id });

  child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-worker.ts', import.meta.url))], {
    env: { ...process.env, UPKEEP_CRASH_WORKER: JSON.stringify({ openOptions: t.db.openOptions, leaseMs: 600 }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await receiver.waitForRequests(1, 15_000);
  const [open] = await attemptsOf(t, notificationId);
  expect(open).toMatchObject({ status: 'sending', attempt: 1 });
  child.kill('SIGKILL');
  await once(child, 'exit');

  // A new worker takes the job over once the dead worker's lease has run out.
  worker = startDeliveryWorker(t, 'after-restart');
  await reachesStatus(t, notificationId, 'sent', 10_000);
  const attempts = await attemptsOf(t, notificationId);
  expect(attempts.map((d) => [d.attempt, d.status, d.failure])).toEqual([
    [1, 'failed', 'interrupted'],
    [2, 'sent', null],
  ]);
  expect(attempts[0]!.idempotency_key).toBe(attempts[1]!.idempotency_key);
  // Two requests reached the receiver (the one the crash cut short, and the resend), one key, one delivery.
  await waitFor('the resend', async () => receiver.requests.length >= 2);
  expect(receiver.requests).toHaveLength(2);
  expect(new Set(receiver.requests.map((r) => r.json.id))).toEqual(new Set([attempts[0]!.idempotency_key]));
  expect(delivered.size).toBe(1);
});

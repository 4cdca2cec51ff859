import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleRecurringJobs, jobHandlers } from '../../src/jobs.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

async function signIn(): Promise<void> {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email: a.viewer.email, password: 'correct horse battery' } });
  expect(res.status).toBe(200);
}

describe('the daily purge of expired sessions', () => {
  it('deletes expired sessions, keeps live ones, and books the next day once', async () => {
    t.clock.now = new Date('2026-11-20T08:00:00Z');
    await signIn(); // expires after UPKEEP_SESSION_HOURS (12 h): gone by the next morning
    t.clock.now = new Date('2026-11-21T08:00:00Z');
    await signIn(); // still live
    await scheduleRecurringJobs(t.deps);
    await scheduleRecurringJobs(t.deps); // a second process starting the same day adds nothing

    const worker = new JobWorker({ database: t.db, handlers: jobHandlers(t.deps), logger: t.deps.logger, concurrency: 1, pollIntervalMs: 20, leaseMs: 5000, workerId: 'test', now: () => t.clock.now });
    worker.start();
    const jobs = () => t.db.db.selectFrom('jobs').select(['status', 'idempotency_key', 'run_at']).where('name', '=', 'accounts.purge-sessions').orderBy('run_at').execute();
    for (let i = 0; i < 200 && (await jobs())[0]?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();

    const sessions = await t.db.db.selectFrom('sessions').select('expires_at').execute();
    expect(sessions.map((s) => s.expires_at)).toEqual(['2026-11-21T20:00:00.000Z']);
    expect(await jobs()).toEqual([
      { status: 'done', idempotency_key: 'accounts.purge-sessions:2026-11-21', run_at: '2026-11-21T08:00:00.000Z' },
      { status: 'queued', idempotency_key: 'accounts.purge-sessions:2026-11-22', run_at: '2026-11-22T00:00:00.000Z' },
    ]);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { PermanentJobError, type JobContext, type JobHandlers, type JobStatus } from '../../src/platform/jobs/model.ts';
import { enqueueJob } from '../../src/platform/jobs/queue.ts';
import { claimDueJobs, findJob, markJobDone } from '../../src/platform/jobs/store.ts';
import { JobAbandonedError, JobWorker, type JobWorkerOptions } from '../../src/platform/jobs/worker.ts';
import { jobRetentionJobs, PRUNE_JOBS } from '../../src/platform/jobs/retention.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/db.ts';

let database: TestDatabase;
const workers: JobWorker[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(500)));
  await database.db.deleteFrom('jobs').execute();
});

afterAll(async () => {
  await database.drop();
});

function startWorker(options: Partial<JobWorkerOptions> & { handlers: JobHandlers }): JobWorker {
  const worker = new JobWorker({
    database,
    logger,
    concurrency: 4,
    pollIntervalMs: 5,
    leaseMs: 5000,
    workerId: `worker-${workers.length + 1}`,
    ...options,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

/** A clock the test moves by hand, so back-off and leases need no real waiting. */
function manualClock() {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(5);
  }
}

function jobReaches(id: string, status: JobStatus, attempts?: number) {
  return waitFor(`job ${id} to be ${status}`, async () => {
    const job = await findJob(database.db, id);
    return job?.status === status && (attempts === undefined || job.attempts === attempts) ? job : undefined;
  });
}

function allJobsDone(total: number) {
  return waitFor(`${total} jobs done`, async () => {
    const done = await database.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
    return done.length === total ? true : undefined;
  });
}

async function countJobs(): Promise<number> {
  const { count } = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

describe('enqueueing', () => {
  it('runs an enqueued job with its payload and records it done', async () => {
    const seen: { payload: unknown; context: JobContext }[] = [];
    startWorker({ handlers: { 'reminders.send': async (payload, context) => void seen.push({ payload, context }) } });
    const { job, created } = await enqueueJob(database.db, { name: 'reminders.send', payload: { assetId: 'ast_1', days: 30 } });
    expect(created).toBe(true);
    const done = await jobReaches(job.id, 'done');
    expect(done).toMatchObject({ attempts: 1, lockedBy: null, lockedUntil: null, lastError: null });
    expect(done.finishedAt).not.toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.payload).toEqual({ assetId: 'ast_1', days: 30 });
    expect(seen[0]!.context).toMatchObject({ jobId: job.id, attempt: 1, maxAttempts: 10 });
    expect(seen[0]!.context.signal.aborted).toBe(false);
  });

  it('does not run a job before its run_at', async () => {
    const clock = manualClock();
    let runs = 0;
    startWorker({ now: clock.now, handlers: { 'reports.generate': async () => void runs++ } });
    const runAt = new Date(clock.now().getTime() + 60_000);
    const { job } = await enqueueJob(database.db, { name: 'reports.generate', payload: null, runAt, now: clock.now() });
    await sleep(40);
    expect(runs).toBe(0);
    clock.advance(60_000);
    await jobReaches(job.id, 'done');
    expect(runs).toBe(1);
  });

  it('enqueues atomically with the caller’s transaction', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { name: 'notifications.send', payload: {}, idempotencyKey: 'rolled-back' });
        throw new Error('the change that caused the job failed');
      }),
    ).rejects.toThrow('the change that caused the job failed');
    expect(await countJobs()).toBe(0);
    const { job } = await database.db.transaction().execute((trx) => enqueueJob(trx, { name: 'notifications.send', payload: {} }));
    expect((await findJob(database.db, job.id))?.status).toBe('queued');
  });

  it('refuses a job it could not store or run', async () => {
    await expect(enqueueJob(database.db, { name: ' ', payload: {} })).rejects.toThrow('needs a name');
    await expect(enqueueJob(database.db, { name: 'x', payload: {}, maxAttempts: 0 })).rejects.toThrow('maxAttempts');
    await expect(enqueueJob(database.db, { name: 'x', payload: () => 1 })).rejects.toThrow('cannot be stored as JSON');
  });
});

describe('idempotency keys', () => {
  it('returns the existing job when the same key is enqueued again', async () => {
    const first = await enqueueJob(database.db, { name: 'billing.charge', payload: { n: 1 }, idempotencyKey: 'inv_1:charge' });
    const second = await enqueueJob(database.db, { name: 'billing.charge', payload: { n: 2 }, idempotencyKey: 'inv_1:charge' });
    expect(second.created).toBe(false);
    expect(second.job.id).toBe(first.job.id);
    expect(second.job.payload).toEqual({ n: 1 });
    expect(await countJobs()).toBe(1);
  });

  it('keeps one row when many callers on two connections race with the same key', async () => {
    const other = await openDatabase(database.openOptions);
    try {
      const dbs = [database.db, other.db];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => enqueueJob(dbs[i % 2]!, { name: 'x', payload: { i }, idempotencyKey: 'race' })),
      );
      expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await countJobs()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it.runIf(testDialect === 'postgres')('waits for a concurrent uncommitted insert of the key, then returns its job', async () => {
    const other = await openDatabase(database.openOptions);
    try {
      const inserted = deferred();
      const holding = deferred();
      const first = database.db.transaction().execute(async (trx) => {
        const result = await enqueueJob(trx, { name: 'x', payload: { by: 'first' }, idempotencyKey: 'in-flight' });
        inserted.resolve();
        await holding.promise;
        return result;
      });
      await inserted.promise;
      expect(await countJobs()).toBe(0); // not committed yet, so invisible to others
      const second = enqueueJob(other.db, { name: 'x', payload: { by: 'second' }, idempotencyKey: 'in-flight' });
      let secondReturned = false;
      void second.then(() => (secondReturned = true));
      await sleep(50);
      expect(secondReturned).toBe(false); // PostgreSQL holds it until the first transaction ends
      holding.resolve();
      const [a, b] = await Promise.all([first, second]);
      expect(b).toMatchObject({ created: false, job: { id: a.job.id, payload: { by: 'first' } } });
    } finally {
      await other.close();
    }
  });
});

describe('several workers', () => {
  it('runs each of 200 jobs exactly once across two workers on separate connections', async () => {
    const connections: Database[] = [await openDatabase(database.openOptions), await openDatabase(database.openOptions)];
    try {
      const runs = new Map<string, string[]>();
      const record = (workerId: string) => async (_payload: unknown, { jobId }: JobContext) => {
        runs.set(jobId, [...(runs.get(jobId) ?? []), workerId]);
        await sleep(Math.random() * 2);
      };
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) ids.push((await enqueueJob(database.db, { name: 'probe', payload: { i } })).job.id);
      for (const [n, connection] of connections.entries()) {
        startWorker({ database: connection, workerId: `w${n}`, handlers: { probe: record(`w${n}`) } });
      }
      await allJobsDone(200);
      expect(ids.filter((id) => runs.get(id)?.length !== 1)).toEqual([]);
      expect(runs.size).toBe(200);
      const byWorker = [...runs.values()].flat();
      expect(byWorker.filter((w) => w === 'w0').length).toBeGreaterThan(0);
      expect(byWorker.filter((w) => w === 'w1').length).toBeGreaterThan(0);
      const attempts = await database.db.selectFrom('jobs').select('attempts').distinct().execute();
      expect(attempts).toEqual([{ attempts: 1 }]);
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop(1000)));
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('never runs more than `concurrency` jobs at once', async () => {
    let inFlight = 0;
    let most = 0;
    const probe = async () => {
      most = Math.max(most, ++inFlight);
      await sleep(10);
      inFlight--;
    };
    // All queued first: enqueued one by one, a slow machine could finish each job before the next arrives.
    for (let i = 0; i < 12; i++) await enqueueJob(database.db, { name: 'probe', payload: { i } });
    startWorker({ concurrency: 3, handlers: { probe } });
    await allJobsDone(12);
    expect(most).toBe(3);
  });
});

describe('failures', () => {
  it('retries with back-off, then succeeds', async () => {
    const clock = manualClock();
    const attempts: number[] = [];
    const handlers: JobHandlers = {
      'notifications.send': async (_payload, { attempt }) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error('smtp server unavailable');
      },
    };
    startWorker({ handlers, now: clock.now, random: () => 0, retryPolicy: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
    const { job } = await enqueueJob(database.db, { name: 'notifications.send', payload: {}, now: clock.now() });

    const first = await jobReaches(job.id, 'failed', 1);
    expect(first.lastError).toBe('Error: smtp server unavailable');
    expect(first.runAt).toBe(new Date(clock.now().getTime() + 500).toISOString());
    await sleep(30);
    expect(attempts).toEqual([1]); // not due yet

    clock.advance(500);
    const second = await jobReaches(job.id, 'failed', 2);
    expect(second.runAt).toBe(new Date(clock.now().getTime() + 1000).toISOString());

    clock.advance(1000);
    const done = await jobReaches(job.id, 'done', 3);
    expect(done.lastError).toBeNull();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up at once on a permanent error', async () => {
    let runs = 0;
    const handlers: JobHandlers = {
      'billing.charge': async () => {
        runs++;
        throw new PermanentJobError('the card was declined: do not retry');
      },
    };
    startWorker({ handlers, retryPolicy: { baseDelayMs: 0, maxDelayMs: 0 } });
    const { job } = await enqueueJob(database.db, { name: 'billing.charge', payload: {} });
    const dead = await jobReaches(job.id, 'dead');
    expect(dead).toMatchObject({ attempts: 1, lastError: 'PermanentJobError: the card was declined: do not retry' });
    expect(dead.finishedAt).not.toBeNull();
    await sleep(30);
    expect(runs).toBe(1);
  });

  it('gives up after the last attempt', async () => {
    let runs = 0;
    const handlers: JobHandlers = {
      'renewals.verify': async () => {
        runs++;
        throw new Error('registrar API down');
      },
    };
    startWorker({ handlers, retryPolicy: { baseDelayMs: 0, maxDelayMs: 0 } });
    const { job } = await enqueueJob(database.db, { name: 'renewals.verify', payload: {}, maxAttempts: 3 });
    const dead = await jobReaches(job.id, 'dead', 3);
    expect(dead.lastError).toBe('Gave up after 3 of 3 attempts. Error: registrar API down');
    await sleep(30);
    expect(runs).toBe(3);
  });

  it('buries a job no handler is registered for', async () => {
    startWorker({ handlers: { 'notifications.send': async () => undefined } });
    const { job } = await enqueueJob(database.db, { name: 'reports.generate', payload: {} });
    const dead = await jobReaches(job.id, 'dead');
    expect(dead.lastError).toContain('No handler is registered for jobs named "reports.generate"');
    expect(dead.lastError).toContain('notifications.send');
  });
});

describe('crashed workers', () => {
  it('takes over a job whose lease ran out', async () => {
    const clock = manualClock();
    const { job } = await enqueueJob(database.db, { name: 'probe', payload: {}, now: clock.now() });
    const claim = { workerId: 'crashed', limit: 5, now: clock.now(), leaseMs: 1000 };
    expect((await claimDueJobs(database.db, database.dialect, claim)).map((j) => j.id)).toEqual([job.id]);

    const attempts: number[] = [];
    startWorker({ now: clock.now, handlers: { probe: async (_p, { attempt }) => void attempts.push(attempt) } });
    await sleep(40);
    expect(attempts).toEqual([]); // the lease still holds
    expect(await claimDueJobs(database.db, database.dialect, { ...claim, workerId: 'other' })).toEqual([]);

    clock.advance(1000);
    const done = await jobReaches(job.id, 'done', 2);
    expect(attempts).toEqual([2]);
    expect(done.lockedBy).toBeNull();
    // The crashed worker coming back cannot overwrite the outcome.
    expect(await markJobDone(database.db, { id: job.id, workerId: 'crashed', now: clock.now() })).toBe(false);
  });

  it('buries a job whose last attempt crashed its worker', async () => {
    const clock = manualClock();
    const { job } = await enqueueJob(database.db, { name: 'probe', payload: {}, maxAttempts: 1, now: clock.now() });
    await claimDueJobs(database.db, database.dialect, { workerId: 'crashed', limit: 1, now: clock.now(), leaseMs: 1000 });
    let runs = 0;
    startWorker({ now: clock.now, handlers: { probe: async () => void runs++ } });
    clock.advance(1000);
    const dead = await jobReaches(job.id, 'dead');
    expect(dead.lastError).toContain('stopped before finishing');
    expect(runs).toBe(0);
  });

  it('keeps the lease of a long job alive so no other worker takes it', async () => {
    let runs = 0;
    const handlers: JobHandlers = {
      probe: async () => {
        runs++;
        await sleep(700);
      },
    };
    startWorker({ handlers, leaseMs: 300 });
    startWorker({ handlers, leaseMs: 300 });
    const { job } = await enqueueJob(database.db, { name: 'probe', payload: {} });
    await jobReaches(job.id, 'done', 1);
    expect(runs).toBe(1);
  });
});

describe('stopping', () => {
  it('waits for a running job, and claims nothing more', async () => {
    const started = deferred();
    const finish = deferred();
    const worker = startWorker({
      handlers: {
        probe: async () => {
          started.resolve();
          await finish.promise;
        },
      },
    });
    const { job } = await enqueueJob(database.db, { name: 'probe', payload: {} });
    await started.promise;
    let stopped = false;
    const stopping = worker.stop(5000).then(() => (stopped = true));
    const { job: later } = await enqueueJob(database.db, { name: 'probe', payload: {} });
    await sleep(50);
    expect(stopped).toBe(false);
    finish.resolve();
    await stopping;
    expect((await findJob(database.db, job.id))?.status).toBe('done');
    expect((await findJob(database.db, later.id))?.status).toBe('queued');
  });

  it('aborts and releases a job that outlives the stop timeout', async () => {
    const started = deferred();
    const handlerReturns = deferred();
    let abortReason: unknown;
    const worker = startWorker({
      handlers: {
        probe: async (_p, { signal }) => {
          signal.addEventListener('abort', () => (abortReason = signal.reason));
          started.resolve();
          await handlerReturns.promise; // a handler that ignores the signal
        },
      },
    });
    const { job } = await enqueueJob(database.db, { name: 'probe', payload: {} });
    await started.promise;
    await worker.stop(50);
    expect(abortReason).toBeInstanceOf(JobAbandonedError);
    const released = await findJob(database.db, job.id);
    expect(released).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, lockedUntil: null });

    handlerReturns.resolve(); // its late success must not be recorded: the job is no longer its
    await sleep(20);
    expect((await findJob(database.db, job.id))?.status).toBe('queued');

    const attempts: number[] = [];
    startWorker({ handlers: { probe: async (_p, { attempt }) => void attempts.push(attempt) } });
    await jobReaches(job.id, 'done', 1);
    expect(attempts).toEqual([1]);
  });
});

describe('retention', () => {
  it('deletes done jobs after a week and dead ones after a month, and keeps everything else', async () => {
    const now = new Date('2030-05-31T04:00:00.000Z');
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const job = (id: string, status: JobStatus, finishedDaysAgo: number | null) => ({
      id,
      name: 'x',
      payload: 'null',
      idempotency_key: `key-${id}`,
      status,
      attempts: 1,
      max_attempts: 10,
      run_at: daysAgo(40),
      created_at: daysAgo(40),
      updated_at: daysAgo(40),
      finished_at: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
    });
    await database.db
      .insertInto('jobs')
      .values([job('done-old', 'done', 8), job('done-recent', 'done', 6), job('dead-old', 'dead', 31), job('dead-recent', 'dead', 20), job('queued', 'queued', null), job('failed', 'failed', null)])
      .execute();
    const deps = { database, logger, now: () => now } as unknown as Deps;
    await jobRetentionJobs(deps)[PRUNE_JOBS]!({ date: '2030-05-31' }, { jobId: 'j', attempt: 1, maxAttempts: 1, signal: new AbortController().signal, logger });
    const left = await database.db.selectFrom('jobs').select(['id', 'name', 'idempotency_key']).orderBy('id').execute();
    expect(left.filter((j) => j.name === 'x').map((j) => j.id)).toEqual(['dead-recent', 'done-recent', 'failed', 'queued']);
    // It books tomorrow's run.
    expect(left.filter((j) => j.name === PRUNE_JOBS).map((j) => j.idempotency_key)).toEqual([`${PRUNE_JOBS}:2030-06-01`]);
  });
});

import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import {
  DEFAULT_RETRY_POLICY,
  failureOutcome,
  isOutOfAttempts,
  type Job,
  type JobHandler,
  type JobHandlers,
  type RetryPolicy,
} from './model.ts';
import { claimDueJobs, extendLeases, markJobDead, markJobDone, markJobFailed, releaseJobs } from './store.ts';

export interface JobWorkerOptions {
  database: Database;
  handlers: JobHandlers;
  logger: Logger;
  /** Jobs run at the same time by this worker. */
  concurrency: number;
  /** How long to wait before looking again when nothing was due. */
  pollIntervalMs: number;
  /** How long a claim holds; renewed every third of it while the job runs. */
  leaseMs: number;
  /** Unique per worker process, e.g. `host:pid`; it is written into `locked_by`. */
  workerId: string;
  /** How long stop() waits for running jobs before it aborts and releases them. */
  stopTimeoutMs?: number;
  now?: () => Date;
  random?: () => number;
  retryPolicy?: RetryPolicy;
}

/** The reason given to a handler's AbortSignal when the worker gives the job up. */
export class JobAbandonedError extends Error {
  override name = 'JobAbandonedError';
}

interface RunningJob {
  readonly abort: AbortController;
  readonly finished: Promise<void>;
}

const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/**
 * Claims due jobs and runs them with their handlers, `concurrency` at a time. Several workers,
 * in one process or many, may share a database: claims are atomic and leased, so every job
 * runs on one worker at a time, and the job of a worker that died is taken over once its lease
 * runs out. Handlers must be idempotent (see JobHandler): at-least-once, never at-most-once.
 */
export class JobWorker {
  private readonly running = new Map<string, RunningJob>();
  private readonly now: () => Date;
  private readonly random: () => number;
  private loop: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private wake: (() => void) | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(private readonly options: JobWorkerOptions) {
    if (!(options.concurrency >= 1)) throw new RangeError('A job worker needs a concurrency of at least 1.');
    if (!(options.leaseMs > 0)) throw new RangeError('A job worker needs a positive lease.');
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Starts polling for due jobs. A worker is started once; after stop() make a new one. */
  start(): void {
    if (this.loop) throw new Error(`Job worker ${this.options.workerId} was already started.`);
    this.loop = this.pollUntilStopped();
    const every = Math.max(1, Math.floor(this.options.leaseMs / 3));
    this.leaseTimer = setInterval(() => void this.renewLeases(), every);
  }

  /** Jobs this worker is running right now. */
  get runningCount(): number {
    return this.running.size;
  }

  /**
   * Stops claiming, waits for the running jobs up to `timeoutMs`, then aborts the ones still
   * running (their signal fires) and hands them back to the queue for another worker.
   * Calling it again returns the same promise.
   */
  stop(timeoutMs = this.options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS): Promise<void> {
    this.stopped ??= this.shutDown(timeoutMs);
    return this.stopped;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    await this.loop;
    const allFinished = await settledWithin([...this.running.values()].map((r) => r.finished), timeoutMs);
    if (!allFinished) await this.abandonRunning();
    clearInterval(this.leaseTimer);
    this.options.logger.info({ workerId: this.options.workerId }, 'job worker stopped');
  }

  private async abandonRunning(): Promise<void> {
    const ids = [...this.running.keys()];
    for (const job of this.running.values()) job.abort.abort(new JobAbandonedError('The worker is stopping.'));
    const { workerId } = this.options;
    try {
      const released = await releaseJobs(this.options.database.db, { workerId, ids, now: this.now() });
      this.options.logger.warn({ workerId, jobIds: ids, released }, 'jobs still running at shutdown were released');
    } catch (err) {
      // Their leases will run out and another worker will take them over.
      this.options.logger.error({ err, workerId, jobIds: ids }, 'could not release jobs at shutdown');
    }
  }

  private async pollUntilStopped(): Promise<void> {
    while (!this.stopping) {
      const free = this.options.concurrency - this.running.size;
      if (free > 0) {
        for (const job of await this.claim(free)) this.runInBackground(job);
      }
      await this.pause();
    }
  }

  private async claim(limit: number): Promise<Job[]> {
    const { database, workerId, leaseMs } = this.options;
    try {
      return await claimDueJobs(database.db, database.dialect, { workerId, limit, leaseMs, now: this.now() });
    } catch (err) {
      this.options.logger.error({ err, workerId }, 'could not claim jobs; trying again after the poll interval');
      return [];
    }
  }

  /** Waits for the poll interval, or less when a job finishes (a slot is free) or stop() is called. */
  private pause(): Promise<void> {
    if (this.wakeRequested || this.stopping) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private wakeUp(): void {
    if (this.wake) this.wake();
    else this.wakeRequested = true;
  }

  private runInBackground(job: Job): void {
    const abort = new AbortController();
    const finished = this.run(job, abort.signal)
      .catch((err: unknown) => this.options.logger.error({ err, jobId: job.id }, 'job runner failed'))
      .finally(() => {
        this.running.delete(job.id);
        this.wakeUp();
      });
    this.running.set(job.id, { abort, finished });
  }

  private async run(job: Job, signal: AbortSignal): Promise<void> {
    const logger = this.options.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const handler = Object.hasOwn(this.options.handlers, job.name) ? this.options.handlers[job.name] : undefined;
    if (!handler) {
      const known = Object.keys(this.options.handlers).join(', ') || 'none';
      return this.bury(job, logger, `No handler is registered for jobs named "${job.name}" (known: ${known}).`);
    }
    if (isOutOfAttempts(job)) {
      const why = `Gave up: the worker running attempt ${job.maxAttempts} of ${job.maxAttempts} stopped before finishing it.`;
      return this.bury(job, logger, why);
    }
    await this.runHandler(job, handler, signal, logger);
  }

  private async runHandler(job: Job, handler: JobHandler, signal: AbortSignal, logger: Logger): Promise<void> {
    const context = { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, signal, logger };
    let failure: { error: unknown } | undefined;
    try {
      await handler(job.payload, context);
    } catch (error) {
      failure = { error };
    }
    // Once aborted the job is no longer ours: it was released at shutdown or its lease was lost.
    if (signal.aborted) return logger.warn('job given up by this worker; its outcome is not recorded');
    if (failure) return this.recordFailure(job, failure.error, logger);
    const held = await this.write(logger, () => markJobDone(this.options.database.db, this.held(job)));
    if (held) logger.info('job done');
  }

  private async recordFailure(job: Job, error: unknown, logger: Logger): Promise<void> {
    const now = this.now();
    const outcome = failureOutcome(job, error, now, this.random, this.options.retryPolicy ?? DEFAULT_RETRY_POLICY);
    if (outcome.kind === 'dead') return this.bury(job, logger, outcome.reason, error);
    const { db } = this.options.database;
    const held = await this.write(logger, () =>
      markJobFailed(db, { ...this.held(job, now), error: outcome.reason, retryAt: outcome.runAt }),
    );
    if (held) logger.warn({ err: error, retryAt: outcome.runAt.toISOString() }, 'job failed; it will be retried');
  }

  private async bury(job: Job, logger: Logger, reason: string, error?: unknown): Promise<void> {
    const held = await this.write(logger, () => markJobDead(this.options.database.db, { ...this.held(job), error: reason }));
    if (held) logger.error({ err: error, reason }, 'job is dead and will not be retried');
  }

  private held(job: Job, now = this.now()): { id: string; workerId: string; now: Date } {
    return { id: job.id, workerId: this.options.workerId, now };
  }

  /** Runs an outcome write; false when the job was no longer held or the database failed. */
  private async write(logger: Logger, outcome: () => Promise<boolean>): Promise<boolean> {
    try {
      if (await outcome()) return true;
      logger.warn('job outcome not recorded: this worker no longer held the job (its lease ran out)');
    } catch (err) {
      // The lease will run out and the job will run again; handlers are idempotent.
      logger.error({ err }, 'could not record the job outcome');
    }
    return false;
  }

  private async renewLeases(): Promise<void> {
    if (this.renewing || this.running.size === 0) return;
    this.renewing = true;
    const { database, workerId, leaseMs } = this.options;
    const ids = [...this.running.keys()];
    try {
      const held = new Set(await extendLeases(database.db, { workerId, ids, leaseMs, now: this.now() }));
      for (const id of ids.filter((i) => !held.has(i))) {
        this.running.get(id)?.abort.abort(new JobAbandonedError('The lease on this job was lost to another worker.'));
      }
    } catch (err) {
      this.options.logger.warn({ err, workerId }, 'could not extend job leases');
    } finally {
      this.renewing = false;
    }
  }
}

/** True when all promises settled within `ms`; false when the time ran out first. */
async function settledWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const all = Promise.allSettled(promises).then(() => true as const);
  try {
    return await Promise.race([all, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

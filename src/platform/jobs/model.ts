import type { Logger } from '../logger.ts';

/**
 * Durable jobs: the work that runs by itself (sending a notification, a reminder, a payment
 * retry, a report). This file holds the types and the pure rules — statuses, the retry
 * back-off and what a failure leads to — with no I/O, so they are tested without a database.
 */
export const JOB_STATUSES = [
  'queued', // waiting for its run_at
  'running', // claimed by a worker holding a lease
  'done', // the handler succeeded
  'failed', // the handler failed and the job will be retried at run_at
  'dead', // given up: permanent error, out of attempts, or no handler for its name
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses a worker may claim once run_at has come (`running` only after its lease ran out). */
export const WAITING_STATUSES = ['queued', 'failed'] as const satisfies readonly JobStatus[];

export interface Job {
  id: string;
  name: string;
  /** The parsed JSON payload. Handlers validate it: it may have been written by an older release. */
  payload: unknown;
  idempotencyKey: string | null;
  status: JobStatus;
  /** Attempts started so far, counted when a worker claims the job (so a crash counts too). */
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** Enough attempts to ride out an outage of a mail server or a gateway of about two hours. */
export const DEFAULT_MAX_ATTEMPTS = 10;

export interface JobContext {
  jobId: string;
  /** 1 for the first run; a retry after a crash or a failure has a higher number. */
  attempt: number;
  maxAttempts: number;
  /** Fires when the worker stops and the job outlived the shutdown timeout, or the lease was lost. */
  signal: AbortSignal;
  logger: Logger;
}

/**
 * Does the work of one job. A handler MUST be idempotent: a job may run again after a crash, a
 * lost lease or a shutdown timeout, so side effects towards the outside world carry an
 * idempotency key (towards gateways and channels) or are checked before being repeated.
 * Throw PermanentJobError when retrying cannot help; any other error is retried with back-off.
 */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** The handler saw that retrying cannot help (bad payload, the thing it acts on is gone, a 4xx). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** A failure worth retrying (timeout, 5xx, rate limit), optionally with the delay the peer asked for. */
export class RetryableJobError extends Error {
  override name = 'RetryableJobError';
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export interface RetryPolicy {
  /** The delay ceiling of the first retry; it doubles with each attempt. */
  baseDelayMs: number;
  /** No retry waits longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ baseDelayMs: 15_000, maxDelayMs: 3_600_000 });

/**
 * How long to wait before the next try after `attempt` failed: exponential, capped, with "equal
 * jitter" — half of the ceiling is fixed, half random — so jobs that failed together (a channel
 * was down) do not all come back in the same instant, yet none retries almost immediately.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function retryDelayMs(attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  // Past 2^30 the ceiling is the cap anyway; stopping there keeps the maths finite.
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const share = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * share);
}

export type FailureOutcome = { kind: 'retry'; runAt: Date; reason: string } | { kind: 'dead'; reason: string };

/** What becomes of a job whose handler threw `error` during its attempt number `job.attempts`. */
export function failureOutcome(
  job: Pick<Job, 'attempts' | 'maxAttempts'>,
  error: unknown,
  now: Date,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): FailureOutcome {
  const reason = describeJobError(error);
  if (error instanceof PermanentJobError) return { kind: 'dead', reason };
  if (job.attempts >= job.maxAttempts) {
    return { kind: 'dead', reason: `Gave up after ${job.attempts} of ${job.maxAttempts} attempts. ${reason}` };
  }
  const asked = error instanceof RetryableJobError ? error.retryAfterMs : undefined;
  const delay = asked !== undefined && asked >= 0 ? asked : retryDelayMs(job.attempts, random, policy);
  return { kind: 'retry', runAt: new Date(now.getTime() + delay), reason };
}

/**
 * True when the job was claimed more often than it may run: the worker holding its last attempt
 * stopped (crashed or lost the database) before recording an outcome, and the lease ran out.
 */
export function isOutOfAttempts(job: Pick<Job, 'attempts' | 'maxAttempts'>): boolean {
  return job.attempts > job.maxAttempts;
}

/** Long enough to keep the message and the top of a stack, short enough for a list view. */
const MAX_ERROR_LENGTH = 2000;

/** The text stored in `last_error`: the error's name and message, and its cause's if it has one. */
export function describeJobError(error: unknown): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : `Non-error thrown: ${String(error)}`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) text += ` (caused by ${cause.name}: ${cause.message})`;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

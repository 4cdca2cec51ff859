import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../db/dialect.ts';
import type { NewRow, Row, Schema } from '../db/schema.ts';
import { isJobStatus, WAITING_STATUSES, type Job } from './model.ts';

/**
 * The queries of the job queue. Every function takes a Kysely instance, which may be a
 * transaction of the caller's (a Transaction is a Kysely). Writes that record the outcome of
 * a run are compare-and-set on (`status = 'running'`, `locked_by = worker`): a worker that lost
 * its lease, or whose jobs were released, can no longer overwrite what another worker did.
 */
type Executor = Kysely<Schema>;

export function toJob(row: Row<'jobs'>): Job {
  if (!isJobStatus(row.status)) throw new Error(`Job ${row.id} has an unknown status "${row.status}".`);
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export async function findJob(db: Executor, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function findJobByIdempotencyKey(db: Executor, key: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export interface InsertedJob {
  job: Job;
  /** False when a job with the same idempotency key already existed and was returned instead. */
  created: boolean;
}

/**
 * Inserts a job; with an idempotency key already taken, returns the existing job instead.
 * `ON CONFLICT DO NOTHING` (both databases) rather than catching the unique violation: on
 * PostgreSQL a failed statement aborts the caller's whole transaction. When two callers race,
 * PostgreSQL makes the second insert wait for the first transaction, then do nothing.
 */
export async function insertJob(db: Executor, row: NewRow<'jobs'>): Promise<InsertedJob> {
  const inserted = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { job: toJob(inserted), created: true };
  const key = row.idempotency_key;
  const existing = key ? await findJobByIdempotencyKey(db, key) : undefined;
  if (!existing) throw new Error(`Job ${row.id} was not inserted and no job holds its idempotency key.`);
  return { job: existing, created: false };
}

export interface ClaimRequest {
  workerId: string;
  limit: number;
  now: Date;
  /** How long the claim holds before another worker may take the job over. */
  leaseMs: number;
}

/**
 * Claims up to `limit` due jobs for one worker in one statement: waiting jobs whose run_at has
 * come, and running jobs whose lease ran out (their worker crashed or hung). Each claim counts
 * an attempt. PostgreSQL skips rows another worker is claiming at the same moment; SQLite has a
 * single writer, so the one UPDATE … RETURNING is atomic without it.
 */
export async function claimDueJobs(db: Executor, dialect: Dialect, request: ClaimRequest): Promise<Job[]> {
  const now = request.now.toISOString();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: request.workerId,
      locked_until: new Date(request.now.getTime() + request.leaseMs).toISOString(),
      updated_at: now,
    }))
    .where('id', 'in', dueJobIds(db, dialect, now, request.limit))
    .returningAll()
    .execute();
  return rows.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id));
}

/**
 * The oldest due jobs. One `status = … and run_at <= now` branch per claimable status, each
 * walking the (status, run_at) index and stopping after `limit` rows, then merged: a single
 * `(…) or (…)` condition made SQLite read and sort every due job on each claim, which grew
 * from milliseconds to tens of milliseconds per claim with a backlog of 100,000 notifications.
 */
function dueJobIds(db: Executor, dialect: Dialect, now: string, limit: number) {
  const branch = (status: string, leaseExpired: boolean) => {
    let query = db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('status', '=', status)
      .$if(!leaseExpired, (q) => q.where('run_at', '<=', now))
      .$if(leaseExpired, (q) => q.where('locked_until', '<=', now))
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit);
    if (dialect.supportsSkipLocked) query = skipLocked(query);
    return db.selectFrom(query.as(`due_${status}`)).select(['id', 'run_at']);
  };
  const [first, ...rest] = [...WAITING_STATUSES.map((status) => branch(status, false)), branch('running', true)];
  const merged = rest.reduce((union, next) => union.unionAll(next), first!);
  return db.selectFrom(merged.as('due')).select('due.id').orderBy('due.run_at').orderBy('due.id').limit(limit);
}

function skipLocked<O>(query: SelectQueryBuilder<Schema, 'jobs', O>): SelectQueryBuilder<Schema, 'jobs', O> {
  return query.forUpdate().skipLocked();
}

export interface HeldJob {
  id: string;
  workerId: string;
  now: Date;
}

/** Records success. False when the worker no longer held the job (lease lost or released). */
export async function markJobDone(db: Executor, held: HeldJob): Promise<boolean> {
  const at = held.now.toISOString();
  return settle(db, held, { status: 'done', last_error: null, finished_at: at, updated_at: at });
}

/** Records a failure that will be retried at `retryAt`. */
export async function markJobFailed(db: Executor, held: HeldJob & { error: string; retryAt: Date }): Promise<boolean> {
  const at = held.now.toISOString();
  return settle(db, held, { status: 'failed', last_error: held.error, run_at: held.retryAt.toISOString(), updated_at: at });
}

/** Gives the job up for good; it stays in the table with its last error for someone to look at. */
export async function markJobDead(db: Executor, held: HeldJob & { error: string }): Promise<boolean> {
  const at = held.now.toISOString();
  return settle(db, held, { status: 'dead', last_error: held.error, finished_at: at, updated_at: at });
}

/** The outcome of a run, written only while this worker still holds the job. */
interface Outcome {
  status: 'done' | 'failed' | 'dead';
  last_error: string | null;
  updated_at: string;
  run_at?: string;
  finished_at?: string;
}

async function settle(db: Executor, held: HeldJob, patch: Outcome): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ ...patch, locked_by: null, locked_until: null })
    .where('id', '=', held.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', held.workerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface LeaseRenewal {
  workerId: string;
  ids: readonly string[];
  now: Date;
  leaseMs: number;
}

/** Extends the leases of jobs a worker is still running; returns the ids it still holds. */
export async function extendLeases(db: Executor, renewal: LeaseRenewal): Promise<string[]> {
  if (renewal.ids.length === 0) return [];
  const rows = await db
    .updateTable('jobs')
    .set({
      locked_until: new Date(renewal.now.getTime() + renewal.leaseMs).toISOString(),
      updated_at: renewal.now.toISOString(),
    })
    .where('id', 'in', renewal.ids)
    .where('status', '=', 'running')
    .where('locked_by', '=', renewal.workerId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Hands jobs back to the queue at once (a worker shutting down), so another worker need not
 * wait for the lease to run out. The interrupted attempt is not counted: a deploy is not the
 * job's fault and must not use up its attempts. Returns how many jobs were released.
 */
export async function releaseJobs(db: Executor, release: { workerId: string; ids: readonly string[]; now: Date }): Promise<number> {
  if (release.ids.length === 0) return 0;
  const at = release.now.toISOString();
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      attempts: eb('attempts', '-', 1),
      run_at: at,
      locked_by: null,
      locked_until: null,
      last_error: `Released by worker ${release.workerId}, which stopped before the job finished.`,
      updated_at: at,
    }))
    .where('id', 'in', release.ids)
    .where('status', '=', 'running')
    .where('locked_by', '=', release.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes done jobs finished before `doneBefore` and dead ones finished before `deadBefore`; returns how many. */
export async function deleteFinishedJobs(db: Executor, doneBefore: Date, deadBefore: Date): Promise<number> {
  const done = await db.deleteFrom('jobs').where('status', '=', 'done').where('finished_at', '<', doneBefore.toISOString()).executeTakeFirst();
  const dead = await db.deleteFrom('jobs').where('status', '=', 'dead').where('finished_at', '<', deadBefore.toISOString()).executeTakeFirst();
  return Number(done.numDeletedRows) + Number(dead.numDeletedRows);
}

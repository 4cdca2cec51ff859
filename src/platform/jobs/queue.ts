import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { DEFAULT_MAX_ATTEMPTS } from './model.ts';
import { insertJob, type InsertedJob } from './store.ts';

export interface EnqueueJobOptions {
  /** The handler that will run it, e.g. `notifications.send`. */
  name: string;
  /** Anything JSON can hold; keep it small (ids, not whole records) so a retry reads fresh data. */
  payload: unknown;
  /**
   * Enqueuing the same key again returns the job already enqueued under it, whatever its
   * status, and never adds a second row: e.g. `reminder:ast_01J…:2026-03-01:30d`.
   */
  idempotencyKey?: string | undefined;
  /** When the job becomes due; now when omitted. */
  runAt?: Date | undefined;
  maxAttempts?: number | undefined;
  /** The current time, for callers with a clock of their own (tests, simulations). */
  now?: Date | undefined;
}

export class InvalidJobError extends Error {
  override name = 'InvalidJobError';
}

/**
 * Adds a job to the durable queue. Pass the caller's transaction to enqueue atomically with
 * the change that causes the job: if the transaction rolls back, the job never existed.
 */
export async function enqueueJob(db: Kysely<Schema>, options: EnqueueJobOptions): Promise<InsertedJob> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (options.name.trim() === '') throw new InvalidJobError('A job needs a name.');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InvalidJobError(`maxAttempts must be a whole number of at least 1, not ${maxAttempts}.`);
  }
  const payload = JSON.stringify(options.payload ?? null) as string | undefined;
  if (payload === undefined) throw new InvalidJobError(`The payload of job "${options.name}" cannot be stored as JSON.`);
  const now = (options.now ?? new Date()).toISOString();
  return insertJob(db, {
    id: newId('job'),
    name: options.name,
    payload,
    idempotency_key: options.idempotencyKey ?? null,
    status: 'queued',
    attempts: 0,
    max_attempts: maxAttempts,
    run_at: options.runAt?.toISOString() ?? now,
    created_at: now,
    updated_at: now,
  });
}

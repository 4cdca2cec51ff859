import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { runSweep } from './sweep.service.ts';

/**
 * The renewal sweep runs every 15 minutes, so a reminder due at 08:00 local goes out by 08:15.
 * Each slot is booked under a key naming it: however many processes start or retry, a slot is
 * booked once. A run books the next slot before sweeping, so a sweep that keeps failing does not
 * stop the ones after it; a sweep that crashed is retried and re-covers the same range (every
 * write of the sweep is keyed, so nothing is sent twice).
 */
export const SWEEP_JOB = 'renewals.sweep';
export const SWEEP_EVERY_MS = 15 * 60_000;

const slotOf = (at: Date): number => Math.floor(at.getTime() / SWEEP_EVERY_MS) * SWEEP_EVERY_MS;

async function bookSlot(deps: Deps, slotStart: number): Promise<void> {
  const slot = new Date(slotStart).toISOString();
  await enqueueJob(deps.database.db, { name: SWEEP_JOB, payload: { slot }, idempotencyKey: `${SWEEP_JOB}:${slot}`, runAt: new Date(slotStart), now: deps.now() });
}

/** Books the current slot's sweep; safe on every start. */
export async function scheduleRenewalJobs(deps: Deps): Promise<void> {
  await bookSlot(deps, slotOf(deps.now()));
}

function slotIn(payload: unknown): number {
  const value = (payload as Record<string, unknown> | null)?.slot;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new PermanentJobError('The payload needs the slot\'s instant in "slot".');
  return at;
}

export function renewalJobs(deps: Deps): JobHandlers {
  return {
    [SWEEP_JOB]: async (payload) => {
      const slot = slotIn(payload);
      // After an outage the next slot is the one after now, not a backlog of missed slots: one sweep covers them all.
      await bookSlot(deps, Math.max(slot, slotOf(deps.now())) + SWEEP_EVERY_MS);
      const sweep = await runSweep(deps, deps.now());
      deps.logger.debug({ sweepId: sweep.id, slot: new Date(slot).toISOString() }, 'renewal sweep ran');
    },
  };
}

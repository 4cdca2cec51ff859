import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { reportJobs, scheduleReportJobs } from './reports.jobs.ts';
import { recordSlaBreaches } from './tickets.watch.service.ts';

/**
 * The SLA watch runs every minute, so a warning or breach is recorded within a minute of
 * happening. Each minute is booked once under a key naming it; a run books the next one before it
 * watches, so a failing run does not stop the ones after it. Recording is idempotent.
 */
export const SLA_WATCH_JOB = 'desk.sla-watch';
export const SLA_WATCH_EVERY_MS = 60_000;

const slotOf = (at: Date): number => Math.floor(at.getTime() / SLA_WATCH_EVERY_MS) * SLA_WATCH_EVERY_MS;

async function bookSlot(deps: Deps, slotStart: number): Promise<void> {
  const slot = new Date(slotStart).toISOString();
  await enqueueJob(deps.database.db, { name: SLA_WATCH_JOB, payload: { slot }, idempotencyKey: `${SLA_WATCH_JOB}:${slot}`, runAt: new Date(slotStart), now: deps.now() });
}

/** Books the current minute's watch and this month's report e-mails; safe on every start. */
export async function scheduleDeskJobs(deps: Deps): Promise<void> {
  await bookSlot(deps, slotOf(deps.now()));
  await scheduleReportJobs(deps);
}

function slotIn(payload: unknown): number {
  const value = (payload as Record<string, unknown> | null)?.slot;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new PermanentJobError('The payload needs the slot\'s instant in "slot".');
  return at;
}

export function deskJobs(deps: Deps): JobHandlers {
  return {
    ...reportJobs(deps),
    [SLA_WATCH_JOB]: async (payload) => {
      const slot = slotIn(payload);
      // After an outage, the next minute after now: one run covers what was missed.
      await bookSlot(deps, Math.max(slot, slotOf(deps.now())) + SLA_WATCH_EVERY_MS);
      const recorded = await recordSlaBreaches(deps, deps.now());
      if (recorded.length > 0) deps.logger.info({ recorded: recorded.length }, 'SLA warnings and breaches recorded');
    },
  };
}

import type { Deps } from '../deps.ts';
import type { JobHandlers } from './model.ts';
import { enqueueJob } from './queue.ts';
import { deleteFinishedJobs } from './store.ts';

/**
 * Finished jobs are history, not work: a sweep every 15 minutes, an SLA watch every minute and a
 * dispatch per event would otherwise grow the table by thousands of rows a day. Done jobs are kept
 * a week (enough to see what ran), dead ones a month (someone may still look into why). Their
 * idempotency keys go with them, which is safe: every key names a moment or a record that is over.
 */
export const PRUNE_JOBS = 'platform.prune-jobs';
export const DONE_KEPT_DAYS = 7;
export const DEAD_KEPT_DAYS = 30;

const DAY_MS = 86_400_000;

export async function scheduleJobRetention(deps: Deps, day: Date = deps.now()): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  const runAt = new Date(`${date}T04:00:00.000Z`);
  await enqueueJob(deps.database.db, { name: PRUNE_JOBS, payload: { date }, idempotencyKey: `${PRUNE_JOBS}:${date}`, runAt, now: deps.now() });
}

export function jobRetentionJobs(deps: Deps): JobHandlers {
  return {
    [PRUNE_JOBS]: async () => {
      const now = deps.now().getTime();
      const deleted = await deleteFinishedJobs(deps.database.db, new Date(now - DONE_KEPT_DAYS * DAY_MS), new Date(now - DEAD_KEPT_DAYS * DAY_MS));
      deps.logger.info({ deleted }, 'finished jobs pruned');
      await scheduleJobRetention(deps, new Date(now + DAY_MS));
    },
  };
}

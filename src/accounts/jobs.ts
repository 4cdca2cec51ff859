import type { Deps } from '../platform/deps.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import type { JobHandlers } from '../platform/jobs/model.ts';
import { purgeExpiredSessions } from './sessions.ts';

/**
 * Expired sessions are deleted once a day. Each run books the next one; the idempotency key is
 * the day, so however many processes start or retry, each day's purge exists once.
 */
export const PURGE_SESSIONS = 'accounts.purge-sessions';

export async function schedulePurge(deps: Deps, day: Date): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  await enqueueJob(deps.database.db, { name: PURGE_SESSIONS, payload: { date }, idempotencyKey: `${PURGE_SESSIONS}:${date}`, runAt: day, now: deps.now() });
}

export function accountJobs(deps: Deps): JobHandlers {
  return {
    [PURGE_SESSIONS]: async () => {
      const purged = await purgeExpiredSessions(deps);
      deps.logger.info({ purged }, 'expired sessions purged');
      const tomorrow = new Date(deps.now());
      tomorrow.setUTCHours(24, 0, 0, 0);
      await schedulePurge(deps, tomorrow);
    },
  };
}

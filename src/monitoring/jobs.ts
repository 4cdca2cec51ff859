import type { Deps } from '../platform/deps.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { applyRetention, rollUpDay, rollUpHour } from './rollups.service.ts';
import { HOUR_MS } from './uptime.model.ts';

/**
 * The monitoring engine's durable jobs: each hour's rollup (and each day's, after its last hour)
 * and the daily retention of raw results. Each run books the next one under a key naming its
 * period, so however many processes start, each period is rolled up once.
 */
export const ROLLUP_HOUR = 'monitoring.rollup-hour';
export const ROLLUP_DAY = 'monitoring.rollup-day';
export const RETENTION = 'monitoring.retention';

// Results of an hour keep arriving for a moment after it ends (checks in flight, batches unwritten).
const SETTLE_MS = 5 * 60_000;

async function bookHour(deps: Deps, hourStart: number): Promise<void> {
  const hour = new Date(hourStart).toISOString();
  await enqueueJob(deps.database.db, { name: ROLLUP_HOUR, payload: { hour }, idempotencyKey: `${ROLLUP_HOUR}:${hour}`, runAt: new Date(hourStart + HOUR_MS + SETTLE_MS), now: deps.now() });
}

async function bookRetention(deps: Deps, day: Date): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  await enqueueJob(deps.database.db, { name: RETENTION, payload: { date }, idempotencyKey: `${RETENTION}:${date}`, runAt: day, now: deps.now() });
}

/** Books the current hour's rollup and today's retention; safe on every start. */
export async function scheduleMonitoringJobs(deps: Deps): Promise<void> {
  const now = deps.now().getTime();
  await bookHour(deps, Math.floor(now / HOUR_MS) * HOUR_MS);
  await bookRetention(deps, new Date(Math.floor(now / 86_400_000) * 86_400_000 + 3 * HOUR_MS));
}

function field(payload: unknown, name: string): string {
  const value = (payload as Record<string, unknown> | null)?.[name];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new PermanentJobError(`The payload needs an instant or date in "${name}".`);
  return value;
}

export function monitoringJobs(deps: Deps): JobHandlers {
  return {
    [ROLLUP_HOUR]: async (payload) => {
      const hour = Date.parse(field(payload, 'hour'));
      const monitors = await rollUpHour(deps, new Date(hour));
      deps.logger.debug({ hour: new Date(hour).toISOString(), monitors }, 'hour rolled up');
      const next = hour + HOUR_MS;
      if (new Date(next).getUTCHours() === 0) {
        const day = new Date(hour).toISOString().slice(0, 10);
        await enqueueJob(deps.database.db, { name: ROLLUP_DAY, payload: { day }, idempotencyKey: `${ROLLUP_DAY}:${day}`, now: deps.now() });
      }
      await bookHour(deps, next);
    },
    [ROLLUP_DAY]: async (payload) => {
      await rollUpDay(deps, field(payload, 'day').slice(0, 10));
    },
    [RETENTION]: async (payload) => {
      const date = field(payload, 'date');
      const { results } = await applyRetention(deps, deps.now());
      deps.logger.info({ results }, 'old check results deleted');
      await bookRetention(deps, new Date(Date.parse(`${date.slice(0, 10)}T03:00:00.000Z`) + 86_400_000));
    },
  };
}

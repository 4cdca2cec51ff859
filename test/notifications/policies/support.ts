import { jobHandlers } from '../../../src/jobs.ts';
import { publishEvent, type NewEvent } from '../../../src/notifications/events.ts';
import { DELIVER_JOB } from '../../../src/notifications/outbox.service.ts';
import { claimDueJobs, markJobDead, markJobDone } from '../../../src/platform/jobs/store.ts';
import type { TestApp } from '../../support/app.ts';
import { ok } from '../../support/api.ts';

export { ok };

/**
 * Runs every job due at the test's clock with the real handlers, as a worker would, until none is
 * due. Deliveries are the outbox's own business (tested with their channels): here they are
 * marked done unsent, and the tests look at what was queued in the outbox.
 */
export async function runDueJobs(t: TestApp): Promise<string[]> {
  const handlers = jobHandlers(t.deps);
  const ran: string[] = [];
  for (let round = 0; round < 20; round++) {
    const jobs = await claimDueJobs(t.db.db, t.db.dialect, { workerId: 'test', limit: 200, now: t.clock.now, leaseMs: 60_000 });
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      const held = { id: job.id, workerId: 'test', now: t.clock.now };
      const handler = handlers[job.name];
      if (job.name === DELIVER_JOB || !handler) {
        await markJobDone(t.db.db, held);
        continue;
      }
      try {
        await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, signal: new AbortController().signal, logger: t.deps.logger });
        await markJobDone(t.db.db, held);
        ran.push(job.name);
      } catch (error) {
        await markJobDead(t.db.db, { ...held, error: String(error) });
        throw error;
      }
    }
  }
  throw new Error('Jobs kept becoming due: a job books itself without end?');
}

/** Moves the test's clock forward. */
export function advance(t: TestApp, minutes: number): void {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
}

let serial = 0;

/** Publishes an event as a capability would, at the test's clock. */
export async function publish(t: TestApp, event: Partial<NewEvent> & Pick<NewEvent, 'type' | 'severity'>): Promise<string> {
  serial++;
  return publishEvent(
    t.db.db,
    {
      clientId: null,
      projectId: null,
      assetId: null,
      subjectKey: `test:${serial}`,
      groupKey: null,
      data: {} as NewEvent['data'],
      ...event,
    } as NewEvent,
    t.clock.now,
  );
}

export interface Queued {
  recipient: string;
  reason: string;
  eventId: string | null;
  notBefore: string;
  digestEventIds: string[] | null;
}

/** What the outbox was handed, oldest first. */
export async function queued(t: TestApp, filter: { eventId?: string } = {}): Promise<Queued[]> {
  let query = t.db.db.selectFrom('notifications').selectAll().orderBy('created_at').orderBy('id');
  if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
  const rows = await query.execute();
  return rows.map((r) => ({
    recipient: r.recipient_user_id ? `user:${r.recipient_user_id}` : `channel:${r.recipient_channel_id}`,
    reason: r.reason,
    eventId: r.event_id,
    notBefore: r.not_before,
    digestEventIds: r.digest_event_ids ? (JSON.parse(r.digest_event_ids) as string[]) : null,
  }));
}

/** The dispatcher's decision about an event as a whole. */
export async function eventOutcome(t: TestApp, eventId: string): Promise<string | undefined> {
  const row = await t.db.db.selectFrom('notification_decisions').select('outcome').where('event_id', '=', eventId).where('recipient_key', '=', '-').executeTakeFirst();
  return row?.outcome;
}


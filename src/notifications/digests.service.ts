import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { nextDigestAt, type DigestSchedule } from './digests.model.ts';
import { addDigestItem, markDigestSent, overdueDigests, pendingDigestItems } from './digests.store.ts';
import { queueNotification } from './outbox.service.ts';
import { recipientOfKey } from './routing.model.ts';

/**
 * Digests: events of digestable types wait for the recipient's next digest moment, then go out
 * as one notification listing them all. Each digest moment of each recipient is one durable job.
 */
export const DIGEST_JOB = 'notifications.digest';
export const DIGEST_SWEEP_JOB = 'notifications.digest-sweep';

async function bookDigest(db: Kysely<Schema>, recipientKey: string, dueAt: string, now: Date): Promise<void> {
  await enqueueJob(db, { name: DIGEST_JOB, payload: { recipientKey, dueAt }, idempotencyKey: `${DIGEST_JOB}:${recipientKey}:${dueAt}`, runAt: new Date(dueAt), now });
}

/** Puts an event into the recipient's next digest; returns when that digest goes out. */
export async function collectForDigest(db: Kysely<Schema>, recipientKey: string, eventId: string, schedule: DigestSchedule, now: Date): Promise<Date> {
  const dueAt = nextDigestAt(schedule, now);
  await addDigestItem(db, { recipientKey, eventId, dueAt: dueAt.toISOString(), addedAt: now.toISOString() });
  await bookDigest(db, recipientKey, dueAt.toISOString(), now);
  return dueAt;
}

/** Sends what waits for one recipient's digest due at `dueAt` (and anything older); idempotent. */
export async function sendDigest(deps: Deps, recipientKey: string, dueAt: string): Promise<{ notificationId: string | null; events: number }> {
  const recipient = recipientOfKey(recipientKey);
  if (!recipient) return { notificationId: null, events: 0 };
  return deps.database.db.transaction().execute(async (trx) => {
    const items = await pendingDigestItems(trx, recipientKey, dueAt);
    if (items.length === 0) return { notificationId: null, events: 0 };
    const now = deps.now();
    const digestEventIds = items.map((i) => i.eventId);
    const { notificationId } = await queueNotification(trx, deps, { eventId: null, recipient, reason: `digest:${dueAt}`, digestEventIds }, now);
    await markDigestSent(trx, recipientKey, digestEventIds, notificationId, now.toISOString());
    return { notificationId, events: items.length };
  });
}

/** Once a day: sends the digest of anyone whose items are overdue (their job died), so none waits for ever. */
export async function scheduleDigestSweep(deps: Deps, day: Date): Promise<void> {
  const date = day.toISOString().slice(0, 10);
  await enqueueJob(deps.database.db, { name: DIGEST_SWEEP_JOB, payload: { date }, idempotencyKey: `${DIGEST_SWEEP_JOB}:${date}`, runAt: day, now: deps.now() });
}

export async function sweepDigests(deps: Deps): Promise<number> {
  const now = deps.now();
  const overdue = await overdueDigests(deps.database.db, now.toISOString(), 1000);
  for (const { recipientKey, dueAt } of overdue) await sendDigest(deps, recipientKey, dueAt);
  return overdue.length;
}

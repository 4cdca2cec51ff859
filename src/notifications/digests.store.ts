import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';

type Q = Kysely<Schema>;

export interface DigestItem {
  recipientKey: string;
  eventId: string;
  dueAt: string;
  addedAt: string;
}

/** False when the event was already waiting in this recipient's digest. */
export async function addDigestItem(db: Q, item: DigestItem): Promise<boolean> {
  const inserted = await db
    .insertInto('digest_items')
    .values({ recipient_key: item.recipientKey, event_id: item.eventId, due_at: item.dueAt, added_at: item.addedAt })
    .onConflict((oc) => oc.columns(['recipient_key', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

// A digest lists at most this many events; the rest go into the next one.
export const MAX_DIGEST_EVENTS = 500;

/** Unsent events of one recipient due by `dueBy`, oldest first. */
export async function pendingDigestItems(db: Q, recipientKey: string, dueBy: string): Promise<DigestItem[]> {
  const rows = await db
    .selectFrom('digest_items')
    .selectAll()
    .where('recipient_key', '=', recipientKey)
    .where('sent_at', 'is', null)
    .where('due_at', '<=', dueBy)
    .orderBy('added_at')
    .orderBy('event_id')
    .limit(MAX_DIGEST_EVENTS)
    .execute();
  return rows.map((r) => ({ recipientKey: r.recipient_key, eventId: r.event_id, dueAt: r.due_at, addedAt: r.added_at }));
}

export async function markDigestSent(db: Q, recipientKey: string, eventIds: readonly string[], notificationId: string, at: string): Promise<void> {
  if (eventIds.length === 0) return;
  await db
    .updateTable('digest_items')
    .set({ sent_at: at, notification_id: notificationId })
    .where('recipient_key', '=', recipientKey)
    .where('event_id', 'in', [...eventIds])
    .where('sent_at', 'is', null)
    .execute();
}

/** Recipients with digest items overdue at `now` (their job died or was never booked), with the latest due time. */
export async function overdueDigests(db: Q, now: string, limit: number): Promise<{ recipientKey: string; dueAt: string }[]> {
  const rows = await db
    .selectFrom('digest_items')
    .select(['recipient_key', (eb) => eb.fn.max('due_at').as('due_at')])
    .where('sent_at', 'is', null)
    .where('due_at', '<=', now)
    .groupBy('recipient_key')
    .orderBy('recipient_key')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ recipientKey: r.recipient_key, dueAt: String(r.due_at) }));
}

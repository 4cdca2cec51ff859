import type { Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';
import type { DeliveryStatus, FailureKind, NotificationStatus } from './outbox.model.ts';

/** Queries of the outbox: notifications and their delivery attempts. */
type Q = Kysely<Schema>;

export interface Notification {
  id: string;
  eventId: string | null;
  digestEventIds: string[] | null;
  recipientUserId: string | null;
  recipientChannelId: string | null;
  reason: string;
  status: NotificationStatus;
  channelId: string | null;
  fallbackUsed: boolean;
  attempts: number;
  notBefore: string;
  nextAttemptAt: string | null;
  subject: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface Delivery {
  id: string;
  notificationId: string;
  channelId: string;
  attempt: number;
  status: DeliveryStatus;
  failure: FailureKind | null;
  reason: string | null;
  idempotencyKey: string;
  providerMessageId: string | null;
  startedAt: string;
  finishedAt: string | null;
  retryAt: string | null;
}

export function toNotification(row: Row<'notifications'>): Notification {
  return {
    id: row.id,
    eventId: row.event_id,
    digestEventIds: row.digest_event_ids ? (JSON.parse(row.digest_event_ids) as string[]) : null,
    recipientUserId: row.recipient_user_id,
    recipientChannelId: row.recipient_channel_id,
    reason: row.reason,
    status: row.status as NotificationStatus,
    channelId: row.channel_id,
    fallbackUsed: row.fallback_used === 1,
    attempts: row.attempts,
    notBefore: row.not_before,
    nextAttemptAt: row.next_attempt_at,
    subject: row.subject,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

function toDelivery(row: Row<'notification_deliveries'>): Delivery {
  return {
    id: row.id,
    notificationId: row.notification_id,
    channelId: row.channel_id,
    attempt: row.attempt,
    status: row.status as DeliveryStatus,
    failure: row.failure as FailureKind | null,
    reason: row.reason,
    idempotencyKey: row.idempotency_key,
    providerMessageId: row.provider_message_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    retryAt: row.retry_at,
  };
}

/** Inserts unless the dedupe key is taken (`ON CONFLICT DO NOTHING`: a failed insert would abort a PostgreSQL transaction). */
export async function insertNotification(db: Q, row: NewRow<'notifications'>): Promise<boolean> {
  const inserted = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function findNotificationIdByDedupeKey(db: Q, key: string): Promise<string | null> {
  const row = await db.selectFrom('notifications').select('id').where('dedupe_key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}

export async function findNotification(db: Q, id: string): Promise<Notification | null> {
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toNotification(row) : null;
}

export async function updateNotification(db: Q, id: string, patch: Partial<Omit<Row<'notifications'>, 'id'>>): Promise<void> {
  await db.updateTable('notifications').set(patch).where('id', '=', id).execute();
}

export async function listDeliveries(db: Q, notificationId: string): Promise<Delivery[]> {
  const rows = await db.selectFrom('notification_deliveries').selectAll().where('notification_id', '=', notificationId).orderBy('attempt').execute();
  return rows.map(toDelivery);
}

/** The attempt left `sending` by a worker that stopped mid-send, if any. */
export async function findOpenAttempt(db: Q, notificationId: string): Promise<Delivery | null> {
  const row = await db.selectFrom('notification_deliveries').selectAll().where('notification_id', '=', notificationId).where('status', '=', 'sending').executeTakeFirst();
  return row ? toDelivery(row) : null;
}

/** How many attempts a notification has had on one channel, and when the first began. */
export async function attemptsOn(db: Q, notificationId: string, channelId: string): Promise<{ count: number; firstAt: string | null }> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('started_at').as('first_at')])
    .where('notification_id', '=', notificationId)
    .where('channel_id', '=', channelId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), firstAt: (row.first_at as string | null) ?? null };
}

export async function insertDelivery(db: Q, row: NewRow<'notification_deliveries'>): Promise<void> {
  await db.insertInto('notification_deliveries').values(row).execute();
}

export async function finishDelivery(db: Q, id: string, patch: { status: DeliveryStatus; failure?: FailureKind | null; reason?: string | null; providerMessageId?: string | null; finishedAt: string; retryAt?: string | null }): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({
      status: patch.status,
      failure: patch.failure ?? null,
      reason: patch.reason ?? null,
      provider_message_id: patch.providerMessageId ?? null,
      finished_at: patch.finishedAt,
      retry_at: patch.retryAt ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export interface NotificationFilter {
  status?: string | undefined;
  channelId?: string | undefined;
  recipientUserId?: string | undefined;
  eventId?: string | undefined;
  limit: number;
  after?: Cursor | undefined;
}

/** The delivery log, newest first (limit + 1 rows). */
export async function listNotifications(db: Q, filter: NotificationFilter): Promise<Notification[]> {
  let query = db.selectFrom('notifications').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
  if (filter.recipientUserId) query = query.where('recipient_user_id', '=', filter.recipientUserId);
  if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
  if (filter.after) query = query.where(afterCursor('created_at', 'desc', filter.after));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
  return rows.map(toNotification);
}

export async function eventTypesOf(db: Q, eventIds: readonly string[]): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db.selectFrom('events').select(['id', 'type']).where('id', 'in', [...new Set(eventIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.type]));
}

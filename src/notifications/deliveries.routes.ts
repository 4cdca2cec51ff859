import { z } from 'zod';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, toPage } from '../platform/db/keyset.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { page, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { channelRoutes } from './channels.routes.ts';
import { canManage } from './channels.service.ts';
import { recipientRoutes } from './recipients.routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { DELIVERY_STATUSES, FAILURE_KINDS, NOTIFICATION_STATUSES } from './outbox.model.ts';
import * as outbox from './outbox.store.ts';

/** The delivery log: every notification, its state, and each attempt to deliver it. */
const tags = ['notifications'];

const notificationView = z
  .object({
    id: z.string(),
    eventId: z.string().nullable(),
    eventType: z.string().nullable().describe('The event’s type; "digest" for a digest'),
    digestEventIds: z.array(z.string()).nullable(),
    recipientUserId: z.string().nullable(),
    recipientChannelId: z.string().nullable(),
    reason: z.string().describe('Why the recipient is told: addressed (the person responsible), route:…, escalation:…, digest:…'),
    status: z.enum(NOTIFICATION_STATUSES),
    channelId: z.string().nullable().describe('The channel it goes (or went) out on'),
    fallbackUsed: z.boolean(),
    attempts: z.number().int(),
    notBefore: z.string(),
    nextAttemptAt: z.string().nullable(),
    subject: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'Notification', description: 'One message to one recipient, and where its delivery stands' });

const deliveryView = z
  .object({
    id: z.string(),
    channelId: z.string(),
    attempt: z.number().int(),
    status: z.enum(DELIVERY_STATUSES),
    failure: z.enum(FAILURE_KINDS).nullable(),
    reason: z.string().nullable(),
    idempotencyKey: z.string(),
    providerMessageId: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    retryAt: z.string().nullable(),
  })
  .meta({ id: 'DeliveryAttempt', description: 'One attempt to deliver a notification' });

const notificationDetail = notificationView.extend({ deliveries: z.array(deliveryView) }).meta({ id: 'NotificationDetail', description: 'A notification with every delivery attempt' });
const notificationPage = page(notificationView, 'NotificationPage', 'notifications, newest first');

const listQuery = z.strictObject({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channelId: z.string().min(1).max(64).optional(),
  userId: z.string().min(1).max(64).optional().describe('Only notifications to this person (people who manage notifications); others always see their own'),
  eventId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

function view(n: outbox.Notification, types: Map<string, string>) {
  const { digestEventIds, ...rest } = n;
  return { ...rest, digestEventIds, eventType: n.eventId ? (types.get(n.eventId) ?? null) : 'digest' };
}

function ownOnly(actor: Actor): string | undefined {
  return canManage(actor) ? undefined : (actor.id ?? '__none__');
}

export function deliveryRoutes(app: App, deps: Deps): void {
  const db = deps.database.db;
  const access = { access: 'profile' } as const;

  app.get('/api/v1/notifications', { config: access, schema: { tags, summary: 'The delivery log, newest first', querystring: listQuery, response: { 200: notificationPage, ...problems(400, 401, 403) } } }, async (req) => {
    const q = req.query;
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (cursor === null || (cursor && typeof cursor.value !== 'string')) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
    const rows = await outbox.listNotifications(db, {
      status: q.status,
      channelId: q.channelId,
      eventId: q.eventId,
      recipientUserId: ownOnly(req.actor) ?? q.userId,
      limit: q.limit,
      after: cursor ? { value: cursor.value as string, id: cursor.id } : undefined,
    });
    const types = await outbox.eventTypesOf(db, rows.flatMap((r) => (r.eventId ? [r.eventId] : [])));
    return toPage(rows, q.limit, (r) => ({ value: r.createdAt, id: r.id }), (r) => view(r, types));
  });

  app.get('/api/v1/notifications/:id', { config: access, schema: { tags, summary: 'One notification with its delivery attempts', params: idParams, response: { 200: notificationDetail, ...problems(400, 401, 403, 404) } } }, async (req) => {
    const n = await outbox.findNotification(db, req.params.id);
    const own = ownOnly(req.actor);
    if (!n || (own !== undefined && n.recipientUserId !== own)) throw notFound('notification', req.params.id);
    const types = await outbox.eventTypesOf(db, n.eventId ? [n.eventId] : []);
    const deliveries = await outbox.listDeliveries(db, n.id);
    return { ...view(n, types), deliveries };
  });
}

/** Every route of channels, preferences, the delivery log and templates, for the composition root. */
export const outboxRoutes = [channelRoutes, recipientRoutes, deliveryRoutes, templateRoutes];

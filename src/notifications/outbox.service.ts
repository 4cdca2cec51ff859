import { signInEmailChannel } from './default-channel.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import * as channels from './channels.store.ts';
import { publishEvent } from './events.ts';
import { channelProblemReason, chooseChannel, notificationDedupeKey } from './outbox.model.ts';
import * as outbox from './outbox.store.ts';
import { findAgencyAdmins, findPreferences } from './recipients.store.ts';

/** Who a notification is for: a person (their primary channel), or one channel directly. */
export type NotificationRecipient = { userId: string } | { channelId: string };

export interface QueueNotificationInput {
  /** The event told about; null for a digest, whose events are listed in `digestEventIds`. */
  eventId: string | null;
  recipient: NotificationRecipient;
  /** Why this recipient is told: `route:rte_…`, `escalation:esc_…:step2`, `digest:daily:2026-11-21`. */
  reason: string;
  /** Not sent before this instant (quiet hours, a digest's hour); now when omitted. */
  notBefore?: Date;
  digestEventIds?: string[];
}

export const DELIVER_JOB = 'notifications.deliver';
/**
 * The outbox decides when to give up (see outbox.model.ts); the job only carries the attempts.
 * Rate-limit waits and retries each use one job attempt, so the job's own limit is set far out of reach.
 */
const DELIVER_JOB_MAX_ATTEMPTS = 10_000;

/**
 * Stores a notification and enqueues its delivery, inside the caller's transaction. Idempotent:
 * the same event (or digest) × recipient × reason returns the notification made the first time.
 * The channel is chosen now (the person's primary, or their fallback while the primary is
 * broken) and may change at delivery if it breaks in between. A person with no working channel
 * still gets a row: the delivery log then shows that they could not be told, and why.
 */
export async function queueNotification(db: Kysely<Schema>, deps: Deps, input: QueueNotificationInput, now: Date): Promise<{ notificationId: string; created: boolean }> {
  return queueAvoiding(db, deps, input, now, null);
}

async function queueAvoiding(db: Kysely<Schema>, deps: Deps, input: QueueNotificationInput, now: Date, avoidChannelId: string | null): Promise<{ notificationId: string; created: boolean }> {
  if (input.eventId === null && (input.digestEventIds ?? []).length === 0) throw new Error('A notification needs an event, or the events of a digest.');
  const dedupeKey = notificationDedupeKey(input);
  const existing = await outbox.findNotificationIdByDedupeKey(db, dedupeKey);
  if (existing) return { notificationId: existing, created: false };
  const choice = (await initialChannel(db, input.recipient, avoidChannelId)) ?? (await firstChannelOf(db, deps, input.recipient, now));
  const id = newId('notification', now.getTime());
  const at = now.toISOString();
  const notBefore = input.notBefore && input.notBefore > now ? input.notBefore : now;
  const created = await outbox.insertNotification(db, {
    id,
    dedupe_key: dedupeKey,
    event_id: input.eventId,
    digest_event_ids: input.eventId === null ? JSON.stringify(input.digestEventIds) : null,
    recipient_user_id: 'userId' in input.recipient ? input.recipient.userId : null,
    recipient_channel_id: 'channelId' in input.recipient ? input.recipient.channelId : null,
    reason: input.reason,
    status: 'queued',
    channel_id: choice?.channelId ?? null,
    fallback_used: choice?.isFallback ? 1 : 0,
    attempts: 0,
    not_before: notBefore.toISOString(),
    next_attempt_at: notBefore.toISOString(),
    subject: null,
    last_error: null,
    created_at: at,
    updated_at: at,
    sent_at: null,
  });
  if (!created) return { notificationId: (await outbox.findNotificationIdByDedupeKey(db, dedupeKey))!, created: false };
  await enqueueJob(db, { name: DELIVER_JOB, payload: { notificationId: id }, idempotencyKey: `notification:${id}`, runAt: notBefore, maxAttempts: DELIVER_JOB_MAX_ATTEMPTS, now });
  return { notificationId: id, created: true };
}

async function initialChannel(db: Kysely<Schema>, recipient: NotificationRecipient, avoid: string | null): Promise<{ channelId: string; isFallback: boolean } | null> {
  if ('channelId' in recipient) {
    const channel = await channels.findChannel(db, recipient.channelId);
    if (!channel) throw new Error(`No notification channel ${recipient.channelId}.`);
    return { channelId: channel.id, isFallback: false };
  }
  const prefs = await findPreferences(db, recipient.userId);
  const found = await channels.findChannels(db, [prefs.primaryChannelId, prefs.fallbackChannelId].filter((c): c is string => c !== null && c !== avoid));
  const byId = new Map(found.map((c) => [c.id, c]));
  const primary = prefs.primaryChannelId ? byId.get(prefs.primaryChannelId) : undefined;
  const fallback = prefs.fallbackChannelId ? byId.get(prefs.fallbackChannelId) : undefined;
  return chooseChannel(primary ?? null, fallback ?? null);
}

/** A person with no channel chosen at all gets their sign-in email as a channel (see default-channel.ts). */
async function firstChannelOf(db: Kysely<Schema>, deps: Deps, recipient: NotificationRecipient, now: Date): Promise<{ channelId: string; isFallback: boolean } | null> {
  if (!('userId' in recipient)) return null;
  const prefs = await findPreferences(db, recipient.userId);
  if (prefs.primaryChannelId !== null || prefs.fallbackChannelId !== null) return null;
  const channel = await signInEmailChannel(db, deps, recipient.userId, now);
  return channel ? { channelId: channel.id, isFallback: false } : null;
}

/**
 * Tells whoever looks after a channel that it stopped working: a `channel.broken` event (for
 * routing rules and the log), and a notification to its owner — or, for an agency-wide channel,
 * the owners and admins — on any channel but the one that failed.
 */
export async function reportChannelProblem(db: Kysely<Schema>, deps: Deps, channel: channels.ChannelRecord, reason: string, now: Date): Promise<void> {
  const eventId = await publishEvent(
    db,
    {
      type: 'channel.broken',
      severity: 'high',
      clientId: channel.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `channel:${channel.id}`,
      groupKey: null,
      data: { channelId: channel.id, channelName: channel.name, reason },
    },
    now,
  );
  const people = channel.ownerUserId ? [channel.ownerUserId] : await findAgencyAdmins(db);
  for (const userId of people) {
    await queueAvoiding(db, deps, { eventId, recipient: { userId }, reason: channelProblemReason(channel.id) }, now, channel.id);
  }
}

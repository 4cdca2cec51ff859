import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { describeJobError, PermanentJobError, RetryableJobError } from '../platform/jobs/model.ts';
import { ChannelError, type SendReceipt } from './channels/channel.ts';
import { CHANNEL_ADAPTERS } from './channels/index.ts';
import { DELIVERY_ACTOR, openConfig, sendContext } from './channels.service.ts';
import * as channels from './channels.store.ts';
import type { ChannelRecord } from './channels.store.ts';
import { afterFailure, channelToAvoid, DEFAULT_DELIVERY_POLICY, deliveryIdempotencyKey, keepsFailing, takeRateSlot, type DeliveryPolicy } from './outbox.model.ts';
import { reportChannelProblem } from './outbox.service.ts';
import * as outbox from './outbox.store.ts';
import type { Notification } from './outbox.store.ts';
import { findPreferences } from './recipients.store.ts';
import { composeMessage } from './templates/compose.ts';

/**
 * One delivery attempt of one notification, run by the `notifications.deliver` job. Before the
 * message leaves, the attempt is a `sending` row; the adapter gets an idempotency key that is the
 * same for every attempt on that channel. A worker that dies mid-send leaves the row open: the
 * next run closes it as interrupted and sends again with the same key, so the receiver can drop
 * the repeat — at least once from here, exactly once for a receiver that honours the key.
 */
export interface DeliveryOptions {
  random?: () => number;
  policy?: DeliveryPolicy;
}

interface Attempt {
  id: string;
  startedAt: Date;
}

export async function deliverNotification(deps: Deps, notificationId: string, signal: AbortSignal, options: DeliveryOptions = {}): Promise<void> {
  const db = deps.database.db;
  const n = await outbox.findNotification(db, notificationId);
  if (!n) throw new PermanentJobError(`No notification ${notificationId}.`);
  if (n.status === 'sent' || n.status === 'gave_up') return;
  const now = deps.now();
  const due = new Date(n.notBefore).getTime() - now.getTime();
  if (due > 0) throw new RetryableJobError('The notification is not due yet.', { retryAfterMs: due });
  // Only a run that died mid-send leaves the notification `sending` (set with its attempt row, atomically).
  if (n.status === 'sending') await closeInterruptedAttempt(db, n.id, now);
  const channel = await usableChannel(deps, n, now);
  if (!channel) return;
  await waitForRateSlot(db, n, channel, now);
  const key = deliveryIdempotencyKey(n.id, channel.id);
  const message = await composeMessage(deps, n, channel, key);
  const attempt = await startAttempt(db, n, channel.id, key, message.subject, now);
  let receipt: SendReceipt;
  try {
    receipt = await CHANNEL_ADAPTERS[channel.kind].send(openConfig(deps, channel), message, sendContext(deps, signal));
  } catch (err) {
    // The worker gave the job up (stopping, lease lost): leave the attempt open for the next run to close.
    if (signal.aborted) throw err;
    const outcome = await recordFailure(deps, n, channel, attempt, err, options);
    if (outcome === 'fallback') return deliverNotification(deps, notificationId, signal, options);
    return;
  }
  await recordSent(deps, n, channel, attempt, receipt);
}

async function closeInterruptedAttempt(db: Kysely<Schema>, notificationId: string, now: Date): Promise<void> {
  const open = await outbox.findOpenAttempt(db, notificationId);
  if (!open) return;
  await outbox.finishDelivery(db, open.id, {
    status: 'failed',
    failure: 'interrupted',
    reason: 'The worker stopped before the channel confirmed the send; it is sent again with the same idempotency key, so a receiver that got it can drop the repeat.',
    finishedAt: now.toISOString(),
  });
}

/** The channel to send on now: the notification's own unless broken, else the person's next working one. */
async function usableChannel(deps: Deps, n: Notification, now: Date): Promise<ChannelRecord | null> {
  const db = deps.database.db;
  const current = n.channelId ? await channels.findChannel(db, n.channelId) : null;
  if (current && current.status !== 'broken') return current;
  const next = await nextChannel(db, n, current?.id ?? null);
  if (next) {
    await outbox.updateNotification(db, n.id, { channel_id: next.channel.id, fallback_used: next.isFallback ? 1 : 0, updated_at: now.toISOString() });
    return next.channel;
  }
  const why = current
    ? `The channel "${current.name}" is broken (${current.statusReason ?? 'no reason recorded'}) and there is no working fallback channel.`
    : 'The recipient has no working notification channel: set a primary or fallback channel in their notification preferences.';
  await outbox.updateNotification(db, n.id, { status: 'gave_up', last_error: why, next_attempt_at: null, updated_at: now.toISOString() });
  return null;
}

/** The person's other working channel, once: a notification moves to the fallback at most one time. */
async function nextChannel(db: Kysely<Schema>, n: Notification, currentId: string | null): Promise<{ channel: ChannelRecord; isFallback: boolean } | null> {
  if (!n.recipientUserId || n.fallbackUsed) return null;
  const prefs = await findPreferences(db, n.recipientUserId);
  const avoid = channelToAvoid(n.reason);
  const ids = [prefs.primaryChannelId, prefs.fallbackChannelId].filter((id): id is string => id !== null && id !== currentId && id !== avoid);
  const found = await channels.findChannels(db, ids);
  for (const id of ids) {
    const channel = found.find((c) => c.id === id);
    if (channel && channel.status !== 'broken') return { channel, isFallback: id === prefs.fallbackChannelId };
  }
  return null;
}

/** Takes one of the channel's messages for this minute, or reschedules the job for the next minute. */
async function waitForRateSlot(db: Kysely<Schema>, n: Notification, channel: ChannelRecord, now: Date): Promise<void> {
  if (channel.ratePerMinute === null) return;
  let current = channel.rate;
  for (let tries = 0; tries < 5; tries++) {
    const decision = takeRateSlot(current, channel.ratePerMinute, now);
    if (!decision.ok) {
      await outbox.updateNotification(db, n.id, { next_attempt_at: decision.retryAt.toISOString(), updated_at: now.toISOString() });
      const message = `The channel "${channel.name}" takes ${channel.ratePerMinute} messages a minute; this one waits for the next minute.`;
      throw new RetryableJobError(message, { retryAfterMs: decision.retryAt.getTime() - now.getTime() });
    }
    if (await channels.swapRateWindow(db, channel.id, current, decision.next)) return;
    current = (await channels.readRateWindow(db, channel.id)) ?? current;
  }
  throw new RetryableJobError(`The channel "${channel.name}" is busy; trying again shortly.`, { retryAfterMs: 1000 });
}

async function startAttempt(db: Kysely<Schema>, n: Notification, channelId: string, key: string, subject: string, now: Date): Promise<Attempt> {
  const id = newId('delivery', now.getTime());
  const at = now.toISOString();
  // This run holds the job's lease, so the count read at its start is current; the unique
  // (notification, attempt) index stops a second writer that lost its lease without noticing.
  const attempt = n.attempts + 1;
  await db.transaction().execute(async (trx) => {
    await outbox.insertDelivery(trx, { id, notification_id: n.id, channel_id: channelId, attempt, status: 'sending', failure: null, reason: null, idempotency_key: key, provider_message_id: null, started_at: at, finished_at: null, retry_at: null });
    await outbox.updateNotification(trx, n.id, { status: 'sending', attempts: attempt, subject: subject.slice(0, 500), updated_at: at });
  });
  return { id, startedAt: now };
}

async function recordSent(deps: Deps, n: Notification, channel: ChannelRecord, attempt: Attempt, receipt: SendReceipt): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  await change(deps, { actor: DELIVERY_ACTOR, requestId: null }, async (trx, audit) => {
    await outbox.finishDelivery(trx, attempt.id, { status: 'sent', providerMessageId: receipt.providerMessageId, finishedAt: at });
    await outbox.updateNotification(trx, n.id, { status: 'sent', sent_at: at, last_error: null, next_attempt_at: null, updated_at: at });
    if (!channel.lastSentAt || now.getTime() - Date.parse(channel.lastSentAt) > 60_000) await channels.touchLastSent(trx, channel.id, now);
    if (channel.status === 'failing' && (await channels.moveChannelStatus(trx, channel.id, 'ok', null, now, ['failing']))) {
      await audit({ action: 'channel.recovered', entityType: 'channel', entityId: channel.id, before: { status: 'failing', statusReason: channel.statusReason }, after: { status: 'ok' } });
    }
  });
}

type FailureOutcome = 'retry' | 'fallback' | 'gave-up';

async function recordFailure(deps: Deps, n: Notification, channel: ChannelRecord, attempt: Attempt, err: unknown, options: DeliveryOptions): Promise<FailureOutcome> {
  const db = deps.database.db;
  const now = deps.now();
  const at = now.toISOString();
  const permanent = err instanceof ChannelError && err.permanent;
  const reason = err instanceof ChannelError ? err.message : describeJobError(err);
  const history = await outbox.attemptsOn(db, n.id, channel.id);
  const next = await nextChannel(db, n, channel.id);
  const failed = { attemptsOnChannel: history.count, firstAttemptAt: new Date(history.firstAt ?? attempt.startedAt) };
  const retryAfterMs = err instanceof ChannelError ? err.retryAfterMs : undefined;
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const decision = afterFailure({ failure: permanent ? 'permanent' : 'temporary', ...failed, retryAfterMs, fallbackAvailable: next !== null }, now, options.random ?? Math.random, policy);
  await change(deps, { actor: DELIVERY_ACTOR, requestId: null }, async (trx, audit) => {
    await markChannel(trx, deps, audit, channel, permanent ? 'broken' : keepsFailing(failed, now, policy) ? 'failing' : null, reason, now);
    const failure = permanent ? 'permanent' : 'temporary';
    if (decision.kind === 'retry') {
      await outbox.finishDelivery(trx, attempt.id, { status: 'failed', failure, reason, finishedAt: at, retryAt: decision.at.toISOString() });
      await outbox.updateNotification(trx, n.id, { status: 'retrying', last_error: reason, next_attempt_at: decision.at.toISOString(), updated_at: at });
    } else if (decision.kind === 'fallback') {
      await outbox.finishDelivery(trx, attempt.id, { status: 'failed', failure, reason: `${reason} Sending on the fallback channel instead.`, finishedAt: at });
      await outbox.updateNotification(trx, n.id, { status: 'retrying', channel_id: next!.channel.id, fallback_used: 1, last_error: reason, next_attempt_at: at, updated_at: at });
    } else {
      await outbox.finishDelivery(trx, attempt.id, { status: 'gave_up', failure, reason: `${reason} ${decision.why}`, finishedAt: at });
      await outbox.updateNotification(trx, n.id, { status: 'gave_up', last_error: `${reason} ${decision.why}`, next_attempt_at: null, updated_at: at });
    }
  });
  if (decision.kind === 'retry') throw new RetryableJobError(reason, { retryAfterMs: decision.at.getTime() - now.getTime() });
  return decision.kind === 'fallback' ? 'fallback' : 'gave-up';
}

/**
 * A permanent failure marks the channel broken (skipped until fixed or tested); failing past the
 * fallback limit marks it failing. Either change is reported once, when it happens.
 */
async function markChannel(trx: Kysely<Schema>, deps: Deps, audit: Audit, channel: ChannelRecord, status: 'broken' | 'failing' | null, reason: string, now: Date): Promise<void> {
  if (status === null) return;
  const moved = await channels.moveChannelStatus(trx, channel.id, status, reason, now, status === 'failing' ? ['ok'] : undefined);
  if (!moved) return;
  await audit({ action: `channel.${status}`, entityType: 'channel', entityId: channel.id, before: { status: channel.status }, after: { status, statusReason: reason } });
  await reportChannelProblem(trx, deps, channel, reason, now);
}

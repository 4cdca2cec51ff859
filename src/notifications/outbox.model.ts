import { retryDelayMs, type RetryPolicy } from '../platform/jobs/model.ts';

/**
 * The rules of the durable outbox, with no I/O: when to try a notification again, when to switch
 * to the recipient's fallback channel, when to give up, which channel to start on, and how many
 * messages a channel takes per minute. The delivery job applies them; tests exercise them here.
 */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'gave_up'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'gave_up'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `interrupted`: the worker stopped mid-send (crash, kill); it counts as temporary. */
export const FAILURE_KINDS = ['temporary', 'permanent', 'interrupted'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const CHANNEL_STATUSES = ['ok', 'failing', 'broken'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export interface DeliveryPolicy {
  retry: RetryPolicy;
  /** Failed attempts on one channel after which the fallback channel takes over. */
  fallbackAfterAttempts: number;
  /** …or time since the first failed attempt on that channel, whichever comes first. */
  fallbackAfterMs: number;
  /** Failed attempts on one channel after which a notification with nowhere else to go is given up. */
  giveUpAfterAttempts: number;
}

/**
 * 15 s, 30 s, 1 min, … up to an hour between tries: ten tries ride out a mail server's outage of
 * about two hours. A person should not wait that long, though: after 3 failures or 10 minutes
 * the message goes out on their fallback channel.
 */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = Object.freeze({
  retry: Object.freeze({ baseDelayMs: 15_000, maxDelayMs: 3_600_000 }),
  fallbackAfterAttempts: 3,
  fallbackAfterMs: 10 * 60_000,
  giveUpAfterAttempts: 10,
});

export interface FailedAttempt {
  failure: FailureKind;
  /** Attempts made on this channel so far, this one included. */
  attemptsOnChannel: number;
  /** When the first attempt on this channel started. */
  firstAttemptAt: Date;
  /** The wait the receiving service asked for (HTTP 429 Retry-After), if any. */
  retryAfterMs?: number | undefined;
  /** A working fallback channel the notification has not used yet. */
  fallbackAvailable: boolean;
}

export type AfterFailure =
  | { kind: 'retry'; at: Date }
  | { kind: 'fallback'; why: 'permanent' | 'keeps-failing' }
  | { kind: 'give-up'; why: string };

/** What happens to a notification after an attempt failed. */
export function afterFailure(attempt: FailedAttempt, now: Date, random: () => number, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): AfterFailure {
  if (attempt.failure === 'permanent') {
    if (attempt.fallbackAvailable) return { kind: 'fallback', why: 'permanent' };
    return { kind: 'give-up', why: 'The channel refused the message for good and there is no fallback channel.' };
  }
  if (attempt.fallbackAvailable && keepsFailing(attempt, now, policy)) return { kind: 'fallback', why: 'keeps-failing' };
  if (attempt.attemptsOnChannel >= policy.giveUpAfterAttempts) {
    return { kind: 'give-up', why: `Gave up after ${attempt.attemptsOnChannel} attempts.` };
  }
  const asked = attempt.retryAfterMs !== undefined && attempt.retryAfterMs >= 0 ? attempt.retryAfterMs : undefined;
  const delay = asked ?? retryDelayMs(attempt.attemptsOnChannel, random, policy.retry);
  return { kind: 'retry', at: new Date(now.getTime() + delay) };
}

/** True once a channel has failed often enough, or long enough, that its owner should hear of it. */
export function keepsFailing(attempt: Pick<FailedAttempt, 'attemptsOnChannel' | 'firstAttemptAt'>, now: Date, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): boolean {
  return attempt.attemptsOnChannel >= policy.fallbackAfterAttempts || now.getTime() - attempt.firstAttemptAt.getTime() >= policy.fallbackAfterMs;
}

export interface ChannelChoice {
  id: string;
  status: ChannelStatus;
}

/**
 * The channel a person's notification starts on: the primary one unless it is broken, then the
 * fallback unless that is broken too. A failing (not broken) channel is still tried: it may be back.
 */
export function chooseChannel(primary: ChannelChoice | null, fallback: ChannelChoice | null): { channelId: string; isFallback: boolean } | null {
  if (primary && primary.status !== 'broken') return { channelId: primary.id, isFallback: false };
  if (fallback && fallback.status !== 'broken' && fallback.id !== primary?.id) return { channelId: fallback.id, isFallback: true };
  return null;
}

/** The reason of a notice that a channel stopped working; such a notice never goes out on that channel. */
export function channelProblemReason(channelId: string): string {
  return `channel-problem:${channelId}`;
}

/** The channel a notification must not use: the one its notice is about, if it is such a notice. */
export function channelToAvoid(reason: string): string | null {
  return reason.startsWith('channel-problem:') ? reason.slice('channel-problem:'.length) : null;
}

/** Stable per notification × channel: the same message retried after a crash carries the same key. */
export function deliveryIdempotencyKey(notificationId: string, channelId: string): string {
  return `upkeep:${notificationId}:${channelId}`;
}

/**
 * Event × recipient × reason: asking twice to tell the same person the same thing for the same
 * reason finds the first notification. A digest has no event; its reason (`digest:daily:2026-11-21`)
 * is its key, so a digest job run again does not send a second digest with a few more events.
 */
export function notificationDedupeKey(input: { eventId: string | null; recipient: { userId: string } | { channelId: string }; reason: string }): string {
  const about = input.eventId ?? 'digest';
  const who = 'userId' in input.recipient ? `user:${input.recipient.userId}` : `channel:${input.recipient.channelId}`;
  return `${about}|${who}|${input.reason}`;
}

export interface RateWindow {
  /** Start of the minute counted, ISO; null before the first message. */
  window: string | null;
  count: number;
}

export type RateDecision = { ok: true; next: RateWindow } | { ok: false; retryAt: Date };

/**
 * A fixed one-minute window per channel: up to `perMinute` messages start in a calendar minute;
 * the rest wait for the next minute. Excess is delayed, never dropped. Null means no limit.
 */
export function takeRateSlot(current: RateWindow, perMinute: number | null, now: Date): RateDecision {
  if (perMinute === null) return { ok: true, next: current };
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const window = minute.toISOString();
  if (current.window !== window) return { ok: true, next: { window, count: 1 } };
  if (current.count < perMinute) return { ok: true, next: { window, count: current.count + 1 } };
  return { ok: false, retryAt: new Date(minute.getTime() + 60_000) };
}

import { describe, expect, it } from 'vitest';
import { afterFailure, channelProblemReason, channelToAvoid, chooseChannel, deliveryIdempotencyKey, keepsFailing, notificationDedupeKey, takeRateSlot, type DeliveryPolicy } from './outbox.model.ts';

const now = new Date('2026-11-21T10:00:30.000Z');
const lowest = () => 0;
const highest = () => 0.999999;
const policy: DeliveryPolicy = { retry: { baseDelayMs: 1000, maxDelayMs: 60_000 }, fallbackAfterAttempts: 3, fallbackAfterMs: 600_000, giveUpAfterAttempts: 5 };
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('afterFailure', () => {
  it('retries a temporary failure after an exponential back-off with jitter', () => {
    const first = afterFailure({ failure: 'temporary', attemptsOnChannel: 1, firstAttemptAt: now, fallbackAvailable: false }, now, lowest, policy);
    expect(first).toEqual({ kind: 'retry', at: new Date(now.getTime() + 500) });
    const third = afterFailure({ failure: 'temporary', attemptsOnChannel: 3, firstAttemptAt: secondsAgo(5), fallbackAvailable: false }, now, highest, policy);
    expect(third).toEqual({ kind: 'retry', at: new Date(now.getTime() + 4000) });
  });

  it('waits as long as the receiving service asked', () => {
    const decision = afterFailure({ failure: 'temporary', attemptsOnChannel: 1, firstAttemptAt: now, retryAfterMs: 42_000, fallbackAvailable: false }, now, lowest, policy);
    expect(decision).toEqual({ kind: 'retry', at: new Date(now.getTime() + 42_000) });
  });

  it('switches to the fallback at once on a permanent failure, or gives up without one', () => {
    expect(afterFailure({ failure: 'permanent', attemptsOnChannel: 1, firstAttemptAt: now, fallbackAvailable: true }, now, lowest, policy)).toEqual({ kind: 'fallback', why: 'permanent' });
    expect(afterFailure({ failure: 'permanent', attemptsOnChannel: 1, firstAttemptAt: now, fallbackAvailable: false }, now, lowest, policy).kind).toBe('give-up');
  });

  it('switches to the fallback after three failed attempts or ten minutes of failing', () => {
    const two = { failure: 'temporary' as const, attemptsOnChannel: 2, firstAttemptAt: secondsAgo(30), fallbackAvailable: true };
    expect(afterFailure(two, now, lowest, policy).kind).toBe('retry');
    expect(afterFailure({ ...two, attemptsOnChannel: 3 }, now, lowest, policy)).toEqual({ kind: 'fallback', why: 'keeps-failing' });
    expect(afterFailure({ ...two, firstAttemptAt: secondsAgo(600) }, now, lowest, policy)).toEqual({ kind: 'fallback', why: 'keeps-failing' });
    // An interrupted send (the worker died) counts like a temporary failure.
    expect(afterFailure({ ...two, failure: 'interrupted', attemptsOnChannel: 3 }, now, lowest, policy).kind).toBe('fallback');
  });

  it('keeps retrying without a fallback until the attempt limit, then gives up', () => {
    const failing = { failure: 'temporary' as const, firstAttemptAt: secondsAgo(3600), fallbackAvailable: false };
    expect(afterFailure({ ...failing, attemptsOnChannel: 4 }, now, lowest, policy).kind).toBe('retry');
    expect(afterFailure({ ...failing, attemptsOnChannel: 5 }, now, lowest, policy)).toEqual({ kind: 'give-up', why: 'Gave up after 5 attempts.' });
  });

  it('calls a channel failing from the third attempt or after ten minutes', () => {
    expect(keepsFailing({ attemptsOnChannel: 2, firstAttemptAt: secondsAgo(599) }, now, policy)).toBe(false);
    expect(keepsFailing({ attemptsOnChannel: 3, firstAttemptAt: now }, now, policy)).toBe(true);
    expect(keepsFailing({ attemptsOnChannel: 1, firstAttemptAt: secondsAgo(600) }, now, policy)).toBe(true);
  });
});

describe('chooseChannel', () => {
  const ok = (id: string) => ({ id, status: 'ok' as const });
  it('starts on the primary channel, even a failing one', () => {
    expect(chooseChannel(ok('a'), ok('b'))).toEqual({ channelId: 'a', isFallback: false });
    expect(chooseChannel({ id: 'a', status: 'failing' }, ok('b'))).toEqual({ channelId: 'a', isFallback: false });
  });
  it('skips a broken primary for the fallback, and finds nothing when both are broken or missing', () => {
    expect(chooseChannel({ id: 'a', status: 'broken' }, ok('b'))).toEqual({ channelId: 'b', isFallback: true });
    expect(chooseChannel(null, ok('b'))).toEqual({ channelId: 'b', isFallback: true });
    expect(chooseChannel({ id: 'a', status: 'broken' }, { id: 'b', status: 'broken' })).toBeNull();
    expect(chooseChannel(null, null)).toBeNull();
  });
});

describe('keys', () => {
  it('gives one idempotency key per notification and channel', () => {
    expect(deliveryIdempotencyKey('ntf_1', 'chn_1')).toBe(deliveryIdempotencyKey('ntf_1', 'chn_1'));
    expect(deliveryIdempotencyKey('ntf_1', 'chn_1')).not.toBe(deliveryIdempotencyKey('ntf_1', 'chn_2'));
  });
  it('dedupes on event × recipient × reason, and a digest on its reason', () => {
    const a = notificationDedupeKey({ eventId: 'evt_1', recipient: { userId: 'usr_1' }, reason: 'route:rte_1' });
    expect(a).toBe(notificationDedupeKey({ eventId: 'evt_1', recipient: { userId: 'usr_1' }, reason: 'route:rte_1' }));
    expect(a).not.toBe(notificationDedupeKey({ eventId: 'evt_1', recipient: { userId: 'usr_1' }, reason: 'escalation:esc_1:step2' }));
    expect(a).not.toBe(notificationDedupeKey({ eventId: 'evt_1', recipient: { channelId: 'usr_1' }, reason: 'route:rte_1' }));
    const digest = notificationDedupeKey({ eventId: null, recipient: { userId: 'usr_1' }, reason: 'digest:daily:2026-11-21' });
    expect(digest).toBe('digest|user:usr_1|digest:daily:2026-11-21');
  });
});

describe('channelToAvoid', () => {
  it('keeps a notice about a channel off that channel', () => {
    expect(channelToAvoid(channelProblemReason('chn_1'))).toBe('chn_1');
    expect(channelToAvoid('route:rte_1')).toBeNull();
  });
});

describe('takeRateSlot', () => {
  it('lets no limit through without counting', () => {
    expect(takeRateSlot({ window: null, count: 0 }, null, now)).toEqual({ ok: true, next: { window: null, count: 0 } });
  });
  it('counts within the calendar minute and delays the excess to the next minute', () => {
    const minute = '2026-11-21T10:00:00.000Z';
    expect(takeRateSlot({ window: null, count: 0 }, 2, now)).toEqual({ ok: true, next: { window: minute, count: 1 } });
    expect(takeRateSlot({ window: minute, count: 1 }, 2, now)).toEqual({ ok: true, next: { window: minute, count: 2 } });
    expect(takeRateSlot({ window: minute, count: 2 }, 2, now)).toEqual({ ok: false, retryAt: new Date('2026-11-21T10:01:00.000Z') });
  });
  it('starts a new count in a new minute', () => {
    expect(takeRateSlot({ window: '2026-11-21T09:59:00.000Z', count: 99 }, 2, now)).toEqual({ ok: true, next: { window: '2026-11-21T10:00:00.000Z', count: 1 } });
  });
});

import { describe, expect, it } from 'vitest';
import {
  describeJobError,
  failureOutcome,
  isJobStatus,
  isOutOfAttempts,
  PermanentJobError,
  RetryableJobError,
  retryDelayMs,
  type RetryPolicy,
} from './model.ts';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000 };
const lowest = () => 0;
const highest = () => 0.999999;
const now = new Date('2026-03-01T12:00:00.000Z');

describe('retryDelayMs', () => {
  it('waits between half and all of the base delay after the first attempt', () => {
    expect(retryDelayMs(1, lowest, policy)).toBe(500);
    expect(retryDelayMs(1, highest, policy)).toBe(1000);
    expect(retryDelayMs(1, () => 0.5, policy)).toBe(750);
  });

  it('doubles the ceiling with each attempt', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, highest, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, lowest, policy))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(retryDelayMs(7, highest, policy)).toBe(60_000);
    expect(retryDelayMs(7, lowest, policy)).toBe(30_000);
    expect(retryDelayMs(1000, highest, policy)).toBe(60_000);
    expect(retryDelayMs(Number.MAX_SAFE_INTEGER, highest, policy)).toBe(60_000);
  });

  it('treats an attempt number below 1 as the first attempt', () => {
    expect(retryDelayMs(0, highest, policy)).toBe(1000);
    expect(retryDelayMs(-3, lowest, policy)).toBe(500);
  });

  it('keeps a random source outside [0, 1) within the bounds', () => {
    expect(retryDelayMs(1, () => 7, policy)).toBe(1000);
    expect(retryDelayMs(1, () => -1, policy)).toBe(500);
  });

  it('spreads jobs that failed together over the window', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, random, policy));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('has sensible defaults: 15 s first, never more than an hour', () => {
    expect(retryDelayMs(1, highest)).toBe(15_000);
    expect(retryDelayMs(50, lowest)).toBe(1_800_000);
    expect(retryDelayMs(50, highest)).toBeLessThanOrEqual(3_600_000);
  });
});

describe('failureOutcome', () => {
  it('retries an ordinary error after the back-off', () => {
    const outcome = failureOutcome({ attempts: 2, maxAttempts: 5 }, new Error('smtp timeout'), now, lowest, policy);
    expect(outcome).toEqual({ kind: 'retry', runAt: new Date(now.getTime() + 1000), reason: 'Error: smtp timeout' });
  });

  it('gives up at once on a permanent error, even with attempts left', () => {
    const outcome = failureOutcome({ attempts: 1, maxAttempts: 5 }, new PermanentJobError('no such asset'), now, lowest, policy);
    expect(outcome).toEqual({ kind: 'dead', reason: 'PermanentJobError: no such asset' });
  });

  it('gives up when the last attempt failed', () => {
    const outcome = failureOutcome({ attempts: 3, maxAttempts: 3 }, new Error('still down'), now, lowest, policy);
    expect(outcome.kind).toBe('dead');
    expect(outcome.reason).toBe('Gave up after 3 of 3 attempts. Error: still down');
  });

  it('retries after the delay a peer asked for', () => {
    const error = new RetryableJobError('rate limited', { retryAfterMs: 90_000 });
    const outcome = failureOutcome({ attempts: 1, maxAttempts: 5 }, error, now, highest, policy);
    expect(outcome).toMatchObject({ kind: 'retry', runAt: new Date(now.getTime() + 90_000) });
  });

  it('uses the back-off for a retryable error without a delay', () => {
    const outcome = failureOutcome({ attempts: 1, maxAttempts: 5 }, new RetryableJobError('502'), now, highest, policy);
    expect(outcome).toMatchObject({ kind: 'retry', runAt: new Date(now.getTime() + 1000) });
  });

  it('does not retry a retryable error once out of attempts', () => {
    const error = new RetryableJobError('rate limited', { retryAfterMs: 1000 });
    expect(failureOutcome({ attempts: 5, maxAttempts: 5 }, error, now, lowest, policy).kind).toBe('dead');
  });
});

describe('isOutOfAttempts', () => {
  it('is true only once claimed more often than allowed (its last worker crashed)', () => {
    expect(isOutOfAttempts({ attempts: 3, maxAttempts: 3 })).toBe(false);
    expect(isOutOfAttempts({ attempts: 4, maxAttempts: 3 })).toBe(true);
  });
});

describe('describeJobError', () => {
  it('names the error and its cause', () => {
    const error = new RetryableJobError('send failed', { cause: new TypeError('socket hang up') });
    expect(describeJobError(error)).toBe('RetryableJobError: send failed (caused by TypeError: socket hang up)');
  });

  it('describes a thrown non-error', () => {
    expect(describeJobError('boom')).toBe('Non-error thrown: boom');
    expect(describeJobError(undefined)).toBe('Non-error thrown: undefined');
  });

  it('cuts a huge message short', () => {
    const text = describeJobError(new Error('x'.repeat(10_000)));
    expect(text).toHaveLength(2000);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('isJobStatus', () => {
  it('knows the five statuses', () => {
    expect(['queued', 'running', 'done', 'failed', 'dead'].every(isJobStatus)).toBe(true);
    expect(isJobStatus('pending')).toBe(false);
  });
});

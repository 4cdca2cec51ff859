import { describe, expect, it } from 'vitest';
import { createRdapPoliteness, parseRetryAfter } from './politeness.ts';

const signal = new AbortController().signal;

describe('createRdapPoliteness', () => {
  it('lets a burst through, then spaces requests per host', async () => {
    const clock = 1_000;
    const politeness = createRdapPoliteness({ requestsPerSecond: 1, burst: 2, now: () => clock });
    expect(await politeness.turn('rdap.a', 0, signal)).toEqual({ granted: true });
    expect(await politeness.turn('rdap.a', 0, signal)).toEqual({ granted: true });
    expect(await politeness.turn('rdap.a', 0, signal)).toEqual({ granted: false, retryAfterMs: 1_000 });
    expect(await politeness.turn('rdap.b', 0, signal)).toEqual({ granted: true });
  });

  it('reserves nothing for a turn refused', async () => {
    let clock = 0;
    const politeness = createRdapPoliteness({ requestsPerSecond: 1, burst: 1, now: () => clock });
    await politeness.turn('rdap.a', 0, signal);
    for (let i = 0; i < 5; i++) expect(await politeness.turn('rdap.a', 0, signal)).toMatchObject({ retryAfterMs: 1_000 });
    clock = 1_000;
    expect(await politeness.turn('rdap.a', 0, signal)).toEqual({ granted: true });
  });

  it('backs off after throttling: Retry-After, else doubling up to the cap', async () => {
    let clock = 0;
    const politeness = createRdapPoliteness({ firstBackoffMs: 10_000, maxBackoffMs: 30_000, now: () => clock });
    expect(politeness.throttled('rdap.a', null)).toBe(10_000);
    expect(await politeness.turn('rdap.a', 0, signal)).toEqual({ granted: false, retryAfterMs: 10_000 });
    expect(politeness.throttled('rdap.a', null)).toBe(20_000);
    expect(politeness.throttled('rdap.a', null)).toBe(30_000);
    expect(politeness.throttled('rdap.a', 5_000)).toBe(5_000);
    politeness.answered('rdap.a');
    clock = 100_000;
    expect(politeness.throttled('rdap.a', null)).toBe(10_000);
  });

  it('waits for a turn within the allowed wait', async () => {
    const politeness = createRdapPoliteness({ requestsPerSecond: 20, burst: 1 });
    await politeness.turn('rdap.a', 0, signal);
    const started = performance.now();
    expect(await politeness.turn('rdap.a', 1_000, signal)).toEqual({ granted: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

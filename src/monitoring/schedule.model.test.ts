import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './rollups.model.ts';
import { desiredShards, firstDueAt, intervalMsOf, locationsOf, nextDueAt, phaseOf, SHARDS, shardOf } from './schedule.model.ts';

describe('shardOf', () => {
  it('is stable and spreads ids over 0..255', () => {
    const ids = Array.from({ length: 25_600 }, (_, i) => `mon_01J${String(i).padStart(23, '0')}`);
    const counts = new Array<number>(SHARDS).fill(0);
    for (const id of ids) counts[shardOf(id)]!++;
    expect(shardOf(ids[0]!)).toBe(shardOf(ids[0]!));
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(160);
  });
});

describe('nextDueAt', () => {
  it('keeps the monitor at its offset within the interval', () => {
    const id = 'mon_01JABCDEF';
    const phase = phaseOf(id, 60_000);
    expect(nextDueAt(id, 60_000, 120_000)).toBe(120_000 + phase);
    expect(nextDueAt(id, 60_000, 120_000 + phase)).toBe(120_000 + phase);
    expect(nextDueAt(id, 60_000, 120_000 + phase + 1)).toBe(180_000 + phase);
  });

  it('books every monitor within one interval of a restart, spread over it', () => {
    const now = 1_000_000_000_123;
    const dues = Array.from({ length: 6000 }, (_, i) => nextDueAt(`mon_${i}`, 60_000, now) - now);
    expect(Math.min(...dues)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...dues)).toBeLessThan(60_000);
    const perSecond = new Array<number>(60).fill(0);
    for (const d of dues) perSecond[Math.floor(d / 1000)]!++;
    expect(Math.max(...perSecond)).toBeLessThan(200);
  });

  it('never checks more often than every 10 s; 60 s when unset', () => {
    expect(intervalMsOf(1)).toBe(10_000);
    expect(intervalMsOf(null)).toBe(60_000);
    expect(intervalMsOf(300)).toBe(300_000);
  });
});

describe('desiredShards', () => {
  it('splits the shards between live workers without overlap or gap', () => {
    const workers = ['w-b', 'w-a', 'w-c'];
    const sets = workers.map((w) => desiredShards(workers, w));
    expect(sets.reduce((n, s) => n + s.size, 0)).toBe(SHARDS);
    expect(new Set(sets.flatMap((s) => [...s])).size).toBe(SHARDS);
    expect(Math.max(...sets.map((s) => s.size)) - Math.min(...sets.map((s) => s.size))).toBeLessThanOrEqual(1);
  });

  it('gives a lone worker everything, even before it sees itself listed', () => {
    expect(desiredShards([], 'w-a').size).toBe(SHARDS);
  });
});

describe('locationsOf', () => {
  it('falls back to the main location', () => {
    expect(locationsOf('["eu-1","us-1"]')).toEqual(['eu-1', 'us-1']);
    expect(locationsOf('[]')).toEqual(['main']);
    expect(locationsOf('oops')).toEqual(['main']);
  });
});

describe('rollup percentiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('counts failures and leaves checks without a time out of the percentiles', () => {
    expect(summarise([{ ok: true, responseMs: 10 }, { ok: false, responseMs: null }, { ok: true, responseMs: 30 }])).toEqual({ checks: 3, failures: 1, p50: 10, p95: 30, max: 30 });
  });
});

describe('stored results', () => {
  it('leave out a message the view can rebuild, and give back the same result', async () => {
    const { toResultView, toStoredResult } = await import('./results.model.ts');
    const plain = toStoredResult({ ok: true, message: 'HTTP 200 in 12 ms', responseMs: 12.4, statusCode: 200, timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 10, totalMs: 12 } }, 1_700_000_000_000, 'main');
    expect(plain.message).toBeNull();
    expect(toResultView(plain)).toMatchObject({ ok: true, message: 'HTTP 200 in 12 ms', responseMs: 12, statusCode: 200, checkedAt: '2023-11-14T22:13:20.000Z', timings: { connectMs: 1, firstByteMs: 10 } });
    const odd = toStoredResult({ ok: false, message: 'HTTP 503, expected 200-399', responseMs: 3, statusCode: 503 }, 0, 'eu-1');
    expect(toResultView(odd)).toMatchObject({ ok: false, message: 'HTTP 503, expected 200-399', location: 'eu-1', timings: null });
  });
});

describe('firstDueAt', () => {
  it('keeps the usual offset for a monitor checked within the interval or never checked', () => {
    expect(firstDueAt('mon_a', 60_000, 1_000_000 - 30_000, 1_000_000)).toBe(nextDueAt('mon_a', 60_000, 1_000_000));
    expect(firstDueAt('mon_a', 60_000, null, 1_000_000)).toBe(nextDueAt('mon_a', 60_000, 1_000_000));
  });
  it('catches up a monitor that missed its slot within ten seconds', () => {
    const due = firstDueAt('mon_a', 60_000, 1_000_000 - 90_000, 1_000_000);
    expect(due).toBeGreaterThanOrEqual(1_000_000);
    expect(due).toBeLessThan(1_010_000);
  });
});

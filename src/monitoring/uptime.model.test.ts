import { describe, expect, it } from 'vitest';
import { dailyUptimes, DAY_MS, mergeSpans, uptimeOver, type StateInterval } from './uptime.model.ts';

const t = (iso: string) => Date.parse(iso);
const iv = (startedAt: string, endedAt: string | null, state: 'up' | 'down'): StateInterval => ({ startedAt, endedAt, state });

describe('uptimeOver', () => {
  const day = [iv('2026-03-01T00:00:00.000Z', '2026-03-01T10:00:00.000Z', 'up'), iv('2026-03-01T10:00:00.000Z', '2026-03-01T10:36:00.000Z', 'down'), iv('2026-03-01T10:36:00.000Z', null, 'up')];

  it('is time down over time observed', () => {
    const f = uptimeOver(day, [], t('2026-03-01T00:00:00Z'), t('2026-03-02T00:00:00Z'), t('2026-03-02T00:00:00Z'));
    expect(f).toEqual({ uptime: 1 - 36 / 1440, downSeconds: 2160, observedSeconds: 86_400, maintenanceSeconds: 0 });
  });

  it('cuts intervals at the edges of a window that starts and ends inside them', () => {
    const f = uptimeOver(day, [], t('2026-03-01T10:30:00Z'), t('2026-03-01T11:00:00Z'), t('2026-03-02T00:00:00Z'));
    expect(f.observedSeconds).toBe(1800);
    expect(f.downSeconds).toBe(360);
    expect(f.uptime).toBeCloseTo(0.8, 10);
  });

  it('leaves maintenance out of both time down and time observed', () => {
    const maintenance = [{ start: t('2026-03-01T10:00:00Z'), end: t('2026-03-01T10:30:00Z') }];
    const f = uptimeOver(day, maintenance, t('2026-03-01T00:00:00Z'), t('2026-03-02T00:00:00Z'), t('2026-03-02T00:00:00Z'));
    expect(f.maintenanceSeconds).toBe(1800);
    expect(f.downSeconds).toBe(360);
    expect(f.observedSeconds).toBe(86_400 - 1800);
    expect(f.uptime).toBeCloseTo(1 - 360 / (86_400 - 1800), 12);
  });

  it('counts an open interval only up to now, and nothing before the first interval', () => {
    const f = uptimeOver(day, [], t('2026-02-28T00:00:00Z'), t('2026-03-05T00:00:00Z'), t('2026-03-01T12:00:00Z'));
    expect(f.observedSeconds).toBe(12 * 3600);
    expect(f.downSeconds).toBe(2160);
  });

  it('is null when nothing was observed (pending or paused the whole time)', () => {
    expect(uptimeOver([], [], 0, DAY_MS, DAY_MS).uptime).toBeNull();
    expect(uptimeOver(day, [], t('2026-02-01T00:00:00Z'), t('2026-02-02T00:00:00Z'), t('2026-03-02T00:00:00Z')).uptime).toBeNull();
  });

  it('does not depend on how often the monitor was checked, only on how long it was down', () => {
    const f = uptimeOver([iv('2026-01-01T00:00:00.000Z', '2026-01-01T00:20:00.000Z', 'down'), iv('2026-01-01T00:20:00.000Z', '2026-01-01T01:00:00.000Z', 'up')], [], t('2026-01-01T00:00:00Z'), t('2026-01-01T01:00:00Z'), Infinity);
    expect(f.uptime).toBeCloseTo(2 / 3, 12);
  });

  it('answers a year of a flappy monitor in milliseconds', () => {
    const intervals: StateInterval[] = [];
    const start = t('2025-01-01T00:00:00Z');
    // A change of state every two hours for a year: 4,380 intervals, half of them 5 minutes down.
    for (let i = 0; i < 4380; i++) {
      const s = start + i * 2 * 3600_000;
      intervals.push(iv(new Date(s).toISOString(), new Date(s + 115 * 60_000).toISOString(), 'up'));
      intervals.push(iv(new Date(s + 115 * 60_000).toISOString(), new Date(s + 120 * 60_000).toISOString(), 'down'));
    }
    const maintenance = mergeSpans(Array.from({ length: 52 }, (_, w) => ({ start: start + w * 7 * DAY_MS, end: start + w * 7 * DAY_MS + 3600_000 })));
    const began = performance.now();
    const f = uptimeOver(intervals, maintenance, start, start + 365 * DAY_MS, Infinity);
    expect(performance.now() - began).toBeLessThan(50);
    expect(f.observedSeconds + f.maintenanceSeconds).toBe(365 * 86_400);
    expect(f.uptime).toBeGreaterThan(0.95);
    expect(f.uptime).toBeLessThan(0.96);
  });
});

describe('mergeSpans', () => {
  it('joins overlapping and touching spans and drops empty ones', () => {
    expect(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 8, end: 12 }, { start: 20, end: 20 }])).toEqual([{ start: 0, end: 4 }, { start: 5, end: 12 }]);
  });
});

describe('dailyUptimes', () => {
  it('gives one entry per UTC day, today so far last', () => {
    const intervals = [iv('2026-03-01T00:00:00.000Z', '2026-03-02T12:00:00.000Z', 'up'), iv('2026-03-02T12:00:00.000Z', '2026-03-02T18:00:00.000Z', 'down'), iv('2026-03-02T18:00:00.000Z', null, 'up')];
    const days = dailyUptimes(intervals, [], 3, t('2026-03-03T06:00:00Z'));
    expect(days).toEqual([
      { date: '2026-03-01', uptime: 1, downSeconds: 0 },
      { date: '2026-03-02', uptime: 0.75, downSeconds: 6 * 3600 },
      { date: '2026-03-03', uptime: 1, downSeconds: 0 },
    ]);
  });
});

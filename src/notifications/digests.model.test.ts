import { describe, expect, it } from 'vitest';
import { nextDigestAt, type DigestSchedule } from './digests.model.ts';

const daily: DigestSchedule = { frequency: 'daily', time: '08:00', weekday: 1, timeZone: 'Europe/Stockholm' };
const next = (s: DigestSchedule, at: string) => nextDigestAt(s, new Date(at)).toISOString();

describe('nextDigestAt', () => {
  it('is today at the chosen time, or tomorrow once it passed', () => {
    expect(next(daily, '2026-06-10T04:00:00Z')).toBe('2026-06-10T06:00:00.000Z');
    expect(next(daily, '2026-06-10T06:00:00Z')).toBe('2026-06-11T06:00:00.000Z');
  });

  it('keeps the local time across a DST change', () => {
    expect(next(daily, '2026-03-28T12:00:00Z')).toBe('2026-03-29T06:00:00.000Z');
    expect(next(daily, '2026-10-24T12:00:00Z')).toBe('2026-10-25T07:00:00.000Z');
  });

  it('waits for the chosen weekday of a weekly digest', () => {
    const weekly: DigestSchedule = { ...daily, frequency: 'weekly', weekday: 1 };
    // Wednesday 2026-06-10 → Monday 2026-06-15 08:00 CEST.
    expect(next(weekly, '2026-06-10T12:00:00Z')).toBe('2026-06-15T06:00:00.000Z');
    // Monday after 08:00 → the Monday after.
    expect(next(weekly, '2026-06-15T06:30:00Z')).toBe('2026-06-22T06:00:00.000Z');
  });
});

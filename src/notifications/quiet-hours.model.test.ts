import { describe, expect, it } from 'vitest';
import { heldUntil, scheduleIssues, type Schedule } from './quiet-hours.model.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const nights = (timeZone: string): Schedule => ({ timeZone, quietHours: [{ days: EVERY_DAY, start: '22:00', end: '07:00' }], workingHours: null });
const held = (schedule: Schedule, at: string) => heldUntil(schedule, new Date(at))?.toISOString() ?? null;

describe('heldUntil with quiet hours', () => {
  it('lets a notification through outside quiet hours', () => {
    expect(held(nights('Europe/Stockholm'), '2026-06-10T10:00:00Z')).toBeNull();
    // 21:59 local is still evening.
    expect(held(nights('Europe/Stockholm'), '2026-06-10T19:59:00Z')).toBeNull();
  });

  it('holds one until the quiet hours end, in the local time zone', () => {
    // 23:00 CEST → 07:00 CEST = 05:00 UTC.
    expect(held(nights('Europe/Stockholm'), '2026-06-10T21:00:00Z')).toBe('2026-06-11T05:00:00.000Z');
    // Just after midnight, the window that started yesterday still covers it.
    expect(held(nights('Europe/Stockholm'), '2026-06-10T22:30:00Z')).toBe('2026-06-11T05:00:00.000Z');
    // The start is inside, the end outside.
    expect(held(nights('Europe/Stockholm'), '2026-06-10T20:00:00Z')).toBe('2026-06-11T05:00:00.000Z');
    expect(held(nights('Europe/Stockholm'), '2026-06-11T05:00:00Z')).toBeNull();
  });

  it('ends at 07:00 local on the night clocks go forward in Stockholm (a night one hour shorter)', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST. 00:30 CET = 23:30 UTC; 07:00 CEST = 05:00 UTC, not 06:00.
    expect(held(nights('Europe/Stockholm'), '2026-03-28T23:30:00Z')).toBe('2026-03-29T05:00:00.000Z');
    // The evening before the change: 22:30 CET = 21:30 UTC.
    expect(held(nights('Europe/Stockholm'), '2026-03-28T21:30:00Z')).toBe('2026-03-29T05:00:00.000Z');
    // The night after: 07:00 CEST again.
    expect(held(nights('Europe/Stockholm'), '2026-03-29T21:00:00Z')).toBe('2026-03-30T05:00:00.000Z');
  });

  it('ends at 07:00 local on the night clocks go back in Stockholm (a night one hour longer)', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET. 07:00 CET = 06:00 UTC.
    expect(held(nights('Europe/Stockholm'), '2026-10-24T22:30:00Z')).toBe('2026-10-25T06:00:00.000Z');
    // During the repeated hour (02:30 CET, the second time).
    expect(held(nights('Europe/Stockholm'), '2026-10-25T01:30:00Z')).toBe('2026-10-25T06:00:00.000Z');
    expect(held(nights('Europe/Stockholm'), '2026-10-25T06:00:00Z')).toBeNull();
    expect(held(nights('Europe/Stockholm'), '2026-10-25T05:59:00Z')).toBe('2026-10-25T06:00:00.000Z');
  });

  it('handles the DST changes in New York', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT. 01:00 EST = 06:00 UTC; 07:00 EDT = 11:00 UTC.
    expect(held(nights('America/New_York'), '2026-03-08T06:00:00Z')).toBe('2026-03-08T11:00:00.000Z');
    // 2026-11-01 02:00 EDT → 01:00 EST. 01:30 EDT = 05:30 UTC; 07:00 EST = 12:00 UTC.
    expect(held(nights('America/New_York'), '2026-11-01T05:30:00Z')).toBe('2026-11-01T12:00:00.000Z');
    // 01:30 EST (the second 01:30) = 06:30 UTC.
    expect(held(nights('America/New_York'), '2026-11-01T06:30:00Z')).toBe('2026-11-01T12:00:00.000Z');
    // 22:00 EDT on 31 October is 02:00 UTC on 1 November.
    expect(held(nights('America/New_York'), '2026-11-01T01:59:00Z')).toBeNull();
    expect(held(nights('America/New_York'), '2026-11-01T02:00:00Z')).toBe('2026-11-01T12:00:00.000Z');
  });

  it('moves a window starting inside the spring gap forward with the clocks', () => {
    const schedule: Schedule = { timeZone: 'Europe/Stockholm', quietHours: [{ days: [7], start: '02:30', end: '04:00' }], workingHours: null };
    // 02:30 does not exist on 2026-03-29; the window starts at 03:30 CEST (01:30 UTC), ends 04:00 CEST (02:00 UTC).
    expect(held(schedule, '2026-03-29T01:00:00Z')).toBeNull();
    expect(held(schedule, '2026-03-29T01:45:00Z')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('only applies windows on the weekdays they name', () => {
    const weekends: Schedule = { timeZone: 'UTC', quietHours: [{ days: [6, 7], start: '00:00', end: '23:59' }], workingHours: null };
    expect(held(weekends, '2026-06-13T12:00:00Z')).toBe('2026-06-13T23:59:00.000Z'); // Saturday
    expect(held(weekends, '2026-06-12T12:00:00Z')).toBeNull(); // Friday
  });
});

describe('heldUntil with working hours', () => {
  const office: Schedule = { timeZone: 'Europe/Stockholm', quietHours: [], workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] };

  it('holds a Friday evening notification to Monday morning, across the spring DST weekend', () => {
    // Friday 2026-03-27 18:00 CET = 17:00 UTC → Monday 2026-03-30 09:00 CEST = 07:00 UTC.
    expect(held(office, '2026-03-27T17:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('lets one through during working hours', () => {
    expect(held(office, '2026-03-30T07:00:00Z')).toBeNull();
    expect(held(office, '2026-03-30T14:59:00Z')).toBeNull();
    expect(held(office, '2026-03-30T15:00:00Z')).toBe('2026-03-31T07:00:00.000Z');
  });

  it('combines quiet hours inside working hours: a lunch break', () => {
    const lunch: Schedule = { ...office, quietHours: [{ days: [1, 2, 3, 4, 5], start: '12:00', end: '13:00' }] };
    expect(held(lunch, '2026-06-10T10:30:00Z')).toBe('2026-06-10T11:00:00.000Z');
  });

  it('moves past a quiet window to the next working window', () => {
    const lateQuiet: Schedule = { ...office, quietHours: [{ days: [5], start: '16:00', end: '18:00' }] };
    // Friday 16:30 CEST → quiet until 18:00, outside work → Monday 09:00.
    expect(held(lateQuiet, '2026-06-12T14:30:00Z')).toBe('2026-06-15T07:00:00.000Z');
  });
});

describe('scheduleIssues', () => {
  it('accepts a usual schedule', () => {
    expect(scheduleIssues(nights('Europe/Stockholm'))).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(scheduleIssues(nights('Europe/Stockholmm'))).toEqual([{ path: ['timeZone'], message: expect.stringContaining('IANA') }]);
  });

  it('refuses bad clocks, empty windows and weekdays out of range, naming the field', () => {
    const issues = scheduleIssues({
      timeZone: 'UTC',
      quietHours: [
        { days: [0, 8], start: '25:00', end: '07:00' },
        { days: [], start: '10:00', end: '10:00' },
        { days: [2, 2], start: '10:00', end: '11:00' },
      ],
      workingHours: null,
    });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['quietHours.0.days', 'quietHours.0.start', 'quietHours.1.days', 'quietHours.1.end', 'quietHours.2.days']);
  });

  it('refuses overlapping windows, including one running past midnight', () => {
    const issues = scheduleIssues({
      timeZone: 'UTC',
      quietHours: [
        { days: [1], start: '22:00', end: '07:00' },
        { days: [2], start: '06:00', end: '08:00' },
      ],
      workingHours: null,
    });
    expect(issues).toEqual([{ path: ['quietHours', 1], message: 'overlaps an earlier window' }]);
  });

  it('refuses a Sunday night window overlapping Monday morning across the end of the week', () => {
    const issues = scheduleIssues({ timeZone: 'UTC', quietHours: [{ days: [7], start: '23:00', end: '02:00' }, { days: [1], start: '01:00', end: '03:00' }], workingHours: null });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['quietHours.1']);
  });

  it('refuses working hours entirely inside quiet hours', () => {
    const issues = scheduleIssues({
      timeZone: 'UTC',
      quietHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00' }],
      workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    });
    expect(issues).toEqual([{ path: ['workingHours'], message: expect.stringContaining('no time') }]);
  });

  it('refuses an empty list of working hours', () => {
    expect(scheduleIssues({ timeZone: 'UTC', quietHours: [], workingHours: [] }).map((i) => i.path.join('.'))).toContain('workingHours');
  });
});

import { describe, expect, it } from 'vitest';
import { weeklyCalendar, type BusinessCalendar } from './calendar.model.ts';
import { addBusinessMinutes, businessMinutesBetween, clockStatus, nextBusinessDayDue, retarget, type SlaClock } from './clock.model.ts';

const WEEKDAYS_ONLY = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * A reference schedule with different windows per day, in UTC so the arithmetic reads off directly:
 * Mon 09–17, Tue 10–14 and 15–19, Wed closed, Thu 08–12, Fri 09–13, weekend closed.
 * The week used: Mon 2026-11-23 … Sun 2026-11-29, then Mon 2026-11-30.
 */
const reference: BusinessCalendar = {
  ...weeklyCalendar('UTC', [], []),
  week: {
    mon: [{ start: '09:00', end: '17:00' }],
    tue: [
      { start: '10:00', end: '14:00' },
      { start: '15:00', end: '19:00' },
    ],
    wed: [],
    thu: [{ start: '08:00', end: '12:00' }],
    fri: [{ start: '09:00', end: '13:00' }],
    sat: [],
    sun: [],
  },
};

const add = (measure: BusinessCalendar | 'around-the-clock', start: string, minutes: number) => addBusinessMinutes(measure, new Date(start), minutes).toISOString();

describe('addBusinessMinutes on a schedule with different windows per day', () => {
  it('carries a target over the end of a day into the next window', () => {
    // Mon 16:00 + 120: Mon 16–17 (60), Tue from 10:00 (60) → Tue 11:00.
    expect(add(reference, '2026-11-23T16:00:00Z', 120)).toBe('2026-11-24T11:00:00.000Z');
  });

  it('carries a target over a window that ends mid-target', () => {
    // Tue 13:30 + 90: 13:30–14:00 (30), lunch gap, 15:00 + 60 → 16:00.
    expect(add(reference, '2026-11-24T13:30:00Z', 90)).toBe('2026-11-24T16:00:00.000Z');
    // Tue 18:00 + 120: 18–19 (60), Wed closed, Thu from 08:00 (60) → Thu 09:00.
    expect(add(reference, '2026-11-24T18:00:00Z', 120)).toBe('2026-11-26T09:00:00.000Z');
  });

  it('gives a zero-minute target at a closed time the next opening, and at an open time the start itself', () => {
    expect(add(reference, '2026-11-25T10:00:00Z', 0)).toBe('2026-11-26T08:00:00.000Z'); // Wed (closed) → Thu 08:00
    expect(add(reference, '2026-11-24T14:30:00Z', 0)).toBe('2026-11-24T15:00:00.000Z'); // Tue lunch gap → 15:00
    expect(add(reference, '2026-11-24T14:00:00Z', 0)).toBe('2026-11-24T15:00:00.000Z'); // a window's end is closed
    expect(add(reference, '2026-11-28T12:00:00Z', 0)).toBe('2026-11-30T09:00:00.000Z'); // Sat → Mon 09:00
    expect(add(reference, '2026-11-23T12:00:00Z', 0)).toBe('2026-11-23T12:00:00.000Z'); // open
  });

  it('keeps a target used up exactly at a window’s end in that window', () => {
    expect(add(reference, '2026-11-23T15:00:00Z', 120)).toBe('2026-11-23T17:00:00.000Z'); // not Tue 10:00
    expect(add(reference, '2026-11-24T10:00:00Z', 240)).toBe('2026-11-24T14:00:00.000Z'); // not 15:00
  });

  it('runs a multi-day target across the weekend', () => {
    // Thu 11:00 + 600: Thu 11–12 (60, 540 left), Fri 09–13 (240, 300 left), weekend, Mon 09:00 + 300 → Mon 14:00.
    expect(add(reference, '2026-11-26T11:00:00Z', 600)).toBe('2026-11-30T14:00:00.000Z');
  });

  it('skips a closed day, and works one whose closing is marked inactive', () => {
    const closed = { ...reference, closedDays: [{ date: '2026-11-30', name: 'Staff day', active: true }] };
    const inactive = { ...reference, closedDays: [{ date: '2026-11-30', name: 'Staff day', active: false }] };
    // As above, but Mon 30 closed: 300 left on Tue 12-01: 10–14 (240, 60 left), 15:00 + 60 → 16:00.
    expect(add(closed, '2026-11-26T11:00:00Z', 600)).toBe('2026-12-01T16:00:00.000Z');
    expect(add(inactive, '2026-11-26T11:00:00Z', 600)).toBe('2026-11-30T14:00:00.000Z');
  });

  it('counts the business minutes between two instants, either way round', () => {
    expect(businessMinutesBetween(reference, new Date('2026-11-26T11:00:00Z'), new Date('2026-11-30T14:00:00Z'))).toBe(600);
    expect(businessMinutesBetween(reference, new Date('2026-11-30T14:00:00Z'), new Date('2026-11-26T11:00:00Z'))).toBe(-600);
    // Wed is closed all day.
    expect(businessMinutesBetween(reference, new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z'))).toBe(0);
    // Around the clock: a plain difference, 2 h 30 min.
    expect(businessMinutesBetween('around-the-clock', new Date('2026-11-25T00:00:00Z'), new Date('2026-11-25T02:30:00Z'))).toBe(150);
  });

  it('refuses a negative target and a calendar that never opens', () => {
    expect(() => add(reference, '2026-11-23T09:00:00Z', -1)).toThrow(RangeError);
    const never = { ...reference, week: { ...reference.week, mon: [], tue: [], thu: [], fri: [] } };
    expect(() => add(never, '2026-11-23T09:00:00Z', 10)).toThrow(/no working time/);
  });
});

describe('addBusinessMinutes across DST changes', () => {
  const stockholm = weeklyCalendar('Europe/Stockholm', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);
  const newYork = weeklyCalendar('America/New_York', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);

  it('Stockholm, spring (2026-03-29): Fri 17:00 CET + 120 business minutes is Mon 10:00 CEST', () => {
    // Fri 17:00 CET = 16:00Z: 60 min to close; Mon 09:00 CEST = 07:00Z + 60 → 08:00Z.
    expect(add(stockholm, '2026-03-27T16:00:00Z', 120)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('Stockholm, autumn (2026-10-25): Fri 17:00 CEST + 120 business minutes is Mon 10:00 CET', () => {
    // Fri 17:00 CEST = 15:00Z; Mon 09:00 CET = 08:00Z + 60 → 09:00Z.
    expect(add(stockholm, '2026-10-23T15:00:00Z', 120)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('New York, spring (2026-03-08) and autumn (2026-11-01)', () => {
    // Fri 17:00 EST = 22:00Z; Mon 09:00 EDT = 13:00Z + 60 → 14:00Z.
    expect(add(newYork, '2026-03-06T22:00:00Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    // Fri 17:00 EDT = 21:00Z; Mon 09:00 EST = 14:00Z + 60 → 15:00Z.
    expect(add(newYork, '2026-10-30T21:00:00Z', 120)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('counts real minutes around the clock through the skipped hour', () => {
    // Sun 2026-03-29 01:30 CET = 00:30Z + 120 real minutes → 02:30Z, which the wall clock shows as 04:30 CEST.
    expect(add('around-the-clock', '2026-03-29T00:30:00Z', 120)).toBe('2026-03-29T02:30:00.000Z');
  });

  it('counts the real length of an around-the-clock business day on DST Sunday', () => {
    const allWeek = weeklyCalendar('America/New_York', ['sun'], [{ start: '00:00', end: '24:00' }]);
    // Sun 2026-11-01 is 25 h long in New York: 00:00 EDT = 04:00Z to 00:00 EST (Mon) = 05:00Z.
    expect(businessMinutesBetween(allWeek, new Date('2026-10-31T00:00:00Z'), new Date('2026-11-03T00:00:00Z'))).toBe(25 * 60);
  });
});

describe('nextBusinessDayDue', () => {
  const utc = weeklyCalendar('UTC', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);
  const due = (calendar: BusinessCalendar, at: string) => nextBusinessDayDue(calendar, new Date(at)).toISOString();

  it('is the close of the business day after the day the ticket arrives', () => {
    expect(due(utc, '2026-11-23T10:00:00Z')).toBe('2026-11-24T18:00:00.000Z'); // Mon → Tue close
    expect(due(utc, '2026-11-23T07:00:00Z')).toBe('2026-11-24T18:00:00.000Z'); // Mon before opening → still Tue
    expect(due(utc, '2026-11-27T20:00:00Z')).toBe('2026-11-30T18:00:00.000Z'); // Fri evening → Mon
    expect(due(utc, '2026-11-28T11:00:00Z')).toBe('2026-11-30T18:00:00.000Z'); // Sat → Mon
  });

  it('skips public holidays and reads the close in the calendar’s zone', () => {
    const swedish = { ...weeklyCalendar('Europe/Stockholm', WEEKDAYS_ONLY, [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]), publicHolidays: { country: 'SE', region: null } };
    // Thu 2026-12-24 → Fri 25 and Sat/Sun closed → Mon 28 Dec at 17:00 CET = 16:00Z.
    expect(due(swedish, '2026-12-24T10:00:00Z')).toBe('2026-12-28T16:00:00.000Z');
  });
});

describe('clockStatus', () => {
  /** Mon–Fri 09:00–18:00 UTC; tickets come in Mon 2026-11-23 09:00Z. */
  const hours = weeklyCalendar('UTC', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);
  const clock = (overrides: Partial<SlaClock> = {}): SlaClock => ({ startedAt: '2026-11-23T09:00:00Z', targetMinutes: 480, measure: hours, pauses: [], stoppedAt: null, ...overrides });
  const at = (instant: string) => new Date(instant);

  it('runs, warns at 75 % and falls due in business time', () => {
    // 480 business minutes from Mon 09:00 → Mon 17:00; 75 % = 360 → Mon 15:00. At 12:00: 180 used (37.5 %).
    expect(clockStatus(clock(), at('2026-11-23T12:00:00Z'))).toEqual({
      elapsedMinutes: 180,
      remainingMinutes: 300,
      percentUsed: 37.5,
      dueAt: '2026-11-23T17:00:00.000Z',
      warningAt: '2026-11-23T15:00:00.000Z',
      paused: false,
      met: false,
      breached: false,
      breachedAt: null,
    });
  });

  it('is pushed back by a pause', () => {
    // Paused 10:00–11:30 (90 min). Counting: 09–10 (60), 11:30–18:00 (390) = 450 by Mon close; 30 left → Tue 09:30.
    // Warning at 360: 60 + 300 from 11:30 → 16:30. At 12:00: 60 + 30 = 90 used, 18.75 % → 18.8.
    const status = clockStatus(clock({ pauses: [{ pausedAt: '2026-11-23T10:00:00Z', resumedAt: '2026-11-23T11:30:00Z' }] }), at('2026-11-23T12:00:00Z'));
    expect(status).toMatchObject({ elapsedMinutes: 90, remainingMinutes: 390, percentUsed: 18.8, dueAt: '2026-11-24T09:30:00.000Z', warningAt: '2026-11-23T16:30:00.000Z', paused: false });
  });

  it('only loses the business time inside a pause over a night', () => {
    // Paused Mon 12:00 → Tue 10:00: counted Mon 09–12 (180); lost Mon 12–18 and Tue 09–10; 300 left from Tue 10:00 → 15:00.
    const status = clockStatus(clock({ pauses: [{ pausedAt: '2026-11-23T12:00:00Z', resumedAt: '2026-11-24T10:00:00Z' }] }), at('2026-11-24T10:00:00Z'));
    expect(status).toMatchObject({ elapsedMinutes: 180, dueAt: '2026-11-24T15:00:00.000Z' });
  });

  it('stands still while paused: no due date until it resumes', () => {
    // Paused 10:00–11:30, then again from 13:00, still waiting at 15:00: used 60 + 90 = 150.
    const pauses = [
      { pausedAt: '2026-11-23T10:00:00Z', resumedAt: '2026-11-23T11:30:00Z' },
      { pausedAt: '2026-11-23T13:00:00Z', resumedAt: null },
    ];
    expect(clockStatus(clock({ pauses }), at('2026-11-23T15:00:00Z'))).toMatchObject({ elapsedMinutes: 150, remainingMinutes: 330, dueAt: null, warningAt: null, paused: true, breached: false });
    // Resumed Tue 10:00: 330 left from Tue 10:00 → Tue 15:30.
    const resumed = [pauses[0]!, { pausedAt: '2026-11-23T13:00:00Z', resumedAt: '2026-11-24T10:00:00Z' }];
    expect(clockStatus(clock({ pauses: resumed }), at('2026-11-24T10:00:00Z'))).toMatchObject({ elapsedMinutes: 150, dueAt: '2026-11-24T15:30:00.000Z', paused: false });
  });

  it('stays breached when paused after its due instant', () => {
    // 60 minutes from 09:00 due 10:00; waiting on the client from 11:00 (120 used).
    const status = clockStatus(clock({ targetMinutes: 60, pauses: [{ pausedAt: '2026-11-23T11:00:00Z', resumedAt: null }] }), at('2026-11-23T12:00:00Z'));
    expect(status).toMatchObject({ elapsedMinutes: 120, remainingMinutes: -60, percentUsed: 200, dueAt: '2026-11-23T10:00:00.000Z', paused: true, breached: true, breachedAt: '2026-11-23T10:00:00.000Z' });
  });

  it('stops when met: on time at the due instant itself, late a second after', () => {
    const early = clockStatus(clock({ targetMinutes: 60, stoppedAt: '2026-11-23T09:45:00Z' }), at('2026-11-23T16:00:00Z'));
    expect(early).toMatchObject({ elapsedMinutes: 45, remainingMinutes: 15, percentUsed: 75, met: true, breached: false });
    expect(clockStatus(clock({ targetMinutes: 60, stoppedAt: '2026-11-23T10:00:00Z' }), at('2026-11-23T16:00:00Z'))).toMatchObject({ met: true, breached: false });
    const late = clockStatus(clock({ targetMinutes: 60, stoppedAt: '2026-11-23T10:00:01Z' }), at('2026-11-23T16:00:00Z'));
    expect(late).toMatchObject({ met: true, breached: true, breachedAt: '2026-11-23T10:00:00.000Z' });
  });

  it('is due, not yet breached, at the due instant; breached just after', () => {
    expect(clockStatus(clock({ targetMinutes: 60 }), at('2026-11-23T10:00:00Z'))).toMatchObject({ remainingMinutes: 0, breached: false });
    expect(clockStatus(clock({ targetMinutes: 60 }), at('2026-11-23T10:30:00Z'))).toMatchObject({ remainingMinutes: -30, percentUsed: 150, breached: true });
  });

  it('counts around the clock through nights and pauses', () => {
    // Critical: 120 real minutes from Sun 2026-11-22 01:00Z, paused 01:30–02:30 → due 04:00Z; 75 % = 90 → 03:30Z.
    const critical = clock({ startedAt: '2026-11-22T01:00:00Z', targetMinutes: 120, measure: 'around-the-clock', pauses: [{ pausedAt: '2026-11-22T01:30:00Z', resumedAt: '2026-11-22T02:30:00Z' }] });
    expect(clockStatus(critical, at('2026-11-22T03:00:00Z'))).toMatchObject({ elapsedMinutes: 60, dueAt: '2026-11-22T04:00:00.000Z', warningAt: '2026-11-22T03:30:00.000Z' });
  });

  it('ignores time before the ticket existed', () => {
    expect(clockStatus(clock(), at('2026-11-23T08:00:00Z'))).toMatchObject({ elapsedMinutes: 0, remainingMinutes: 480, breached: false });
  });
});

describe('retarget (severity change)', () => {
  const hours = weeklyCalendar('UTC', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);

  it('counts the new target from the ticket’s creation, in the new measure', () => {
    // Created Fri 2026-11-27 17:30Z as high: 60 business minutes → Fri 17:30–18:00 (30) + Mon 09:00 + 30 → Mon 09:30.
    const high: SlaClock = { startedAt: '2026-11-27T17:30:00Z', targetMinutes: 60, measure: hours, pauses: [], stoppedAt: null };
    const now = new Date('2026-11-28T10:00:00Z');
    expect(clockStatus(high, now)).toMatchObject({ dueAt: '2026-11-30T09:30:00.000Z', breached: false });
    // Raised to critical on Saturday: 15 minutes around the clock from creation → Fri 17:45, already passed.
    const critical = retarget(high, 15, 'around-the-clock');
    expect(critical.startedAt).toBe(high.startedAt);
    expect(clockStatus(critical, now)).toMatchObject({ dueAt: '2026-11-27T17:45:00.000Z', breached: true, breachedAt: '2026-11-27T17:45:00.000Z' });
  });
});

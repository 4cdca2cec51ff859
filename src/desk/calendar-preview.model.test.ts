import { describe, expect, it } from 'vitest';
import { calendarPreview, publicHolidayNames } from './calendar-preview.model.ts';
import { weeklyCalendar, type BusinessCalendar } from './calendar.model.ts';

const office: BusinessCalendar = {
  ...weeklyCalendar('Europe/Stockholm', ['mon', 'tue', 'wed', 'thu', 'fri'], [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]),
  publicHolidays: { country: 'SE', region: null },
  closedDays: [
    { date: '2026-12-24', name: 'Christmas Eve', active: true },
    { date: '2026-12-31', name: 'New Year’s Eve', active: false },
  ],
  extraWorkingDays: [{ date: '2026-12-26', windows: [{ start: '10:00', end: '14:00' }] }],
};

const summary = (calendar: BusinessCalendar, from: string, days: number) =>
  calendarPreview(calendar, from, days).map((d) => [d.date, d.open, d.reason, d.name, d.publicHoliday, d.workingMinutes]);

describe('calendarPreview', () => {
  it('says why each day is open or closed, in the order the calendar applies its rules', () => {
    expect(summary(office, '2026-12-23', 5)).toEqual([
      ['2026-12-23', true, 'weekly-hours', null, null, 420],
      ['2026-12-24', false, 'closed-day', 'Christmas Eve', null, 0],
      ['2026-12-25', false, 'public-holiday', 'Christmas Day', 'Christmas Day', 0],
      // An extra working day opens a public holiday that is also a Saturday; the holiday is still named.
      ['2026-12-26', true, 'extra-working-day', null, 'Boxing Day', 240],
      ['2026-12-27', false, 'no-hours', null, null, 0],
    ]);
  });

  it('works an inactive closed day as usual', () => {
    expect(summary(office, '2026-12-31', 1)).toEqual([['2026-12-31', true, 'weekly-hours', null, null, 420]]);
  });

  it('gives each window in local and real time', () => {
    const [day] = calendarPreview(office, '2026-12-23', 1);
    expect(day!.intervals).toEqual([
      { start: '09:00', end: '12:00', startsAt: '2026-12-23T08:00:00.000Z', endsAt: '2026-12-23T11:00:00.000Z', minutes: 180 },
      { start: '13:00', end: '17:00', startsAt: '2026-12-23T12:00:00.000Z', endsAt: '2026-12-23T16:00:00.000Z', minutes: 240 },
    ]);
  });

  it('shows the spring DST change as the clocks count it: a window across it is short, one inside it is gone', () => {
    const sundays: BusinessCalendar = {
      ...weeklyCalendar('Europe/Stockholm', ['sun'], [
        { start: '01:00', end: '02:10' },
        { start: '02:20', end: '02:40' },
        { start: '22:00', end: '24:00' },
      ]),
    };
    const [day] = calendarPreview(sundays, '2026-03-29', 1);
    // 01:00 CET = 00:00Z; the clocks jump from 02:00 to 03:00, so 02:10 is first shown at the jump, 01:00Z.
    expect(day!.intervals).toEqual([
      { start: '01:00', end: '03:00', startsAt: '2026-03-29T00:00:00.000Z', endsAt: '2026-03-29T01:00:00.000Z', minutes: 60 },
      { start: '22:00', end: '24:00', startsAt: '2026-03-29T20:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z', minutes: 120 },
    ]);
  });

  it('is bounded', () => {
    expect(() => calendarPreview(office, '2026-12-23', 0)).toThrow(RangeError);
    expect(() => calendarPreview(office, '2026-12-23', 63)).toThrow(RangeError);
    expect(calendarPreview(office, '2026-12-23', 62)).toHaveLength(62);
  });
});

describe('publicHolidayNames', () => {
  it('names public holidays in English, by region too', () => {
    expect(publicHolidayNames('SE', null, 2026).get('2026-06-20')).toBe('Midsummer Day');
    expect(publicHolidayNames('SE', null, 2026).has('2026-12-24')).toBe(false); // Christmas Eve is a bank holiday only.
    expect(publicHolidayNames('US', 'NY', 2026).get('2026-07-04')).toBe('Independence Day');
  });
});

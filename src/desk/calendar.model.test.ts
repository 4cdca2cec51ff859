import { describe, expect, it } from 'vitest';
import { businessCalendarSchema, isClosedDay, isWorkingInstant, nextWorkingInstant, weeklyCalendar, workingIntervals, type BusinessCalendar } from './calendar.model.ts';
import { isKnownCountry, isKnownRegion, publicHolidayDates } from './holidays.ts';

const WEEKDAYS_ONLY = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** Mon–Fri 09:00–12:00 and 13:00–18:00 in Stockholm, no holidays. */
const split = weeklyCalendar('Europe/Stockholm', WEEKDAYS_ONLY, [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
]);

const iso = (ms: number) => new Date(ms).toISOString();
const intervals = (calendar: BusinessCalendar, from: string, to: string) => [...workingIntervals(calendar, new Date(from), new Date(to))].map((i) => [iso(i.start), iso(i.end)]);
const hours = (calendar: BusinessCalendar, from: string, to: string) => [...workingIntervals(calendar, new Date(from), new Date(to))].reduce((h, i) => h + (i.end - i.start) / 3_600_000, 0);

/** A calendar open only on Sundays with the given windows: DST changes in these zones happen on Sunday nights. */
const sundays = (timeZone: string, windows: { start: string; end: string }[]) => weeklyCalendar(timeZone, ['sun'], windows);

describe('working intervals', () => {
  it('gives each window of a day as real UTC time (Stockholm is UTC+1 in November)', () => {
    // Mon 2026-11-23: 09–12 local = 08–11Z, 13–18 local = 12–17Z.
    expect(intervals(split, '2026-11-22T23:00:00Z', '2026-11-23T23:00:00Z')).toEqual([
      ['2026-11-23T08:00:00.000Z', '2026-11-23T11:00:00.000Z'],
      ['2026-11-23T12:00:00.000Z', '2026-11-23T17:00:00.000Z'],
    ]);
  });

  it('clips to the range and skips the weekend', () => {
    // Fri 2026-11-27 16:30 local (15:30Z) to Mon 2026-11-30 10:00 local (09:00Z): Fri 16:30–18:00, Mon 09:00–10:00.
    expect(intervals(split, '2026-11-27T15:30:00Z', '2026-11-30T09:00:00Z')).toEqual([
      ['2026-11-27T15:30:00.000Z', '2026-11-27T17:00:00.000Z'],
      ['2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'],
    ]);
  });

  it('keeps 09:00–18:00 at 9 h on the Monday after each DST change, in both zones', () => {
    const stockholm = weeklyCalendar('Europe/Stockholm', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);
    const newYork = weeklyCalendar('America/New_York', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]);
    // Fri 2026-03-27 09:00 CET = 08:00Z; Mon 2026-03-30 09:00 CEST = 07:00Z.
    expect(intervals(stockholm, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      ['2026-03-27T08:00:00.000Z', '2026-03-27T17:00:00.000Z'],
      ['2026-03-30T07:00:00.000Z', '2026-03-30T16:00:00.000Z'],
    ]);
    // Fri 2026-10-30 09:00 EDT = 13:00Z; Mon 2026-11-02 09:00 EST = 14:00Z.
    expect(intervals(newYork, '2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      ['2026-10-30T13:00:00.000Z', '2026-10-30T22:00:00.000Z'],
      ['2026-11-02T14:00:00.000Z', '2026-11-02T23:00:00.000Z'],
    ]);
  });

  it('counts a window spanning the spring change at its real length', () => {
    // 2026-03-29 Stockholm: 01:00 CET = 00:00Z; clocks jump 02:00 → 03:00; 04:00 CEST = 02:00Z: 2 h, not 3.
    expect(intervals(sundays('Europe/Stockholm', [{ start: '01:00', end: '04:00' }]), '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    // 2026-03-08 New York: 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z: 2 h.
    expect(intervals(sundays('America/New_York', [{ start: '01:00', end: '04:00' }]), '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']]);
  });

  it('counts a window spanning the autumn change at its real length', () => {
    // 2026-10-25 Stockholm: 01:00 CEST = 23:00Z the day before; 03:00 → 02:00 once; 04:00 CET = 03:00Z: 4 h.
    expect(intervals(sundays('Europe/Stockholm', [{ start: '01:00', end: '04:00' }]), '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
    // 2026-11-01 New York: 00:30 EDT = 04:30Z; 02:00 → 01:00 once; 03:00 EST = 08:00Z: 3.5 h.
    expect(intervals(sundays('America/New_York', [{ start: '00:30', end: '03:00' }]), '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([['2026-11-01T04:30:00.000Z', '2026-11-01T08:00:00.000Z']]);
  });

  it('makes a whole day 23 h in spring and 25 h in autumn', () => {
    const allSunday = sundays('Europe/Stockholm', [{ start: '00:00', end: '24:00' }]);
    expect(hours(allSunday, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(23);
    expect(hours(allSunday, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toBe(25);
  });

  it('starts a window that begins in the skipped hour at the jump, and drops one that lies wholly in it', () => {
    // 02:30 does not exist on 2026-03-29 in Stockholm: the wall clock passes it at the jump, 01:00Z (03:00 CEST).
    const calendar = sundays('Europe/Stockholm', [
      { start: '02:00', end: '02:45' },
      { start: '02:50', end: '04:00' },
    ]);
    expect(intervals(calendar, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
  });

  it('reads a wall time shown twice at its first showing', () => {
    // 2026-10-25 Stockholm: 02:30 shows at 00:30Z (CEST) and again at 01:30Z (CET); the window 02:30–04:00 starts at the first.
    const calendar = sundays('Europe/Stockholm', [{ start: '02:30', end: '04:00' }]);
    expect(intervals(calendar, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([['2026-10-25T00:30:00.000Z', '2026-10-25T03:00:00.000Z']]);
  });

  it('stops looking when a calendar never opens again', () => {
    const never = { ...split, closedDays: [], week: { ...split.week, mon: [], tue: [], wed: [], thu: [], fri: [] } };
    expect([...workingIntervals(never, new Date('2026-01-01T00:00:00Z'))]).toEqual([]);
    expect(nextWorkingInstant(never, new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  it('treats windows as [start, end)', () => {
    // Mon 2026-11-23, UTC+1.
    expect(isWorkingInstant(split, new Date('2026-11-23T08:00:00Z'))).toBe(true); // 09:00
    expect(isWorkingInstant(split, new Date('2026-11-23T10:59:59Z'))).toBe(true); // 11:59:59
    expect(isWorkingInstant(split, new Date('2026-11-23T11:00:00Z'))).toBe(false); // 12:00, lunch
    expect(isWorkingInstant(split, new Date('2026-11-23T17:00:00Z'))).toBe(false); // 18:00
    expect(isWorkingInstant(split, new Date('2026-11-22T10:00:00Z'))).toBe(false); // Sunday
  });

  it('finds the next opening after lunch, after close and over the weekend', () => {
    expect(nextWorkingInstant(split, new Date('2026-11-23T11:15:00Z'))?.toISOString()).toBe('2026-11-23T12:00:00.000Z'); // 12:15 → 13:00
    expect(nextWorkingInstant(split, new Date('2026-11-23T09:30:00Z'))?.toISOString()).toBe('2026-11-23T09:30:00.000Z'); // open: itself
    expect(nextWorkingInstant(split, new Date('2026-11-27T17:00:00Z'))?.toISOString()).toBe('2026-11-30T08:00:00.000Z'); // Fri 18:00 → Mon 09:00
  });
});

describe('holidays, closed days and extra working days', () => {
  const swedish: BusinessCalendar = { ...weeklyCalendar('Europe/Stockholm', WEEKDAYS_ONLY, [{ start: '09:00', end: '18:00' }]), publicHolidays: { country: 'SE', region: null } };

  it('closes public holidays only: Christmas Eve (not a public holiday in Sweden) is worked, Christmas Day is not', () => {
    expect(isClosedDay(swedish, '2026-12-24')).toBe(false);
    expect(isClosedDay(swedish, '2026-12-25')).toBe(true);
    expect(isClosedDay(swedish, '2026-04-03')).toBe(true); // Good Friday
    // Thu 2026-12-24 18:00 CET → Fri 25 holiday, weekend → Mon 2026-12-28 09:00 CET = 08:00Z.
    expect(nextWorkingInstant(swedish, new Date('2026-12-24T17:00:00Z'))?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });

  it('adds a region’s own holidays and substitute days', () => {
    const newYork = weeklyCalendar('America/New_York', WEEKDAYS_ONLY, [{ start: '09:00', end: '17:00' }]);
    // Lincoln's Birthday (Thu 2026-02-12) is a public holiday in New York state, not nationally.
    expect(isClosedDay({ ...newYork, publicHolidays: { country: 'US', region: 'NY' } }, '2026-02-12')).toBe(true);
    expect(isClosedDay({ ...newYork, publicHolidays: { country: 'US', region: null } }, '2026-02-12')).toBe(false);
    // Independence Day 2026 is a Saturday; Friday 07-03 is the day off.
    expect(isClosedDay({ ...newYork, publicHolidays: { country: 'US', region: null } }, '2026-07-03')).toBe(true);
  });

  it('closes an active custom closed day and works one marked inactive', () => {
    const closed = { ...split, closedDays: [{ date: '2026-11-24', name: 'Staff day', active: true }] };
    const inactive = { ...split, closedDays: [{ date: '2026-11-24', name: 'Staff day', active: false }] };
    expect(isClosedDay(closed, '2026-11-24')).toBe(true);
    expect(isClosedDay(inactive, '2026-11-24')).toBe(false);
    expect(hours(inactive, '2026-11-23T23:00:00Z', '2026-11-24T23:00:00Z')).toBe(8);
  });

  it('opens an extra working day with its own windows, even on a weekend or a public holiday', () => {
    const calendar: BusinessCalendar = {
      ...swedish,
      extraWorkingDays: [
        { date: '2026-11-28', windows: [{ start: '10:00', end: '14:00' }] },
        { date: '2026-12-25', windows: [{ start: '10:00', end: '12:00' }] },
      ],
    };
    // Sat 2026-11-28 10:00–14:00 CET = 09:00–13:00Z.
    expect(intervals(calendar, '2026-11-28T00:00:00Z', '2026-11-29T00:00:00Z')).toEqual([['2026-11-28T09:00:00.000Z', '2026-11-28T13:00:00.000Z']]);
    expect(hours(calendar, '2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z')).toBe(2);
  });

  it('caches holiday dates per country, region and year', () => {
    expect(publicHolidayDates('SE', null, 2026)).toBe(publicHolidayDates('SE', null, 2026));
    expect(publicHolidayDates('SE', null, 2027).has('2027-01-01')).toBe(true);
  });

  it('knows countries and regions from date-holidays', () => {
    expect(isKnownCountry('SE')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownRegion('US', 'NY')).toBe(true);
    expect(isKnownRegion('US', 'ZZ')).toBe(false);
    expect(isKnownRegion('XX', 'NY')).toBe(false);
  });
});

describe('businessCalendarSchema', () => {
  const issues = (input: unknown) => {
    const result = businessCalendarSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };
  const withWeek = (week: Partial<BusinessCalendar['week']>) => ({ ...split, week: { ...split.week, ...week } });

  it('accepts a valid calendar, windows touching and 24:00 as an end', () => {
    expect(issues(split)).toEqual([]);
    expect(issues(withWeek({ sat: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }] }))).toEqual([]);
    expect(issues({ ...split, publicHolidays: { country: 'US', region: 'NY' } })).toEqual([]);
  });

  it('rejects overlapping windows, naming the later one', () => {
    expect(issues(withWeek({ mon: [{ start: '13:00', end: '18:00' }, { start: '09:00', end: '13:30' }] }))).toEqual([{ path: ['week', 'mon', 0], message: '13:00–18:00 overlaps 09:00–13:30' }]);
  });

  it('rejects an inverted or empty window, and times outside 00:00–24:00', () => {
    expect(issues(withWeek({ tue: [{ start: '22:00', end: '02:00' }] }))).toEqual([
      { path: ['week', 'tue', 0, 'end'], message: 'must be after the start (22:00); a window past midnight is two windows, 22:00–24:00 and 00:00–02:00 the next day' },
    ]);
    expect(issues(withWeek({ tue: [{ start: '09:00', end: '09:00' }] })).map((i) => i.path)).toEqual([['week', 'tue', 0, 'end']]);
    expect(issues(withWeek({ wed: [{ start: '09:00', end: '24:30' }] }))).toEqual([{ path: ['week', 'wed', 0, 'end'], message: 'must be a time of day as HH:mm, from 00:00 to 24:00' }]);
    expect(issues(withWeek({ wed: [{ start: '9:00', end: '17:00' }] })).map((i) => i.path)).toEqual([['week', 'wed', 0, 'start']]);
  });

  it('rejects unknown time zones, countries and regions', () => {
    expect(issues({ ...split, timeZone: 'Mars/Olympus_Mons' })).toEqual([{ path: ['timeZone'], message: 'is not a time zone we know; use an IANA name such as Europe/Stockholm' }]);
    expect(issues({ ...split, publicHolidays: { country: 'XX', region: null } })).toEqual([
      { path: ['publicHolidays', 'country'], message: 'is not a country we have public holidays for; use an upper-case ISO code such as SE or US' },
    ]);
    expect(issues({ ...split, publicHolidays: { country: 'US', region: 'ZZ' } })).toEqual([
      { path: ['publicHolidays', 'region'], message: 'is not a region of US we have public holidays for; use its upper-case code, such as NY for New York' },
    ]);
  });

  it('rejects a week with no working time, a date listed twice and an extra day without windows', () => {
    const closedWeek = withWeek({ mon: [], tue: [], wed: [], thu: [], fri: [] });
    expect(issues(closedWeek)).toEqual([{ path: ['week'], message: 'has no working window on any day; add at least one, or measure around the clock' }]);
    const twice = { ...split, closedDays: [{ date: '2026-12-31', name: 'A', active: true }, { date: '2026-12-31', name: 'B', active: true }] };
    expect(issues(twice)).toEqual([{ path: ['closedDays', 1, 'date'], message: 'lists 2026-12-31 twice' }]);
    expect(issues({ ...split, extraWorkingDays: [{ date: '2026-12-27', windows: [] }] })).toEqual([{ path: ['extraWorkingDays', 0, 'windows'], message: 'an extra working day needs at least one window' }]);
    expect(issues({ ...split, closedDays: [{ date: '2026-13-01', name: 'A', active: true }] })).toEqual([{ path: ['closedDays', 0, 'date'], message: 'must be a date as YYYY-MM-DD' }]);
  });
});

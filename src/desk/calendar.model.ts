import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { isKnownCountry, isKnownRegion, publicHolidayDates } from './holidays.ts';

/**
 * Business calendars: when the agency works, in its own time zone. A day's working time is its
 * windows (several per day, e.g. 09:00–12:00 and 13:00–18:00), unless the day is closed (a public
 * holiday of the chosen country and region, or a custom closed day); an extra working day opens a
 * date with its own windows whatever else that date is. Wall-clock windows are turned into real
 * (UTC) instants day by day, so a 09:00–18:00 window is 9 h on a DST day too, and a window that
 * spans the change itself (e.g. 01:00–04:00) lasts the real elapsed time (2 h in spring, 4 h in autumn).
 * Pure functions; the only data read is date-holidays' bundled rules.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working window on one local day: `start` < `end`, both `HH:mm`; `end` may be `24:00` (midnight after). */
export interface WorkingWindow {
  start: string;
  end: string;
}

export interface PublicHolidays {
  /** ISO 3166-1 alpha-2, as date-holidays knows it: `SE`, `US`. */
  country: string;
  /** The subdivision (date-holidays' "state"): `NY`, `BY`; null for the country's national holidays only. */
  region: string | null;
}

/** A custom closed day (summer closing, a staff day). `active: false` keeps it listed but works the day as usual. */
export interface ClosedDay {
  date: string;
  name: string;
  active: boolean;
}

/** A date worked with its own windows, even on a weekend, a public holiday or a closed day. */
export interface ExtraWorkingDay {
  date: string;
  windows: WorkingWindow[];
}

export interface BusinessCalendar {
  /** IANA time zone the windows are read in. */
  timeZone: string;
  week: Record<Weekday, WorkingWindow[]>;
  /** Public holidays closed (public ones only: not bank, school or observance days); null: none. */
  publicHolidays: PublicHolidays | null;
  closedDays: ClosedDay[];
  extraWorkingDays: ExtraWorkingDay[];
}

/** A stretch of working time, epoch milliseconds, [start, end). */
export interface WorkingInterval {
  start: number;
  end: number;
}

/** How far ahead to look for working time before deciding a calendar has none (two years and a day). */
export const SEARCH_HORIZON_DAYS = 732;

/** `HH:mm` (or `24:00`) to minutes after midnight. */
export function clockMinutes(clock: string): number {
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

/** A calendar of the given windows on each weekday listed, no holidays; a convenience for defaults and tests. */
export function weeklyCalendar(timeZone: string, days: readonly Weekday[], windows: WorkingWindow[]): BusinessCalendar {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, days.includes(day) ? windows.map((w) => ({ ...w })) : []])) as Record<Weekday, WorkingWindow[]>;
  return { timeZone, week, publicHolidays: null, closedDays: [], extraWorkingDays: [] };
}

/** The windows worked on a local date (`YYYY-MM-DD`), after extra days, closed days and holidays. */
export function windowsOn(calendar: BusinessCalendar, date: string): readonly WorkingWindow[] {
  const extra = calendar.extraWorkingDays.find((d) => d.date === date);
  if (extra) return extra.windows;
  if (calendar.closedDays.some((d) => d.active && d.date === date)) return [];
  const holidays = calendar.publicHolidays;
  if (holidays && publicHolidayDates(holidays.country, holidays.region, Number(date.slice(0, 4))).has(date)) return [];
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]!;
  return calendar.week[weekday];
}

/** True when the date has no working time at all (weekend, holiday, closed day). */
export function isClosedDay(calendar: BusinessCalendar, date: string): boolean {
  return windowsOn(calendar, date).length === 0;
}

/**
 * The instant the wall clock in `zone` first shows `minutes` after midnight of the local date
 * `day` (a DateTime at that day's start). `24:00` is the next day's midnight. A time the clocks skip
 * (02:30 on a spring-forward night) is the instant of the jump, when the wall clock passes it; a time
 * shown twice (autumn) is its first showing.
 */
export function wallClockInstant(day: DateTime, minutes: number): number {
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  // `set` reads the wall time at the offset the day started with where that fits: a time shown twice is its first showing.
  const wanted = day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  if (wanted.hour * 60 + wanted.minute !== minutes) return jumpInstant(wanted, wanted.minus({ hours: 3 }).offset);
  return wanted.toMillis();
}

/** Luxon moves a skipped wall time forward by the jump (`moved`); the jump itself is found by halving, to the minute. */
function jumpInstant(moved: DateTime, earlierOffset: number): number {
  let lo = moved.toMillis() - (moved.offset - earlierOffset) * 60_000;
  let hi = moved.toMillis();
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (DateTime.fromMillis(mid, { zone: moved.zone }).offset === moved.offset) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The working intervals of one local day, in real time. */
function dayIntervals(calendar: BusinessCalendar, day: DateTime): WorkingInterval[] {
  return windowsOn(calendar, day.toISODate()!)
    .map((w) => ({ start: wallClockInstant(day, clockMinutes(w.start)), end: wallClockInstant(day, clockMinutes(w.end)) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
}

interface CalendarDay {
  intervals: WorkingInterval[];
  /** The start of the next local day. */
  next: number;
}

/**
 * Days already worked out, per calendar object: SLA clocks and reports walk the same days over and
 * over (a month's report: thousands of clocks over the same weeks), and luxon is the cost.
 * Calendars are values: one is never changed in place after use; a changed one is a new object.
 */
interface CalendarMemo {
  days: Map<number, CalendarDay>;
  /** Local day start per quarter hour of UTC: offsets and DST changes fall on whole quarter hours. */
  dayStarts: Map<number, number>;
}

const memos = new WeakMap<BusinessCalendar, CalendarMemo>();
const QUARTER_HOUR = 900_000;

function memoOf(calendar: BusinessCalendar): CalendarMemo {
  let memo = memos.get(calendar);
  if (!memo) memos.set(calendar, (memo = { days: new Map(), dayStarts: new Map() }));
  return memo;
}

/** The start of the local day holding `at`, failing loudly on a zone that slipped past validation. */
function localDayStart(calendar: BusinessCalendar, at: number): number {
  const { dayStarts } = memoOf(calendar);
  const quarter = Math.floor(at / QUARTER_HOUR);
  let start = dayStarts.get(quarter);
  if (start === undefined) {
    const local = DateTime.fromMillis(at, { zone: calendar.timeZone });
    if (!local.isValid) throw new RangeError(`Unknown time zone: ${calendar.timeZone}`);
    start = local.startOf('day').toMillis();
    dayStarts.set(quarter, start);
  }
  return start;
}

function calendarDay(calendar: BusinessCalendar, dayStart: number): CalendarDay {
  const { days } = memoOf(calendar);
  let day = days.get(dayStart);
  if (!day) {
    const local = DateTime.fromMillis(dayStart, { zone: calendar.timeZone });
    day = { intervals: dayIntervals(calendar, local), next: local.plus({ days: 1 }).toMillis() };
    days.set(dayStart, day);
  }
  return day;
}

/**
 * The working time within [from, to), in order, clipped to the range, one interval per window.
 * `to` may be Infinity: the generator then goes on as long as it is pulled, but stops after
 * SEARCH_HORIZON_DAYS days in a row without working time, so a calendar that never opens cannot
 * hang its caller.
 */
export function* workingIntervals(calendar: BusinessCalendar, from: Date | number, to: Date | number = Infinity): Generator<WorkingInterval> {
  const fromMs = Number(from);
  const toMs = Number(to);
  let dayStart = localDayStart(calendar, fromMs);
  let idleDays = 0;
  while (dayStart < toMs && idleDays <= SEARCH_HORIZON_DAYS) {
    const day = calendarDay(calendar, dayStart);
    idleDays = day.intervals.length === 0 ? idleDays + 1 : 0;
    for (const interval of day.intervals) {
      const start = Math.max(interval.start, fromMs);
      const end = Math.min(interval.end, toMs);
      if (end > start) yield { start, end };
    }
    dayStart = day.next;
  }
}

/** True when `at` lies inside a working window (windows are [start, end): 18:00 is closed for 09:00–18:00). */
export function isWorkingInstant(calendar: BusinessCalendar, at: Date | number): boolean {
  const ms = Number(at);
  return calendarDay(calendar, localDayStart(calendar, ms)).intervals.some((i) => i.start <= ms && ms < i.end);
}

/** `at` itself when it is working time, else the next opening; null when the calendar never opens again. */
export function nextWorkingInstant(calendar: BusinessCalendar, at: Date | number): Date | null {
  for (const interval of workingIntervals(calendar, at)) return new Date(interval.start);
  return null;
}

// Validation, for the API: a calendar that parses can be walked without surprises.

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clock = z.string().regex(CLOCK, 'must be a time of day as HH:mm, from 00:00 to 24:00');
const localDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

const windowSchema = z.strictObject({ start: clock, end: clock }).superRefine((w, ctx) => {
  if (!CLOCK.test(w.start) || !CLOCK.test(w.end) || clockMinutes(w.end) > clockMinutes(w.start)) return;
  const message = `must be after the start (${w.start}); a window past midnight is two windows, ${w.start}–24:00 and 00:00–${w.end} the next day`;
  ctx.addIssue({ code: 'custom', path: ['end'], message });
});

/** Windows of one day: no two overlap (touching, 12:00–13:00 then 13:00–18:00, is fine). */
const windowsSchema = z
  .array(windowSchema)
  .max(24, 'can have at most 24 windows a day')
  .superRefine((list, ctx) => {
    const order = list.map((w, index) => ({ ...w, index })).filter((w) => CLOCK.test(w.start) && CLOCK.test(w.end));
    order.sort((a, b) => clockMinutes(a.start) - clockMinutes(b.start));
    order.forEach((w, i) => {
      const before = order[i - 1];
      if (before && clockMinutes(w.start) < clockMinutes(before.end)) {
        ctx.addIssue({ code: 'custom', path: [w.index], message: `${w.start}–${w.end} overlaps ${before.start}–${before.end}` });
      }
    });
  });

const weekSchema = z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, windowsSchema])) as Record<Weekday, typeof windowsSchema>);

const publicHolidaysSchema = z
  .strictObject({
    country: z.string().refine(isKnownCountry, 'is not a country we have public holidays for; use an upper-case ISO code such as SE or US'),
    region: z.string().min(1, 'must name a region, or be null').nullable(),
  })
  .superRefine(({ country, region }, ctx) => {
    if (region === null || region === '' || !isKnownCountry(country) || isKnownRegion(country, region)) return;
    ctx.addIssue({ code: 'custom', path: ['region'], message: `is not a region of ${country} we have public holidays for; use its upper-case code, such as NY for New York` });
  });

/** Flags a date listed twice, at the second listing. */
function uniqueDates(list: readonly { date: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach(({ date }, index) => {
    if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `lists ${date} twice` });
    seen.add(date);
  });
}

const closedDaySchema = z.strictObject({ date: localDate, name: z.string().trim().min(1, 'must say what the day is').max(100, 'can be at most 100 characters'), active: z.boolean() });
const extraDaySchema = z.strictObject({ date: localDate, windows: windowsSchema.min(1, 'an extra working day needs at least one window') });

export const businessCalendarSchema = z
  .strictObject({
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'is not a time zone we know; use an IANA name such as Europe/Stockholm'),
    week: weekSchema,
    publicHolidays: publicHolidaysSchema.nullable(),
    closedDays: z.array(closedDaySchema).max(1000, 'can list at most 1000 days').superRefine(uniqueDates),
    extraWorkingDays: z.array(extraDaySchema).max(1000, 'can list at most 1000 days').superRefine(uniqueDates),
  })
  .superRefine((calendar, ctx) => {
    if (WEEKDAYS.some((day) => (calendar.week?.[day]?.length ?? 0) > 0)) return;
    ctx.addIssue({ code: 'custom', path: ['week'], message: 'has no working window on any day; add at least one, or measure around the clock' });
  });

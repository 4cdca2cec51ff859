import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { WEEKDAYS, workingIntervals, type BusinessCalendar, type Weekday } from './calendar.model.ts';
import { publicHolidayDates } from './holidays.ts';

/**
 * What a calendar means, day by day: the working intervals of each local date as the SLA clocks
 * will count them (so a window in the hour a DST change skips shows as shortened or gone), and why
 * a day is closed or open, with the holiday's name. Names come from date-holidays in English where
 * it has one, else in the country's language. Pure: the only data read is date-holidays' rules.
 */
export interface PreviewInterval {
  /** Local wall-clock times, `HH:mm`; an interval running to midnight ends at `24:00`. */
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
}

export type DayReason = 'weekly-hours' | 'extra-working-day' | 'closed-day' | 'public-holiday' | 'no-hours';

export interface PreviewDay {
  date: string;
  weekday: Weekday;
  open: boolean;
  /** Which rule decided the day, in the order the calendar applies them: extra day, closed day, holiday, week. */
  reason: DayReason;
  /** The closed day's name, or the public holiday's, when one decided the day. */
  name: string | null;
  /** The public holiday on this date, if any (also on an extra working day that overrides it). */
  publicHoliday: string | null;
  intervals: PreviewInterval[];
  workingMinutes: number;
}

export const MAX_PREVIEW_DAYS = 62;

const namers = new Map<string, Holidays>();
const namesByYear = new Map<string, ReadonlyMap<string, string>>();

/** Public holiday names by local date for a year. */
export function publicHolidayNames(country: string, region: string | null, year: number): ReadonlyMap<string, string> {
  const key = `${country}/${region ?? ''}/${year}`;
  let names = namesByYear.get(key);
  if (!names) {
    let namer = namers.get(`${country}/${region ?? ''}`);
    if (!namer) {
      namer = region ? new Holidays(country, region, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
      namers.set(`${country}/${region ?? ''}`, namer);
    }
    const list = namer.getHolidays(year, 'en').filter((h) => h.type === 'public');
    names = new Map(list.map((h) => [h.date.slice(0, 10), h.name]));
    namesByYear.set(key, names);
  }
  return names;
}

function holidayOn(calendar: BusinessCalendar, date: string): string | null {
  const holidays = calendar.publicHolidays;
  if (!holidays) return null;
  const year = Number(date.slice(0, 4));
  if (!publicHolidayDates(holidays.country, holidays.region, year).has(date)) return null;
  return publicHolidayNames(holidays.country, holidays.region, year).get(date) ?? 'Public holiday';
}

/** The rule that decides a date, mirroring `windowsOn`. */
function decide(calendar: BusinessCalendar, date: string, weekday: Weekday, holiday: string | null): { reason: DayReason; name: string | null } {
  if (calendar.extraWorkingDays.some((d) => d.date === date)) return { reason: 'extra-working-day', name: null };
  const closed = calendar.closedDays.find((d) => d.active && d.date === date);
  if (closed) return { reason: 'closed-day', name: closed.name };
  if (holiday) return { reason: 'public-holiday', name: holiday };
  return { reason: calendar.week[weekday].length > 0 ? 'weekly-hours' : 'no-hours', name: null };
}

function previewDay(calendar: BusinessCalendar, day: DateTime): PreviewDay {
  const date = day.toISODate()!;
  const weekday = WEEKDAYS[day.weekday - 1]!;
  const next = day.plus({ days: 1 }).startOf('day');
  const local = (ms: number) => (ms === next.toMillis() ? '24:00' : DateTime.fromMillis(ms, { zone: calendar.timeZone }).toFormat('HH:mm'));
  const intervals = [...workingIntervals(calendar, day.toMillis(), next.toMillis())].map((i) => ({
    start: local(i.start),
    end: local(i.end),
    startsAt: new Date(i.start).toISOString(),
    endsAt: new Date(i.end).toISOString(),
    minutes: (i.end - i.start) / 60_000,
  }));
  const holiday = holidayOn(calendar, date);
  const workingMinutes = intervals.reduce((sum, i) => sum + i.minutes, 0);
  return { date, weekday, open: intervals.length > 0, ...decide(calendar, date, weekday, holiday), publicHoliday: holiday, intervals, workingMinutes };
}

/** `days` local dates from `from` (`YYYY-MM-DD`, in the calendar's zone); at most MAX_PREVIEW_DAYS. */
export function calendarPreview(calendar: BusinessCalendar, from: string, days: number): PreviewDay[] {
  if (!Number.isInteger(days) || days < 1 || days > MAX_PREVIEW_DAYS) throw new RangeError(`A preview covers 1 to ${MAX_PREVIEW_DAYS} days, got ${days}`);
  const start = DateTime.fromISO(from, { zone: calendar.timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`Not a date in a known time zone: ${from} ${calendar.timeZone}`);
  return Array.from({ length: days }, (_, i) => previewDay(calendar, start.plus({ days: i })));
}

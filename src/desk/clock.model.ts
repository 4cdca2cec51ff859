import { DateTime } from 'luxon';
import { windowsOn, workingIntervals, clockMinutes, wallClockInstant, SEARCH_HORIZON_DAYS, type BusinessCalendar, type WorkingInterval } from './calendar.model.ts';

/**
 * Business-time arithmetic and SLA clocks. A clock counts the time that counts towards a target
 * — working time of a business calendar, or all time "around the clock" — from the ticket's
 * creation, leaving out the stretches it was paused (waiting on the client), until the target is
 * met. Everything is derived from (clock, now); nothing ticks.
 */
export type Measure = BusinessCalendar | 'around-the-clock';

const MINUTE = 60_000;

/** The counting time of `measure` within [from, to). */
export function* countingIntervals(measure: Measure, from: number, to = Infinity): Generator<WorkingInterval> {
  if (measure === 'around-the-clock') {
    if (to > from) yield { start: from, end: to };
    return;
  }
  yield* workingIntervals(measure, from, to);
}

/** The instant `ms` of counting time into `intervals`; null when they run out first. */
function reach(intervals: Iterable<WorkingInterval>, ms: number): number | null {
  let left = ms;
  for (const interval of intervals) {
    const length = interval.end - interval.start;
    if (left <= length) return interval.start + left;
    left -= length;
  }
  return null;
}

function total(intervals: Iterable<WorkingInterval>): number {
  let sum = 0;
  for (const interval of intervals) sum += interval.end - interval.start;
  return sum;
}

/**
 * The instant `minutes` of counting time after `start`. Zero minutes at a closed time is the next
 * opening (at an open time, `start` itself); a target used up exactly at a window's end is due at
 * that end, not at the next opening. Throws when the calendar never opens (see SEARCH_HORIZON_DAYS).
 */
export function addBusinessMinutes(measure: Measure, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`A target is a non-negative number of minutes, got ${minutes}`);
  const due = reach(countingIntervals(measure, start.getTime()), minutes * MINUTE);
  if (due === null) throw new RangeError(`The calendar has no working time within ${SEARCH_HORIZON_DAYS} days of ${start.toISOString()}`);
  return new Date(due);
}

/** Minutes of counting time in [a, b); negative when b is before a. May be fractional. */
export function businessMinutesBetween(measure: Measure, a: Date, b: Date): number {
  if (b < a) return -businessMinutesBetween(measure, b, a);
  return total(countingIntervals(measure, a.getTime(), b.getTime())) / MINUTE;
}

/**
 * "Next business day": by the close of the first business day after the local date the ticket
 * arrives on. Mon 10:00 → Tue at close; Fri 20:00, Sat or Sun → Mon at close; Mon 07:00 (before
 * opening) → Tue at close, as the client was told "next", not "today".
 */
export function nextBusinessDayDue(calendar: BusinessCalendar, createdAt: Date): Date {
  let day = DateTime.fromJSDate(createdAt, { zone: calendar.timeZone }).startOf('day');
  for (let i = 0; i < SEARCH_HORIZON_DAYS; i++) {
    day = day.plus({ days: 1 });
    const windows = windowsOn(calendar, day.toISODate()!);
    if (windows.length === 0) continue;
    const close = Math.max(...windows.map((w) => clockMinutes(w.end)));
    return new Date(wallClockInstant(day, close));
  }
  throw new RangeError(`The calendar has no working day within ${SEARCH_HORIZON_DAYS} days of ${createdAt.toISOString()}`);
}

/** A stretch the clock stood still (waiting on the client); resumedAt null while it still stands. */
export interface ClockPause {
  pausedAt: string;
  resumedAt: string | null;
}

export interface SlaClock {
  /** When counting starts: the ticket's creation. */
  startedAt: string;
  /** Minutes of counting time allowed; > 0. */
  targetMinutes: number;
  measure: Measure;
  pauses: readonly ClockPause[];
  /** When the target was met (first public staff reply, resolution); null while it runs. */
  stoppedAt: string | null;
}

export interface ClockStatus {
  /** Counting minutes used so far (up to now, or to when the target was met), pauses left out. */
  elapsedMinutes: number;
  /** Target minus elapsed; negative once overdue. */
  remainingMinutes: number;
  /** elapsed / target × 100, to one decimal; above 100 once overdue. */
  percentUsed: number;
  /** When the target is used up, pauses so far counted in; null while paused short of it (the date moves on resume). */
  dueAt: string | null;
  /** When 75 % of the target is used up; null while paused short of it. */
  warningAt: string | null;
  /** Now inside a pause. */
  paused: boolean;
  /** The target was met (stoppedAt reached), on time or not. */
  met: boolean;
  /** Met after the due instant, or still unmet past it. Meeting it at the due instant itself is on time. */
  breached: boolean;
  breachedAt: string | null;
}

export const WARNING_SHARE = 0.75;

/** Pauses as sorted, merged spans from the clock's start; an open pause runs to Infinity. */
function pauseSpans(clock: SlaClock): WorkingInterval[] {
  const startedAt = Date.parse(clock.startedAt);
  const spans = clock.pauses
    .map((p) => ({ start: Math.max(Date.parse(p.pausedAt), startedAt), end: p.resumedAt === null ? Infinity : Date.parse(p.resumedAt) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start);
  const merged: WorkingInterval[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `intervals` with the pauses cut out. */
function* withoutPauses(intervals: Iterable<WorkingInterval>, pauses: readonly WorkingInterval[]): Generator<WorkingInterval> {
  for (const interval of intervals) {
    let start = interval.start;
    for (const pause of pauses) {
      if (pause.end <= start || pause.start >= interval.end) continue;
      if (pause.start > start) yield { start, end: pause.start };
      start = Math.max(start, pause.end);
    }
    if (start < interval.end) yield { start, end: interval.end };
  }
}

/** The clock's counting time up to `until`; an open pause ends counting for good (until resumed). */
function clockIntervals(clock: SlaClock, pauses: readonly WorkingInterval[], until = Infinity): Generator<WorkingInterval> {
  const open = pauses.find((p) => p.end === Infinity);
  const to = Math.min(until, open ? open.start : Infinity);
  return withoutPauses(countingIntervals(clock.measure, Date.parse(clock.startedAt), to), pauses);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Where a ticket's SLA clock stands at `now`. */
export function clockStatus(clock: SlaClock, now: Date): ClockStatus {
  const pauses = pauseSpans(clock);
  const target = clock.targetMinutes * MINUTE;
  const stoppedAt = clock.stoppedAt === null ? null : Date.parse(clock.stoppedAt);
  const met = stoppedAt !== null && stoppedAt <= now.getTime();
  const end = met ? stoppedAt : now.getTime();
  const elapsed = total(clockIntervals(clock, pauses, end));
  const dueAt = reach(clockIntervals(clock, pauses), target);
  const breached = dueAt !== null && end > dueAt;
  return {
    elapsedMinutes: elapsed / MINUTE,
    remainingMinutes: (target - elapsed) / MINUTE,
    percentUsed: Math.round((elapsed / target) * 1000) / 10,
    dueAt: iso(dueAt),
    warningAt: iso(reach(clockIntervals(clock, pauses), target * WARNING_SHARE)),
    paused: !met && pauses.some((p) => p.start <= end && end < p.end),
    met,
    breached,
    breachedAt: breached ? iso(dueAt) : null,
  };
}

/**
 * The clock after a severity change. The usual SLA rule, which we follow: the new severity's
 * target applies as if the ticket had had it from the start — counted from the ticket's creation,
 * in the new severity's measure (high in business hours → critical around the clock), pauses kept —
 * so raising severity can make a ticket overdue at once, and lowering it can take an overdue ticket
 * back within target. A target already met stays met; breaches already recorded stay recorded.
 */
export function retarget(clock: SlaClock, targetMinutes: number, measure: Measure): SlaClock {
  return { ...clock, targetMinutes, measure };
}

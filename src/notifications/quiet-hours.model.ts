import { DateTime } from 'luxon';
import { isValidTimeZone } from '../accounts/model.ts';
import type { DigestFrequency } from './digests.model.ts';
import { DEFAULT_DIGEST_TYPES } from './noise.model.ts';

/**
 * Quiet hours and working hours: when a person does not want to be disturbed by anything less
 * than critical. Windows are wall-clock times in the person's IANA time zone, so "22:00 to 07:00"
 * stays 22:00 to 07:00 across a DST change (the night is an hour shorter or longer in UTC).
 * Pure functions of (schedule, instant).
 */
export interface Window {
  /** ISO weekdays the window starts on: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** `HH:mm`, local time. */
  start: string;
  /** `HH:mm`; at or before `start` means the window runs into the next day. */
  end: string;
}

export interface Schedule {
  timeZone: string;
  quietHours: Window[];
  /** Null: any time outside quiet hours. Otherwise only inside these windows (minus quiet hours). */
  workingHours: Window[] | null;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClock(value: string): boolean {
  return CLOCK.test(value);
}

function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** The local day `day` at wall-clock `clock`; a time in a DST gap moves forward, as clocks do. */
function atClock(day: DateTime, clock: string): DateTime {
  const minutes = clockMinutes(clock);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: day.zone });
}

interface Span {
  start: DateTime;
  end: DateTime;
}

/** The window's occurrence starting on local day `day`, if it runs that weekday. */
function occurrenceOn(window: Window, day: DateTime): Span | null {
  if (!window.days.includes(day.weekday)) return null;
  const start = atClock(day, window.start);
  const crossesMidnight = clockMinutes(window.end) <= clockMinutes(window.start);
  const end = atClock(crossesMidnight ? day.plus({ days: 1 }) : day, window.end);
  return { start, end };
}

/** The occurrence covering `at` (started today or yesterday, local time), if any. */
function covering(windows: readonly Window[], at: DateTime): Span | null {
  const today = at.startOf('day');
  for (const day of [today.minus({ days: 1 }), today]) {
    for (const window of windows) {
      const span = occurrenceOn(window, day);
      if (span && span.start <= at && at < span.end) return span;
    }
  }
  return null;
}

/** The first occurrence starting after `at`, within the next eight days. */
function nextStart(windows: readonly Window[], at: DateTime): DateTime | null {
  let best: DateTime | null = null;
  const today = at.startOf('day');
  for (let offset = 0; offset <= 8; offset++) {
    for (const window of windows) {
      const span = occurrenceOn(window, today.plus({ days: offset }));
      if (span && span.start > at && (best === null || span.start < best)) best = span.start;
    }
  }
  return best;
}

// Each step moves past one window; a week holds far fewer windows than this.
const MAX_STEPS = 100;

/**
 * Null when a non-critical notification may go out at `at`; otherwise the instant the person's
 * quiet period ends (the end of their quiet hours, or the start of their next working hours).
 */
export function heldUntil(schedule: Schedule, at: Date): Date | null {
  let t: DateTime = DateTime.fromJSDate(at, { zone: schedule.timeZone });
  if (!t.isValid) return null;
  let moved = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const quiet = covering(schedule.quietHours, t);
    if (quiet) {
      t = quiet.end;
      moved = true;
      continue;
    }
    if (schedule.workingHours && !covering(schedule.workingHours, t)) {
      const next = nextStart(schedule.workingHours, t);
      if (!next) return null;
      t = next;
      moved = true;
      continue;
    }
    break;
  }
  return moved ? t.toJSDate() : null;
}

export interface ScheduleIssue {
  path: (string | number)[];
  message: string;
}

const WEEK_MINUTES = 7 * 24 * 60;

/** The minutes of a (UTC-less) week a list of windows covers; each minute counts how many cover it. */
function weekCover(windows: readonly Window[]): Uint8Array {
  const cover = new Uint8Array(WEEK_MINUTES);
  for (const w of windows) {
    const start = clockMinutes(w.start);
    let end = clockMinutes(w.end);
    if (end <= start) end += 24 * 60;
    for (const day of new Set(w.days)) {
      const base = (day - 1) * 24 * 60;
      for (let m = start; m < end; m++) cover[(base + m) % WEEK_MINUTES]!++;
    }
  }
  return cover;
}

function windowIssues(windows: readonly Window[], field: string): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  windows.forEach((w, i) => {
    if (w.days.length === 0) issues.push({ path: [field, i, 'days'], message: 'must name at least one weekday' });
    if (new Set(w.days).size !== w.days.length) issues.push({ path: [field, i, 'days'], message: 'names a weekday twice' });
    if (w.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) issues.push({ path: [field, i, 'days'], message: 'weekdays are 1 (Monday) to 7 (Sunday)' });
    if (!isClock(w.start)) issues.push({ path: [field, i, 'start'], message: 'must be a time of day as HH:mm' });
    if (!isClock(w.end)) issues.push({ path: [field, i, 'end'], message: 'must be a time of day as HH:mm' });
    else if (w.start === w.end) issues.push({ path: [field, i, 'end'], message: 'must differ from start: a window needs a length' });
  });
  if (issues.length > 0) return issues;
  // Overlapping windows of one list are almost always a typing mistake ("22:00–07:00" and "06:00–09:00").
  windows.forEach((_w, i) => {
    const before = weekCover(windows.slice(0, i));
    const own = weekCover([windows[i]!]);
    if (own.some((n, m) => n > 0 && before[m]! > 0)) issues.push({ path: [field, i], message: 'overlaps an earlier window' });
  });
  return issues;
}

/** What is wrong with a schedule, each with the field it is about; empty when it is usable. */
export function scheduleIssues(schedule: Schedule): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (!isValidTimeZone(schedule.timeZone)) issues.push({ path: ['timeZone'], message: 'must be an IANA time zone such as Europe/Stockholm' });
  issues.push(...windowIssues(schedule.quietHours, 'quietHours'));
  if (schedule.workingHours) {
    if (schedule.workingHours.length === 0) issues.push({ path: ['workingHours'], message: 'give at least one window, or null for any time' });
    issues.push(...windowIssues(schedule.workingHours, 'workingHours'));
  }
  if (issues.length > 0) return issues;
  const quiet = weekCover(schedule.quietHours);
  const working = schedule.workingHours ? weekCover(schedule.workingHours) : null;
  const open = quiet.some((n, m) => n === 0 && (working === null || working[m]! > 0));
  if (!open) issues.push({ path: [schedule.workingHours ? 'workingHours' : 'quietHours'], message: 'leaves no time in the week for anything but critical notifications' });
  return issues;
}

/** A person's choices of when to be told: quiet and working hours, and what waits for the digest. */
export interface NotificationSchedule {
  userId: string;
  /** Null: the time zone of the person's profile. */
  timeZone: string | null;
  quietHours: Window[];
  workingHours: Window[] | null;
  digest: DigestChoice;
  /** Null while the person kept the defaults. */
  updatedAt: string | null;
}

export interface DigestChoice {
  /** Event types collected into the digest instead of sent one by one. */
  types: string[];
  frequency: DigestFrequency;
  /** `HH:mm`, local time. */
  time: string;
  /** ISO weekday of a weekly digest. */
  weekday: number;
}

export const DEFAULT_DIGEST: DigestChoice = Object.freeze({ types: [...DEFAULT_DIGEST_TYPES], frequency: 'daily', time: '08:00', weekday: 1 }) as DigestChoice;

export function defaultSchedule(userId: string): NotificationSchedule {
  return { userId, timeZone: null, quietHours: [], workingHours: null, digest: { ...DEFAULT_DIGEST, types: [...DEFAULT_DIGEST.types] }, updatedAt: null };
}

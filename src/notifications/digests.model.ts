import { DateTime } from 'luxon';

/**
 * When a digest goes out: once a day, or once a week on a chosen weekday, at a wall-clock time in
 * the recipient's time zone. Events collected before that moment go out together in it.
 */
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface DigestSchedule {
  frequency: DigestFrequency;
  /** `HH:mm`, local time. */
  time: string;
  /** ISO weekday of a weekly digest: 1 = Monday … 7 = Sunday. */
  weekday: number;
  timeZone: string;
}

function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone });
}

/** The first digest moment strictly after `after`. */
export function nextDigestAt(schedule: DigestSchedule, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: schedule.timeZone });
  const today = local.startOf('day');
  for (let offset = 0; offset <= 8; offset++) {
    const day = today.plus({ days: offset });
    if (schedule.frequency === 'weekly' && day.weekday !== schedule.weekday) continue;
    const moment = at(day, schedule.time);
    if (moment > local) return moment.toJSDate();
  }
  throw new RangeError(`No digest moment found after ${after.toISOString()} for ${JSON.stringify(schedule)}.`);
}

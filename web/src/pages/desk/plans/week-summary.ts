import type { Window } from '../api.ts';
import { WEEKDAYS, type Weekday } from './api.ts';

/** A weekday's short name in a language: 1 January 2024 was a Monday. */
export function shortDayName(locale: string, day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
}

const windowsText = (windows: readonly Window[]) => windows.map((w) => `${w.start}–${w.end}`).join(', ');

/** "Mon–Fri 09:00–12:00, 13:00–18:00 · Sat 10:00–14:00": runs of days with the same windows, closed days left out. */
export function weekSummary(locale: string, week: Record<Weekday, Window[]>): string {
  const runs: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = windowsText(week[day] ?? []);
    const last = runs.at(-1);
    if (last && last.text === text && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs
    .filter((run) => run.text !== '')
    .map((run) => `${shortDayName(locale, run.from)}${run.from === run.to ? '' : `–${shortDayName(locale, run.to)}`} ${run.text}`)
    .join(' · ');
}

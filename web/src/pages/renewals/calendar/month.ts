/**
 * The month grid of the renewal calendar: whole weeks, Monday first (every language of the app
 * starts its week on Monday), as `YYYY-MM-DD` strings computed in UTC so no time zone moves a day.
 */
export interface Month {
  year: number;
  /** 1 to 12 */
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** `2026-07` → July 2026; anything else → the month of `today`. */
export function parseMonth(text: string | undefined, today: string): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  const month = match ? Number(match[2]) : 0;
  if (match && month >= 1 && month <= 12) return { year: Number(match[1]), month };
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

export const monthKey = (m: Month) => `${m.year}-${pad(m.month)}`;

export function shiftMonth(m: Month, by: number): Month {
  const index = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The weeks shown for a month: from the Monday on or before its first day to the Sunday on or after its last. */
export function monthWeeks(m: Month): string[][] {
  const first = new Date(Date.UTC(m.year, m.month - 1, 1));
  const last = new Date(Date.UTC(m.year, m.month, 0));
  const start = new Date(first);
  start.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const weeks: string[][] = [];
  for (const day = start; day <= last; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(iso(day));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export const todayIso = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

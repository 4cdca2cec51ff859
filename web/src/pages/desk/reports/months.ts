/**
 * Report months (`YYYY-MM`) on the browser's side: which one a page opens on and its neighbours.
 * The server decides what a month covers (the plan's time zone); these only pick and name months.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string | undefined): value is string => value !== undefined && MONTH.test(value);

/** The month `delta` months away: shiftMonth('2026-01', -1) is '2025-12'. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The running month at `now` in `timeZone` (the viewer's own; the browser's when unknown or invalid). */
export function currentMonth(now: Date, timeZone?: string | null): string {
  const parts = (zone: string | undefined) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  let fields: Intl.DateTimeFormatPart[];
  try {
    fields = parts(timeZone ?? undefined);
  } catch {
    fields = parts(undefined);
  }
  const pick = (type: string) => fields.find((p) => p.type === type)?.value ?? '';
  return `${pick('year')}-${pick('month')}`;
}

/** The last month that has ended: what a report list opens on. */
export const lastCompleteMonth = (now: Date, timeZone?: string | null) => shiftMonth(currentMonth(now, timeZone), -1);

import type { SiteUptime } from '../reports.types.ts';

/**
 * The figures the charts are drawn from, worked out from the report without drawing anything:
 * the month's days across all sites, the chart's y-axis, and whether a figure meets the guarantee.
 */

export interface DailyUptime {
  date: string;
  /** Mean of the sites monitored that day; null when none was. */
  uptimePercent: number | null;
}

/**
 * Uptime per day over all sites: the mean of the sites monitored that day. Sites are watched for
 * whole days as a rule, so the mean is the share of site-time up, as the month's overall figure is.
 */
export function dailyAcrossSites(sites: readonly SiteUptime[]): DailyUptime[] {
  const days = new Map<string, number[]>();
  for (const site of sites) {
    for (const day of site.daily) {
      const values = days.get(day.date) ?? [];
      if (day.uptimePercent !== null) values.push(day.uptimePercent);
      days.set(day.date, values);
    }
  }
  return [...days.keys()].sort().map((date) => {
    const values = days.get(date)!;
    return { date, uptimePercent: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length };
  });
}

/** Bottoms the y-axis may start at, highest first: zoomed in on the few tenths that matter, wider only when needed. */
const AXIS_FLOORS = [95, 90, 80, 50, 0] as const;

/**
 * The y-axis of the daily chart, [floor, 100], with its tick values: starts at 95 % unless a day
 * (or the guarantee) is lower, so a day at 99.5 % is visibly shorter than one at 100 %.
 */
export function uptimeAxis(days: readonly DailyUptime[], guaranteePercent: number | null): { floor: number; ticks: number[] } {
  const lowest = Math.min(100, guaranteePercent ?? 100, ...days.map((d) => d.uptimePercent ?? 100));
  const floor = AXIS_FLOORS.find((f) => f <= lowest) ?? 0;
  const step = (100 - floor) / 5;
  return { floor, ticks: Array.from({ length: 6 }, (_, i) => floor + i * step) };
}

/** At or above the guarantee, compared to a millionth of a percent as credits.model does; null when either is missing. */
export function meetsGuarantee(uptimePercent: number | null, guaranteePercent: number | null): boolean | null {
  if (uptimePercent === null || guaranteePercent === null) return null;
  return Math.round(uptimePercent * 1_000_000) >= Math.round(guaranteePercent * 1_000_000);
}

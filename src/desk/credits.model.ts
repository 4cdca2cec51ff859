import { DateTime } from 'luxon';
import type { Money } from '../platform/money.ts';
import type { CreditTier } from './plan.model.ts';

/**
 * Uptime guarantee maths: the downtime a guarantee allows in a period, and the service credit owed
 * for the uptime achieved. Percentages carry at most 4 decimals (the plan schema sees to it), so
 * they are scaled to whole millionths of one (1 = 1 000 000) and all comparisons and products
 * are integer arithmetic: a tier boundary is never missed by a float rounding error.
 */

/** The convention, as printed on reports. */
export const DOWNTIME_CONVENTION =
  'Allowed downtime is the share of the period not guaranteed, taken of the period’s actual length: ' +
  'a calendar month counts its real days (28 to 31) in the plan’s time zone, including an hour more or less on a DST change. ' +
  '99.9 % of a 30-day month is 43 min 12 s; of a 365-day year, 8 h 45 min 36 s.';

const MILLIONTHS = 1_000_000n;

/** A percentage (≤ 4 decimals) as millionths of one: 99.9 → 999 000n. */
export function percentToMillionths(percent: number): bigint {
  return BigInt(Math.round(percent * 10_000));
}

/** The calendar month `YYYY-MM` in `timeZone`, as [start, end). */
export function calendarMonth(month: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(`${month}-01`, { zone: timeZone });
  if (!start.isValid) throw new RangeError(`Not a month in a known time zone: ${month} ${timeZone}`);
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

/**
 * Seconds of downtime the guarantee allows in [periodStart, periodEnd): (100 − guarantee) % of the
 * period's actual length, rounded down to the millisecond (never allow more than promised).
 */
export function allowedDowntime(periodStart: Date, periodEnd: Date, guaranteePercent: number): number {
  const periodMs = BigInt(periodEnd.getTime() - periodStart.getTime());
  if (periodMs < 0n) throw new RangeError('The period ends before it starts');
  const allowedMs = (periodMs * (MILLIONTHS - percentToMillionths(guaranteePercent))) / MILLIONTHS;
  return Number(allowedMs) / 1000;
}

/** Whole days, hours, minutes and seconds (rest kept as a fraction of a second), for "43 min 12 s". */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number; seconds: number } {
  const whole = Math.floor(seconds);
  return {
    days: Math.floor(whole / 86_400),
    hours: Math.floor((whole % 86_400) / 3600),
    minutes: Math.floor((whole % 3600) / 60),
    seconds: (whole % 60) + (seconds - whole),
  };
}

export interface CreditOwed {
  /** The tier hit, or null when the uptime is at or above every threshold. */
  tier: CreditTier | null;
  credit: Money;
}

/**
 * The uptime is compared with thresholds to a millionth of a percent: 99.9 → no credit under a
 * "below 99.9 %" tier, 99.8999 → credit. Finer figures (an uptime fraction times 100) are rounded to
 * that precision first, so 99.89999999999999 from a float division reads as the 99.9 it is.
 */
function microPercent(uptimePercent: number): bigint {
  return BigInt(Math.round(uptimePercent * 1_000_000));
}

/** The deepest tier whose threshold the uptime is below; tiers in any order. */
export function tierFor(uptimePercent: number, tiers: readonly CreditTier[]): CreditTier | null {
  const uptime = microPercent(uptimePercent);
  let hit: CreditTier | null = null;
  for (const tier of tiers) {
    if (uptime >= microPercent(tier.belowPercent)) continue;
    if (!hit || tier.belowPercent < hit.belowPercent) hit = tier;
  }
  return hit;
}

/**
 * The credit owed for a month's uptime: the tier's share of the monthly fee, in minor units,
 * rounded half up (half a cent goes to the client, who was let down). 10 % of €123.45 is
 * 1234.5 cents → €12.35.
 */
export function creditFor(uptimePercent: number, tiers: readonly CreditTier[], monthlyFee: Money): CreditOwed {
  if (!Number.isSafeInteger(monthlyFee.amount) || monthlyFee.amount < 0) throw new RangeError(`A monthly fee is a non-negative whole number of minor units, got ${monthlyFee.amount}`);
  const tier = tierFor(uptimePercent, tiers);
  if (!tier) return { tier: null, credit: { amount: 0, currency: monthlyFee.currency } };
  // fee × credit% = fee × millionths / 10⁶; + half before flooring rounds half up.
  const scaled = BigInt(monthlyFee.amount) * percentToMillionths(tier.creditPercent);
  const amount = (scaled * 2n + MILLIONTHS) / (2n * MILLIONTHS);
  return { tier, credit: { amount: Number(amount), currency: monthlyFee.currency } };
}

export interface UptimeAgainstGuarantee {
  /** Up time over observed time × 100; null when nothing was observed. */
  uptimePercent: number | null;
  downtimeSeconds: number;
  /** Downtime the guarantee allows in the observed time. */
  allowedDowntimeSeconds: number;
  /** Downtime within the allowance (exactly at it is met); null when nothing was observed. */
  met: boolean | null;
}

/**
 * One monitored site's month against the guarantee, from the uptime figures (maintenance already
 * left out of both). Met is decided on whole milliseconds, not on the rounded percentage.
 */
export function uptimeAgainstGuarantee(downSeconds: number, observedSeconds: number, guaranteePercent: number): UptimeAgainstGuarantee {
  const observedMs = BigInt(Math.round(observedSeconds * 1000));
  const downMs = BigInt(Math.round(downSeconds * 1000));
  const allowedMs = (observedMs * (MILLIONTHS - percentToMillionths(guaranteePercent))) / MILLIONTHS;
  if (observedMs === 0n) return { uptimePercent: null, downtimeSeconds: downSeconds, allowedDowntimeSeconds: 0, met: null };
  return {
    uptimePercent: (1 - downSeconds / observedSeconds) * 100,
    downtimeSeconds: downSeconds,
    allowedDowntimeSeconds: Number(allowedMs) / 1000,
    met: downMs <= allowedMs,
  };
}

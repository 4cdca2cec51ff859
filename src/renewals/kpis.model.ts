/**
 * Renewal KPIs over a period: how often renewals were done in time, what lapsed, how early the
 * team renews, and what was paid each month. Pure rules over renewal outcomes; queries feed them.
 */
import { isCalendarDate } from '../registry/assets.model.ts';
import type { Money } from '../platform/money.ts';
import { addMonths, exactSum } from './forecast.model.ts';

/** What happened to one renewal that was due. */
export interface RenewalOutcome {
  assetId: string;
  clientId: string;
  /** The day the asset would have expired without renewal, `YYYY-MM-DD`. */
  dueOn: string;
  /** The day it was renewed, `YYYY-MM-DD`; null while it has not been. */
  renewedOn: string | null;
  /** It expired before being renewed (it may still have been rescued later). */
  lapsed: boolean;
  taskCreatedOn: string | null;
  amountPaid: Money | null;
}

/** Both days inclusive, `YYYY-MM-DD`. */
export interface KpiPeriod {
  from: string;
  to: string;
}

export interface SuccessRate {
  /** Renewals due in the period that were renewed on or before their due day. */
  renewedInTime: number;
  /** Renewals due in the period. */
  due: number;
  /** renewedInTime / due, from 0 to 1; null when nothing was due, as 0 % or 100 % would both mislead. */
  rate: number | null;
}

export interface MonthlyRenewalCost {
  /** Calendar month, `YYYY-MM`. */
  month: string;
  /** One entry per currency paid that month, sorted by code; empty for a month with nothing paid. */
  totals: Money[];
}

export interface RenewalKpis {
  period: KpiPeriod;
  successRate: SuccessRate;
  lapses: { count: number; outcomes: RenewalOutcome[] };
  /** Median of (due day − renewal day) in days over renewals due in the period; null when none was renewed. */
  medianLeadDays: number | null;
  costPerMonth: MonthlyRenewalCost[];
}

const MS_PER_DAY = 86_400_000;

export function renewalKpis(outcomes: readonly RenewalOutcome[], period: KpiPeriod): RenewalKpis {
  assertPeriod(period);
  const due = outcomes.filter((o) => within(o.dueOn, period));
  const lapsed = due.filter((o) => o.lapsed);
  return {
    period,
    successRate: successRate(due),
    lapses: { count: lapsed.length, outcomes: lapsed },
    medianLeadDays: median(due.flatMap((o) => (o.renewedOn ? [leadDays(o.dueOn, o.renewedOn)] : []))),
    costPerMonth: costPerMonth(outcomes, period),
  };
}

function assertPeriod({ from, to }: KpiPeriod): void {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`A KPI period needs calendar dates, got ${from} to ${to}`);
  if (from > to) throw new RangeError(`A KPI period cannot end (${to}) before it starts (${from})`);
}

/** `YYYY-MM-DD` strings compare in calendar order, so no parsing is needed. */
function within(day: string, { from, to }: KpiPeriod): boolean {
  return day >= from && day <= to;
}

export function successRate(due: readonly RenewalOutcome[]): SuccessRate {
  const renewedInTime = due.filter((o) => o.renewedOn !== null && o.renewedOn <= o.dueOn).length;
  return { renewedInTime, due: due.length, rate: due.length === 0 ? null : renewedInTime / due.length };
}

/** Days the renewal came before its due day; negative when it came late. */
export function leadDays(dueOn: string, renewedOn: string): number {
  return Math.round((dayNumber(dueOn) - dayNumber(renewedOn)) / MS_PER_DAY);
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * The middle value; for an even count the mean of the two middle values, so it may end in .5
 * (lead times of 3 and 4 days have a median of 3.5, not a rounded 3 or 4). Null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * What was paid for renewals in each calendar month the period touches, by the day the renewal
 * was done (when the money went out), not by its due day. Renewals without an amount add nothing.
 */
export function costPerMonth(outcomes: readonly RenewalOutcome[], period: KpiPeriod): MonthlyRenewalCost[] {
  const byMonth = new Map<string, Map<string, number>>(calendarMonths(period).map((month) => [month, new Map()]));
  for (const { renewedOn, amountPaid } of outcomes) {
    if (!renewedOn || !amountPaid || !within(renewedOn, period)) continue;
    const totals = byMonth.get(renewedOn.slice(0, 7))!;
    totals.set(amountPaid.currency, exactSum(totals.get(amountPaid.currency) ?? 0, amountPaid.amount));
  }
  return [...byMonth].map(([month, totals]) => ({
    month,
    totals: [...totals]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  }));
}

/** Every `YYYY-MM` from the month of `from` to the month of `to`, in order. */
function calendarMonths({ from, to }: KpiPeriod): string[] {
  const months: string[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = addMonths(first, 1)) months.push(first.slice(0, 7));
  return months;
}

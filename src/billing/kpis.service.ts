import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import {
  addMonths,
  dayEdges,
  daysFrom,
  daysSalesOutstanding,
  dunningRecovery,
  failedPayments,
  lastDayOf,
  monthEdges,
  monthsOf,
  renewalRevenue,
  startOfDay,
  type CurrencyDso,
  type DunningRecoveryView,
  type FailedPaymentsView,
  type KpiPeriod,
  type RenewalRevenueView,
} from './kpis.model.ts';
import * as store from './kpis.store.ts';

/** Longest period: five years, still a handful of grouped queries. */
export const MAX_PERIOD_MONTHS = 60;
/** Months in the default period, the current one included. */
export const DEFAULT_PERIOD_MONTHS = 12;

export interface KpiQuery {
  from?: string | undefined;
  to?: string | undefined;
  clientId?: string | undefined;
}

export interface PeriodView extends KpiPeriod {
  /** The first day of `from`. */
  firstDay: string;
  /** The last day of `to`, or today while `to` is the current month. */
  lastDay: string;
  /** Days from `firstDay` to `lastDay`, both included: the days DSO is counted over. */
  days: number;
  /** The agency's time zone, in which months and days are counted. */
  timeZone: string;
}

export interface BillingKpisView {
  period: PeriodView;
  /** The client the figures are narrowed to; null for the whole agency. */
  clientId: string | null;
  renewalRevenue: RenewalRevenueView;
  failedPayments: FailedPaymentsView;
  dunningRecovery: DunningRecoveryView;
  daysSalesOutstanding: CurrencyDso[];
}

/**
 * The billing KPIs of a period, for the agency's staff (the route asks for billing:oversee, which
 * client portal users lack: the agency's collection figures are not their business).
 */
export async function billingKpis(deps: Deps, query: KpiQuery): Promise<BillingKpisView> {
  const db = deps.database.db;
  const { timeZone } = await readAgency(deps);
  const period = kpiPeriod(deps.now(), timeZone, query.from, query.to);
  const clientId = query.clientId;
  // A client that does not exist is a 404, not empty figures that look like good news.
  if (clientId && !(await store.clientExists(db, clientId))) throw notFound('client', clientId);

  const months = monthsOf(period);
  const firstDays = [...months, addMonths(period.to, 1)].map((m) => `${m}-01`);
  const instants = monthEdges(months, timeZone);
  const start = instants[0]!;
  const end = startOfDay(DateTime.fromISO(period.lastDay).plus({ days: 1 }).toISODate()!, timeZone);
  const [billed, credited, collected, charges, dunning, receivable, invoiced, paid] = await Promise.all([
    store.renewalBilled(db, months, firstDays, clientId),
    store.renewalCredited(db, months, firstDays, clientId),
    store.renewalCollected(db, months, instants, clientId),
    store.chargeCounts(db, start, end, clientId),
    store.dunningCounts(db, start, end, clientId),
    store.receivableAt(db, period.lastDay, end, clientId),
    store.invoicedTotals(db, period.firstDay, period.lastDay, clientId),
    store.paidByIssueDay(db, dayEdges(period.firstDay, period.lastDay, timeZone), clientId),
  ]);
  return {
    period,
    clientId: clientId ?? null,
    renewalRevenue: renewalRevenue(months, { billed, credited, collected }),
    failedPayments: failedPayments(charges),
    dunningRecovery: dunningRecovery(dunning),
    daysSalesOutstanding: daysSalesOutstanding({ firstDay: period.firstDay, lastDay: period.lastDay, receivable, invoiced, paid }),
  };
}

/**
 * The period asked for, checked: by default the last 12 months, the current one included. A
 * month after the current one has no figures yet and is refused rather than shown as zeros.
 */
export function kpiPeriod(now: Date, timeZone: string, from: string | undefined, to: string | undefined): PeriodView {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const current = today.slice(0, 7);
  const last = to ?? current;
  const first = from ?? addMonths(last, 1 - DEFAULT_PERIOD_MONTHS);
  const errors: FieldError[] = [];
  if (last > current) errors.push({ field: 'querystring.to', message: `must not be after the current month, ${current}` });
  if (first > last) errors.push({ field: 'querystring.from', message: `must not be after to (${last})` });
  else if (first <= addMonths(last, -MAX_PERIOD_MONTHS)) errors.push({ field: 'querystring.from', message: `the period can be at most ${MAX_PERIOD_MONTHS} months` });
  if (errors.length > 0) throw invalid(errors);
  const lastDay = last === current ? today : lastDayOf(last);
  const firstDay = `${first}-01`;
  return { from: first, to: last, firstDay, lastDay, days: daysFrom(firstDay, lastDay) + 1, timeZone };
}

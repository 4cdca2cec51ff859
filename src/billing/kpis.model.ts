/**
 * Billing KPIs over a period of whole calendar months in the agency's time zone: revenue from
 * renewals, the failed payment rate, the recovery rate of dunning and days sales outstanding.
 * The database adds up (kpis.store.ts); these pure rules turn its sums into figures. Money is
 * kept per currency throughout: amounts in different currencies are never added together.
 */
import { DateTime, IANAZone } from 'luxon';
import { recoveryRate } from './dunning.model.ts';

/** Both months included, `YYYY-MM`, in the agency's calendar. */
export interface KpiPeriod {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** `YYYY-MM` moved by `count` months (negative: back). */
export function addMonths(month: string, count: number): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: count }).toFormat('yyyy-MM');
}

/** Every month of the period, in order. */
export function monthsOf({ from, to }: KpiPeriod): string[] {
  if (!isMonth(from) || !isMonth(to)) throw new RangeError(`A KPI period needs months, YYYY-MM, got ${from} to ${to}`);
  if (from > to) throw new RangeError(`A KPI period cannot end (${to}) before it starts (${from})`);
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

export function lastDayOf(month: string): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).endOf('month').toISODate()!;
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD`); negative when `to` comes first. */
export function daysFrom(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** The instant a calendar day begins in `zone`, as stored (`2026-01-31T23:00:00.000Z`). */
export function startOfDay(day: string, zone: string): string {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate().toISOString();
}

/**
 * Where each month begins in `zone`, and where the last one ends: `months.length + 1` instants,
 * so an instant falls in month `k` when `edges[k] <= instant < edges[k + 1]`.
 */
export function monthEdges(months: readonly string[], zone: string): string[] {
  const last = months.at(-1);
  if (last === undefined) return [];
  return [...months, addMonths(last, 1)].map((month) => startOfDay(`${month}-01`, zone));
}

/** Where each day from `firstDay` to `lastDay` begins in `zone`, and where the last one ends. */
export function dayEdges(firstDay: string, lastDay: string, zone: string): string[] {
  const iana = IANAZone.create(zone);
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  // Each midnight is tried with the day before's UTC offset and moved when the zone's offset at
  // that instant differs (a summer time change). Five years of days through luxon's zone
  // arithmetic took a second; one offset look-up per day is a few milliseconds.
  let offset = iana.offset(Date.UTC(y, m - 1, d));
  return Array.from({ length: daysFrom(firstDay, lastDay) + 2 }, (_, i) => {
    const wall = Date.UTC(y, m - 1, d + i);
    const actual = iana.offset(wall - offset * 60_000);
    if (actual !== offset) offset = iana.offset(wall - actual * 60_000);
    return new Date(wall - offset * 60_000).toISOString();
  });
}

/** part / whole as a percentage with one decimal, rounded like `recoveryRate`; null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const byCurrency = <T extends { currency: string }>(a: T, b: T) => a.currency.localeCompare(b.currency);

// ---------------------------------------------------------------------------------------------
// Revenue from renewals

/** A sum the database made for one month (`YYYY-MM`) and currency. */
export interface MonthSum {
  month: string;
  currency: string;
  amount: number;
}

export interface RenewalRevenue {
  currency: string;
  /** Renewal lines' net (before tax) on invoices issued, less `credited`. */
  invoiced: number;
  /** Renewal lines given back by credit notes issued, as a positive amount; already taken off `invoiced`. */
  credited: number;
  /** The renewal part, before tax, of what was received on invoices with renewal lines, less refunds. */
  collected: number;
}

export interface RenewalRevenueView {
  /** Every month of the period, empty ones included; one entry per currency with anything in it. */
  months: { month: string; totals: RenewalRevenue[] }[];
  /** The whole period, per currency. */
  totals: RenewalRevenue[];
}

export interface RenewalSums {
  billed: readonly MonthSum[];
  credited: readonly MonthSum[];
  collected: readonly MonthSum[];
}

/**
 * Revenue from renewals per month and currency. A credit note counts in the month it was issued,
 * not in its invoice's month: a month already reported does not change afterwards, and a month
 * may show a negative `invoiced` when it credited more renewals than it billed.
 */
export function renewalRevenue(months: readonly string[], sums: RenewalSums): RenewalRevenueView {
  const cells = new Map<string, Map<string, RenewalRevenue>>(months.map((m) => [m, new Map()]));
  const whole = new Map<string, RenewalRevenue>();
  const add = (rows: readonly MonthSum[], apply: (r: RenewalRevenue, amount: number) => void) => {
    for (const row of rows) {
      const month = cells.get(row.month);
      if (!month) throw new RangeError(`A sum for ${row.month}, outside the period`);
      apply(cellOf(month, row.currency), row.amount);
      apply(cellOf(whole, row.currency), row.amount);
    }
  };
  add(sums.billed, (r, amount) => (r.invoiced += amount));
  add(sums.credited, (r, amount) => {
    r.credited += amount;
    r.invoiced -= amount;
  });
  add(sums.collected, (r, amount) => (r.collected += amount));
  return {
    months: [...cells].map(([month, totals]) => ({ month, totals: [...totals.values()].sort(byCurrency) })),
    totals: [...whole.values()].sort(byCurrency),
  };
}

function cellOf(cells: Map<string, RenewalRevenue>, currency: string): RenewalRevenue {
  let cell = cells.get(currency);
  if (!cell) {
    cell = { currency, invoiced: 0, credited: 0, collected: 0 };
    cells.set(currency, cell);
  }
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Failed payment rate

export interface ChargeCount {
  gateway: string;
  /** requested | pending | succeeded | declined | failed */
  state: string;
  count: number;
}

export interface ChargeOutcomes {
  succeeded: number;
  /** The bank or card said no. */
  declined: number;
  /** The gateway itself failed (an error, a timeout): no answer about the card, so not in the rate. */
  failed: number;
  /** Asked and not yet answered (requested, pending): not in the rate either. */
  unsettled: number;
  /** declined / (succeeded + declined), a percentage with one decimal; null when none was settled. */
  percent: number | null;
}

export interface FailedPaymentsView {
  overall: ChargeOutcomes;
  /** One per gateway that had attempts, by name. */
  byGateway: (ChargeOutcomes & { gateway: string })[];
}

/** The failed payment rate: of the attempts that got a final answer, the share declined. */
export function failedPayments(counts: readonly ChargeCount[]): FailedPaymentsView {
  const gateways = new Map<string, ChargeCount[]>();
  for (const c of counts) gateways.set(c.gateway, [...(gateways.get(c.gateway) ?? []), c]);
  return {
    overall: outcomesOf(counts),
    byGateway: [...gateways]
      .map(([gateway, rows]) => ({ gateway, ...outcomesOf(rows) }))
      .sort((a, b) => a.gateway.localeCompare(b.gateway)),
  };
}

function outcomesOf(counts: readonly ChargeCount[]): ChargeOutcomes {
  const of = (...states: string[]) => counts.filter((c) => states.includes(c.state)).reduce((sum, c) => sum + c.count, 0);
  const succeeded = of('succeeded');
  const declined = of('declined');
  return { succeeded, declined, failed: of('failed'), unsettled: of('requested', 'pending'), percent: percentOf(declined, succeeded + declined) };
}

// ---------------------------------------------------------------------------------------------
// Recovery rate of dunning

export interface DunningCount {
  /** active | recovered | exhausted | stopped */
  state: string;
  count: number;
}

export interface DunningRecoveryView {
  /** Cases that entered dunning in the period. */
  entered: number;
  /** Of those, still retrying now. */
  active: number;
  recovered: number;
  exhausted: number;
  stopped: number;
  /** recovered + exhausted + stopped. */
  ended: number;
  /** recovered / ended, a percentage with one decimal (`recoveryRate`); null when none has ended. */
  percent: number | null;
}

/**
 * Of the cases that entered dunning in the period and have ended, the share recovered. Cases
 * still active are left out of the rate (counting them as lost would punish a recent month) and
 * reported beside it. The state is the case's state now, even when it ended after the period.
 */
export function dunningRecovery(counts: readonly DunningCount[]): DunningRecoveryView {
  const of = (state: string) => counts.filter((c) => c.state === state).reduce((sum, c) => sum + c.count, 0);
  const recovered = of('recovered');
  const ended = recovered + of('exhausted') + of('stopped');
  return {
    entered: counts.reduce((sum, c) => sum + c.count, 0),
    active: of('active'),
    recovered,
    exhausted: of('exhausted'),
    stopped: of('stopped'),
    ended,
    percent: recoveryRate(ended, recovered),
  };
}

// ---------------------------------------------------------------------------------------------
// Days sales outstanding

export interface CurrencySum {
  currency: string;
  amount: number;
}

/** Invoices whose last payment fell in the period, grouped by currency and issue day. */
export interface PaidByIssueDay {
  currency: string;
  issuedOn: string;
  invoices: number;
  /** Sum over those invoices of the day of the last payment, counted from the period's first day (0). */
  paidDaySum: number;
}

export interface DsoFacts {
  /** First and last day of the period (the last is today while the period's last month runs). */
  firstDay: string;
  lastDay: string;
  /** What was still owed at the end of `lastDay`. */
  receivable: readonly CurrencySum[];
  /** Totals of the invoices issued in the period. */
  invoiced: readonly CurrencySum[];
  paid: readonly PaidByIssueDay[];
}

export interface CurrencyDso {
  currency: string;
  receivableAtEnd: number;
  invoiced: number;
  /** receivableAtEnd / invoiced × days in the period, one decimal; null when nothing was invoiced. */
  dso: number | null;
  /** Invoices paid in full whose last payment fell in the period. */
  paidInvoices: number;
  /** Their mean days from issue day to the day of the last payment, one decimal; null when none. */
  averageDaysToPay: number | null;
}

/**
 * Days sales outstanding per currency: how many days of the period's invoicing are still owed at
 * its end. With €3,000 owed at the end of a 90-day quarter that invoiced €9,000, it is 30 days.
 * The actual days to pay sit beside it, since DSO moves with how invoicing is spread over time.
 */
export function daysSalesOutstanding(facts: DsoFacts): CurrencyDso[] {
  const days = daysFrom(facts.firstDay, facts.lastDay) + 1;
  const rows = new Map<string, CurrencyDso>();
  const row = (currency: string) => {
    let r = rows.get(currency);
    if (!r) rows.set(currency, (r = { currency, receivableAtEnd: 0, invoiced: 0, dso: null, paidInvoices: 0, averageDaysToPay: null }));
    return r;
  };
  for (const r of facts.receivable) row(r.currency).receivableAtEnd += r.amount;
  for (const r of facts.invoiced) row(r.currency).invoiced += r.amount;
  const daysToPay = new Map<string, number>();
  for (const p of facts.paid) {
    row(p.currency).paidInvoices += p.invoices;
    // Σ (paid day − issue day) = Σ paid day − count × issue day, both counted from the first day.
    const total = p.paidDaySum - p.invoices * daysFrom(facts.firstDay, p.issuedOn);
    daysToPay.set(p.currency, (daysToPay.get(p.currency) ?? 0) + total);
  }
  for (const r of rows.values()) {
    r.dso = r.invoiced > 0 ? oneDecimal((r.receivableAtEnd / r.invoiced) * days) : null;
    r.averageDaysToPay = r.paidInvoices > 0 ? oneDecimal(daysToPay.get(r.currency)! / r.paidInvoices) : null;
  }
  return [...rows.values()].sort(byCurrency);
}

/**
 * Spend forecast: which renewals fall in each of the coming months, and what they will cost, per
 * client and per provider. Pure rules over assets as the registry holds them; no I/O.
 *
 * Amounts stay integer minor units and are only ever added within one currency: a forecast that
 * converts at some rate would be a guess presented as a number.
 */
import { isCalendarDate, monthsPerCycle, type Asset } from '../registry/assets.model.ts';
import type { Money } from '../platform/money.ts';

export type ForecastAsset = Pick<
  Asset,
  'id' | 'clientId' | 'providerId' | 'status' | 'expiresOn' | 'billingCycle' | 'cycleMonths' | 'currency' | 'costAmount' | 'renewalAmount'
>;

/** One expected renewal inside the window. */
export interface ForecastRenewal {
  assetId: string;
  clientId: string;
  providerId: string | null;
  renewsOn: string;
  amount: Money;
}

/** A renewal inside the window with neither a renewal nor a cost price: it is listed, not guessed. */
export interface UnpricedRenewal {
  assetId: string;
  clientId: string;
  renewsOn: string;
}

export interface ClientSpend {
  clientId: string;
  currency: string;
  amount: number;
}

/** `providerId` null collects assets bought without a recorded provider. */
export interface ProviderSpend {
  providerId: string | null;
  currency: string;
  amount: number;
}

export interface SpendBreakdown {
  byClient: ClientSpend[];
  byProvider: ProviderSpend[];
  /** Everything, one entry per currency. */
  totals: Money[];
}

export interface MonthlySpend extends SpendBreakdown {
  /** Calendar month, `YYYY-MM`. */
  month: string;
}

export interface SpendForecast {
  from: string;
  /** Every month of the window in order, empty months included, so charts need no gap filling. */
  months: MonthlySpend[];
  renewals: ForecastRenewal[];
  unpriced: UnpricedRenewal[];
}

/** These will not be paid for again; every other status still renews (an expired one may be rescued). */
const NOT_RENEWING: ReadonlySet<Asset['status']> = new Set(['retired', 'cancelled']);

/**
 * The calendar date `months` after `date`, clamped to the month's last day (Jan 31 + 1 → Feb 28 or
 * 29). Callers step from a fixed anchor, never from the previous result, so Jan 31 monthly comes
 * back to Mar 31 after the short February instead of drifting to the 28th for good.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDate(year, month + 1, Math.min(d, lastDay));
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The renewal days of one asset from `from` (inclusive) up to `until` (exclusive): its expires_on
 * and every cycle after it. An asset whose expires_on is already behind us still renews on its
 * next cycle day, which is what the agency will be billed for.
 */
export function renewalDays(asset: ForecastAsset, from: string, until: string): string[] {
  const cycle = monthsPerCycle(asset.billingCycle, asset.cycleMonths);
  if (!asset.expiresOn || NOT_RENEWING.has(asset.status)) return [];
  if (cycle === null) return asset.expiresOn >= from && asset.expiresOn < until ? [asset.expiresOn] : [];
  // A cycle of zero months would never move forward; bad data should not hang the forecast.
  if (!Number.isInteger(cycle) || cycle < 1) return [];
  // Jump straight to the cycle around `from`: an asset dated years back need not be walked through.
  const firstStep = Math.max(0, Math.floor(monthsBetween(asset.expiresOn, from) / cycle));
  const days: string[] = [];
  for (let step = firstStep; ; step++) {
    const day = addMonths(asset.expiresOn, step * cycle);
    if (day >= until) return days;
    if (day >= from) days.push(day);
  }
}

/** Whole calendar months from the month of `a` to the month of `b`, ignoring days. */
function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

/**
 * The spend expected in the `months` calendar months starting with the month of `from`. The first
 * month counts only from `from` on: renewals earlier in it are already done or already late, and
 * belong in the renewal KPIs rather than in a forecast.
 */
export function forecastSpend(assets: readonly ForecastAsset[], from: string, months = 12): SpendForecast {
  if (!isCalendarDate(from)) throw new RangeError(`Forecast start must be a calendar date, got ${from}`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`Forecast length must be a whole number of months, got ${months}`);
  const firstOfMonth = `${from.slice(0, 7)}-01`;
  const until = addMonths(firstOfMonth, months);
  const renewals: ForecastRenewal[] = [];
  const unpriced: UnpricedRenewal[] = [];
  for (const asset of assets) {
    // The renewal price is what will actually be paid; the current cost is the best fallback.
    const price = asset.renewalAmount ?? asset.costAmount;
    const { id: assetId, clientId, providerId, currency } = asset;
    for (const renewsOn of renewalDays(asset, from, until)) {
      if (price === null) unpriced.push({ assetId, clientId, renewsOn });
      else renewals.push({ assetId, clientId, providerId, renewsOn, amount: { amount: price, currency } });
    }
  }
  renewals.sort(byDayThenAsset);
  unpriced.sort(byDayThenAsset);
  return { from, months: monthlySpend(renewals, firstOfMonth, months), renewals, unpriced };
}

function monthlySpend(renewals: readonly ForecastRenewal[], firstOfMonth: string, months: number): MonthlySpend[] {
  const byMonth = new Map<string, ForecastRenewal[]>();
  for (let i = 0; i < months; i++) byMonth.set(addMonths(firstOfMonth, i).slice(0, 7), []);
  for (const renewal of renewals) byMonth.get(renewal.renewsOn.slice(0, 7))!.push(renewal);
  return [...byMonth].map(([month, inMonth]) => ({ month, ...breakdown(inMonth) }));
}

function byDayThenAsset(a: { renewsOn: string; assetId: string }, b: { renewsOn: string; assetId: string }): number {
  return a.renewsOn.localeCompare(b.renewsOn) || a.assetId.localeCompare(b.assetId);
}

/** The whole window's spend per client and per provider, one entry per currency. */
export function forecastTotals(forecast: SpendForecast): SpendBreakdown {
  return breakdown(forecast.renewals);
}

function breakdown(renewals: readonly ForecastRenewal[]): SpendBreakdown {
  const byClient = new Map<string, ClientSpend>();
  const byProvider = new Map<string, ProviderSpend>();
  const totals = new Map<string, Money>();
  for (const { clientId, providerId, amount } of renewals) {
    const { currency } = amount;
    addInto(byClient, JSON.stringify([clientId, currency]), { clientId, currency, amount: 0 }, amount.amount);
    addInto(byProvider, JSON.stringify([providerId, currency]), { providerId, currency, amount: 0 }, amount.amount);
    addInto(totals, currency, { currency, amount: 0 }, amount.amount);
  }
  return {
    byClient: [...byClient.values()].sort((a, b) => a.clientId.localeCompare(b.clientId) || a.currency.localeCompare(b.currency)),
    byProvider: [...byProvider.values()].sort(
      (a, b) => (a.providerId ?? '').localeCompare(b.providerId ?? '') || a.currency.localeCompare(b.currency),
    ),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** Adds minor units to the entry under `key`, refusing sums too large to be exact. */
function addInto<T extends { amount: number }>(entries: Map<string, T>, key: string, empty: T, amount: number): void {
  const entry = entries.get(key) ?? empty;
  entries.set(key, entry);
  entry.amount = exactSum(entry.amount, amount);
}

/** A sum of minor units that is still a whole, exactly representable number — or an error, never a rounded total. */
export function exactSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(sum)) {
    throw new RangeError(`Money amounts must be whole minor units within safe range, got ${a} + ${b}`);
  }
  return sum;
}

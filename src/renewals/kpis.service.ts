import type { Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import type { Money } from '../platform/money.ts';
import { addMonths, exactSum, renewalDays, type ForecastAsset } from './forecast.model.ts';
import { costPerMonth, leadDays, median, renewalKpis, type KpiPeriod, type RenewalKpis, type RenewalOutcome } from './kpis.model.ts';
import { addDays } from './reminders.model.ts';
import * as store from './kpis.store.ts';

/** Longest period the KPIs are computed over: five years of tasks is still one pass. */
export const MAX_PERIOD_MONTHS = 60;
/** Lapses listed by name; the count covers them all. */
export const LAPSES_LISTED = 100;
export const UNPRICED_LISTED = 50;

const today = (deps: Deps) => deps.now().toISOString().slice(0, 10);

/** The period asked for, the last 12 months (ending today) when left out; checked. */
export function kpiPeriod(deps: Deps, from: string | undefined, to: string | undefined): KpiPeriod {
  const end = to ?? today(deps);
  const start = from ?? addDays(addMonths(end, -12), 1);
  const errors: FieldError[] = [];
  if (start > end) errors.push({ field: 'querystring.to', message: `must not be before from (${start})` });
  else if (end > addMonths(start, MAX_PERIOD_MONTHS)) errors.push({ field: 'querystring.to', message: 'the period can be at most 5 years' });
  if (errors.length > 0) throw invalid(errors);
  return { from: start, to: end };
}

/** A filter naming a client or provider that does not exist is a 404, not an empty answer that looks like good news. */
export async function checkFilter(deps: Deps, filter: store.ForecastFilter): Promise<void> {
  if (filter.clientId && !(await store.exists(deps.database.db, 'clients', filter.clientId))) throw notFound('client', filter.clientId);
  if (filter.providerId && !(await store.exists(deps.database.db, 'providers', filter.providerId))) throw notFound('provider', filter.providerId);
}

/**
 * What a renewal task says happened. A renewal the agency decided not to renew (outcome or task
 * cancelled) was not due: counting it as a failure would punish a good decision. It lapsed when
 * it was renewed after its date, or is still open with its date behind us.
 */
export function outcomeOfTask(task: store.TaskFacts, todayOn: string): RenewalOutcome | null {
  if (task.state === 'cancelled' || task.outcome === 'cancelled') return null;
  const renewedOn = task.state === 'done' && task.completedAt ? task.completedAt.slice(0, 10) : null;
  const open = task.state !== 'done';
  return {
    assetId: task.assetId,
    clientId: task.clientId,
    dueOn: task.renewalOn,
    renewedOn,
    lapsed: renewedOn !== null ? renewedOn > task.renewalOn : open && task.renewalOn < todayOn,
    taskCreatedOn: task.createdAt.slice(0, 10),
    amountPaid: task.paidAmount !== null && task.paidCurrency ? { amount: task.paidAmount, currency: task.paidCurrency } : null,
  };
}

export interface LapseView extends RenewalOutcome {
  assetName: string;
}

export interface KpisView extends Omit<RenewalKpis, 'lapses'> {
  lapses: { count: number; outcomes: LapseView[] };
}

/**
 * The KPIs of the period. Tasks stream past in keyset pages; each page goes through the pure
 * `renewalKpis` and only counts, the first lapses and the lead days (plain numbers, for the
 * median) are kept, so five years of a large registry need no list of every renewal in memory.
 */
export async function kpis(deps: Deps, period: KpiPeriod, clientId: string | undefined): Promise<KpisView> {
  const db = deps.database.db;
  const todayOn = today(deps);
  const success = { renewedInTime: 0, due: 0 };
  const lapses = { count: 0, outcomes: [] as RenewalOutcome[] };
  const leads: number[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.tasksDueIn(db, period, clientId, after);
    const outcomes = page.flatMap((task) => outcomeOfTask(task, todayOn) ?? []);
    const part = renewalKpis(outcomes, period);
    success.renewedInTime += part.successRate.renewedInTime;
    success.due += part.successRate.due;
    lapses.count += part.lapses.count;
    lapses.outcomes.push(...part.lapses.outcomes.slice(0, LAPSES_LISTED - lapses.outcomes.length));
    for (const o of outcomes) if (o.renewedOn) leads.push(leadDays(o.dueOn, o.renewedOn));
    if (page.length < store.PAGE_SIZE) break;
    after = page[page.length - 1]!.id;
  }
  // Money by the day it was paid, from the cost history: a renewal due before the period but paid in it counts here.
  const paid = (await store.paidPerDay(db, period, clientId)).map((p) => ({ ...blankOutcome, renewedOn: p.paidOn, amountPaid: { amount: p.amount, currency: p.currency } }));
  const names = await store.namesOf(db, 'assets', lapses.outcomes.map((o) => o.assetId));
  return {
    period,
    successRate: { ...success, rate: success.due === 0 ? null : success.renewedInTime / success.due },
    lapses: { count: lapses.count, outcomes: lapses.outcomes.map((o) => ({ ...o, assetName: names.get(o.assetId) ?? o.assetId })) },
    medianLeadDays: median(leads),
    costPerMonth: costPerMonth(paid, period),
  };
}

const blankOutcome: RenewalOutcome = { assetId: '', clientId: '', dueOn: '', renewedOn: null, lapsed: false, taskCreatedOn: null, amountPaid: null };

// ---------------------------------------------------------------------------------------------
// Forecast

export interface ClientSpendView {
  clientId: string;
  clientName: string;
  currency: string;
  amount: number;
}

export interface ProviderSpendView {
  providerId: string | null;
  providerName: string | null;
  currency: string;
  amount: number;
}

export interface BreakdownView {
  byClient: ClientSpendView[];
  byProvider: ProviderSpendView[];
  totals: Money[];
}

export interface ForecastView {
  from: string;
  months: (BreakdownView & { month: string })[];
  totals: BreakdownView;
  renewals: number;
  unpriced: { count: number; items: { assetId: string; assetName: string; clientId: string; renewsOn: string }[] };
}

/** Sums per (client or provider, currency), exactly; a NUL joins the key so no id can fake another. */
class Tally {
  readonly byClient = new Map<string, number>();
  readonly byProvider = new Map<string, number>();
  readonly totals = new Map<string, number>();

  add(clientId: string, providerId: string | null, amount: Money): void {
    bump(this.byClient, `${clientId}\u0000${amount.currency}`, amount.amount);
    bump(this.byProvider, `${providerId ?? ''}\u0000${amount.currency}`, amount.amount);
    bump(this.totals, amount.currency, amount.amount);
  }
}

function bump(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, exactSum(map.get(key) ?? 0, amount));
}

/**
 * The spend expected over the coming `months`, from today: what `forecastSpend` computes, folded
 * into running sums as the assets stream past. Assets are read in keyset pages of the few columns
 * needed and no list of renewals is kept, so time and memory stay flat at a million assets;
 * currencies are never added together. forecast-api.test.ts holds the two to the same answers.
 */
export async function forecast(deps: Deps, filter: store.ForecastFilter, months: number): Promise<ForecastView> {
  const db = deps.database.db;
  const from = today(deps);
  const firstOfMonth = `${from.slice(0, 7)}-01`;
  const until = addMonths(firstOfMonth, months);
  const perMonth = new Map<string, Tally>(Array.from({ length: months }, (_, i) => [addMonths(firstOfMonth, i).slice(0, 7), new Tally()]));
  const folded: Folded = { from, perMonth, whole: new Tally(), renewals: 0, unpricedCount: 0, unpriced: [], days: new Map() };
  for (let after: store.ForecastCursor = null; ; ) {
    const { assets, next } = await store.forecastAssets(db, filter, after);
    for (const asset of assets) fold(folded, asset, until);
    folded.unpriced.sort((x, y) => x.renewsOn.localeCompare(y.renewsOn) || x.assetId.localeCompare(y.assetId)).splice(UNPRICED_LISTED);
    if (next === null) break;
    after = next;
  }
  return named(deps, folded);
}

/**
 * Renewal days depend only on expiry, cycle and status, which a million assets share in a few
 * thousand combinations: each is worked out once per forecast.
 */
function daysOf(f: Folded, asset: ForecastAsset, until: string): readonly string[] {
  const key = `${asset.expiresOn}|${asset.billingCycle}|${asset.cycleMonths}|${asset.status}`;
  let days = f.days.get(key);
  if (!days) {
    days = renewalDays(asset, f.from, until);
    f.days.set(key, days);
  }
  return days;
}

function fold(f: Folded, asset: ForecastAsset, until: string): void {
  // As in forecastSpend: the renewal price is what will be paid; the current cost is the fallback.
  const price = asset.renewalAmount ?? asset.costAmount;
  for (const renewsOn of daysOf(f, asset, until)) {
    if (price === null) {
      f.unpricedCount += 1;
      f.unpriced.push({ assetId: asset.id, clientId: asset.clientId, renewsOn });
      continue;
    }
    const amount = { amount: price, currency: asset.currency };
    f.perMonth.get(renewsOn.slice(0, 7))!.add(asset.clientId, asset.providerId, amount);
    f.whole.add(asset.clientId, asset.providerId, amount);
    f.renewals += 1;
  }
}

interface Folded {
  from: string;
  days: Map<string, readonly string[]>;
  perMonth: Map<string, Tally>;
  whole: Tally;
  renewals: number;
  unpricedCount: number;
  unpriced: { assetId: string; clientId: string; renewsOn: string }[];
}

async function named(deps: Deps, f: Folded): Promise<ForecastView> {
  const db = deps.database.db;
  const clientIds = [...f.whole.byClient.keys()].map((k) => k.split('\u0000')[0]!);
  const providerIds = [...f.whole.byProvider.keys()].map((k) => k.split('\u0000')[0]!).filter((id) => id !== '');
  const clients = await store.namesOf(db, 'clients', [...clientIds, ...f.unpriced.map((u) => u.clientId)]);
  const providers = await store.namesOf(db, 'providers', providerIds);
  const assets = await store.namesOf(db, 'assets', f.unpriced.map((u) => u.assetId));
  const view = (tally: Tally): BreakdownView => ({
    byClient: [...tally.byClient]
      .map(([key, amount]) => {
        const [clientId, currency] = key.split('\u0000') as [string, string];
        return { clientId, clientName: clients.get(clientId) ?? clientId, currency, amount };
      })
      .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.currency.localeCompare(b.currency)),
    byProvider: [...tally.byProvider]
      .map(([key, amount]) => {
        const [provider, currency] = key.split('\u0000') as [string, string];
        const providerId = provider === '' ? null : provider;
        return { providerId, providerName: providerId === null ? null : (providers.get(providerId) ?? providerId), currency, amount };
      })
      .sort((a, b) => (a.providerName ?? '\uffff').localeCompare(b.providerName ?? '\uffff') || a.currency.localeCompare(b.currency)),
    totals: [...tally.totals].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
  });
  return {
    from: f.from,
    months: [...f.perMonth].map(([month, tally]) => ({ month, ...view(tally) })),
    totals: view(f.whole),
    renewals: f.renewals,
    unpriced: { count: f.unpricedCount, items: f.unpriced.map((u) => ({ ...u, assetName: assets.get(u.assetId) ?? u.assetId })) },
  };
}

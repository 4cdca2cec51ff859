import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { AssetStatus, BillingCycle } from '../registry/assets.model.ts';
import type { ForecastAsset } from './forecast.model.ts';
import type { KpiPeriod } from './kpis.model.ts';

type Q = Kysely<Schema>;

/** Rows read per round trip: big enough to be quick, small enough to keep memory flat at a million assets. */
export const PAGE_SIZE = 5000;

export interface TaskFacts {
  id: string;
  assetId: string;
  clientId: string;
  renewalOn: string;
  state: string;
  outcome: string | null;
  completedAt: string | null;
  createdAt: string;
  paidAmount: number | null;
  paidCurrency: string | null;
}

/** One keyset page of the renewal tasks whose renewal date falls in the period, by id. */
export async function tasksDueIn(db: Q, period: KpiPeriod, clientId: string | undefined, afterId: string | null): Promise<TaskFacts[]> {
  let query = db
    .selectFrom('renewal_tasks')
    .select(['id', 'asset_id', 'client_id', 'renewal_on', 'state', 'outcome', 'completed_at', 'created_at', 'paid_amount', 'paid_currency'])
    .where('renewal_on', '>=', period.from)
    .where('renewal_on', '<=', period.to);
  if (clientId) query = query.where('client_id', '=', clientId);
  if (afterId) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(PAGE_SIZE).execute();
  return rows.map((r) => ({
    id: r.id,
    assetId: r.asset_id,
    clientId: r.client_id,
    renewalOn: r.renewal_on,
    state: r.state,
    outcome: r.outcome,
    completedAt: r.completed_at,
    createdAt: r.created_at,
    paidAmount: r.paid_amount === null ? null : Number(r.paid_amount),
    paidCurrency: r.paid_currency,
  }));
}

export interface DailyPaid {
  paidOn: string;
  currency: string;
  amount: number;
}

/** What was paid per day and currency in the period (at most a few thousand rows for five years). */
export async function paidPerDay(db: Q, period: KpiPeriod, clientId: string | undefined): Promise<DailyPaid[]> {
  let query = db
    .selectFrom('asset_costs')
    .select((eb) => ['paid_on', 'currency', eb.fn.sum<number | string>('amount').as('amount')])
    .where('paid_on', '>=', period.from)
    .where('paid_on', '<=', period.to);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.groupBy(['paid_on', 'currency']).orderBy('paid_on').execute();
  // PostgreSQL sums a bigint into a numeric, handed back as text.
  return rows.map((r) => ({ paidOn: r.paid_on, currency: r.currency, amount: Number(r.amount) }));
}

export interface ForecastFilter {
  clientId?: string | undefined;
  providerId?: string | undefined;
}

const FORECAST_COLUMNS = ['id', 'client_id', 'provider_id', 'status', 'expires_on', 'billing_cycle', 'cycle_months', 'currency', 'cost_amount', 'renewal_amount'] as const;

/** Where the previous page ended: by id over all assets, by (expiry, id) within one client. */
export type ForecastCursor = { id: string; expiresOn: string | null } | null;

/**
 * One keyset page of assets, only the columns the forecast needs. The pages must come from an
 * index walk, never a sort: a filter the planner answers from another index would sort every
 * matching row again for each page. So all assets go by primary key (the forecast itself skips
 * those that no longer renew, and a provider is matched here on the rows read), and one client's
 * go by its (client, expiry, id) index.
 */
export async function forecastAssets(db: Q, filter: ForecastFilter, after: ForecastCursor): Promise<{ assets: ForecastAsset[]; next: ForecastCursor }> {
  let query = db.selectFrom('assets').select([...FORECAST_COLUMNS]);
  if (filter.clientId) {
    query = query.where('client_id', '=', filter.clientId).where('expires_on', 'is not', null);
    if (after) query = query.where((eb) => eb.or([eb('expires_on', '>', after.expiresOn), eb.and([eb('expires_on', '=', after.expiresOn), eb('id', '>', after.id)])]));
    query = query.orderBy('expires_on').orderBy('id');
  } else {
    if (after) query = query.where('id', '>', after.id);
    query = query.orderBy('id');
  }
  const rows = await query.limit(PAGE_SIZE).execute();
  const last = rows[rows.length - 1];
  const next = rows.length < PAGE_SIZE || !last ? null : { id: last.id, expiresOn: last.expires_on };
  const kept = filter.providerId ? rows.filter((r) => r.provider_id === filter.providerId) : rows;
  return { assets: kept.map(toForecastAsset), next };
}

function toForecastAsset(r: { [K in (typeof FORECAST_COLUMNS)[number]]: Row<'assets'>[K] }): ForecastAsset {
  return {
    id: r.id,
    clientId: r.client_id,
    providerId: r.provider_id,
    status: r.status as AssetStatus,
    expiresOn: r.expires_on,
    billingCycle: r.billing_cycle as BillingCycle,
    cycleMonths: r.cycle_months,
    currency: r.currency,
    costAmount: r.cost_amount === null ? null : Number(r.cost_amount),
    renewalAmount: r.renewal_amount === null ? null : Number(r.renewal_amount),
  };
}

/** Names by id of one table, read in chunks so a long list of ids stays within parameter limits. */
export async function namesOf(db: Q, table: 'clients' | 'providers' | 'assets', ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

export async function exists(db: Q, table: 'clients' | 'providers', id: string): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

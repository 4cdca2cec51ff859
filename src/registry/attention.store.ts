import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { dateAfterDays } from './assets.model.ts';
import type { CostByCurrency } from './clients.model.ts';

/**
 * The numbers on the "needs attention" dashboard, each the count (and yearly cost) behind a
 * filtered asset list, so a click on a number shows exactly the assets it counts.
 */
export interface Attention {
  renewing: { days: number; count: number; cost: CostByCurrency }[];
  expired: number;
  unowned: number;
}

const WINDOWS = [7, 30, 90] as const;
const LIVE = ['cancelled', 'retired'];

export async function attention(db: Kysely<Schema>, clientId: string | null, now: Date): Promise<Attention> {
  const [renewing, expired, unowned] = await Promise.all([renewingWindows(db, clientId, now), countExpired(db, clientId, now), countUnowned(db, clientId)]);
  return { renewing, expired, unowned };
}

const scopedAssets = (db: Kysely<Schema>, clientId: string | null) =>
  clientId ? db.selectFrom('assets').where('client_id', '=', clientId) : db.selectFrom('assets');

/** All three windows from one pass over the widest one, read from the expiry index. */
async function renewingWindows(db: Kysely<Schema>, clientId: string | null, now: Date): Promise<Attention['renewing']> {
  const ends = WINDOWS.map((days) => dateAfterDays(now, days));
  const price = sql<number>`coalesce(renewal_amount, cost_amount, 0)`;
  const rows = await scopedAssets(db, clientId)
    .select((eb) => [
      'currency',
      ...ends.flatMap((end, i) => [
        eb.fn.sum<number>(sql`case when expires_on <= ${end} then 1 else 0 end`).as(`n${i}`),
        eb.fn.sum<number>(sql`case when expires_on <= ${end} then ${price} else 0 end`).as(`c${i}`),
      ]),
    ])
    .where('status', 'not in', LIVE)
    .where('expires_on', '>=', dateAfterDays(now, 0))
    .where('expires_on', '<=', ends[ends.length - 1]!)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return WINDOWS.map((days, i) => {
    const field = (r: (typeof rows)[number], prefix: string) => Number((r as Record<string, unknown>)[`${prefix}${i}`] ?? 0);
    return {
      days,
      count: rows.reduce((sum, r) => sum + field(r, 'n'), 0),
      cost: rows.map((r) => ({ currency: r.currency, amount: field(r, 'c') })).filter((c) => c.amount > 0),
    };
  });
}

/**
 * "Expired" as the asset list's status filter shows it: stored as expired, or live and past its
 * date. Counted as two index lookups rather than one OR that would read every row.
 */
async function countExpired(db: Kysely<Schema>, clientId: string | null, now: Date): Promise<number> {
  const count = (eb: ExpressionBuilder<Schema, 'assets'>) => eb.fn.countAll<number>().as('n');
  const [stored, lapsed] = await Promise.all([
    scopedAssets(db, clientId).select(count).where('status', '=', 'expired').executeTakeFirstOrThrow(),
    scopedAssets(db, clientId).select(count).where('status', 'in', ['active', 'expiring']).where('expires_on', '<', dateAfterDays(now, 0)).executeTakeFirstOrThrow(),
  ]);
  return Number(stored.n) + Number(lapsed.n);
}

async function countUnowned(db: Kysely<Schema>, clientId: string | null): Promise<number> {
  const row = await scopedAssets(db, clientId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', 'is', null)
    .where('status', 'not in', LIVE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface TimelineMonth {
  /** `YYYY-MM`. */
  month: string;
  count: number;
  /** What the renewals of the month will cost, per currency. */
  cost: CostByCurrency;
}

/** Renewals of the next `months` calendar months (this one included), grouped by month. */
export async function renewalTimeline(db: Kysely<Schema>, clientId: string | null, now: Date, months = 12): Promise<TimelineMonth[]> {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  let query = db
    .selectFrom('assets')
    .select(['expires_on', 'currency', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(sql`coalesce(renewal_amount, cost_amount, 0)`).as('cost')])
    .where('status', 'not in', LIVE)
    .where('expires_on', '>=', dateAfterDays(now, 0))
    .where('expires_on', '<', end.toISOString().slice(0, 10))
    .groupBy(['expires_on', 'currency']);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.execute();
  const byMonth = new Map<string, { count: number; cost: Map<string, number> }>();
  for (let i = 0; i < months; i++) {
    const m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
    byMonth.set(m, { count: 0, cost: new Map() });
  }
  for (const row of rows) {
    const entry = byMonth.get(row.expires_on!.slice(0, 7));
    if (!entry) continue;
    entry.count += Number(row.n);
    entry.cost.set(row.currency, (entry.cost.get(row.currency) ?? 0) + Number(row.cost));
  }
  return [...byMonth].map(([month, { count, cost }]) => ({
    month,
    count,
    cost: [...cost].filter(([, amount]) => amount > 0).sort().map(([currency, amount]) => ({ currency, amount })),
  }));
}

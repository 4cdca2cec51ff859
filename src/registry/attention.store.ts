import { sql, type Kysely } from 'kysely';
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
  const today = dateAfterDays(now, 0);
  const scoped = () => {
    let q = db.selectFrom('assets').where('status', 'not in', LIVE);
    if (clientId) q = q.where('client_id', '=', clientId);
    return q;
  };
  const renewing = await Promise.all(
    WINDOWS.map(async (days) => {
      const rows = await scoped()
        .select(['currency', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(sql`coalesce(renewal_amount, cost_amount, 0)`).as('cost')])
        .where('expires_on', '>=', today)
        .where('expires_on', '<=', dateAfterDays(now, days))
        .groupBy('currency')
        .orderBy('currency')
        .execute();
      return {
        days,
        count: rows.reduce((sum, r) => sum + Number(r.n), 0),
        cost: rows.map((r) => ({ currency: r.currency, amount: Number(r.cost) })).filter((c) => c.amount > 0),
      };
    }),
  );
  // "Expired" as the asset list's status filter shows it: the stored status, or a live one past its date.
  const expired = await (clientId ? db.selectFrom('assets').where('client_id', '=', clientId) : db.selectFrom('assets'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('status', '=', 'expired'), eb.and([eb('status', 'in', ['active', 'expiring']), eb('expires_on', '<', today)])]))
    .executeTakeFirstOrThrow();
  const unowned = await scoped().select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', 'is', null).executeTakeFirstOrThrow();
  return { renewing, expired: Number(expired.n), unowned: Number(unowned.n) };
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

import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { ChargeCount, CurrencySum, DunningCount, MonthSum, PaidByIssueDay } from './kpis.model.ts';

/**
 * The sums behind the billing KPIs. Every query adds up in the database (GROUP BY) and hands back
 * a few rows per month, currency, gateway or issue day, never a row per invoice, so the KPIs of a
 * hundred thousand invoices are still one short round of queries.
 *
 * Months and days are those of the agency's time zone. SQLite knows no IANA time zones, so the
 * caller works out where each month or day begins (as UTC instants, or as dates for date
 * columns) and `bucketOf` finds the bucket by comparisons alone, which both databases make the
 * same way: PostgreSQL compares timestamps, SQLite the stored ISO texts, which sort in time order.
 */
type Q = Kysely<Schema>;

/** Which client's figures; undefined: the whole agency. */
export type ClientFilter = string | undefined;

const RENEWAL_KEY_PREFIX = 'renewal:';
/** A line a billing run made for a renewal (SLA credits and others use other key prefixes). */
const renewalLine = (column: string) => sql<SqlBool>`substr(${sql.ref(column)}, 1, ${sql.lit(RENEWAL_KEY_PREFIX.length)}) = ${RENEWAL_KEY_PREFIX}`;

/** Invoices that count: issued (not a draft) and not voided. Uncollectible ones were still invoiced. */
const COUNTED = ['draft', 'void'];

/**
 * The index k of the bucket `[edges[k], edges[k + 1])` that holds `value`, for a value already
 * known to lie within `[edges[0], edges[last])`. A balanced tree of comparisons: eleven of them
 * place an instant among the 1,827 days of five years.
 */
export function bucketOf(value: Expression<unknown>, edges: readonly string[], lo = 0, hi = edges.length - 1): RawBuilder<number> {
  if (hi - lo <= 1) return sql<number>`${sql.lit(lo)}`;
  const mid = (lo + hi) >> 1;
  return sql<number>`case when ${value} < ${edges[mid]} then ${bucketOf(value, edges, lo, mid)} else ${bucketOf(value, edges, mid, hi)} end`;
}

/** PostgreSQL sums bigints into numerics, handed back as text. */
const toNumber = (value: unknown) => Number(value ?? 0);

function monthSums(rows: readonly { bucket: unknown; currency: string; amount: unknown }[], months: readonly string[]): MonthSum[] {
  return rows.map((r) => ({ month: months[Number(r.bucket)]!, currency: r.currency, amount: toNumber(r.amount) }));
}

/** Renewal lines' net on invoices issued in each month; `firstDays` are the months' first days and the day after the last. */
export async function renewalBilled(db: Q, months: readonly string[], firstDays: readonly string[], clientId: ClientFilter): Promise<MonthSum[]> {
  let lines = db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
    .select([bucketOf(sql.ref('i.issued_on'), firstDays).as('bucket'), 'i.currency', 'l.net'])
    .where('i.kind', '=', 'invoice')
    .where('i.state', 'not in', COUNTED)
    .where('i.issued_on', '>=', firstDays[0]!)
    .where('i.issued_on', '<', firstDays.at(-1)!)
    .where(renewalLine('l.renewal_key'));
  if (clientId) lines = lines.where('i.client_id', '=', clientId);
  const rows = await db
    .selectFrom(lines.as('t'))
    .select((eb) => ['t.bucket', 't.currency', eb.fn.sum<string | number>('t.net').as('amount')])
    .groupBy(['t.bucket', 't.currency'])
    .execute();
  return monthSums(rows, months);
}

/**
 * Renewal lines given back by credit notes issued in each month, as positive amounts. A credit
 * note's lines are copies of the invoice's lines (same description and asset, unit price negated)
 * without the renewal key, which is unique; a copy of a renewal line is found that way.
 */
export async function renewalCredited(db: Q, months: readonly string[], firstDays: readonly string[], clientId: ClientFilter): Promise<MonthSum[]> {
  let lines = db
    .selectFrom('invoice_lines as cl')
    .innerJoin('invoices as cn', 'cn.id', 'cl.invoice_id')
    .innerJoin('invoices as i', 'i.id', 'cn.correcting_invoice_id')
    .select([bucketOf(sql.ref('cn.issued_on'), firstDays).as('bucket'), 'cn.currency', sql<number>`-${sql.ref('cl.net')}`.as('net')])
    .where('cn.kind', '=', 'credit-note')
    .where('cn.state', '!=', 'void')
    .where('i.state', 'not in', COUNTED)
    .where('cn.issued_on', '>=', firstDays[0]!)
    .where('cn.issued_on', '<', firstDays.at(-1)!)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invoice_lines as rl')
          .select('rl.id')
          .whereRef('rl.invoice_id', '=', 'i.id')
          .where(renewalLine('rl.renewal_key'))
          .whereRef('rl.description', '=', 'cl.description')
          .where(sql<SqlBool>`${sql.ref('rl.unit_price')} = -${sql.ref('cl.unit_price')}`)
          .where((eb) => eb.or([eb('rl.asset_id', '=', eb.ref('cl.asset_id')), eb.and([eb('rl.asset_id', 'is', null), eb('cl.asset_id', 'is', null)])])),
      ),
    );
  if (clientId) lines = lines.where('cn.client_id', '=', clientId);
  const rows = await db
    .selectFrom(lines.as('t'))
    .select((eb) => ['t.bucket', 't.currency', eb.fn.sum<string | number>('t.net').as('amount')])
    .groupBy(['t.bucket', 't.currency'])
    .execute();
  return monthSums(rows, months);
}

/**
 * The renewal part of what was received in each month on invoices with renewal lines, refunds
 * taken off: each payment × (a renewal line's net ÷ the invoice's total), for each renewal line,
 * rounded half away from zero. So a renewal invoice paid in full, tax included, collects what it
 * invoiced before tax, and a mixed invoice's other lines do not count. `edges` are instants.
 */
export async function renewalCollected(db: Q, months: readonly string[], edges: readonly string[], clientId: ClientFilter): Promise<MonthSum[]> {
  let payments = db
    .selectFrom('payments as p')
    .innerJoin('invoices as i', 'i.id', 'p.invoice_id')
    .innerJoin('invoice_lines as l', 'l.invoice_id', 'i.id')
    .select([bucketOf(sql.ref('p.received_at'), edges).as('bucket'), 'i.currency', 'p.kind', 'p.amount', 'i.total', 'l.net'])
    .where('i.kind', '=', 'invoice')
    .where('i.state', 'not in', COUNTED)
    .where('i.total', '>', 0)
    .where(renewalLine('l.renewal_key'))
    .where('p.received_at', '>=', edges[0]!)
    .where('p.received_at', '<', edges.at(-1)!);
  if (clientId) payments = payments.where('i.client_id', '=', clientId);
  // 1.0 first: a numeric on PostgreSQL (exact, no bigint overflow), a double on SQLite.
  const share = sql`round(1.0 * ${sql.ref('t.amount')} * ${sql.ref('t.net')} / ${sql.ref('t.total')})`;
  const rows = await db
    .selectFrom(payments.as('t'))
    .select(['t.bucket', 't.currency', sql<string | number>`sum(case when ${sql.ref('t.kind')} = 'refund' then -${share} else ${share} end)`.as('amount')])
    .groupBy(['t.bucket', 't.currency'])
    .execute();
  return monthSums(rows, months);
}

/** Charge attempts requested in `[start, end)`, counted by gateway and state. */
export async function chargeCounts(db: Q, start: string, end: string, clientId: ClientFilter): Promise<ChargeCount[]> {
  let query = db
    .selectFrom('charges')
    .select((eb) => ['gateway', 'state', eb.fn.countAll<string | number>().as('count')])
    .where('requested_at', '>=', start)
    .where('requested_at', '<', end);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.groupBy(['gateway', 'state']).execute();
  return rows.map((r) => ({ gateway: r.gateway, state: r.state, count: toNumber(r.count) }));
}

/** Dunning cases entered in `[start, end)`, counted by the state they are in now. */
export async function dunningCounts(db: Q, start: string, end: string, clientId: ClientFilter): Promise<DunningCount[]> {
  let query = db
    .selectFrom('dunning_cases')
    .select((eb) => ['state', eb.fn.countAll<string | number>().as('count')])
    .where('entered_at', '>=', start)
    .where('entered_at', '<', end);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.groupBy('state').execute();
  return rows.map((r) => ({ state: r.state, count: toNumber(r.count) }));
}

/** Totals (tax included) of the invoices issued from `firstDay` to `lastDay`, per currency. */
export async function invoicedTotals(db: Q, firstDay: string, lastDay: string, clientId: ClientFilter): Promise<CurrencySum[]> {
  let query = db
    .selectFrom('invoices')
    .select((eb) => ['currency', eb.fn.sum<string | number>('total').as('amount')])
    .where('kind', '=', 'invoice')
    .where('state', 'not in', COUNTED)
    .where('issued_on', '>=', firstDay)
    .where('issued_on', '<=', lastDay);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.groupBy('currency').execute();
  return rows.map((r) => ({ currency: r.currency, amount: toNumber(r.amount) }));
}

/**
 * What was still owed at the end of `lastDay` (the instant `end`), per currency: each invoice
 * issued by then, less the payments received by then (refunds added back) and the credit notes
 * issued by then, never below nothing (an overpaid invoice does not lower what others owe).
 * Void and uncollectible invoices are not receivables; their state is taken as it is now.
 */
export async function receivableAt(db: Q, lastDay: string, end: string, clientId: ClientFilter): Promise<CurrencySum[]> {
  const paidBy = db
    .selectFrom('payments')
    .select(['invoice_id', sql<number>`sum(case when ${sql.ref('kind')} = 'refund' then -${sql.ref('amount')} else ${sql.ref('amount')} end)`.as('paid')])
    .where('received_at', '<', end)
    .groupBy('invoice_id');
  const creditedBy = db
    .selectFrom('invoices')
    .select(['correcting_invoice_id', sql<number>`sum(-${sql.ref('total')})`.as('credited')])
    .where('kind', '=', 'credit-note')
    .where('issued_on', '<=', lastDay)
    .where('correcting_invoice_id', 'is not', null)
    .groupBy('correcting_invoice_id');
  let open = db
    .selectFrom('invoices as i')
    .leftJoin(paidBy.as('p'), 'p.invoice_id', 'i.id')
    .leftJoin(creditedBy.as('c'), 'c.correcting_invoice_id', 'i.id')
    .select(['i.currency', sql<number>`${sql.ref('i.total')} - coalesce(${sql.ref('p.paid')}, 0) - coalesce(${sql.ref('c.credited')}, 0)`.as('owed')])
    .where('i.kind', '=', 'invoice')
    .where('i.state', 'not in', [...COUNTED, 'uncollectible'])
    .where('i.issued_on', '<=', lastDay);
  if (clientId) open = open.where('i.client_id', '=', clientId);
  const rows = await db
    .selectFrom(open.as('t'))
    .select(['t.currency', sql<string | number>`sum(case when ${sql.ref('t.owed')} > 0 then ${sql.ref('t.owed')} else 0 end)`.as('amount')])
    .groupBy('t.currency')
    .execute();
  return rows.map((r) => ({ currency: r.currency, amount: toNumber(r.amount) }));
}

/**
 * Invoices paid in full whose last payment was received within `edges` (where each day of the
 * period begins, and where the last one ends), per currency and issue day, with the sum of the
 * last payments' day numbers in the period: enough for the mean days to pay without a row per invoice.
 */
export async function paidByIssueDay(db: Q, edges: readonly string[], clientId: ClientFilter): Promise<PaidByIssueDay[]> {
  const lastPaid = db.selectFrom('payments').select((eb) => ['invoice_id', eb.fn.max('received_at').as('last_paid_at')]).where('kind', '=', 'payment').groupBy('invoice_id');
  let paid = db
    .selectFrom('invoices as i')
    .innerJoin(lastPaid.as('lp'), 'lp.invoice_id', 'i.id')
    .select(['i.currency', 'i.issued_on', bucketOf(sql.ref('lp.last_paid_at'), edges).as('paid_day')])
    .where('i.kind', '=', 'invoice')
    .where('i.state', '=', 'paid')
    .where('lp.last_paid_at', '>=', edges[0]!)
    .where('lp.last_paid_at', '<', edges.at(-1)!);
  if (clientId) paid = paid.where('i.client_id', '=', clientId);
  const rows = await db
    .selectFrom(paid.as('t'))
    .select((eb) => ['t.currency', 't.issued_on', eb.fn.countAll<string | number>().as('invoices'), eb.fn.sum<string | number>('t.paid_day').as('paid_days')])
    .groupBy(['t.currency', 't.issued_on'])
    .execute();
  return rows.map((r) => ({ currency: r.currency, issuedOn: r.issued_on!, invoices: toNumber(r.invoices), paidDaySum: toNumber(r.paid_days) }));
}

export async function clientExists(db: Q, id: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

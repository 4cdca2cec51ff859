import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { BillingCycle } from '../../registry/assets.model.ts';
import type { BillableRenewal } from '../billing-run.model.ts';

/** What a billing run reads: live, priced renewals in a window, the keys already invoiced, the runs made. */
type Q = Kysely<Schema>;

const LIVE_STATUSES = ['active', 'expiring', 'expired', 'renewing'];
const PAGE = 2_000;

/**
 * Renewals whose date is in [from, to], of clients not archived, with a price, page by page in
 * (expires_on, id) order so a large registry is read in bounded memory.
 */
export async function* billableRenewals(db: Q, from: string, to: string): AsyncGenerator<BillableRenewal[]> {
  let after: { expiresOn: string; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('assets')
      .innerJoin('clients', 'clients.id', 'assets.client_id')
      .select(['assets.id', 'assets.client_id', 'assets.name', 'assets.status', 'assets.expires_on', 'assets.billing_cycle', 'assets.cycle_months', 'assets.currency', 'assets.renewal_amount', 'assets.cost_amount', 'assets.auto_renew'])
      .where('assets.expires_on', '<=', to)
      .where('assets.status', 'in', LIVE_STATUSES)
      .where('clients.archived_at', 'is', null)
      .where((eb) => eb.or([eb('assets.renewal_amount', 'is not', null), eb('assets.cost_amount', 'is not', null)]));
    query = after ? query.where(sql<boolean>`(assets.expires_on, assets.id) > (${after.expiresOn}, ${after.id})`) : query.where('assets.expires_on', '>=', from);
    const rows = await query.orderBy('assets.expires_on').orderBy('assets.id').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const amount = r.renewal_amount ?? r.cost_amount;
      return {
        assetId: r.id,
        assetName: r.name,
        clientId: r.client_id,
        expiresOn: r.expires_on!,
        billingCycle: r.billing_cycle as BillingCycle,
        cycleMonths: r.cycle_months === null ? null : Number(r.cycle_months),
        price: amount === null ? null : { amount: Number(amount), currency: r.currency },
        status: r.status,
        autoRenew: Boolean(Number(r.auto_renew)),
      };
    });
    const last = rows.at(-1)!;
    after = { expiresOn: last.expires_on!, id: last.id };
  }
}

/** Which of these renewal keys are on an invoice already. */
export async function invoicedKeys(db: Q, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('invoice_lines').select('renewal_key').where('renewal_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) if (r.renewal_key) found.add(r.renewal_key);
  }
  return found;
}

/** Days-before per client that has a profile; the rest take the default. */
export async function invoiceDaysByClient(db: Q): Promise<Map<string, number>> {
  const rows = await db.selectFrom('billing_profiles').select(['client_id', 'invoice_days_before']).execute();
  return new Map(rows.map((r) => [r.client_id, Number(r.invoice_days_before)]));
}

/** Drafts a run made but did not issue (it stopped in between): they carry renewal keys. */
export async function unissuedRunDrafts(db: Q): Promise<string[]> {
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('invoice_lines', 'invoice_lines.invoice_id', 'invoices.id')
    .select('invoices.id')
    .distinct()
    .where('invoices.state', '=', 'draft')
    .where('invoice_lines.renewal_key', 'like', 'renewal:%')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether every line names an asset and every one of them renews automatically: such an invoice is charged automatically. */
export async function allAutoRenewing(db: Q, lines: readonly { assetId: string | null }[]): Promise<boolean> {
  const assetIds = lines.map((l) => l.assetId).filter((id): id is string => id !== null);
  if (assetIds.length === 0 || assetIds.length < lines.length) return false;
  const rows = await db.selectFrom('assets').select('auto_renew').where('id', 'in', assetIds).execute();
  return rows.length === new Set(assetIds).size && rows.every((r) => Boolean(Number(r.auto_renew)));
}

export async function startRun(db: Q, id: string, runOn: string, now: string): Promise<void> {
  await db.insertInto('billing_runs').values({ id, run_on: runOn, invoices: 0, lines: 0, started_at: now, finished_at: null }).onConflict((oc) => oc.column('run_on').doNothing()).execute();
}

export async function finishRun(db: Q, runOn: string, invoices: number, lines: number, now: string): Promise<void> {
  await db
    .updateTable('billing_runs')
    .set((eb) => ({ invoices: eb('invoices', '+', invoices), lines: eb('lines', '+', lines), finished_at: now }))
    .where('run_on', '=', runOn)
    .execute();
}

export interface BillingRunRecord {
  runOn: string;
  invoices: number;
  lines: number;
  startedAt: string;
  finishedAt: string | null;
}

export async function recentRuns(db: Q, limit: number): Promise<BillingRunRecord[]> {
  const rows = await db.selectFrom('billing_runs').selectAll().orderBy('run_on', 'desc').limit(limit).execute();
  return rows.map((r) => ({ runOn: r.run_on, invoices: Number(r.invoices), lines: Number(r.lines), startedAt: r.started_at, finishedAt: r.finished_at }));
}

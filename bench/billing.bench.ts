/**
 * Billing benchmark: 1,000 clients with 100,000 priced assets (a tenth renewing within the 30-day
 * lead time, half of them auto-renewing), a saved card each and Stripe as the primary gateway, and
 * five years of invoicing history (invoices, lines, payments, refunds, credit notes, settled
 * charges, closed dunning cases). Timed:
 *
 * 1. the daily billing run (`runBilling`), then the same run again (nothing new: idempotent);
 * 2. the billing KPIs over one year and over five years, on 100,000 invoices;
 * 3. the 15-minute round's reconciliation and dunning with nothing due, and the daily
 *    card-expiry requests over 1,000 clients with cards.
 *
 *   npm run bench:billing                              SQLite
 *   DATABASE_URL=postgres://… npm run bench:billing    PostgreSQL (in a schema of its own, dropped after)
 *   BENCH_CLIENTS=100 npm run bench:billing            a quicker run (assets and history scale with it)
 *
 * No gateway is contacted: the run only books automatic charges (they are made by another step of
 * the round, not timed here). Both gateways' API bases point at a loopback server that counts the
 * requests it gets, and the benchmark fails if it got any.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { saveAgency } from '../src/accounts/agency.ts';
import { systemActor } from '../src/accounts/model.ts';
import { billingKpis } from '../src/billing/kpis.service.ts';
import { requestCardUpdates } from '../src/billing/payments/card-expiry.service.ts';
import { reconcileCharges } from '../src/billing/payments/charges.service.ts';
import { runDueDunning } from '../src/billing/payments/dunning.service.ts';
import { saveBillingSettings, saveGateway } from '../src/billing/payments/settings.service.ts';
import { DEFAULT_BILLING_SETTINGS } from '../src/billing/payments/settings.model.ts';
import { runBilling } from '../src/billing/runs/billing-run.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Schema } from '../src/platform/db/schema.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const ASSETS_PER_CLIENT = 100;
const INVOICES = CLIENTS * 100;
const CHARGES = CLIENTS * 10;
const DUNNING_CASES = CLIENTS;
const NOW = new Date('2026-11-22T05:00:00Z');
const TODAY = '2026-11-22';
const HISTORY_FROM = Date.parse('2021-12-01T00:00:00Z');
const DAY_MS = 86_400_000;
const BATCH = 5_000;
const CTX = { actor: systemActor('bench'), requestId: null };

let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const count = (n: number) => n.toLocaleString('en');

interface Client {
  id: string;
  currency: string;
  taxed: boolean;
  assets: string[];
  card: string;
}

type Row = Record<string, unknown>;

async function insert(database: Database, table: keyof Schema & string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await database.db.transaction().execute((trx) => database.dialect.insertMany(trx, table, part));
  }
}

/** Clients (a tenth in SEK, a tenth in JPY), half with 25 % VAT, each with 100 priced assets and a saved card. */
async function seedRegistry(database: Database): Promise<Client[]> {
  const at = iso(NOW.getTime() - 2000 * DAY_MS);
  const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) => ({ id: newId('client'), currency: i % 10 === 1 ? 'SEK' : i % 10 === 2 ? 'JPY' : 'EUR', taxed: i % 2 === 0, assets: [], card: newId('paymentMethod') }));
  await insert(database, 'clients', clients.map((c, i) => ({ id: c.id, name: `Client ${String(i).padStart(5, '0')}`, contacts: '[]', locale: 'en', currency: c.currency, notes: '', created_at: at, updated_at: at, archived_at: null })));
  await insert(
    database,
    'billing_profiles',
    clients.map((c) => ({
      client_id: c.id, tax_name: c.taxed ? 'VAT' : null, tax_basis_points: c.taxed ? 2500 : null, reverse_charge: 0, vat_number: null, address: '[]', invoice_days_before: 30,
      approval_threshold_amount: null, approval_threshold_currency: null, payment_terms_days: 14, created_at: at, updated_at: at,
    })),
  );
  const assets: Row[] = [];
  for (const [ci, c] of clients.entries()) {
    for (let k = 0; k < ASSETS_PER_CLIENT; k++) {
      const id = newId('asset');
      c.assets.push(id);
      // A tenth renew within the lead time (today to today + 29), the rest later, up to two years out.
      const expires = rand() < 0.1 ? Math.floor(rand() * 30) : 31 + Math.floor(rand() * 700);
      const price = c.currency === 'JPY' ? 500 + Math.floor(rand() * 50_000) : 500 + Math.floor(rand() * 40_000);
      const multiYear = rand() < 0.1;
      const identifier = `site-${k}.client${ci}.example`;
      assets.push({
        id, client_id: c.id, kind: pick(['domain', 'hosting', 'certificate', 'licence']), name: identifier, identifier, provider_id: null, status: rand() < 0.03 ? 'cancelled' : 'active',
        expires_on: day(NOW.getTime() + expires * DAY_MS), billing_cycle: multiYear ? 'multi-year' : 'yearly', cycle_months: multiYear ? 24 : null, currency: c.currency,
        cost_amount: rand() < 0.05 ? price : null, renewal_amount: rand() < 0.05 ? null : price, yearly_cost: price, auto_renew: rand() < 0.5 ? 1 : 0, owner_id: null, notes: '',
        tags: '[]', custom_fields: '{}', secrets: '{}', search_text: identifier, created_at: at, updated_at: at, retired_at: null,
      });
    }
  }
  await insert(database, 'assets', assets);
  await insert(database, 'payment_customers', clients.map((c, i) => ({ client_id: c.id, gateway: 'stripe', customer_ref: `cus_bench${i}`, created_at: at })));
  // A card each; one in ten ends this month, before the client's next automatic charge.
  await insert(
    database,
    'payment_methods',
    clients.map((c, i) => {
      const soon = i % 10 === 3;
      return {
        id: c.card, client_id: c.id, gateway: 'stripe', method_ref: `pm_bench${i}`, kind: 'card', label: `Visa •••• ${String(1000 + i).slice(-4)}`,
        exp_month: soon ? 11 : 1 + (i % 12), exp_year: soon ? 2026 : 2028 + (i % 3), is_default: 1, created_at: at, updated_at: at, removed_at: null,
      };
    }),
  );
  console.log(`  ${count(clients.length)} clients, ${count(assets.length)} assets, ${count(clients.length)} saved cards`);
  return clients;
}

/**
 * `total` invoices issued from `from` to `to`, numbered on from `counters`, with their lines,
 * payments, refunds and credit notes: enough that every KPI has rows to add up. Renewal keys use
 * past renewal dates, so they never match a renewal the run is to invoice.
 */
function history(clients: Client[], total: number, from: number, to: number, counters: Map<string, number>, keys: Set<string>) {
  const rows = { invoices: [] as Row[], lines: [] as Row[], payments: [] as Row[], paidByCard: [] as PaidByCard[] };
  const issued = Array.from({ length: total }, () => from + Math.floor(rand() * ((to - from) / DAY_MS)) * DAY_MS).sort((a, b) => a - b);
  const number = (series: string, year: number) => {
    const key = `${series}:${year}`;
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    return { series, year, sequence, number: `${series === 'credit-note' ? 'CN-' : ''}${year}-${String(sequence).padStart(4, '0')}` };
  };
  for (const at of issued) {
    const c = pick(clients);
    const id = newId('invoice', at);
    const lineCount = 1 + Math.floor(rand() * 3);
    const lines: Row[] = [];
    for (let k = 0; k < lineCount; k++) {
      const asset = pick(c.assets);
      const key = `renewal:${asset}:${day(at + 30 * DAY_MS)}`;
      const renewal = rand() < 0.9 && !keys.has(key);
      if (renewal) keys.add(key);
      const price = c.currency === 'JPY' ? 500 + Math.floor(rand() * 50_000) : 500 + Math.floor(rand() * 40_000);
      lines.push({
        id: newId('invoiceLine', at), invoice_id: id, position: k + 1, description: renewal ? `site-${k}.example` : 'Extra work', asset_id: renewal ? asset : null, period_from: renewal ? day(at + 30 * DAY_MS) : null,
        period_to: renewal ? day(at + 394 * DAY_MS) : null, quantity: 1000, unit_price: price, tax_name: c.taxed ? 'VAT' : null, tax_basis_points: c.taxed ? 2500 : null, net: price, renewal_key: renewal ? key : null,
      });
    }
    const subtotal = lines.reduce((sum, l) => sum + (l.net as number), 0);
    const tax = c.taxed ? Math.round(subtotal / 4) : 0;
    const totalDue = subtotal + tax;
    const age = (NOW.getTime() - at) / DAY_MS;
    const r = rand();
    const state = age > 60 ? (r < 0.92 ? 'paid' : r < 0.95 ? 'uncollectible' : r < 0.97 ? 'void' : 'partially-paid') : r < 0.5 ? 'open' : r < 0.95 ? 'paid' : 'partially-paid';
    const paid = state === 'paid' ? totalDue : state === 'partially-paid' ? Math.floor(totalDue / 2) : 0;
    const year = new Date(at).getUTCFullYear();
    rows.invoices.push({
      id, kind: 'invoice', ...number('invoice', year), state, client_id: c.id, currency: c.currency, issued_on: day(at), due_on: day(at + 14 * DAY_MS), subtotal, tax, total: totalDue, paid,
      reverse_charge: 0, correcting_invoice_id: null, notes: null, created_at: iso(at), updated_at: iso(at),
    });
    rows.lines.push(...lines);
    if (paid === 0) continue;
    const paidAt = Math.min(at + Math.floor(rand() * 30 * DAY_MS), NOW.getTime() - DAY_MS);
    const byCard = rand() < 0.6;
    rows.payments.push({ id: newId('payment', paidAt), invoice_id: id, amount: paid, currency: c.currency, gateway: byCard ? 'stripe' : null, gateway_ref: byCard ? `ch_${id}` : null, kind: 'payment', received_at: iso(paidAt), created_at: iso(paidAt) });
    if (state === 'paid' && rand() < 0.01) {
      rows.payments.push({ id: newId('payment', paidAt), invoice_id: id, amount: Math.floor(paid / 10), currency: c.currency, gateway: null, gateway_ref: null, kind: 'refund', received_at: iso(paidAt + DAY_MS), created_at: iso(paidAt + DAY_MS) });
    }
    if (state === 'paid' && rand() < 0.01) {
      // A credit note giving back the first line in full.
      const line = lines[0]!;
      const creditAt = Math.min(paidAt + 2 * DAY_MS, NOW.getTime() - DAY_MS);
      const cnId = newId('invoice', creditAt);
      const net = -(line.net as number);
      const cnTax = c.taxed ? -Math.round((line.net as number) / 4) : 0;
      rows.invoices.push({
        id: cnId, kind: 'credit-note', ...number('credit-note', new Date(creditAt).getUTCFullYear()), state: 'paid', client_id: c.id, currency: c.currency, issued_on: day(creditAt), due_on: day(creditAt),
        subtotal: net, tax: cnTax, total: net + cnTax, paid: 0, reverse_charge: 0, correcting_invoice_id: id, notes: null, created_at: iso(creditAt), updated_at: iso(creditAt),
      });
      rows.lines.push({ ...line, id: newId('invoiceLine', creditAt), invoice_id: cnId, position: 1, unit_price: -(line.unit_price as number), net, renewal_key: null });
    }
    if (byCard) rows.paidByCard.push({ id, client: c, amount: totalDue, paidAt });
  }
  return rows;
}

interface PaidByCard {
  id: string;
  client: Client;
  amount: number;
  paidAt: number;
}

/**
 * Settled charges for `charges` of the invoices paid by card, taken evenly over the years: most
 * succeeded at once, and `cases` of them were declined first, went through dunning and were
 * retried (the case closed: recovered mostly, else exhausted or stopped).
 */
function settledCharges(paidByCard: PaidByCard[], charges: number, cases: number): { charges: Row[]; dunning: Row[] } {
  const rows = { charges: [] as Row[], dunning: [] as Row[] };
  const invoices = Math.min(paidByCard.length, charges - cases);
  const caseEvery = invoices / Math.max(1, cases);
  for (let k = 0; k < invoices; k++) {
    const { id, client: c, amount, paidAt } = paidByCard[Math.floor((k * paidByCard.length) / invoices)]!;
    const charge = (attempt: number, state: string, at: number): Row => ({
      id: newId('charge', at), invoice_id: id, client_id: c.id, gateway: 'stripe', method_id: c.card, attempt, idempotency_key: `invoice:${id}:attempt:${attempt}`, amount, currency: c.currency, state,
      charge_ref: state === 'succeeded' ? `ch_${id}` : null, decline_kind: state === 'declined' ? 'soft' : null, decline_code: state === 'declined' ? 'insufficient_funds' : null, decline_message: null,
      trigger: attempt === 1 ? 'auto' : 'dunning', requested_by: null, requested_at: iso(at), settled_at: iso(at + 2_000),
    });
    if (rows.dunning.length < cases && k % caseEvery < 1) {
      rows.charges.push(charge(1, 'declined', paidAt - 3 * DAY_MS), charge(2, 'succeeded', paidAt));
      const state = pick(['recovered', 'recovered', 'recovered', 'exhausted', 'stopped']);
      rows.dunning.push({ invoice_id: id, client_id: c.id, state, entered_at: iso(paidAt - 3 * DAY_MS), next_attempt_at: null, failures: 1, last_reason: 'insufficient_funds', used_fallback: 0, closed_at: iso(paidAt) });
    } else {
      rows.charges.push(charge(1, 'succeeded', paidAt));
    }
  }
  return rows;
}

async function seedHistory(database: Database, clients: Client[], total: number, to: number, counters: Map<string, number>, keys: Set<string>, charges: { charges: number; cases: number }) {
  const rows = history(clients, total, HISTORY_FROM, to, counters, keys);
  const settled = charges.charges > 0 ? settledCharges(rows.paidByCard, charges.charges, charges.cases) : { charges: [], dunning: [] };
  await insert(database, 'invoices', rows.invoices);
  await insert(database, 'invoice_lines', rows.lines);
  await insert(database, 'payments', rows.payments);
  await insert(database, 'charges', settled.charges);
  await insert(database, 'dunning_cases', settled.dunning);
  for (const [key, last] of counters) {
    const [series, year] = key.split(':') as [string, string];
    await database.db.insertInto('invoice_counters').values({ series, year: Number(year), last_sequence: last }).onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ last_sequence: last })).execute();
  }
  console.log(`  history: ${count(rows.invoices.length)} invoices and credit notes, ${count(rows.lines.length)} lines, ${count(rows.payments.length)} payments, ${count(settled.charges.length)} charges, ${count(settled.dunning.length)} dunning cases`);
}

/** Peak JS heap and RSS, sampled every 20 ms. */
function memoryWatch() {
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  };
  const timer = setInterval(sample, 20);
  return { reset: () => ((heap = 0), (rss = 0), sample()), peak: () => (sample(), { heap, rss }), stop: () => clearInterval(timer) };
}

const memory = memoryWatch();

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number; heap: number; rss: number }> {
  global.gc?.();
  memory.reset();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, seconds, cpu: (used.user + used.system) / 1e6, ...memory.peak() };
}

/** p50 and p99 in ms of `samples` runs after `warmup` unmeasured ones. */
async function latency(work: () => Promise<unknown>, samples: number, warmup = 20): Promise<string> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  // CPU per run as well: on a shared machine, wall-time percentiles move with the neighbours' load.
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)!.toFixed(2)} ms, cpu ${((used.user + used.system) / 1000 / samples).toFixed(2)} ms per run (${samples} runs)`;
}

/** A stand-in for both gateways' APIs that answers nothing useful and counts what it is asked. */
async function gatewayTrap(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function tableCount(database: Database, table: 'invoices' | 'invoice_lines' | 'auto_charges' | 'events' | 'audit_log'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-billing-bench-'));
  const databaseUrl = process.env.DATABASE_URL;
  const pgSchema = databaseUrl ? `upkeep_bench_${Date.now()}` : undefined;
  if (pgSchema) await adminQuery(databaseUrl!, `create schema ${pgSchema}`);
  const database = await openDatabase({ databaseUrl, dataDir: dir, sqliteFile: 'bench.db', pgSchema });
  const trap = await gatewayTrap();
  try {
    await migrateToLatest(database);
    const config = loadConfig({ UPKEEP_DATA_DIR: dir, UPKEEP_STRIPE_API_URL: trap.url, UPKEEP_PAYPAL_API_URL: trap.url });
    const deps: Deps = { config, logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => NOW };
    console.log(`Upkeep billing benchmark — ${count(CLIENTS)} clients, ${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} cores, node ${process.version}`);
    const setup = performance.now();
    await saveAgency(deps, CTX, { timeZone: 'Europe/Stockholm' });
    await saveGateway(deps, CTX, 'stripe', { secretKey: 'sk_test_bench', webhookSecrets: ['whsec_bench'] });
    await saveBillingSettings(deps, CTX, { ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'stripe', approvalThreshold: { amount: 200_000, currency: 'EUR' } });
    const clients = await seedRegistry(database);
    const counters = new Map<string, number>();
    const keys = new Set<string>();
    // Most of the history before the run (it runs against a database with years of invoices), the rest after, to reach INVOICES.
    await seedHistory(database, clients, Math.round(INVOICES * 0.96), Date.parse(`${TODAY}T00:00:00Z`), counters, keys, { charges: CHARGES, cases: DUNNING_CASES });
    if (databaseUrl) await sql`analyze`.execute(database.db);
    console.log(`seeded in ${((performance.now() - setup) / 1000).toFixed(1)} s\n`);

    const baseline = await latency(() => sql`select 1`.execute(database.db), 300);
    console.log(`## baseline: select 1 on the same connection\n  ${baseline}`);

    const before = { invoices: await tableCount(database, 'invoices'), events: await tableCount(database, 'events'), audit: await tableCount(database, 'audit_log') };
    const first = await timed(() => runBilling(deps));
    const after = { invoices: await tableCount(database, 'invoices'), events: await tableCount(database, 'events'), audit: await tableCount(database, 'audit_log'), auto: await tableCount(database, 'auto_charges') };
    const held = await database.db.selectFrom('auto_charges').select((eb) => eb.fn.countAll<string | number>().as('n')).where('state', '=', 'awaiting-approval').executeTakeFirstOrThrow();
    console.log(`## daily billing run (${TODAY}), ${count(CLIENTS * ASSETS_PER_CLIENT)} assets`);
    console.log(`  time            ${first.seconds.toFixed(1)} s (cpu ${first.cpu.toFixed(1)} s), ${((first.seconds * 1000) / Math.max(1, first.value.invoices)).toFixed(1)} ms per invoice`);
    console.log(`  made            ${count(first.value.invoices)} invoices, ${count(first.value.lines)} lines; ${count(after.auto)} automatic charges booked (${count(Number(held.n))} awaiting approval)`);
    console.log(`  wrote           ${count(after.invoices - before.invoices)} invoice rows, ${count(after.events - before.events)} events, ${count(after.audit - before.audit)} audit entries`);
    console.log(`  peak memory     heap ${mb(first.heap)}, rss ${mb(first.rss)}`);
    const again = await timed(() => runBilling(deps));
    console.log(`## the same run again (nothing new)`);
    console.log(`  time            ${again.seconds.toFixed(2)} s (cpu ${again.cpu.toFixed(2)} s), made ${again.value.invoices} invoices; peak heap ${mb(again.heap)}`);
    if (again.value.invoices !== 0) throw new Error(`The second run made ${again.value.invoices} invoices: not idempotent.`);

    // Top the history up so that exactly INVOICES invoices and credit notes exist, spread over the five years.
    const missing = INVOICES - (await tableCount(database, 'invoices'));
    if (missing > 0) await seedHistory(database, clients, missing, Date.parse('2026-01-01T00:00:00Z'), counters, keys, { charges: 0, cases: 0 });
    if (databaseUrl) await sql`analyze`.execute(database.db);
    console.log(`## billing KPIs over ${count(await tableCount(database, 'invoices'))} invoices and credit notes, ${count(await tableCount(database, 'invoice_lines'))} lines`);
    for (const [name, from] of [['one year', '2025-12'], ['five years', '2021-12']] as const) {
      const cold = await timed(() => billingKpis(deps, { from, to: '2026-11' }));
      const kpis = cold.value;
      const eur = kpis.renewalRevenue.totals.find((t) => t.currency === 'EUR');
      const dso = kpis.daysSalesOutstanding.find((d) => d.currency === 'EUR');
      console.log(`  ${name.padEnd(10)}      first ${(cold.seconds * 1000).toFixed(0)} ms (cpu ${(cold.cpu * 1000).toFixed(0)} ms, heap ${mb(cold.heap)}); ${await latency(() => billingKpis(deps, { from, to: '2026-11' }), 10, 1)}`);
      console.log(
        `                  EUR renewals invoiced ${count(eur?.invoiced ?? 0)}, collected ${count(eur?.collected ?? 0)}; failed payments ${kpis.failedPayments.overall.percent} %, ` +
          `dunning recovery ${kpis.dunningRecovery.percent} % of ${kpis.dunningRecovery.entered}; EUR DSO ${dso?.dso} days, ${count(dso?.paidInvoices ?? 0)} paid in ${dso?.averageDaysToPay} days`,
      );
    }

    const settled = await database.db.selectFrom('charges').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    const closed = await database.db.selectFrom('dunning_cases').select((eb) => eb.fn.countAll<string | number>().as('n')).where('state', '!=', 'active').executeTakeFirstOrThrow();
    console.log(`## the 15-minute round with nothing due (${count(Number(settled.n))} settled charges, ${count(Number(closed.n))} closed dunning cases)`);
    console.log(`  reconcileCharges   ${await latency(async () => { if ((await reconcileCharges(deps)) !== 0) throw new Error('reconciled a charge'); }, 200)}`);
    console.log(`  runDueDunning      ${await latency(async () => { if ((await runDueDunning(deps)) !== 0) throw new Error('retried a charge'); }, 200)}`);
    const cards = await timed(() => requestCardUpdates(deps, TODAY));
    const cardsAgain = await timed(() => requestCardUpdates(deps, TODAY));
    console.log(`## card-expiry requests over ${count(CLIENTS)} clients with cards`);
    console.log(`  first           ${(cards.seconds * 1000).toFixed(0)} ms (cpu ${(cards.cpu * 1000).toFixed(0)} ms), ${cards.value} asked to update their card`);
    console.log(`  again           ${(cardsAgain.seconds * 1000).toFixed(0)} ms (cpu ${(cardsAgain.cpu * 1000).toFixed(0)} ms), ${cardsAgain.value} asked`);
    if (cardsAgain.value !== 0) throw new Error('The second card-expiry round asked again.');
    console.log(`## gateway requests: ${trap.requests()}`);
    if (trap.requests() !== 0) throw new Error('A gateway was contacted.');
  } finally {
    memory.stop();
    await trap.close();
    await database.close();
    if (pgSchema) await adminQuery(databaseUrl!, `drop schema ${pgSchema} cascade`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

await main();

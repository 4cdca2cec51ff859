import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { IDEMPOTENCY_METADATA_KEY } from '../../src/billing/gateways/stripe/adapter.ts';
import { createDraft, issueInvoice } from '../../src/billing/invoices.service.ts';
import { charge, chargeKey, RECONCILE_AFTER_MS, reconcileCharges } from '../../src/billing/payments/charges.service.ts';
import { ensureCustomer, syncMethods } from '../../src/billing/payments/methods.service.ts';
import { DEFAULT_BILLING_SETTINGS } from '../../src/billing/payments/settings.model.ts';
import { saveBillingSettings, saveGateway } from '../../src/billing/payments/settings.service.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { ProblemError } from '../../src/platform/http/problem.ts';
import { createClient } from '../../src/registry/parties.service.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/db.ts';
import { startFakeStripe, type FakeStripe, type HoldStage } from '../support/fake-stripe.ts';
import { chargeDeps, DATABASE_ENV } from './support/charge-deps.ts';
import { runScript, whileRunning, type ScriptProcess } from './support/child-process.ts';

/**
 * A process charging an invoice is killed (SIGKILL, nothing runs after it) at the worst
 * moments, and the restarted side reconciles: the client is charged exactly once.
 *
 * - after Stripe took the money but before its answer was stored;
 * - after the attempt was written but before the request reached Stripe;
 * and one that is only slow: its answer arrives after the reconciler has recorded the charge.
 *
 * The charging process is a real child process on the same database (on SQLite the same file:
 * this side closes its own connection first, so the killed process leaves its commit in the
 * write-ahead log and the "restarted" connection opened afterwards must recover it).
 */
const CHILD = fileURLToPath(new URL('./support/charge-child.ts', import.meta.url));
const VISA = '4242 4242 4242 4242';
const cli = { actor: CLI_ACTOR, requestId: null };
/** A child process loads the app's modules through tsx first: seconds, many more on a busy machine. */
const CASE_TIMEOUT_MS = 60_000;

let fake: FakeStripe;
let testDb: TestDatabase;
let proc: ScriptProcess | null = null;
const open: Database[] = [];
const clock = { now: new Date() };

/** A connection to the test's database with deps on it, as a process (re)starting would open one. */
async function connect(): Promise<Deps> {
  const database = await openDatabase(testDb.openOptions);
  open.push(database);
  return chargeDeps(database, fake.url, () => clock.now);
}

async function disconnect(deps: Deps): Promise<void> {
  open.splice(open.indexOf(deps.database), 1);
  await deps.database.close();
}

beforeAll(async () => {
  fake = await startFakeStripe();
  testDb = await createTestDatabase();
  // The child must be the only one holding the SQLite file when it is killed: no connection here stays open.
  await testDb.close();
  const deps = await connect();
  await saveGateway(deps, cli, 'stripe', { secretKey: fake.secretKey, webhookSecrets: ['whsec_charge_crash_test'] });
  await saveBillingSettings(deps, cli, { ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'stripe' });
  await disconnect(deps);
});

afterEach(async () => {
  await proc?.kill();
  proc = null;
  for (const database of open.splice(0)) await database.close();
});

afterAll(async () => {
  await fake?.close();
  await testDb?.drop();
});

let clients = 0;
/** A client with a card saved at Stripe and mirrored here, and an issued invoice of EUR 120.00. */
async function issuedInvoiceWithCard(deps: Deps) {
  const client = await createClient(deps, cli, { name: `Client ${++clients}`, currency: 'EUR' });
  const draft = await createDraft(deps, cli, { clientId: client.id, lines: [{ description: 'Hosting, one year', quantity: 1000, unitPrice: 12_000 }] });
  const invoice = await issueInvoice(deps, cli, draft.id);
  const customerRef = await ensureCustomer(deps, client.id, 'stripe');
  fake.addCard(customerRef, { number: VISA, expMonth: 8, expYear: 2031 });
  const [method] = await syncMethods(deps, cli, client.id, 'stripe');
  expect(invoice).toMatchObject({ state: 'open', total: 12_000, currency: 'EUR' });
  expect(method).toMatchObject({ label: 'Visa ·· 4242' });
  return { invoiceId: invoice.id, methodId: method!.id, customerRef };
}

/** Starts a process charging the invoice and kills it once its charge request is held at `stage`. */
async function chargeAndKill(invoiceId: string, methodId: string, stage: HoldStage): Promise<void> {
  const held = fake.hold('POST', '/v1/payment_intents', stage);
  proc = runScript(CHILD, [invoiceId, methodId], { [DATABASE_ENV]: JSON.stringify(testDb.openOptions), UPKEEP_STRIPE_API_URL: fake.url });
  await whileRunning(proc, held.reached, 'its charge request reached the fake Stripe', 45_000);
  await proc.kill();
  expect(await proc.ended).toEqual({ code: null, signal: 'SIGKILL' });
  if (testDialect === 'sqlite') {
    // The killed process's commit (the attempt) is still in the write-ahead log, for the next open to recover.
    const wal = `${testDb.location}-wal`;
    expect(fs.existsSync(wal) && fs.statSync(wal).size).toBeGreaterThan(0);
  }
}

async function stateOf(deps: Deps, invoiceId: string) {
  const db = deps.database.db;
  const charges = await db.selectFrom('charges').select(['state', 'idempotency_key', 'charge_ref', 'amount', 'attempt']).where('invoice_id', '=', invoiceId).orderBy('attempt').execute();
  const invoice = await db.selectFrom('invoices').select(['state', 'paid']).where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const payments = await db.selectFrom('payments').select(['amount', 'currency', 'gateway', 'gateway_ref', 'kind']).where('invoice_id', '=', invoiceId).execute();
  return { charges, invoice: { state: invoice.state, paid: Number(invoice.paid) }, payments: payments.map((p) => ({ ...p, amount: Number(p.amount) })) };
}

const intentsOf = (customerRef: string) => [...fake.paymentIntents.values()].filter((pi) => pi.customer === customerRef);
const chargeRequestsFor = (key: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === key);

/** The invoice paid once, by that one PaymentIntent. */
async function expectPaidOnce(deps: Deps, invoiceId: string, intentId: string): Promise<void> {
  expect(await stateOf(deps, invoiceId)).toEqual({
    charges: [{ state: 'succeeded', idempotency_key: chargeKey(invoiceId, 1), charge_ref: intentId, amount: 12_000, attempt: 1 }],
    invoice: { state: 'paid', paid: 12_000 },
    payments: [{ amount: 12_000, currency: 'EUR', gateway: 'stripe', gateway_ref: intentId, kind: 'payment' }],
  });
}

/** Reconciling again, and charging the paid invoice again, change nothing and ask Stripe nothing. */
async function expectNothingMore(deps: Deps, invoiceId: string, methodId: string): Promise<void> {
  const before = await stateOf(deps, invoiceId);
  const asked = fake.requests.length;
  expect(await reconcileCharges(deps)).toBe(0);
  const again = charge(deps, cli, { invoiceId, methodId, trigger: 'auto' });
  await expect(again).rejects.toBeInstanceOf(ProblemError);
  await expect(again).rejects.toMatchObject({ status: 409 });
  expect(await stateOf(deps, invoiceId)).toEqual(before);
  expect(fake.requests.length).toBe(asked);
}

describe('a charging process killed midway', () => {
  it('after Stripe took the money, before the answer was stored: reconciling records that charge and makes no second one', async () => {
    const seeding = await connect();
    const { invoiceId, methodId, customerRef } = await issuedInvoiceWithCard(seeding);
    await disconnect(seeding);

    await chargeAndKill(invoiceId, methodId, 'after-accepting');

    clock.now = new Date();
    const restarted = await connect();
    const key = chargeKey(invoiceId, 1);
    expect(await stateOf(restarted, invoiceId)).toEqual({
      charges: [{ state: 'requested', idempotency_key: key, charge_ref: null, amount: 12_000, attempt: 1 }],
      invoice: { state: 'open', paid: 0 },
      payments: [],
    });
    const [intent, ...more] = intentsOf(customerRef);
    expect(more).toEqual([]);
    expect(intent).toMatchObject({ status: 'succeeded', amount: 12_000, amount_received: 12_000, currency: 'eur', metadata: { [IDEMPOTENCY_METADATA_KEY]: key } });

    // Within the window the answer may still be on its way: the attempt is left alone and Stripe is not asked.
    const asked = fake.requests.length;
    expect(await reconcileCharges(restarted)).toBe(0);
    expect(fake.requests.length).toBe(asked);
    expect((await stateOf(restarted, invoiceId)).charges[0]!.state).toBe('requested');

    clock.now = new Date(Date.now() + RECONCILE_AFTER_MS + 60_000);
    expect(await reconcileCharges(restarted)).toBe(1);
    await expectPaidOnce(restarted, invoiceId, intent.id);
    expect(intentsOf(customerRef)).toHaveLength(1);
    // Found by its key at Stripe, not sent again.
    expect(chargeRequestsFor(key)).toHaveLength(1);

    await expectNothingMore(restarted, invoiceId, methodId);
    expect(intentsOf(customerRef)).toHaveLength(1);
  }, CASE_TIMEOUT_MS);

  it('after the attempt was written, before the request reached Stripe: reconciling sends the same key once', async () => {
    const seeding = await connect();
    const { invoiceId, methodId, customerRef } = await issuedInvoiceWithCard(seeding);
    await disconnect(seeding);

    // Held before the fake does anything with it; the killed caller takes the request with it.
    await chargeAndKill(invoiceId, methodId, 'before-accepting');

    clock.now = new Date(Date.now() + RECONCILE_AFTER_MS + 60_000);
    const restarted = await connect();
    const key = chargeKey(invoiceId, 1);
    expect(await stateOf(restarted, invoiceId)).toEqual({
      charges: [{ state: 'requested', idempotency_key: key, charge_ref: null, amount: 12_000, attempt: 1 }],
      invoice: { state: 'open', paid: 0 },
      payments: [],
    });
    expect(intentsOf(customerRef)).toEqual([]);

    expect(await reconcileCharges(restarted)).toBe(1);
    const [intent, ...more] = intentsOf(customerRef);
    expect(more).toEqual([]);
    expect(intent).toMatchObject({ status: 'succeeded', amount: 12_000, metadata: { [IDEMPOTENCY_METADATA_KEY]: key } });
    await expectPaidOnce(restarted, invoiceId, intent.id);
    // The lost request and the one reconciliation sent, under the same key.
    expect(chargeRequestsFor(key)).toHaveLength(2);

    await expectNothingMore(restarted, invoiceId, methodId);
    expect(intentsOf(customerRef)).toHaveLength(1);
  }, CASE_TIMEOUT_MS);

  it('slow, not dead: reconciling while the answer is still on its way records the charge once, and the late answer changes nothing', async () => {
    const deps = await connect();
    const { invoiceId, methodId, customerRef } = await issuedInvoiceWithCard(deps);
    const held = fake.hold('POST', '/v1/payment_intents', 'after-accepting');
    clock.now = new Date();
    const charging = charge(deps, cli, { invoiceId, methodId, trigger: 'auto' });
    await held.reached;

    clock.now = new Date(Date.now() + RECONCILE_AFTER_MS + 60_000);
    expect(await reconcileCharges(deps)).toBe(1);
    const [intent, ...more] = intentsOf(customerRef);
    expect(more).toEqual([]);
    await expectPaidOnce(deps, invoiceId, intent.id);

    held.release();
    expect(await charging).toMatchObject({ state: 'succeeded', chargeRef: intent.id });
    await expectPaidOnce(deps, invoiceId, intent.id);
    await expectNothingMore(deps, invoiceId, methodId);
    expect(intentsOf(customerRef)).toHaveLength(1);
  });
});

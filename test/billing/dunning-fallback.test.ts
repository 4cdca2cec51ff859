import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueAutoCharges } from '../../src/billing/runs/auto-charges.service.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { runDueDunning } from '../../src/billing/payments/dunning.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';
import { startFakePaypal, type FakePaypal } from '../support/fake-paypal.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { createAsset } from '../support/registry.ts';
import { queued, runDueJobs } from '../notifications/policies/support.ts';
import { auditOf, day, eventsOf, saveCard, useStripe } from './payments-support.ts';

/**
 * The fallback gateway end to end: a client's renewal is charged automatically at Stripe, which
 * declines softly on the first try and on every retry of the schedule; once the retries are used
 * up, the client's PayPal method is charged once. When PayPal pays, dunning ends as recovered;
 * when PayPal declines too, dunning ends exhausted and the owners and admins are told to follow
 * it up. Both gateways are the official SDKs against the fakes on loopback.
 */
let t: TestApp;
let a: Agency;
let stripe: FakeStripe;
let paypal: FakePaypal;

const RETRY_DAYS = [1, 3, 5, 7];
const DAY_MS = 86_400_000;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

beforeAll(async () => {
  stripe = await startFakeStripe();
  paypal = await startFakePaypal();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url, UPKEEP_PAYPAL_API_URL: paypal.url, UPKEEP_PUBLIC_URL: 'https://upkeep.example' });
  t.clock.now = day('2026-11-21');
  a = await seedAgency(t);
  await ok(t, 'PUT', '/api/v1/billing/gateways/paypal', a.admin.token, { clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: 'WH-FALLBACK' });
  await useStripe(t, a.admin.token, stripe, { fallbackGateway: 'paypal', retryDays: RETRY_DAYS });
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
  await paypal?.close();
});
beforeEach(() => {
  t.clock.now = day('2026-11-21');
});

/** A client with a Stripe card that always declines softly and a PayPal account, both saved on the hosted pages. */
async function clientOnBothGateways(name: string) {
  const id = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name, currency: 'EUR' })).id;
  await saveCard(t, a.owner.token, stripe, id, { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 });
  const card = await t.db.db.selectFrom('payment_methods').select('method_ref').where('client_id', '=', id).where('gateway', '=', 'stripe').executeTakeFirstOrThrow();
  stripe.script(card.method_ref, 'decline-soft');
  const setup = await ok(t, 'POST', `/api/v1/clients/${id}/payment-methods/setup`, a.owner.token, { gateway: 'paypal' });
  paypal.approveSetupToken(new URL(setup.url).searchParams.get('approval_session_id')!);
  const methods = (await ok(t, 'POST', `/api/v1/billing/method-setups/${setup.setupId}/finish`, a.owner.token)).items;
  expect(methods.map((m: { gateway: string }) => m.gateway).sort()).toEqual(['paypal', 'stripe']);
  return { id, cardRef: card.method_ref };
}

const chargesOf = async (invoiceId: string) => ok(t, 'GET', `/api/v1/invoices/${invoiceId}/charges`, a.owner.token);
const paypalOrders = (invoiceId: string) => paypal.orders.filter((o) => o.requestId.startsWith(`invoice:${invoiceId}:`));
const stripeIntents = (cardRef: string) => [...stripe.paymentIntents.values()].filter((pi) => pi.payment_method === cardRef);

/**
 * Invoices the client's auto-renewing domain, declines the automatic charge on its day, and walks
 * the clock through every retry day, each retry declined at Stripe. Returns the invoice, with the
 * clock where the fallback is due.
 */
async function declinedThroughTheSchedule(identifier: string) {
  const client = await clientOnBothGateways(`${identifier} client`);
  await createAsset(t, a.owner.token, { clientId: client.id, kind: 'domain', identifier, billingCycle: 'yearly', expiresOn: '2026-12-20', renewalPrice: eur(3_000), autoRenew: true });
  await runBilling(t.deps);
  const [invoice] = (await ok(t, 'GET', `/api/v1/invoices?clientId=${client.id}`, a.owner.token)).items;
  const { chargeOn } = (await chargesOf(invoice.id)).autoCharge;
  t.clock.now = day(chargeOn);
  expect(await runDueAutoCharges(t.deps, chargeOn)).toBe(1);

  for (const [i, retryDay] of RETRY_DAYS.entries()) {
    const { dunning } = await chargesOf(invoice.id);
    expect(dunning).toMatchObject({ state: 'active', failures: i + 1 });
    // Each retry falls on its day of the schedule, counted from the first failure.
    expect(dunning.nextAttemptAt.slice(0, 10)).toBe(new Date(day(chargeOn).getTime() + retryDay * DAY_MS).toISOString().slice(0, 10));
    t.clock.now = new Date(new Date(dunning.nextAttemptAt).getTime() - 60_000);
    expect(await runDueDunning(t.deps)).toBe(0);
    t.clock.now = new Date(dunning.nextAttemptAt);
    expect(await runDueDunning(t.deps)).toBe(1);
  }
  const charges = (await chargesOf(invoice.id)).items;
  expect(charges.map((c: { gateway: string; state: string; trigger: string }) => [c.gateway, c.state, c.trigger])).toEqual([
    ['stripe', 'declined', 'auto'],
    ...RETRY_DAYS.map(() => ['stripe', 'declined', 'dunning']),
  ]);
  expect(stripeIntents(client.cardRef)).toHaveLength(1 + RETRY_DAYS.length);
  expect(paypalOrders(invoice.id)).toEqual([]);

  // The retries are used up: the fallback is due at once, and the client was told so with the last decline.
  const { dunning } = await chargesOf(invoice.id);
  expect(dunning).toMatchObject({ state: 'active', failures: 1 + RETRY_DAYS.length });
  expect(new Date(dunning.nextAttemptAt).getTime()).toBeLessThanOrEqual(t.clock.now.getTime());
  const told = (await eventsOf(t, 'payment.failed')).filter((e) => e.invoiceId === invoice.id);
  expect(told.map((e) => e.attempt)).toEqual([1, 2, 3, 4, 5]);
  expect(told.at(-1)).toMatchObject({ hardDecline: false, nextRetryOn: t.clock.now.toISOString().slice(0, 10) });
  return { client, invoice };
}

describe('the fallback gateway', () => {
  it('is charged once when the retries at the primary gateway are used up, and recovers the invoice', async () => {
    const { client, invoice } = await declinedThroughTheSchedule('fallback-pays.example');
    expect(await runDueDunning(t.deps)).toBe(1);

    const orders = paypalOrders(invoice.id);
    expect(orders).toEqual([expect.objectContaining({ status: 'COMPLETED', amount: { currency_code: 'EUR', value: '30.00' } })]);
    const state = await chargesOf(invoice.id);
    expect(state.items.at(-1)).toMatchObject({ gateway: 'paypal', state: 'succeeded', trigger: 'dunning', amount: 3_000, method: expect.stringMatching(/PayPal/) });
    expect(state.items).toHaveLength(2 + RETRY_DAYS.length);
    expect(state.dunning).toMatchObject({ state: 'recovered', amountDue: 0, nextAttemptAt: null });
    expect(state.autoCharge.state).toBe('charged');
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('paid');
    const payments = (await ok(t, 'GET', `/api/v1/invoices/${invoice.id}/payments`, a.owner.token)).items;
    expect(payments).toEqual([expect.objectContaining({ kind: 'payment', amount: 3_000, gateway: 'paypal' })]);

    const audit = await auditOf(t, invoice.id);
    expect(audit.filter((action) => action === 'dunning.scheduled')).toHaveLength(1 + RETRY_DAYS.length);
    expect(audit.slice(-4)).toEqual(['charge.requested', 'charge.succeeded', 'invoice.payment-recorded', 'dunning.recovered']);
    expect(audit).not.toContain('dunning.exhausted');
    expect((await eventsOf(t, 'payment.received')).filter((e) => e.invoiceId === invoice.id)).toEqual([expect.objectContaining({ amount: eur(3_000), method: expect.stringMatching(/PayPal/) })]);
    expect((await eventsOf(t, 'payment.dunning-exhausted')).filter((e) => e.invoiceId === invoice.id)).toEqual([]);
    const recovered = (await ok(t, 'GET', '/api/v1/billing/dunning?state=recovered', a.manager.token)).items;
    expect(recovered.map((d: { invoiceId: string }) => d.invoiceId)).toContain(invoice.id);

    // Later rounds charge nobody again, at either gateway.
    t.clock.now = new Date(t.clock.now.getTime() + 10 * DAY_MS);
    expect(await runDueDunning(t.deps)).toBe(0);
    expect(paypalOrders(invoice.id)).toHaveLength(1);
    expect(stripeIntents(client.cardRef)).toHaveLength(1 + RETRY_DAYS.length);
  });

  it('refused by the gateway before it reaches the money is not tried again every round: a person is told', async () => {
    const { invoice, client } = await declinedThroughTheSchedule('fallback-gone.example');
    // The client removed the PayPal method at PayPal: the order is refused as an invalid payment source, not declined.
    const method = await t.db.db.selectFrom('payment_methods').select('method_ref').where('client_id', '=', client.id).where('gateway', '=', 'paypal').executeTakeFirstOrThrow();
    const token = paypal.paymentTokens.findIndex((p) => method.method_ref.endsWith(p.id));
    expect(token).toBeGreaterThanOrEqual(0);
    paypal.paymentTokens.splice(token, 1);
    expect(await runDueDunning(t.deps)).toBe(1);
    expect((await chargesOf(invoice.id)).items.at(-1)).toMatchObject({ gateway: 'paypal', state: 'failed', trigger: 'dunning' });

    // The rounds after it: no second attempt; dunning ends exhausted and the owners and admins hear of it.
    for (const minutes of [15, 30, 45]) {
      t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
      await runDueDunning(t.deps);
    }
    const state = await chargesOf(invoice.id);
    expect(state.items.filter((c: { gateway: string }) => c.gateway === 'paypal')).toHaveLength(1);
    expect(state.dunning).toMatchObject({ state: 'exhausted', nextAttemptAt: null, lastReason: expect.stringMatching(/paypal/i) });
    expect((await auditOf(t, invoice.id)).filter((action) => action === 'dunning.exhausted')).toHaveLength(1);
    expect((await eventsOf(t, 'payment.dunning-exhausted')).filter((e) => e.invoiceId === invoice.id)).toHaveLength(1);
  });

  it('declining too ends dunning exhausted, once, and the owners and admins are told to follow it up', async () => {
    const { client, invoice } = await declinedThroughTheSchedule('fallback-fails.example');
    paypal.script('soft-decline');
    expect(await runDueDunning(t.deps)).toBe(1);

    expect(paypalOrders(invoice.id)).toEqual([expect.objectContaining({ captureStatus: 'DECLINED' })]);
    const state = await chargesOf(invoice.id);
    expect(state.items.at(-1)).toMatchObject({ gateway: 'paypal', state: 'declined', trigger: 'dunning' });
    expect(state.dunning).toMatchObject({ state: 'exhausted', failures: 2 + RETRY_DAYS.length, nextAttemptAt: null, amountDue: 3_000 });
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('open');
    const caseRow = await t.db.db.selectFrom('dunning_cases').select('used_fallback').where('invoice_id', '=', invoice.id).executeTakeFirstOrThrow();
    expect(Boolean(Number(caseRow.used_fallback))).toBe(true);

    const audit = await auditOf(t, invoice.id);
    expect(audit.slice(-3)).toEqual(['charge.requested', 'charge.declined', 'dunning.exhausted']);
    expect(audit).not.toContain('dunning.recovered');
    // The fallback is charged at the same moment the last retry was told: order by attempt, not by time.
    const lastTold = (await eventsOf(t, 'payment.failed')).filter((e) => e.invoiceId === invoice.id).sort((x, y) => x.attempt - y.attempt).at(-1);
    expect(lastTold).toMatchObject({ attempt: 2 + RETRY_DAYS.length, nextRetryOn: null, hardDecline: false });
    const followUps = (await eventsOf(t, 'payment.dunning-exhausted')).filter((e) => e.invoiceId === invoice.id);
    expect(followUps).toEqual([expect.objectContaining({ attempts: 2 + RETRY_DAYS.length, amountDue: eur(3_000), clientName: 'fallback-fails.example client' })]);

    // The follow-up reaches the owners and admins, through the real dispatch job.
    await runDueJobs(t);
    const event = await t.db.db.selectFrom('events').select('id').where('type', '=', 'payment.dunning-exhausted').where('subject_key', '=', `dunning:${invoice.id}`).executeTakeFirstOrThrow();
    expect((await queued(t, { eventId: event.id })).map((n) => n.recipient).sort()).toEqual([`user:${a.owner.id}`, `user:${a.admin.id}`].sort());
    const exhausted = (await ok(t, 'GET', '/api/v1/billing/dunning?state=exhausted', a.manager.token)).items;
    expect(exhausted.map((d: { invoiceId: string }) => d.invoiceId)).toContain(invoice.id);

    // Nothing is charged again afterwards, at either gateway.
    t.clock.now = new Date(t.clock.now.getTime() + 10 * DAY_MS);
    expect(await runDueDunning(t.deps)).toBe(0);
    expect(paypalOrders(invoice.id)).toHaveLength(1);
    expect(stripeIntents(client.cardRef)).toHaveLength(1 + RETRY_DAYS.length);
  });
});

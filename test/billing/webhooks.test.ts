import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { IDEMPOTENCY_METADATA_KEY } from '../../src/billing/gateways/stripe/adapter.ts';
import { vaultCustomerId } from '../../src/billing/gateways/paypal/paypal.model.ts';
import { openAttempt, type ChargeRecord } from '../../src/billing/payments/charges.service.ts';
import { findCharge } from '../../src/billing/payments/charges.store.ts';
import { ensureCustomer, syncMethods } from '../../src/billing/payments/methods.service.ts';
import { methodsOf } from '../../src/billing/payments/methods.store.ts';
import { DEFAULT_BILLING_SETTINGS } from '../../src/billing/payments/settings.model.ts';
import { saveBillingSettings, saveGateway } from '../../src/billing/payments/settings.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startFakePaypal, type FakePaypal } from '../support/fake-paypal.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { issued, line, ok } from './invoices-helpers.ts';

/**
 * The webhook endpoints end to end: the real app, charge attempts written by the payments layer,
 * and events signed the way the gateways sign them — Stripe's with the SDK's test-header helper,
 * PayPal's by the fake PayPal's certificate, fetched from the fake as from PayPal.
 */
const SECRET = 'whsec_webhook_test_0123456789abcdef';
const PAYPAL_WEBHOOK_ID = 'WH-UPKEEP-WEBHOOKS';
const STRIPE_PATH = '/api/v1/billing/webhooks/stripe';
const PAYPAL_PATH = '/api/v1/billing/webhooks/paypal';
const ctx = { actor: CLI_ACTOR, requestId: null };

let t: TestApp;
let agency: Agency;
let stripe: FakeStripe;
let paypal: FakePaypal;
let stripeCustomer: string;
let stripeMethodId: string;
let paypalMethodId: string;
/** Everything the app logged, at debug level. */
const logged: string[] = [];

beforeAll(async () => {
  stripe = await startFakeStripe();
  paypal = await startFakePaypal();
  const sink = new Writable({ write: (chunk, _encoding, done) => void (logged.push(String(chunk)), done()) });
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url, UPKEEP_PAYPAL_API_URL: paypal.url }, { logTo: sink });
  agency = await seedAgency(t);
  await saveGateway(t.deps, ctx, 'stripe', { secretKey: stripe.secretKey, webhookSecrets: [SECRET] });
  await saveGateway(t.deps, ctx, 'paypal', { clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: PAYPAL_WEBHOOK_ID });
  await saveBillingSettings(t.deps, ctx, { ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'stripe' });
  // Client A (EUR) saved a card at Stripe, client B (SEK) a card in PayPal's vault.
  stripeCustomer = await ensureCustomer(t.deps, agency.clientA, 'stripe');
  stripe.addCard(stripeCustomer, { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030 });
  stripeMethodId = (await syncMethods(t.deps, ctx, agency.clientA, 'stripe'))[0]!.id;
  paypal.addPaymentToken(vaultCustomerId(agency.clientB), 'card');
  paypalMethodId = (await syncMethods(t.deps, ctx, agency.clientB, 'paypal')).find((m) => m.gateway === 'paypal')!.id;
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
  await paypal?.close();
});

/** An issued invoice of 100.00 and an automatic charge attempt for it, written but not sent. */
async function attempt(clientId = agency.clientA, methodId = stripeMethodId): Promise<{ invoiceId: string; charge: ChargeRecord }> {
  const invoice = await issued(t, agency.owner.token, clientId, [line(10_000)]);
  const charge = await openAttempt(t.deps, ctx, { invoiceId: invoice.id, methodId, trigger: 'auto' });
  return { invoiceId: invoice.id, charge };
}

const seconds = () => Math.floor(t.clock.now.getTime() / 1000);

function intentEvent(type: string, status: string, charge: ChargeRecord, extra: { id?: string; intentId?: string; error?: Record<string, string> } = {}): string {
  const intent = {
    id: extra.intentId ?? `pi_${charge.id}`,
    object: 'payment_intent',
    amount: charge.amount,
    currency: charge.currency.toLowerCase(),
    customer: stripeCustomer,
    status,
    metadata: { invoice_id: charge.invoiceId, [IDEMPOTENCY_METADATA_KEY]: charge.idempotencyKey },
    last_payment_error: extra.error ?? null,
  };
  return JSON.stringify({ id: extra.id ?? `evt_${randomUUID()}`, object: 'event', type, created: seconds(), livemode: false, data: { object: intent } });
}

function refundEvent(intentId: string, cumulative: number, id = `evt_${randomUUID()}`): string {
  const charge = { id: `ch_${intentId}`, object: 'charge', payment_intent: intentId, amount: 10_000, amount_refunded: cumulative, currency: 'eur', refunded: cumulative === 10_000 };
  return JSON.stringify({ id, object: 'event', type: 'charge.refunded', created: seconds(), livemode: false, data: { object: charge } });
}

const signature = (payload: string, options: { timestamp?: number; secret?: string } = {}) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp ?? seconds() });

function postStripe(payload: string, header: string | null = signature(payload)) {
  return t.request('POST', STRIPE_PATH, { rawBody: payload, headers: { 'content-type': 'application/json; charset=utf-8', ...(header === null ? {} : { 'stripe-signature': header }) } });
}

async function invoiceOf(id: string) {
  return ok(t, 'GET', `/api/v1/invoices/${id}`, agency.owner.token);
}

async function paymentsOf(id: string): Promise<{ kind: string; amount: number; gateway: string | null }[]> {
  return (await ok(t, 'GET', `/api/v1/invoices/${id}/payments`, agency.owner.token)).items;
}

describe('Stripe webhooks', () => {
  it('records the payment of a charge Upkeep made, once, however often the event is delivered', async () => {
    const { invoiceId, charge } = await attempt();
    const payload = intentEvent('payment_intent.succeeded', 'succeeded', charge);
    const first = await postStripe(payload);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    const invoice = await invoiceOf(invoiceId);
    expect(invoice).toMatchObject({ state: 'paid', amountDue: 0 });
    expect(await paymentsOf(invoiceId)).toMatchObject([{ kind: 'payment', amount: 10_000, gateway: 'stripe' }]);
    expect((await findCharge(t.deps.database.db, charge.id))!.state).toBe('succeeded');

    const replay = await postStripe(payload);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true });
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
    expect((await invoiceOf(invoiceId)).state).toBe('paid');
  });

  it('refuses a tampered body, a stale timestamp, a missing or foreign signature with a 400, changing nothing', async () => {
    const { invoiceId, charge } = await attempt();
    const payload = intentEvent('payment_intent.succeeded', 'succeeded', charge);
    const refusals = [
      await postStripe(payload.replace('"succeeded"', '"processing"'), signature(payload)),
      await postStripe(payload, signature(payload, { timestamp: seconds() - 400 })),
      await postStripe(payload, null),
      await postStripe(payload, signature(payload, { secret: 'whsec_someone_else' })),
      await t.request('POST', STRIPE_PATH),
    ];
    for (const res of refusals) {
      expect(res.status, res.text).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(refusals[0]!.body.detail).toBe('The request is not a verified Stripe event: No signatures found matching the expected signature for payload.');
    expect(refusals[1]!.body.detail).toMatch(/tolerance/i);
    expect(refusals[2]!.body.detail).toMatch(/no Stripe-Signature/);
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'open', amountDue: 10_000 });
    expect(await paymentsOf(invoiceId)).toEqual([]);
    expect((await findCharge(t.deps.database.db, charge.id))!.state).toBe('requested');
    // Still deliverable once properly signed: a refused request did not use up the event.
    expect((await postStripe(payload)).body.outcome).toBe('recorded');
  });

  it('keeps a success when "processing" arrives after it', async () => {
    const { invoiceId, charge } = await attempt();
    expect((await postStripe(intentEvent('payment_intent.succeeded', 'succeeded', charge))).body.outcome).toBe('recorded');
    const late = await postStripe(intentEvent('payment_intent.processing', 'processing', charge));
    expect(late.status).toBe(200);
    expect(late.body).toEqual({ received: true, duplicate: false, outcome: 'unchanged' });
    expect((await findCharge(t.deps.database.db, charge.id))!.state).toBe('succeeded');
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'paid', amountDue: 0 });
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
  });

  it('records a refund once per amount, whatever the replays and the order of the totals', async () => {
    const { invoiceId, charge } = await attempt();
    const intentId = `pi_${charge.id}`;
    await postStripe(intentEvent('payment_intent.succeeded', 'succeeded', charge, { intentId }));
    const partial = refundEvent(intentId, 4_000);
    expect((await postStripe(partial)).body).toEqual({ received: true, duplicate: false, outcome: 'refund-recorded' });
    expect((await postStripe(partial)).body).toEqual({ received: true, duplicate: true });
    // The same total under another event id (Stripe resends; charge.refund.updated) adds nothing.
    expect((await postStripe(refundEvent(intentId, 4_000))).body.outcome).toBe('unchanged');
    expect(await paymentsOf(invoiceId)).toMatchObject([{ kind: 'payment', amount: 10_000 }, { kind: 'refund', amount: 4_000, gateway: 'stripe' }]);
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'partially-paid', amountDue: 4_000 });

    expect((await postStripe(refundEvent(intentId, 10_000))).body.outcome).toBe('refund-recorded');
    // An older total delivered late is below what is recorded: nothing.
    expect((await postStripe(refundEvent(intentId, 4_000))).body.outcome).toBe('unchanged');
    expect((await paymentsOf(invoiceId)).filter((p) => p.kind === 'refund').map((p) => p.amount)).toEqual([4_000, 6_000]);
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'open', amountDue: 10_000 });
    const audited = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', invoiceId).where('action', '=', 'invoice.refund-recorded').execute();
    expect(audited).toHaveLength(2);
  });

  it('ignores a payment made outside Upkeep, and records the event as seen', async () => {
    const payload = JSON.stringify({
      id: 'evt_outside_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: seconds(),
      data: { object: { id: 'pi_outside', object: 'payment_intent', status: 'succeeded', amount: 500, currency: 'eur', customer: stripeCustomer, metadata: {} } },
    });
    expect((await postStripe(payload)).body).toEqual({ received: true, duplicate: false, outcome: 'ignored' });
    const seen = await t.deps.database.db.selectFrom('gateway_events').selectAll().where('event_id', '=', 'evt_outside_1').execute();
    expect(seen).toMatchObject([{ gateway: 'stripe', type: 'payment_intent.succeeded', outcome: 'ignored' }]);
    expect(await t.deps.database.db.selectFrom('payments').select('id').where('gateway_ref', '=', 'pi_outside').execute()).toEqual([]);
  });

  it("reads the client's methods again when Stripe says one was saved", async () => {
    const before = (await methodsOf(t.deps.database.db, agency.clientA)).length;
    const pm = stripe.addCard(stripeCustomer, { number: '5555555555554444', expMonth: 3, expYear: 2031 });
    const payload = JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type: 'payment_method.attached', created: seconds(), data: { object: { id: pm, object: 'payment_method', customer: stripeCustomer, type: 'card' } } });
    expect((await postStripe(payload)).body.outcome).toBe('methods-synced');
    const methods = await methodsOf(t.deps.database.db, agency.clientA);
    expect(methods).toHaveLength(before + 1);
    expect(methods.map((m) => m.label)).toContain('Mastercard ·· 4444');
  });

  it('answers 404 while no signing secret is saved', async () => {
    await saveGateway(t.deps, ctx, 'stripe', { webhookSecrets: null });
    try {
      const payload = JSON.stringify({ id: 'evt_unset', object: 'event', type: 'customer.updated', created: seconds(), data: { object: {} } });
      const res = await postStripe(payload);
      expect(res.status).toBe(404);
      expect(res.body.detail).toMatch(/not set up/);
    } finally {
      await saveGateway(t.deps, ctx, 'stripe', { webhookSecrets: [SECRET] });
    }
  });
});

describe('PayPal webhooks', () => {
  function captureEvent(type: string, charge: ChargeRecord, status: string): string {
    const resource = { id: `CAPTURE-${charge.id}`, status, amount: { currency_code: charge.currency, value: '100.00' }, custom_id: charge.idempotencyKey, final_capture: true };
    return JSON.stringify({ id: `WH-${randomUUID()}`, event_version: '1.0', resource_type: 'capture', event_type: type, create_time: t.clock.now.toISOString(), resource });
  }
  const postPaypal = (body: string, headers: Record<string, string> = paypal.signWebhook(body, { webhookId: PAYPAL_WEBHOOK_ID })) =>
    t.request('POST', PAYPAL_PATH, { rawBody: body, headers: { 'content-type': 'application/json', ...headers } });

  it('records a capture PayPal completed, once', async () => {
    const { invoiceId, charge } = await attempt(agency.clientB, paypalMethodId);
    const body = captureEvent('PAYMENT.CAPTURE.COMPLETED', charge, 'COMPLETED');
    const headers = paypal.signWebhook(body, { webhookId: PAYPAL_WEBHOOK_ID });
    const res = await postPaypal(body, headers);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'paid', amountDue: 0 });
    expect(await paymentsOf(invoiceId)).toMatchObject([{ kind: 'payment', amount: 10_000, gateway: 'paypal' }]);
    expect((await postPaypal(body, headers)).body).toEqual({ received: true, duplicate: true });
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
  });

  it('logs that an event came, never what it carried', async () => {
    const { charge } = await attempt(agency.clientB, paypalMethodId);
    const event = JSON.parse(captureEvent('PAYMENT.CAPTURE.COMPLETED', charge, 'COMPLETED'));
    event.resource.payer = { email_address: 'payer-7731@example.com', name: { given_name: 'Ingrid' } };
    const body = JSON.stringify(event);
    const from = logged.length;
    expect((await postPaypal(body)).body.outcome).toBe('recorded');
    const lines = logged.slice(from).join('');
    expect(lines).toContain(event.id);
    expect(lines).not.toContain('payer-7731');
    expect(lines).not.toContain(charge.idempotencyKey);
  });

  it('refuses an unsigned, re-signed or stale delivery with a 400, changing nothing', async () => {
    const { invoiceId, charge } = await attempt(agency.clientB, paypalMethodId);
    const body = captureEvent('PAYMENT.CAPTURE.COMPLETED', charge, 'COMPLETED');
    const refusals = [
      await postPaypal(body, {}),
      await postPaypal(body.replace('COMPLETED', 'PENDING'), paypal.signWebhook(body, { webhookId: PAYPAL_WEBHOOK_ID })),
      await postPaypal(body, paypal.signWebhook(body, { webhookId: 'WH-SOMEONE-ELSE' })),
      await postPaypal(body, paypal.signWebhook(body, { webhookId: PAYPAL_WEBHOOK_ID, transmissionTime: new Date(t.clock.now.getTime() - 3_600_000) })),
    ];
    for (const res of refusals) expect(res.status, res.text).toBe(400);
    expect(refusals[0]!.body.detail).toMatch(/paypal-transmission-id: missing/);
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'open', amountDue: 10_000 });
    expect(await paymentsOf(invoiceId)).toEqual([]);
  });
});

describe('Stripe webhooks: a decline', () => {
  it('leaves the invoice open and the charge declined when an automatic charge is declined', async () => {
    const { invoiceId, charge } = await attempt();
    const error = { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
    const res = await postStripe(intentEvent('payment_intent.payment_failed', 'requires_payment_method', charge, { error }));
    expect(res.body).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    expect(await findCharge(t.deps.database.db, charge.id)).toMatchObject({ state: 'declined', declineKind: 'soft', declineCode: 'insufficient_funds' });
    expect(await invoiceOf(invoiceId)).toMatchObject({ state: 'open', amountDue: 10_000 });
    expect(await paymentsOf(invoiceId)).toEqual([]);
    const dunning = await t.deps.database.db.selectFrom('dunning_cases').select('state').where('invoice_id', '=', invoiceId).executeTakeFirst();
    expect(dunning?.state).toBe('active');
  });
});

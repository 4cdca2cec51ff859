import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { vaultCustomerId } from '../../src/billing/gateways/paypal/paypal.model.ts';
import { syncMethods } from '../../src/billing/payments/methods.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { fieldsOf, ok } from '../support/api.ts';
import { startFakePaypal, type FakePaypal } from '../support/fake-paypal.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { issued, line } from './invoices-helpers.ts';
import { auditOf, saveCard, useStripe, WEBHOOK_SECRET } from './payments-support.ts';

/**
 * Refunds made from Upkeep, end to end: the real app, the official SDKs against the fake Stripe
 * and fake PayPal, and the gateways' own webhooks for the same refunds arriving after (or before)
 * Upkeep recorded them, signed as the gateways sign them. Nothing is ever counted twice.
 */
const PAYPAL_WEBHOOK_ID = 'WH-UPKEEP-REFUNDS';
const ctx = { actor: CLI_ACTOR, requestId: null };

let t: TestApp;
let a: Agency;
let stripe: FakeStripe;
let paypal: FakePaypal;
let stripeMethod: string;
let paypalMethod: string;

beforeAll(async () => {
  stripe = await startFakeStripe();
  paypal = await startFakePaypal();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url, UPKEEP_PAYPAL_API_URL: paypal.url });
  a = await seedAgency(t);
  await useStripe(t, a.owner.token, stripe);
  await ok(t, 'PUT', '/api/v1/billing/gateways/paypal', a.owner.token, { clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: PAYPAL_WEBHOOK_ID });
  // Client A (EUR) pays with a card saved at Stripe, client B (SEK) with one in PayPal's vault.
  stripeMethod = (await saveCard(t, a.owner.token, stripe, a.clientA, { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2031 }))[0].id;
  paypal.addPaymentToken(vaultCustomerId(a.clientB), 'card');
  paypalMethod = (await syncMethods(t.deps, ctx, a.clientB, 'paypal')).find((m) => m.gateway === 'paypal')!.id;
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
  await paypal?.close();
});

interface Paid {
  invoiceId: string;
  total: number;
  paymentId: string;
  chargeRef: string;
}

/** An invoice paid in full through a gateway ("Pay now" with the client's saved method). */
async function paidThrough(gateway: 'stripe' | 'paypal', amount = 10_000): Promise<Paid> {
  const invoice = await issued(t, a.owner.token, gateway === 'stripe' ? a.clientA : a.clientB, [line(amount)]);
  await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/pay`, a.owner.token, { methodId: gateway === 'stripe' ? stripeMethod : paypalMethod });
  const [payment] = await ledgerOf(invoice.id);
  expect(payment).toMatchObject({ kind: 'payment', gateway });
  return { invoiceId: invoice.id, total: invoice.totals.total, paymentId: payment.id, chargeRef: payment.gatewayRef };
}

const ledgerOf = async (invoiceId: string): Promise<any[]> => (await ok(t, 'GET', `/api/v1/invoices/${invoiceId}/payments`, a.owner.token)).items;
const refundsIn = async (invoiceId: string) => (await ledgerOf(invoiceId)).filter((p) => p.kind === 'refund');
const invoiceOf = (id: string) => ok(t, 'GET', `/api/v1/invoices/${id}`, a.owner.token);
const refund = (p: { invoiceId: string; paymentId: string }, body: Record<string, unknown>, token = a.owner.token) =>
  t.request('POST', `/api/v1/invoices/${p.invoiceId}/payments/${p.paymentId}/refund`, { token, body: { reason: 'Service cancelled', ...body } });
const stripeRefundsOf = (intent: string) => [...stripe.refunds.values()].filter((r) => r.payment_intent === intent);

// ---- the gateways' webhooks ----

const seconds = () => Math.floor(t.clock.now.getTime() / 1000);

/** Stripe's charge.refunded: the charge's refunded total so far. */
async function stripeRefunded(intent: string, paid: number, cumulative: number): Promise<string> {
  const charge = { id: `ch_${intent}`, object: 'charge', payment_intent: intent, amount: paid, amount_refunded: cumulative, currency: 'eur', refunded: cumulative === paid };
  const payload = JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type: 'charge.refunded', created: seconds(), livemode: false, data: { object: charge } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: seconds() });
  const res = await t.request('POST', '/api/v1/billing/webhooks/stripe', { rawBody: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
  expect(res.status, res.text).toBe(200);
  return res.body.outcome;
}

/** PayPal's PAYMENT.CAPTURE.REFUNDED: one refund by its id, with the capture's refunded total when `total` is given. */
async function paypalRefunded(captureId: string, refundId: string, value: string, total?: string): Promise<string> {
  const resource = {
    id: refundId,
    status: 'COMPLETED',
    amount: { currency_code: 'SEK', value },
    ...(total ? { seller_payable_breakdown: { total_refunded_amount: { currency_code: 'SEK', value: total } } } : {}),
    links: [{ rel: 'up', method: 'GET', href: `${paypal.url}/v2/payments/captures/${captureId}` }],
  };
  const body = JSON.stringify({ id: `WH-${randomUUID()}`, event_version: '1.0', resource_type: 'refund', event_type: 'PAYMENT.CAPTURE.REFUNDED', create_time: t.clock.now.toISOString(), resource });
  const headers = paypal.signWebhook(body, { webhookId: PAYPAL_WEBHOOK_ID });
  const res = await t.request('POST', '/api/v1/billing/webhooks/paypal', { rawBody: body, headers: { 'content-type': 'application/json', ...headers } });
  expect(res.status, res.text).toBe(200);
  return res.body.outcome;
}

describe('a refund through Stripe', () => {
  it('refunds all that remains at Stripe, records it, opens the invoice again, and the later webhook counts nothing', async () => {
    const paid = await paidThrough('stripe');
    const res = await refund(paid, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body.refund).toMatchObject({ paymentId: paid.paymentId, amount: paid.total, currency: 'EUR', gateway: 'stripe', state: 'succeeded', reason: 'Service cancelled' });
    expect(res.body.invoice).toMatchObject({ state: 'open', amountDue: paid.total });
    const atStripe = stripeRefundsOf(paid.chargeRef);
    expect(atStripe).toMatchObject([{ amount: paid.total }]);
    const sent = stripe.requests.filter((r) => r.path === '/v1/refunds');
    expect(sent.at(-1)!.idempotencyKey).toMatch(new RegExp(`^refund:${paid.paymentId}:`));
    expect(await refundsIn(paid.invoiceId)).toMatchObject([{ amount: paid.total, gateway: 'stripe', gatewayRef: `${paid.chargeRef}:refund:${paid.total}`, id: res.body.refund.ledgerPaymentId }]);
    expect(await auditOf(t, paid.invoiceId)).toEqual(expect.arrayContaining(['invoice.refund-requested', 'invoice.refunded']));

    expect(await stripeRefunded(paid.chargeRef, paid.total, paid.total)).toBe('unchanged');
    expect(await refundsIn(paid.invoiceId)).toHaveLength(1);
    expect(await invoiceOf(paid.invoiceId)).toMatchObject({ state: 'open', amountDue: paid.total, paid: 0 });
  });

  it('refunds part, then the rest; each of Stripe’s cumulative webhooks finds its refund recorded', async () => {
    const paid = await paidThrough('stripe');
    const first = await refund(paid, { amount: 4_000 });
    expect(first.status, first.text).toBe(200);
    expect(first.body.invoice).toMatchObject({ state: 'partially-paid', amountDue: 4_000 });
    expect(await stripeRefunded(paid.chargeRef, paid.total, 4_000)).toBe('unchanged');

    const refundable = await ok(t, 'GET', `/api/v1/invoices/${paid.invoiceId}/refunds`, a.owner.token);
    expect(refundable.payments).toEqual([{ paymentId: paid.paymentId, currency: 'EUR', refunded: 4_000, refundable: paid.total - 4_000 }]);

    const rest = await refund(paid, { reason: 'The rest as well' });
    expect(rest.status, rest.text).toBe(200);
    expect(rest.body.refund.amount).toBe(paid.total - 4_000);
    expect(rest.body.invoice).toMatchObject({ state: 'open', amountDue: paid.total });
    expect(await stripeRefunded(paid.chargeRef, paid.total, paid.total)).toBe('unchanged');
    // An older total delivered late adds nothing either.
    expect(await stripeRefunded(paid.chargeRef, paid.total, 4_000)).toBe('unchanged');
    expect((await refundsIn(paid.invoiceId)).map((p) => p.amount)).toEqual([4_000, paid.total - 4_000]);
    expect(stripeRefundsOf(paid.chargeRef).map((r) => r.amount)).toEqual([4_000, paid.total - 4_000]);
    const listed = await ok(t, 'GET', `/api/v1/invoices/${paid.invoiceId}/refunds`, a.owner.token);
    expect(listed.items.map((r: any) => r.reason)).toEqual(['Service cancelled', 'The rest as well']);
    expect(listed.payments[0].refundable).toBe(0);
  });

  it('refuses more than remains, a refund of a refund and another currency with a 400 naming the field, asking Stripe nothing', async () => {
    const paid = await paidThrough('stripe');
    const asked = stripe.requests.filter((r) => r.path === '/v1/refunds').length;
    const tooMuch = await refund(paid, { amount: paid.total + 1 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toEqual([{ field: 'body.amount', message: `must be at most ${paid.total}, what remains unrefunded of this payment` }]);
    expect(fieldsOf((await refund(paid, { amount: 0 })).body)).toEqual(['body.amount']);
    expect(fieldsOf((await refund(paid, { amount: 100, currency: 'SEK' })).body)).toEqual(['body.currency']);
    expect(fieldsOf((await refund(paid, { reason: ' ' })).body)).toEqual(['body.reason']);

    const part = await refund(paid, { amount: 1_000 });
    expect(part.status, part.text).toBe(200);
    const ofRefund = await refund({ invoiceId: paid.invoiceId, paymentId: part.body.refund.ledgerPaymentId }, {});
    expect(ofRefund.status).toBe(400);
    expect(fieldsOf(ofRefund.body)).toEqual(['params.paymentId']);
    expect(fieldsOf((await refund(paid, { amount: paid.total - 999 })).body)).toEqual(['body.amount']);
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(asked + 1);
    expect(await refundsIn(paid.invoiceId)).toHaveLength(1);
    expect((await t.request('POST', `/api/v1/invoices/${paid.invoiceId}/payments/pay_nothing/refund`, { token: a.owner.token, body: { reason: 'x' } })).status).toBe(404);
  });

  it('refunds once at Stripe when the same refund is sent twice at once, and again after', async () => {
    const paid = await paidThrough('stripe');
    const requestKey = `double-${randomUUID()}`;
    const [one, two] = await Promise.all([refund(paid, { amount: 3_000, requestKey }), refund(paid, { amount: 3_000, requestKey })]);
    // The second finds the first under way (409) or, if it came after, answered (200 with the same refund).
    expect([[200, 200], [200, 409]], `${one.text} ${two.text}`).toContainEqual([one.status, two.status].sort());
    const again = await refund(paid, { amount: 3_000, requestKey });
    expect(again.status, again.text).toBe(200);
    expect(again.body.refund.id).toBe((one.status === 200 ? one : two).body.refund.id);
    expect(stripeRefundsOf(paid.chargeRef)).toHaveLength(1);
    expect(await refundsIn(paid.invoiceId)).toMatchObject([{ amount: 3_000 }]);

    // Two clicks of a form that sends no key: the second finds the first under way or nothing left.
    const [x, y] = await Promise.all([refund(paid, {}), refund(paid, {})]);
    expect([x.status, y.status].sort(), `${x.text} ${y.text}`).toEqual([200, x.status === 200 ? y.status : x.status]);
    expect([400, 409]).toContain(x.status === 200 ? y.status : x.status);
    expect(stripeRefundsOf(paid.chargeRef).map((r) => r.amount)).toEqual([3_000, paid.total - 3_000]);
    expect((await refundsIn(paid.invoiceId)).map((p) => p.amount)).toEqual([3_000, paid.total - 3_000]);
  });

  it("recognises Stripe's webhook arriving before Stripe's answer, and records the refund once", async () => {
    const paid = await paidThrough('stripe');
    const held = stripe.hold('POST', '/v1/refunds', 'after-accepting');
    const answer = refund(paid, { amount: 2_500 });
    await held.reached;
    expect(await stripeRefunded(paid.chargeRef, paid.total, 2_500)).toBe('refund-recorded');
    held.release();
    const res = await answer;
    expect(res.status, res.text).toBe(200);
    const ledger = await refundsIn(paid.invoiceId);
    expect(ledger).toMatchObject([{ amount: 2_500, gatewayRef: `${paid.chargeRef}:refund:2500` }]);
    expect(res.body.refund.ledgerPaymentId).toBe(ledger[0].id);
    expect(res.body.invoice).toMatchObject({ state: 'partially-paid', amountDue: 2_500 });
  });

  it('answers 502 when Stripe refuses, recording nothing; a refund made in the dashboard meanwhile is then counted', async () => {
    const paid = await paidThrough('stripe');
    // Refunded in Stripe's dashboard, its webhook not here yet: Upkeep still thinks all can be refunded.
    stripe.refunds.set('re_dashboard', { id: 're_dashboard', object: 'refund', amount: paid.total - 1_000, currency: 'eur', payment_intent: paid.chargeRef, status: 'succeeded', metadata: {} });
    const before = await invoiceOf(paid.invoiceId);
    const requestKey = `refused-${randomUUID()}`;
    const res = await refund(paid, { requestKey });
    expect(res.status, res.text).toBe(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/^Stripe did not refund: /);
    expect(await refundsIn(paid.invoiceId)).toEqual([]);
    expect(await invoiceOf(paid.invoiceId)).toEqual(before);
    expect(await auditOf(t, paid.invoiceId)).toContain('invoice.refund-failed');
    expect((await ok(t, 'GET', `/api/v1/invoices/${paid.invoiceId}/refunds`, a.owner.token)).items).toMatchObject([{ state: 'failed' }]);
    // Sent again, the same refund goes under the same key (Stripe answers as it did the first time).
    expect((await refund(paid, { requestKey })).status).toBe(502);
    const sent = stripe.requests.filter((r) => r.path === '/v1/refunds' && r.idempotencyKey === `refund:${paid.paymentId}:${requestKey}`);
    expect(sent).toHaveLength(2);
    expect(stripeRefundsOf(paid.chargeRef).map((r) => r.id)).toEqual(['re_dashboard']);
    expect((await ok(t, 'GET', `/api/v1/invoices/${paid.invoiceId}/refunds`, a.owner.token)).items).toMatchObject([{ state: 'failed' }]);

    expect(await stripeRefunded(paid.chargeRef, paid.total, paid.total - 1_000)).toBe('refund-recorded');
    const rest = await refund(paid, {});
    expect(rest.status, rest.text).toBe(200);
    expect(rest.body.refund.amount).toBe(1_000);
    expect(await stripeRefunded(paid.chargeRef, paid.total, paid.total)).toBe('unchanged');
    expect((await refundsIn(paid.invoiceId)).map((p) => p.amount)).toEqual([paid.total - 1_000, 1_000]);
  });
});

describe('a refund through PayPal', () => {
  it('refunds at PayPal under its key, records it under the refund id, and neither form of the webhook counts it again', async () => {
    const paid = await paidThrough('paypal');
    const res = await refund(paid, { amount: 4_000 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.invoice).toMatchObject({ state: 'partially-paid', amountDue: 4_000 });
    const atPaypal = paypal.refunds.filter((r) => r.captureId === paid.chargeRef);
    expect(atPaypal).toHaveLength(1);
    expect(atPaypal[0]!.requestId).toMatch(new RegExp(`^refund:${paid.paymentId}:`));
    expect(await refundsIn(paid.invoiceId)).toMatchObject([{ amount: 4_000, gateway: 'paypal', gatewayRef: `${paid.chargeRef}:refund:${atPaypal[0]!.id}` }]);
    expect(await paypalRefunded(paid.chargeRef, atPaypal[0]!.id, '40.00')).toBe('unchanged');

    const rest = await refund(paid, {});
    expect(rest.status, rest.text).toBe(200);
    const second = paypal.refunds.filter((r) => r.captureId === paid.chargeRef)[1]!;
    const total = (paid.total / 100).toFixed(2);
    expect(await paypalRefunded(paid.chargeRef, second.id, ((paid.total - 4_000) / 100).toFixed(2), total)).toBe('unchanged');
    expect((await refundsIn(paid.invoiceId)).map((p) => p.amount)).toEqual([4_000, paid.total - 4_000]);
    expect(await invoiceOf(paid.invoiceId)).toMatchObject({ state: 'open', amountDue: paid.total });
  });

  it('answers 502 when PayPal refuses, recording nothing', async () => {
    const paid = await paidThrough('paypal');
    paypal.refuseNextRefund();
    const res = await refund(paid, {});
    expect(res.status, res.text).toBe(502);
    expect(res.body.detail).toMatch(/^PayPal did not refund: /);
    expect(await refundsIn(paid.invoiceId)).toEqual([]);
    expect(await invoiceOf(paid.invoiceId)).toMatchObject({ state: 'paid', amountDue: 0 });
    expect(paypal.refunds.filter((r) => r.captureId === paid.chargeRef)).toEqual([]);
  });
});

describe('a refund of a payment recorded by hand', () => {
  it('is recorded only, with its reason, asking no gateway', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    const { payment } = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.owner.token, { amount: invoice.totals.total });
    const stripeAsked = stripe.requests.length;
    const paypalRefunds = paypal.refunds.length;
    const res = await refund({ invoiceId: invoice.id, paymentId: payment.id }, { amount: 2_000, reason: 'Returned by bank transfer' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.refund).toMatchObject({ gateway: null, state: 'succeeded', amount: 2_000, reason: 'Returned by bank transfer' });
    expect(res.body.invoice).toMatchObject({ state: 'partially-paid', amountDue: 2_000 });
    expect(await refundsIn(invoice.id)).toMatchObject([{ amount: 2_000, gateway: null, gatewayRef: null }]);
    expect(stripe.requests).toHaveLength(stripeAsked);
    expect(paypal.refunds).toHaveLength(paypalRefunds);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', invoice.id).where('action', '=', 'invoice.refunded').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ reason: 'Returned by bank transfer', state: 'partially-paid' });
    expect(fieldsOf((await refund({ invoiceId: invoice.id, paymentId: payment.id }, { amount: invoice.totals.total - 1_999 })).body)).toEqual(['body.amount']);
  });
});

describe('who may refund', () => {
  it('refuses managers, viewers and client users with a 403, changing nothing', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(5_000)]);
    const { payment } = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.owner.token, { amount: invoice.totals.total });
    for (const who of [a.manager, a.viewer, a.clientUser]) {
      const res = await refund({ invoiceId: invoice.id, paymentId: payment.id }, {}, who.token);
      expect(res.status, who.token).toBe(403);
      expect((await t.request('GET', `/api/v1/invoices/${invoice.id}/refunds`, { token: who.token })).status).toBe(403);
    }
    expect(await refundsIn(invoice.id)).toEqual([]);
    const admin = await refund({ invoiceId: invoice.id, paymentId: payment.id }, {}, a.admin.token);
    expect(admin.status, admin.text).toBe(200);
  });
});

import { Writable } from 'node:stream';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError, type ChargeRequest } from '../../src/billing/gateways/gateway.ts';
import { IDEMPOTENCY_METADATA_KEY, StripeGateway, type StripeGatewayOptions } from '../../src/billing/gateways/stripe/adapter.ts';
import { billingEventOf, StripeSignatureError, verifyStripeWebhook } from '../../src/billing/gateways/stripe/webhooks.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createOutbound, type Outbound } from '../../src/platform/outbound/client.ts';
import { startFakeStripe, type CardBehaviour, type FakeStripe } from '../support/fake-stripe.ts';

/**
 * The Stripe gateway with the official SDK pointed at a fake Stripe API on loopback, and Stripe
 * webhooks signed with the SDK's own test-header helper.
 */
const VISA = '4242 4242 4242 4242';
const MASTERCARD = '5555555555554444';
const TIMEOUT_MS = 600;
let fake: FakeStripe;
let logLines: string[];
/** Loopback is a private address: allowed here, as for any test peer. */
const outbound: Outbound = createOutbound({ timeoutMs: 5_000, blockPrivateAddresses: true, allow: ['127.0.0.1'], userAgent: 'Upkeep-test' });

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  await fake.close();
  await outbound.close();
});
beforeEach(() => {
  logLines = [];
});

function baseGateway(overrides: Partial<StripeGatewayOptions> = {}): StripeGateway {
  const sink = new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) });
  return new StripeGateway({ secretKey: fake.secretKey, apiBase: fake.url, timeoutMs: TIMEOUT_MS, maxNetworkRetries: 0, logger: createLogger('info', sink), ...overrides });
}

const gateway = baseGateway;

let clients = 0;
/** A fresh client with a saved card that behaves as scripted. */
async function clientWithCard(behaviour: CardBehaviour = 'succeed', number = VISA) {
  const n = ++clients;
  const customerRef = await gateway().ensureCustomer({ id: `cli_${n}`, name: `Client ${n}`, email: `billing${n}@client.example` });
  const paymentMethodRef = fake.addCard(customerRef, { number, expMonth: 8, expYear: 2031, behaviour });
  return { customerRef, paymentMethodRef };
}

let attempts = 0;
function chargeFor(card: { customerRef: string; paymentMethodRef: string }, overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  const invoiceId = `inv_${++attempts}`;
  return {
    idempotencyKey: `invoice:${invoiceId}:attempt:1`,
    customerRef: card.customerRef,
    paymentMethodRef: card.paymentMethodRef,
    amount: { amount: 12_500, currency: 'EUR' },
    description: `Invoice 2026-00${attempts}`,
    metadata: { invoiceId, attempt: '1' },
    ...overrides,
  };
}

const intentsOf = (customerRef: string) => [...fake.paymentIntents.values()].filter((pi) => pi.customer === customerRef);

async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('Stripe gateway: customers and saved methods', () => {
  it('creates a customer once and finds it again by our client id', async () => {
    const stripe = gateway();
    const first = await stripe.ensureCustomer({ id: 'cli_again', name: 'Bakery Ltd', email: null });
    const second = await stripe.ensureCustomer({ id: 'cli_again', name: 'Bakery Ltd', email: null });
    expect(second).toBe(first);
    const created = [...fake.customers.values()].filter((c) => c.metadata.upkeep_client_id === 'cli_again');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ name: 'Bakery Ltd', email: null });
  });

  it('sends the client to Stripe\'s hosted page in setup mode to save a method, and lists it afterwards', async () => {
    const { customerRef } = await clientWithCard();
    const stripe = gateway();
    const saving = await stripe.startSavingMethod(customerRef, 'https://upkeep.example/portal/billing/methods');
    expect(saving.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const session = fake.checkoutSessions.get(saving.sessionRef);
    expect(session).toMatchObject({ mode: 'setup', customer: customerRef, success_url: 'https://upkeep.example/portal/billing/methods' });
    const request = fake.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
    expect(request.form.allowed_payment_method_types).toEqual({ 0: 'card' });

    const saved = fake.completeSetup(saving.sessionRef, { number: MASTERCARD, expMonth: 1, expYear: 2030 });
    const methods = await stripe.listMethods(customerRef);
    expect(methods.map((m) => m.ref)).toContain(saved);
    expect(methods.find((m) => m.ref === saved)).toEqual({ ref: saved, kind: 'card', label: 'Mastercard ·· 4444', expMonth: 1, expYear: 2030 });
  });

  it('labels cards with brand and last four and gives the expiry, never the card number', async () => {
    const card = await clientWithCard('succeed', VISA);
    const stripe = gateway();
    const methods = await stripe.listMethods(card.customerRef);
    expect(methods).toEqual([{ ref: card.paymentMethodRef, kind: 'card', label: 'Visa ·· 4242', expMonth: 8, expYear: 2031 }]);
    for (const method of methods) expect(method.label).toMatch(/^[A-Za-z ]+ ·· \d{4}$/);

    const outcome = await stripe.charge(chargeFor(card));
    // Stripe ids (pm_…, pi_…) and the log lines' millisecond timestamps are the long numbers allowed.
    const everything = (JSON.stringify({ methods, outcome }) + logLines.join('')).replace(/"time":\d+/g, '').replace(/\b[a-z]+(?:_test)?_[0-9A-Za-z]+/g, '');
    expect(logLines.length).toBeGreaterThan(0);
    expect(everything).not.toContain('4242424242424242');
    expect(everything).not.toMatch(/\d{12,19}/);
  });

  it('reports an unknown customer as a failure not worth retrying', async () => {
    const error = await gatewayError(gateway().listMethods('cus_missing'));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('No such customer');
  });

  it('reports a wrong secret key as a failure not worth retrying', async () => {
    const error = await gatewayError(gateway({ secretKey: 'sk_test_wrong' }).listMethods('cus_any'));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('HTTP 401');
  });
});

/** The charges run over both ways of carrying the SDK's requests. */
const TRANSPORTS: [string, () => Partial<StripeGatewayOptions>, string][] = [
  ["the SDK's own HTTP client", () => ({}), 'node'],
  ["Upkeep's outbound client", () => ({ outbound }), 'upkeep-outbound'],
];

describe.each(TRANSPORTS)('Stripe gateway: charges over %s', (_transport, transport, httpLibrary) => {
  const gateway = (overrides: Partial<StripeGatewayOptions> = {}) => baseGateway({ ...transport(), ...overrides });

  it('charges a saved card off-session with our idempotency key and metadata', async () => {
    const card = await clientWithCard('succeed');
    const request = chargeFor(card);
    const outcome = await gateway().charge(request);
    const [intent] = intentsOf(card.customerRef);
    expect(outcome).toEqual({ status: 'succeeded', chargeRef: intent.id });
    expect(intent).toMatchObject({ amount: 12_500, currency: 'eur', payment_method: card.paymentMethodRef, status: 'succeeded' });
    expect(intent.metadata).toEqual({ ...request.metadata, [IDEMPOTENCY_METADATA_KEY]: request.idempotencyKey });
    const sent = fake.requests.findLast((r) => r.path === '/v1/payment_intents' && r.method === 'POST')!;
    expect(sent.idempotencyKey).toBe(request.idempotencyKey);
    expect(JSON.parse(String(sent.headers['x-stripe-client-user-agent'])).httplib).toBe(httpLibrary);
    expect(sent.form).toMatchObject({ off_session: 'true', confirm: 'true', automatic_payment_methods: { enabled: 'true', allow_redirects: 'never' } });
  });

  it('charges yen without decimals', async () => {
    const card = await clientWithCard('succeed');
    await gateway().charge(chargeFor(card, { amount: { amount: 15_000, currency: 'JPY' } }));
    expect(intentsOf(card.customerRef)[0]).toMatchObject({ amount: 15_000, currency: 'jpy' });
  });

  it('reports insufficient funds as a soft decline', async () => {
    const card = await clientWithCard('decline-soft');
    const outcome = await gateway().charge(chargeFor(card));
    expect(outcome).toEqual({ status: 'declined', chargeRef: intentsOf(card.customerRef)[0].id, decline: 'soft', code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });

  it('reports a stolen card as a hard decline', async () => {
    const card = await clientWithCard('decline-hard');
    const outcome = await gateway().charge(chargeFor(card));
    expect(outcome).toMatchObject({ status: 'declined', decline: 'hard', code: 'stolen_card' });
  });

  it('reports a bank asking for 3-D Secure as needing the customer', async () => {
    const card = await clientWithCard('authentication-required');
    const outcome = await gateway().charge(chargeFor(card));
    expect(outcome).toMatchObject({ status: 'declined', decline: 'needs-customer', code: 'authentication_required' });
  });

  it('gives up on an unanswered request after the timeout with a retryable error', async () => {
    const card = await clientWithCard('time-out');
    const started = Date.now();
    const error = await gatewayError(gateway().charge(chargeFor(card)));
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(intentsOf(card.customerRef)).toHaveLength(0);
  });

  it('charges once when the same idempotency key is charged twice, and answers the same', async () => {
    const card = await clientWithCard('succeed');
    const request = chargeFor(card);
    const first = await gateway().charge(request);
    const second = await gateway().charge(request);
    expect(second).toEqual(first);
    expect(intentsOf(card.customerRef)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.idempotencyKey === request.idempotencyKey)).toHaveLength(2);
  });

  it('declines once when a declined attempt is asked again with its key', async () => {
    const card = await clientWithCard('decline-soft');
    const request = chargeFor(card);
    const first = await gateway().charge(request);
    fake.script(card.paymentMethodRef, 'succeed');
    const second = await gateway().charge(request);
    expect(second).toEqual(first);
    expect(intentsOf(card.customerRef)).toHaveLength(1);
  });

  it('refuses a charge with a payment method of another customer, not worth retrying', async () => {
    const card = await clientWithCard('succeed');
    const other = await clientWithCard('succeed');
    const error = await gatewayError(gateway().charge(chargeFor({ customerRef: card.customerRef, paymentMethodRef: other.paymentMethodRef })));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('belongs to another customer');
  });

  it('finds the charge Stripe made when the answer was lost (500 after accepting), so there is exactly one', async () => {
    const card = await clientWithCard('fail-after-accepting');
    const request = chargeFor(card);
    const error = await gatewayError(gateway().charge(request));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('HTTP 500');

    const found = await gateway().findCharge(request.idempotencyKey, card.customerRef);
    const intents = intentsOf(card.customerRef);
    expect(intents).toHaveLength(1);
    expect(found).toEqual({ status: 'succeeded', chargeRef: intents[0].id });
  });

  it('lets the SDK retry a dropped connection with the same key: one charge, the stored answer', async () => {
    const card = await clientWithCard('drop-after-accepting');
    const request = chargeFor(card);
    const outcome = await gateway({ maxNetworkRetries: 1 }).charge(request);
    expect(fake.requests.filter((r) => r.idempotencyKey === request.idempotencyKey)).toHaveLength(2);
    const intents = intentsOf(card.customerRef);
    expect(intents).toHaveLength(1);
    expect(outcome).toEqual({ status: 'succeeded', chargeRef: intents[0].id });
  });

  it('finds a declined attempt as declined, and nothing for a key never charged', async () => {
    const card = await clientWithCard('decline-hard');
    const request = chargeFor(card);
    await gateway().charge(request);
    expect(await gateway().findCharge(request.idempotencyKey, card.customerRef)).toMatchObject({ status: 'declined', decline: 'hard', code: 'stolen_card' });
    expect(await gateway().findCharge('invoice:inv_never:attempt:1', card.customerRef)).toBeNull();
  });

  it('finds an older attempt past the first page of the customer\'s payments', async () => {
    const card = await clientWithCard('succeed');
    const old = chargeFor(card);
    await gateway().charge(old);
    for (let i = 0; i < 105; i++) await gateway().charge(chargeFor(card, { amount: { amount: 100 + i, currency: 'EUR' } }));
    const found = await gateway().findCharge(old.idempotencyKey, card.customerRef);
    expect(found).toMatchObject({ status: 'succeeded' });
    expect(found!.status === 'succeeded' && fake.paymentIntents.get(found!.chargeRef).amount).toBe(12_500);
  });
});

describe('Stripe gateway: refunds', () => {
  it('refunds once per idempotency key, and refuses more than was paid', async () => {
    const card = await clientWithCard('succeed');
    const charged = await gateway().charge(chargeFor(card));
    if (charged.status !== 'succeeded') throw new Error('the charge should have succeeded');
    const partial = { amount: 2_500, currency: 'EUR' };
    const first = await gateway().refund(charged.chargeRef, partial, 'refund:cn_1');
    const again = await gateway().refund(charged.chargeRef, partial, 'refund:cn_1');
    expect(again).toEqual(first);
    const refunds = [...fake.refunds.values()].filter((r) => r.payment_intent === charged.chargeRef);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ id: first.refundRef, amount: 2_500, currency: 'eur' });

    const tooMuch = await gatewayError(gateway().refund(charged.chargeRef, { amount: 10_001, currency: 'EUR' }, 'refund:cn_2'));
    expect(tooMuch.retryable).toBe(false);
    await gateway().refund(charged.chargeRef, { amount: 10_000, currency: 'EUR' }, 'refund:cn_3');
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === charged.chargeRef)).toHaveLength(2);
  });
});

describe('Stripe webhooks', () => {
  const secret = 'whsec_current_0123456789abcdef';
  const oldSecret = 'whsec_previous_0123456789abcdef';
  const now = new Date('2026-11-21T12:00:00Z');
  const seconds = Math.floor(now.getTime() / 1000);
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'payment_intent.succeeded',
    created: seconds - 5,
    livemode: false,
    data: { object: { id: 'pi_1', object: 'payment_intent', status: 'succeeded', customer: 'cus_1', metadata: { invoiceId: 'inv_9', [IDEMPOTENCY_METADATA_KEY]: 'invoice:inv_9:attempt:2' } } },
  });
  const header = (options: { body?: string; secret?: string; timestamp?: number } = {}) =>
    Stripe.webhooks.generateTestHeaderString({ payload: options.body ?? payload, secret: options.secret ?? secret, timestamp: options.timestamp ?? seconds });
  const verify = (body: string, signature: string | undefined, secrets = [secret]) => verifyStripeWebhook(Buffer.from(body), signature, { secrets, receivedAt: now });
  const refusal = (body: string, signature: string | undefined, secrets = [secret]) => {
    try {
      verify(body, signature, secrets);
    } catch (err) {
      expect(err).toBeInstanceOf(StripeSignatureError);
      return (err as Error).message;
    }
    throw new Error('the webhook was accepted');
  };

  it('accepts a signed event and reads it in billing\'s terms', () => {
    const event = verify(payload, header());
    expect(event.id).toBe('evt_1');
    expect(billingEventOf(event)).toEqual({
      kind: 'charge-updated',
      eventId: 'evt_1',
      occurredAt: new Date((seconds - 5) * 1000),
      outcome: { status: 'succeeded', chargeRef: 'pi_1' },
      customerRef: 'cus_1',
      idempotencyKey: 'invoice:inv_9:attempt:2',
      metadata: { invoiceId: 'inv_9', [IDEMPOTENCY_METADATA_KEY]: 'invoice:inv_9:attempt:2' },
    });
  });

  it('rejects a tampered body', () => {
    expect(refusal(payload.replace('"succeeded"', '"canceled"'), header())).toContain('No signatures found');
  });

  it('rejects a stale timestamp (a replay)', () => {
    const stale = seconds - 301;
    expect(refusal(payload, header({ timestamp: stale }))).toContain('tolerance');
    expect(() => verify(payload, header({ timestamp: seconds - 299 }))).not.toThrow();
  });

  it('rejects an unsigned request and a signature made with another secret', () => {
    expect(refusal(payload, undefined)).toContain('no Stripe-Signature');
    expect(refusal(payload, '')).toContain('no Stripe-Signature');
    expect(refusal(payload, header({ secret: 'whsec_someone_else' }))).toContain('No signatures found');
  });

  it('accepts a header with two v1 signatures when one matches (Stripe rolling its secret)', () => {
    const stale = header({ secret: oldSecret }).split(',').find((part) => part.startsWith('v1='))!;
    const current = header().split(',').find((part) => part.startsWith('v1='))!;
    expect(verify(payload, `t=${seconds},${stale},${current}`).id).toBe('evt_1');
    expect(verify(payload, `t=${seconds},${current},${stale}`).id).toBe('evt_1');
    expect(refusal(payload, `t=${seconds},${stale},v1=${'0'.repeat(64)}`)).toContain('No signatures found');
  });

  it('accepts either configured secret while ours is being rolled', () => {
    expect(verify(payload, header({ secret: oldSecret }), [secret, oldSecret]).id).toBe('evt_1');
  });

  it('reads a failed payment as the same decline a charge would have answered', () => {
    const failedBody = JSON.stringify({
      id: 'evt_4',
      object: 'event',
      type: 'payment_intent.payment_failed',
      created: seconds,
      data: { object: { id: 'pi_2', object: 'payment_intent', status: 'requires_payment_method', customer: 'cus_1', metadata: {}, last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' } } },
    });
    expect(billingEventOf(verify(failedBody, header({ body: failedBody })))).toMatchObject({
      kind: 'charge-updated',
      outcome: { status: 'declined', chargeRef: 'pi_2', decline: 'hard', code: 'stolen_card' },
      idempotencyKey: null,
    });
  });

  it('reads refunds in our minor units and ignores events billing does not follow', () => {
    const refundBody = JSON.stringify({ id: 'evt_2', object: 'event', type: 'charge.refunded', created: seconds, data: { object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', amount_refunded: 2_500, currency: 'eur' } } });
    expect(billingEventOf(verify(refundBody, header({ body: refundBody })))).toEqual({ kind: 'charge-refunded', eventId: 'evt_2', occurredAt: now, chargeRef: 'pi_1', refunded: { amount: 2_500, currency: 'EUR' } });
    const otherBody = JSON.stringify({ id: 'evt_3', object: 'event', type: 'customer.updated', created: seconds, data: { object: { id: 'cus_1', object: 'customer' } } });
    expect(billingEventOf(verify(otherBody, header({ body: otherBody })))).toMatchObject({ kind: 'ignored', type: 'customer.updated' });
  });
});

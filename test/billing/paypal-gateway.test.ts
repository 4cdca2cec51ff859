import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError, type ChargeRequest } from '../../src/billing/gateways/gateway.ts';
import { PaypalGateway } from '../../src/billing/gateways/paypal/adapter.ts';
import { createPaypalWebhookVerifier, PaypalWebhookError, type PaypalWebhookVerifier } from '../../src/billing/gateways/paypal/webhooks.ts';
import { createOutbound } from '../../src/platform/outbound/client.ts';
import { startFakePaypal, type FakePaymentToken, type FakePaypal } from '../support/fake-paypal.ts';
import { selfSignedCertificate } from '../support/peers/certificates.ts';

const WEBHOOK_ID = 'WH-UPKEEP-TEST';
const outbound = createOutbound({ timeoutMs: 2_000, blockPrivateAddresses: false, userAgent: 'Upkeep test' });
let fake: FakePaypal;
let gateway: PaypalGateway;
let customerRef: string;
let card: FakePaymentToken;
let keyNumber = 0;

beforeAll(async () => {
  fake = await startFakePaypal();
  gateway = new PaypalGateway({ clientId: fake.clientId, clientSecret: fake.clientSecret, apiBase: fake.url, webhookId: WEBHOOK_ID, timeoutMs: 500, outbound });
});
afterAll(async () => {
  await fake.close();
  await outbound.close();
});
beforeEach(async () => {
  customerRef = await gateway.ensureCustomer({ id: `cli_${++keyNumber}`, name: 'Acme Ltd', email: 'billing@acme.example' });
  card = fake.addPaymentToken(customerRef, 'card');
});

function chargeRequest(overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    idempotencyKey: `invoice:inv_${keyNumber}:attempt:1`,
    customerRef,
    paymentMethodRef: `card:${card.id}`,
    amount: { amount: 4999, currency: 'EUR' },
    description: 'Upkeep Team plan, March',
    metadata: { invoiceId: `inv_${keyNumber}`, attempt: '1' },
    ...overrides,
  };
}

const ordersFor = (requestId: string) => fake.orders.filter((order) => order.requestId === requestId);

describe('PayPal gateway: customers and saved methods', () => {
  it('names one vault customer per client, the same every time', async () => {
    const again = await gateway.ensureCustomer({ id: `cli_${keyNumber}`, name: 'Acme Ltd', email: null });
    expect(again).toBe(customerRef);
    expect(customerRef).toMatch(/^[0-9A-Za-z_-]{1,22}$/);
    expect(await gateway.ensureCustomer({ id: 'cli_other', name: 'Other', email: null })).not.toBe(customerRef);
  });

  it('starts saving a method at PayPal and lists the payment token once approved', async () => {
    const session = await gateway.startSavingMethod(customerRef, 'https://upkeep.example/billing/methods/return');
    expect(session.url).toBe(`${fake.url}/agreements/approve?approval_session_id=${session.sessionRef}`);
    await expect(gateway.finishSavingMethod(session.sessionRef, customerRef)).rejects.toMatchObject({ retryable: false });
    fake.approveSetupToken(session.sessionRef);
    const saved = await gateway.finishSavingMethod(session.sessionRef, customerRef);
    expect(saved).toMatchObject({ kind: 'paypal', label: 'PayPal · payer@example.com', expMonth: null });
    const methods = await gateway.listMethods(customerRef);
    expect(methods).toEqual([
      { ref: `card:${card.id}`, kind: 'card', label: 'Visa ·· 4242', expMonth: 7, expYear: 2030 },
      saved,
    ]);
  });
});

describe('PayPal gateway: charges', () => {
  it('captures an order paid by the vaulted card, keyed by PayPal-Request-Id', async () => {
    const outcome = await gateway.charge(chargeRequest());
    const [order] = ordersFor(chargeRequest().idempotencyKey);
    expect(outcome).toEqual({ status: 'succeeded', chargeRef: order!.captureId });
    expect(order).toMatchObject({ vaultId: card.id, amount: { currency_code: 'EUR', value: '49.99' } });
  });

  it('reports a soft decline from the processor as soft', async () => {
    fake.script('soft-decline');
    const outcome = await gateway.charge(chargeRequest());
    expect(outcome).toMatchObject({ status: 'declined', decline: 'soft', code: '5120', chargeRef: ordersFor(chargeRequest().idempotencyKey)[0]!.captureId });
  });

  it('reports INSTRUMENT_DECLINED as hard, and the closed card keeps declining', async () => {
    fake.script('hard-decline');
    expect(await gateway.charge(chargeRequest())).toMatchObject({ status: 'declined', decline: 'hard', code: 'INSTRUMENT_DECLINED', chargeRef: null });
    const retry = await gateway.charge(chargeRequest({ idempotencyKey: `invoice:inv_${keyNumber}:attempt:2` }));
    expect(retry).toMatchObject({ status: 'declined', decline: 'hard', code: 'INSTRUMENT_DECLINED' });
    expect(fake.orders.filter((order) => order.vaultId === card.id)).toHaveLength(0);
  });

  it('reports a payment the payer must approve as needing the customer', async () => {
    fake.script('payer-action');
    const outcome = await gateway.charge(chargeRequest());
    expect(outcome).toMatchObject({ status: 'declined', decline: 'needs-customer', code: 'PAYER_ACTION_REQUIRED' });
    expect(outcome.chargeRef).toBe(ordersFor(chargeRequest().idempotencyKey)[0]!.id);
  });

  it('reports a timeout as a retryable gateway error', async () => {
    fake.script('timeout');
    const failure = await gateway.charge(chargeRequest()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).retryable).toBe(true);
    expect(ordersFor(chargeRequest().idempotencyKey)).toHaveLength(0);
  });

  it('charges once when the same request id is sent twice', async () => {
    const first = await gateway.charge(chargeRequest());
    const second = await gateway.charge(chargeRequest());
    expect(second).toEqual(first);
    expect(ordersFor(chargeRequest().idempotencyKey)).toHaveLength(1);
  });

  it('finds the one captured order after PayPal accepted it and the answer was lost', async () => {
    fake.script('fail-after-accepting');
    const failure = await gateway.charge(chargeRequest()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ retryable: true });
    const found = await gateway.findCharge(chargeRequest().idempotencyKey, customerRef);
    const orders = ordersFor(chargeRequest().idempotencyKey);
    expect(orders).toHaveLength(1);
    expect(found).toEqual({ status: 'succeeded', chargeRef: orders[0]!.captureId });
  });

  it('finds nothing, and creates nothing, for a request id PayPal never saw', async () => {
    const before = fake.orders.length;
    expect(await gateway.findCharge('invoice:never:attempt:1', customerRef)).toBeNull();
    expect(fake.orders).toHaveLength(before);
  });

  it('refuses a method ref that is not a PayPal payment token', async () => {
    await expect(gateway.charge(chargeRequest({ paymentMethodRef: 'pm_stripe_123' }))).rejects.toMatchObject({ retryable: false });
  });
});

describe('PayPal gateway: credentials', () => {
  it('reuses one access token across calls', async () => {
    const fresh = await startFakePaypal();
    try {
      const own = new PaypalGateway({ clientId: fresh.clientId, clientSecret: fresh.clientSecret, apiBase: fresh.url, webhookId: WEBHOOK_ID, outbound });
      const token = fresh.addPaymentToken('cust1', 'card');
      await own.listMethods('cust1');
      await own.charge(chargeRequest({ customerRef: 'cust1', paymentMethodRef: `card:${token.id}` }));
      expect(fresh.tokensIssued).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('fails without retrying when PayPal refuses the credentials', async () => {
    const wrong = new PaypalGateway({ clientId: fake.clientId, clientSecret: 'not-the-secret', apiBase: fake.url, webhookId: WEBHOOK_ID, outbound });
    const failure = await wrong.charge(chargeRequest()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).retryable).toBe(false);
    expect(ordersFor(chargeRequest().idempotencyKey)).toHaveLength(0);
  });
});

describe('PayPal gateway: refunds', () => {
  it('refunds a capture under its own request id, once', async () => {
    const outcome = await gateway.charge(chargeRequest());
    if (outcome.status !== 'succeeded') throw new Error(`charge ${outcome.status}`);
    const refundKey = `refund:inv_${keyNumber}:1`;
    const refund = await gateway.refund(outcome.chargeRef, { amount: 1000, currency: 'EUR' }, refundKey);
    const again = await gateway.refund(outcome.chargeRef, { amount: 1000, currency: 'EUR' }, refundKey);
    expect(again).toEqual(refund);
    expect(fake.refunds.filter((item) => item.requestId === refundKey)).toEqual([{ id: refund.refundRef, captureId: outcome.chargeRef, requestId: refundKey }]);
  });

  it('refuses to refund a capture PayPal does not know, without retrying', async () => {
    await expect(gateway.refund('CAPTURE-missing', { amount: 1000, currency: 'EUR' }, 'refund:missing')).rejects.toMatchObject({ retryable: false });
  });
});

describe('PayPal webhooks', () => {
  const body = JSON.stringify({ id: 'WH-EVT-1', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: { id: 'CAPTURE-1', custom_id: 'invoice:inv_1:attempt:1' } });
  let verifier: PaypalWebhookVerifier;

  beforeAll(() => {
    verifier = createPaypalWebhookVerifier({ webhookId: WEBHOOK_ID, outbound, extraCertOrigins: [fake.url] });
  });

  const rejection = (headers: Record<string, string>, raw = body) =>
    verifier.verify(headers, Buffer.from(raw)).then(
      () => null,
      (error: unknown) => (error instanceof PaypalWebhookError ? error.reason : error),
    );

  it('accepts a delivery signed by the certificate at the cert URL', async () => {
    const event = await verifier.verify(fake.signWebhook(body, { webhookId: WEBHOOK_ID }), Buffer.from(body));
    expect(event).toMatchObject({ id: 'WH-EVT-1', event_type: 'PAYMENT.CAPTURE.COMPLETED' });
  });

  it('rejects a body changed after signing', async () => {
    const headers = fake.signWebhook(body, { webhookId: WEBHOOK_ID });
    expect(await rejection(headers, body.replace('CAPTURE-1', 'CAPTURE-2'))).toBe('signature');
  });

  it('rejects a delivery signed for another webhook', async () => {
    expect(await rejection(fake.signWebhook(body, { webhookId: 'WH-SOMEONE-ELSE' }))).toBe('signature');
  });

  it('rejects a signature made with a key other than the certificate’s', async () => {
    const stranger = selfSignedCertificate({ commonName: 'stranger.example' });
    expect(await rejection(fake.signWebhook(body, { webhookId: WEBHOOK_ID, key: stranger.key }))).toBe('signature');
  });

  it('rejects a stale delivery', async () => {
    const anHourAgo = new Date(Date.now() - 3_600_000);
    expect(await rejection(fake.signWebhook(body, { webhookId: WEBHOOK_ID, transmissionTime: anHourAgo }))).toBe('stale');
    const anHourAhead = new Date(Date.now() + 3_600_000);
    expect(await rejection(fake.signWebhook(body, { webhookId: WEBHOOK_ID, transmissionTime: anHourAhead }))).toBe('stale');
  });

  it('rejects an unsigned delivery', async () => {
    expect(await rejection({})).toBe('unsigned');
    const { 'paypal-transmission-sig': _signature, ...withoutSignature } = fake.signWebhook(body, { webhookId: WEBHOOK_ID });
    expect(await rejection(withoutSignature)).toBe('unsigned');
  });

  it('rejects a cert URL off the allow list without fetching it', async () => {
    const offList = ['https://evil.example/cert.pem', 'http://api.paypal.com/v1/notifications/certs/X', 'https://api.paypal.com.evil.example/cert'];
    for (const certUrl of offList) {
      expect(await rejection(fake.signWebhook(body, { webhookId: WEBHOOK_ID, certUrl }))).toBe('cert-url');
    }
  });

  it('rejects a delivery whose certificate cannot be fetched from the allowed host', async () => {
    const certUrl = `${fake.url}/v1/notifications/certs/CERT-missing`;
    expect(await rejection(fake.signWebhook(body, { webhookId: WEBHOOK_ID, certUrl }))).toBe('certificate');
  });

  it('fetches the certificate once and reuses it', async () => {
    let fetches = 0;
    const counting = createPaypalWebhookVerifier({
      webhookId: WEBHOOK_ID,
      extraCertOrigins: [fake.url],
      outbound: { request: (async (url: string, options: never) => (fetches++, outbound.request(url, options))) as never, close: async () => {} },
    });
    for (let i = 0; i < 3; i++) await counting.verify(fake.signWebhook(body, { webhookId: WEBHOOK_ID }), body);
    expect(fetches).toBe(1);
  });
});

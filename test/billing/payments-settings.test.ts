import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { fieldsOf, ok } from '../support/api.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { saveCard, useStripe } from './payments-support.ts';

/** The agency's payment settings, gateway secrets kept sealed, and clients' saved methods. */
let t: TestApp;
let a: Agency;
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url });
  a = await seedAgency(t);
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

describe('gateway credentials', () => {
  it('are sealed at rest, never sent back and never audited in the clear', async () => {
    const view = await ok(t, 'PUT', '/api/v1/billing/gateways/stripe', a.admin.token, { secretKey: stripe.secretKey, webhookSecrets: ['whsec_first', 'whsec_second'] });
    expect(view).toMatchObject({ name: 'stripe', configured: true, secretFields: ['secretKey', 'webhookSecrets'], webhookUrl: expect.stringMatching(/\/api\/v1\/billing\/webhooks\/stripe$/) });
    expect(JSON.stringify(view)).not.toContain(stripe.secretKey);
    const settings = await ok(t, 'GET', '/api/v1/billing/settings', a.owner.token);
    expect(JSON.stringify(settings)).not.toContain(stripe.secretKey);
    expect(JSON.stringify(settings)).not.toContain('whsec_first');

    const row = await t.db.db.selectFrom('billing_gateways').selectAll().where('name', '=', 'stripe').executeTakeFirstOrThrow();
    expect(row.sealed_secrets).toMatch(/^v1:/);
    expect(`${row.config}${row.sealed_secrets}`).not.toContain(stripe.secretKey);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_type', '=', 'payment-gateway').execute();
    expect(audit.map((r) => r.action)).toEqual(['payment-gateway.created']);
    expect(JSON.stringify(audit)).not.toContain(stripe.secretKey);
    expect(JSON.stringify(audit)).toContain('secretsChanged');
  });

  it('keeps a secret that is left out, and names bad ones', async () => {
    await ok(t, 'PUT', '/api/v1/billing/gateways/stripe', a.admin.token, { webhookSecrets: ['whsec_rolled'] });
    const view = (await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).gateways.find((g: { name: string }) => g.name === 'stripe');
    expect(view.secretFields).toEqual(['secretKey', 'webhookSecrets']);
    const bad = await t.request('PUT', '/api/v1/billing/gateways/stripe', { token: a.admin.token, body: { secretKey: '4242424242424242', webhookSecrets: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['body.secretKey', 'body.webhookSecrets.0']);
  });

  it('are for owners and admins only', async () => {
    for (const who of [a.manager, a.viewer, a.clientUser]) {
      expect((await t.request('GET', '/api/v1/billing/settings', { token: who.token })).status).toBe(403);
      expect((await t.request('PUT', '/api/v1/billing/gateways/stripe', { token: who.token, body: { secretKey: 'sk_test_x' } })).status).toBe(403);
    }
  });
});

describe('payment settings', () => {
  it('refuse a gateway without credentials, a bad retry schedule and a fallback equal to the primary', async () => {
    const current = (await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).settings;
    const res = await t.request('PUT', '/api/v1/billing/settings', { token: a.admin.token, body: { ...current, primaryGateway: 'stripe', fallbackGateway: 'paypal', retryDays: [1, 5, 3] } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(['body.fallbackGateway', 'body.retryDays.2']);
    expect((await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).settings).toEqual(current);
  });

  it('save a primary gateway, a schedule and a threshold, audited', async () => {
    await useStripe(t, a.admin.token, stripe, { retryDays: [2, 4], approvalThreshold: { amount: 50_000, currency: 'EUR' } });
    const { settings } = await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token);
    expect(settings).toMatchObject({ primaryGateway: 'stripe', fallbackGateway: null, retryDays: [2, 4], approvalThreshold: { amount: 50_000, currency: 'EUR' }, autoCharge: true });
    const removing = await t.request('DELETE', '/api/v1/billing/gateways/stripe', { token: a.admin.token });
    expect(removing.status).toBe(400);
    expect(fieldsOf(removing.body)).toEqual(['params.name']);
  });
});

describe('saved payment methods', () => {
  it('are saved by the client on the hosted page and shown by label only', async () => {
    const methods = await saveCard(t, a.clientUser.token, stripe, a.clientA, { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 });
    expect(methods).toEqual([expect.objectContaining({ gateway: 'stripe', kind: 'card', label: expect.stringMatching(/Visa.*4242/), expMonth: 8, expYear: 2031, isDefault: true })]);
    expect(JSON.stringify(methods)).not.toContain('4242424242424242');
    const listed = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/payment-methods`, a.manager.token);
    expect(listed.items).toHaveLength(1);
  });

  it('are not another client’s to see or change', async () => {
    expect((await t.request('GET', `/api/v1/clients/${a.clientA}/payment-methods`, { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/clients/${a.clientA}/payment-methods/setup`, { token: a.outsider.token, body: {} })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/clients/${a.clientA}/payment-methods/setup`, { token: a.manager.token, body: {} })).status).toBe(403);
  });

  it('can be made default and removed; the next one takes over', async () => {
    const two = await saveCard(t, a.clientUser.token, stripe, a.clientA, { number: '5555 5555 5555 4444', expMonth: 3, expYear: 2030 });
    expect(two).toHaveLength(2);
    const mastercard = two.find((m) => /4444/.test(m.label));
    const visa = two.find((m) => /4242/.test(m.label));
    expect((await ok(t, 'POST', `/api/v1/clients/${a.clientA}/payment-methods/${mastercard.id}/default`, a.clientUser.token)).items[0].id).toBe(mastercard.id);
    const after = (await ok(t, 'DELETE', `/api/v1/clients/${a.clientA}/payment-methods/${mastercard.id}`, a.clientUser.token)).items;
    expect(after.map((m: { id: string; isDefault: boolean }) => [m.id, m.isDefault])).toEqual([[visa.id, true]]);
  });
});

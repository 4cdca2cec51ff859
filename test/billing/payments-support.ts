import type { TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';
import type { FakeStripe } from '../support/fake-stripe.ts';

/** Shared set-up of the payment tests: Stripe as the primary gateway, a client with a saved card. */
export const WEBHOOK_SECRET = 'whsec_test_payments';

export async function useStripe(t: TestApp, token: string, stripe: FakeStripe, settings: Record<string, unknown> = {}): Promise<void> {
  await ok(t, 'PUT', '/api/v1/billing/gateways/stripe', token, { secretKey: stripe.secretKey, webhookSecrets: [WEBHOOK_SECRET] });
  const current = (await ok(t, 'GET', '/api/v1/billing/settings', token)).settings;
  await ok(t, 'PUT', '/api/v1/billing/settings', token, { ...current, primaryGateway: 'stripe', ...settings });
}

/** The client saves a card on the hosted page, as a person would: start, complete at Stripe, come back. */
export async function saveCard(t: TestApp, token: string, stripe: FakeStripe, clientId: string, card: { number: string; expMonth: number; expYear: number }): Promise<any[]> {
  const setup = await ok(t, 'POST', `/api/v1/clients/${clientId}/payment-methods/setup`, token, {});
  const sessionId = new URL(setup.url).pathname.split('/').at(-1)!;
  stripe.completeSetup(sessionId, card);
  return (await ok(t, 'POST', `/api/v1/billing/method-setups/${setup.setupId}/finish`, token)).items;
}

export async function eventsOf(t: TestApp, type: string): Promise<any[]> {
  const rows = await t.db.db.selectFrom('events').select(['data', 'client_id']).where('type', '=', type).orderBy('occurred_at').execute();
  return rows.map((r) => ({ clientId: r.client_id, ...JSON.parse(r.data) }));
}

export async function auditOf(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

export const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

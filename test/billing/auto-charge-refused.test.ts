import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueAutoCharges } from '../../src/billing/runs/auto-charges.service.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { runDueDunning } from '../../src/billing/payments/dunning.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { createAsset } from '../support/registry.ts';
import { auditOf, day, eventsOf, saveCard, useStripe } from './payments-support.ts';

/**
 * An automatic charge the gateway refuses before it reaches the money — here the card was removed
 * in Stripe's dashboard, so Stripe answers "No such PaymentMethod" — is not a decline. Charging
 * it again every 15-minute round would be refused the same way forever; it goes to a person once.
 */
let t: TestApp;
let a: Agency;
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url, UPKEEP_PUBLIC_URL: 'https://upkeep.example' });
  t.clock.now = day('2026-11-21');
  a = await seedAgency(t);
  await useStripe(t, a.admin.token, stripe);
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

describe('an automatic charge the gateway refuses outright', () => {
  it('is tried once, leaves the invoice open to pay, and puts it in the follow-up queue for the owners and admins', async () => {
    const client = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name: 'Removed card client', currency: 'EUR' })).id;
    const [card] = await saveCard(t, a.owner.token, stripe, client, { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 });
    await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'removed-card.example', billingCycle: 'yearly', expiresOn: '2026-12-20', renewalPrice: { amount: 2_500, currency: 'EUR' }, autoRenew: true });
    await runBilling(t.deps);
    const [invoice] = (await ok(t, 'GET', `/api/v1/invoices?clientId=${client}`, a.owner.token)).items;
    const { chargeOn } = (await ok(t, 'GET', `/api/v1/invoices/${invoice.id}/charges`, a.owner.token)).autoCharge;

    const methodRef = (await t.db.db.selectFrom('payment_methods').select('method_ref').where('id', '=', card.id).executeTakeFirstOrThrow()).method_ref;
    stripe.detach(methodRef);
    t.clock.now = day(chargeOn);
    await runDueAutoCharges(t.deps, chargeOn);
    for (const minutes of [15, 30, 45]) {
      t.clock.now = new Date(day(chargeOn).getTime() + minutes * 60_000);
      await runDueAutoCharges(t.deps, chargeOn);
      await runDueDunning(t.deps);
    }

    const state = await ok(t, 'GET', `/api/v1/invoices/${invoice.id}/charges`, a.owner.token);
    expect(state.items.map((c: { state: string; trigger: string }) => [c.state, c.trigger])).toEqual([['failed', 'auto']]);
    expect(state.autoCharge.state).toBe('failed');
    expect(state.dunning).toMatchObject({ state: 'exhausted', nextAttemptAt: null, lastReason: expect.stringMatching(/^Stripe refused charge: No such PaymentMethod/) });
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('open');
    expect([...stripe.paymentIntents.values()].filter((pi) => pi.metadata?.invoice_id === invoice.id)).toEqual([]);

    expect((await auditOf(t, invoice.id)).slice(-3)).toEqual(['charge.requested', 'charge.failed', 'dunning.exhausted']);
    // The owners and admins hear of it once; the client is not told of a failure on a card nothing was tried on.
    expect((await eventsOf(t, 'payment.dunning-exhausted')).filter((e) => e.invoiceId === invoice.id)).toEqual([expect.objectContaining({ attempts: 1, lastReason: state.dunning.lastReason })]);
    expect((await eventsOf(t, 'payment.failed')).filter((e) => e.invoiceId === invoice.id)).toEqual([]);
    const queue = (await ok(t, 'GET', '/api/v1/billing/dunning?state=exhausted', a.manager.token)).items;
    expect(queue.map((d: { invoiceId: string }) => d.invoiceId)).toContain(invoice.id);
  });
});

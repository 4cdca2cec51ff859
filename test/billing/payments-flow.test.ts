import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueAutoCharges } from '../../src/billing/runs/auto-charges.service.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { billingJobs, DAILY_JOB } from '../../src/billing/jobs.ts';
import { requestCardUpdates } from '../../src/billing/payments/card-expiry.service.ts';
import { runDueDunning } from '../../src/billing/payments/dunning.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';
import { startFakeStripe, type CardBehaviour, type FakeStripe } from '../support/fake-stripe.ts';
import { createAsset } from '../support/registry.ts';
import { auditOf, day, eventsOf, saveCard, useStripe } from './payments-support.ts';

/**
 * From renewal to money: the billing run invoices upcoming renewals, auto-renewing ones are
 * charged on their day (large ones only once a person approves), failed charges go through
 * dunning until they are recovered or handed to a person, and cards about to expire are asked
 * about in time. A real Stripe SDK talks to a fake Stripe on loopback.
 */
let t: TestApp;
let a: Agency;
let stripe: FakeStripe;
let client: string;
let cardRef: string;

const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function newClientWithCard(name: string, behaviour: CardBehaviour = 'succeed', card = { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 }) {
  const id = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name, currency: 'EUR' })).id;
  await saveCard(t, a.owner.token, stripe, id, card);
  const method = await t.db.db.selectFrom('payment_methods').select('method_ref').where('client_id', '=', id).executeTakeFirstOrThrow();
  stripe.script(method.method_ref, behaviour);
  return { id, ref: method.method_ref };
}

async function invoicesOf(clientId: string) {
  return (await ok(t, 'GET', `/api/v1/invoices?clientId=${clientId}`, a.owner.token)).items;
}

async function chargesOf(invoiceId: string) {
  return ok(t, 'GET', `/api/v1/invoices/${invoiceId}/charges`, a.owner.token);
}

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
beforeEach(() => {
  t.clock.now = day('2026-11-21');
});

describe('the billing run', () => {
  beforeAll(async () => {
    ({ id: client, ref: cardRef } = await newClientWithCard('Run Client'));
    await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'auto.example', billingCycle: 'yearly', expiresOn: '2026-12-11', renewalPrice: eur(12_000), autoRenew: true });
    await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'manual.example', billingCycle: 'yearly', expiresOn: '2026-12-15', renewalPrice: eur(5_000), autoRenew: false });
    await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'later.example', billingCycle: 'yearly', expiresOn: '2027-03-01', renewalPrice: eur(9_000), autoRenew: true });
  });

  it('does not run each day until the agency turns invoicing of renewals on', async () => {
    await billingJobs(t.deps)[DAILY_JOB]!({ day: '2026-11-21' }, undefined as never);
    expect(await invoicesOf(client)).toEqual([]);
  });

  it('invoices renewals within the lead time once, auto-renewing ones on an invoice of their own', async () => {
    const settings = (await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).settings;
    await ok(t, 'PUT', '/api/v1/billing/settings', a.admin.token, { ...settings, invoiceRenewals: true });
    await billingJobs(t.deps)[DAILY_JOB]!({ day: '2026-11-21' }, undefined as never);
    const run = await t.db.db.selectFrom('billing_runs').selectAll().where('run_on', '=', '2026-11-21').executeTakeFirstOrThrow();
    expect(run).toMatchObject({ invoices: 2, lines: 2 });
    const invoices = await invoicesOf(client);
    expect(invoices.map((i: { state: string; total: number }) => [i.state, i.total]).sort((x: [string, number], y: [string, number]) => x[1] - y[1])).toEqual([['open', 5_000], ['open', 12_000]]);
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0 });
    expect(await invoicesOf(client)).toHaveLength(2);

    const issued = (await eventsOf(t, 'invoice.issued')).filter((e) => e.clientId === client);
    expect(issued.map((e) => [e.total.amount, e.autoCharge, e.chargeOn]).sort((x, y) => x[0] - y[0])).toEqual([[5_000, false, null], [12_000, true, '2026-12-05']]);
    expect(issued[0].url).toMatch(/^https:\/\/upkeep\.example\/billing\/invoices\/inv_/);
  });

  it('charges the auto-renewing invoice on its day, once, and tells the client it is paid', async () => {
    const auto = (await invoicesOf(client)).find((i: { total: number }) => i.total === 12_000);
    expect((await chargesOf(auto.id)).autoCharge).toMatchObject({ state: 'scheduled', chargeOn: '2026-12-05', amount: 12_000 });
    t.clock.now = day('2026-12-04');
    expect(await runDueAutoCharges(t.deps, '2026-12-04')).toBe(0);
    t.clock.now = day('2026-12-05');
    expect(await runDueAutoCharges(t.deps, '2026-12-05')).toBe(1);
    expect(await runDueAutoCharges(t.deps, '2026-12-05')).toBe(0);

    const charges = await chargesOf(auto.id);
    expect(charges.items).toEqual([expect.objectContaining({ attempt: 1, state: 'succeeded', trigger: 'auto', method: expect.stringMatching(/4242/), amount: 12_000 })]);
    expect(charges.autoCharge.state).toBe('charged');
    const payments = (await ok(t, 'GET', `/api/v1/invoices/${auto.id}/payments`, a.owner.token)).items;
    expect(payments).toEqual([expect.objectContaining({ kind: 'payment', amount: 12_000, gateway: 'stripe', method: expect.stringMatching(/Visa.*4242/) })]);
    expect((await ok(t, 'GET', `/api/v1/invoices/${auto.id}`, a.owner.token)).state).toBe('paid');
    expect([...stripe.paymentIntents.values()].filter((pi) => pi.payment_method === cardRef)).toHaveLength(1);
    const paid = (await eventsOf(t, 'payment.received')).filter((e) => e.invoiceId === auto.id);
    expect(paid).toEqual([expect.objectContaining({ amount: eur(12_000), method: expect.stringMatching(/4242/), receiptUrl: expect.stringMatching(/\/api\/v1\/payments\/pay_.*\/receipt\.pdf$/) })]);
    expect(await auditOf(t, auto.id)).toEqual(expect.arrayContaining(['invoice.issued', 'auto-charge.scheduled', 'charge.requested', 'charge.succeeded', 'invoice.payment-recorded']));
  });
});

describe('an invoice issued by a person', () => {
  it('is sent to the client with the link to pay, and is not charged automatically', async () => {
    const draft = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description: 'Design work', quantity: 2_000, unitPrice: 4_500 }] });
    await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.admin.token);
    const sent = (await eventsOf(t, 'invoice.issued')).filter((e) => e.invoiceId === draft.id);
    expect(sent).toEqual([expect.objectContaining({ clientId: a.clientA, total: eur(9_000), amountDue: eur(9_000), autoCharge: false, chargeOn: null, url: `https://upkeep.example/billing/invoices/${draft.id}` })]);
    expect((await chargesOf(draft.id)).autoCharge).toBeNull();

    // A credit note lowers what the list says it still asks for.
    await ok(t, 'POST', `/api/v1/invoices/${draft.id}/credit-notes`, a.admin.token, { lines: [{ position: 1, quantity: 1_000 }] });
    const listed = (await ok(t, 'GET', `/api/v1/invoices?clientId=${a.clientA}`, a.admin.token)).items.find((i: { id: string }) => i.id === draft.id);
    expect(listed).toMatchObject({ total: 9_000, paid: 0, amountDue: 4_500 });
  });
});

describe('a large automatic charge', () => {
  it('waits for a person to approve it; a manager cannot, an admin can', async () => {
    const { id } = await newClientWithCard('Big Client');
    await ok(t, 'PUT', `/api/v1/clients/${id}/billing-profile`, a.admin.token, { approvalThreshold: eur(100_000) });
    await createAsset(t, a.owner.token, { clientId: id, kind: 'domain', identifier: 'big.example', billingCycle: 'yearly', expiresOn: '2026-12-11', renewalPrice: eur(250_000), autoRenew: true });
    await runBilling(t.deps);
    const [invoice] = await invoicesOf(id);
    const waiting = (await ok(t, 'GET', '/api/v1/billing/approvals', a.manager.token)).items;
    expect(waiting).toEqual([expect.objectContaining({ invoiceId: invoice.id, clientName: 'Big Client', amount: 250_000, threshold: eur(100_000), state: 'awaiting-approval' })]);
    expect((await eventsOf(t, 'charge.awaiting-approval')).map((e) => e.invoiceId)).toContain(invoice.id);

    t.clock.now = day('2026-12-05');
    await runDueAutoCharges(t.deps, '2026-12-05');
    expect((await chargesOf(invoice.id)).items).toEqual([]);

    expect((await t.request('POST', `/api/v1/billing/approvals/${invoice.id}/approve`, { token: a.manager.token })).status).toBe(403);
    expect(await ok(t, 'POST', `/api/v1/billing/approvals/${invoice.id}/approve`, a.admin.token)).toMatchObject({ state: 'approved', decidedBy: a.admin.id });
    expect((await t.request('POST', `/api/v1/billing/approvals/${invoice.id}/approve`, { token: a.admin.token })).status).toBe(409);
    expect(await runDueAutoCharges(t.deps, '2026-12-05')).toBe(1);
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('paid');
    expect(await auditOf(t, invoice.id)).toEqual(expect.arrayContaining(['auto-charge.approved']));
  });

  it('rejected, is never charged', async () => {
    const { id } = await newClientWithCard('Rejected Client');
    await createAsset(t, a.owner.token, { clientId: id, kind: 'domain', identifier: 'huge.example', billingCycle: 'yearly', expiresOn: '2026-12-11', renewalPrice: eur(999_000), autoRenew: true });
    const current = (await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).settings;
    await ok(t, 'PUT', '/api/v1/billing/settings', a.admin.token, { ...current, approvalThreshold: eur(500_000) });
    await runBilling(t.deps);
    const [invoice] = await invoicesOf(id);
    await ok(t, 'POST', `/api/v1/billing/approvals/${invoice.id}/reject`, a.owner.token);
    t.clock.now = day('2026-12-10');
    await runDueAutoCharges(t.deps, '2026-12-10');
    expect((await chargesOf(invoice.id)).items).toEqual([]);
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('open');
    await ok(t, 'PUT', '/api/v1/billing/settings', a.admin.token, current);
  });
});

describe('dunning', () => {
  async function failingClient(behaviour: CardBehaviour, identifier: string) {
    const made = await newClientWithCard(`${identifier} client`, behaviour);
    await createAsset(t, a.owner.token, { clientId: made.id, kind: 'domain', identifier, billingCycle: 'yearly', expiresOn: '2026-12-20', renewalPrice: eur(3_000), autoRenew: true });
    await runBilling(t.deps);
    const [invoice] = await invoicesOf(made.id);
    const { chargeOn } = (await chargesOf(invoice.id)).autoCharge;
    t.clock.now = day(chargeOn);
    await runDueAutoCharges(t.deps, chargeOn);
    return { ...made, invoice, chargeOn };
  }

  it('retries a soft decline on the schedule, tells the client each time with a pay link, and records the recovery', async () => {
    const { ref, invoice, chargeOn } = await failingClient('decline-soft', 'soft.example');
    let state = await chargesOf(invoice.id);
    expect(state.items.map((c: { state: string }) => c.state)).toEqual(['declined']);
    expect(state.dunning).toMatchObject({ state: 'active', failures: 1, nextAttemptAt: expect.stringContaining('2026-12-0') });
    const told = (await eventsOf(t, 'payment.failed')).filter((e) => e.invoiceId === invoice.id);
    expect(told).toEqual([expect.objectContaining({ attempt: 1, hardDecline: false, nextRetryOn: expect.any(String), payUrl: `https://upkeep.example/billing/invoices/${invoice.id}?pay=1` })]);

    // Not yet due: nothing happens. On the retry day it is charged again (and declined again).
    expect(await runDueDunning(t.deps)).toBe(0);
    t.clock.now = new Date(state.dunning.nextAttemptAt);
    expect(await runDueDunning(t.deps)).toBe(1);
    state = await chargesOf(invoice.id);
    expect(state.items.map((c: { state: string; trigger: string }) => [c.state, c.trigger])).toEqual([['declined', 'auto'], ['declined', 'dunning']]);
    expect(state.dunning.failures).toBe(2);

    // The client tops up their account: the next retry goes through.
    stripe.script(ref, 'succeed');
    t.clock.now = new Date(state.dunning.nextAttemptAt);
    expect(await runDueDunning(t.deps)).toBe(1);
    state = await chargesOf(invoice.id);
    expect(state.dunning).toMatchObject({ state: 'recovered', amountDue: 0 });
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('paid');
    const recovered = (await ok(t, 'GET', '/api/v1/billing/dunning?state=recovered', a.manager.token)).items;
    expect(recovered.map((d: { invoiceId: string }) => d.invoiceId)).toContain(invoice.id);
    expect(chargeOn).toBe('2026-12-05');
  });

  it('never retries a hard decline: the client is told to pay or change the card, and a person is told to follow it up', async () => {
    const { invoice } = await failingClient('decline-hard', 'stolen.example');
    const state = await chargesOf(invoice.id);
    expect(state.dunning).toMatchObject({ state: 'exhausted', failures: 1, nextAttemptAt: null });
    expect((await eventsOf(t, 'payment.failed')).filter((e) => e.invoiceId === invoice.id)).toEqual([expect.objectContaining({ hardDecline: true, nextRetryOn: null })]);
    expect((await eventsOf(t, 'payment.dunning-exhausted')).filter((e) => e.invoiceId === invoice.id)).toEqual([expect.objectContaining({ attempts: 1, amountDue: eur(3_000) })]);
    t.clock.now = new Date(t.clock.now.getTime() + 10 * 86_400_000);
    expect(await runDueDunning(t.deps)).toBe(0);
    expect((await chargesOf(invoice.id)).items).toHaveLength(1);
    const followUp = (await ok(t, 'GET', '/api/v1/billing/dunning?state=exhausted', a.manager.token)).items;
    expect(followUp.map((d: { invoiceId: string }) => d.invoiceId)).toContain(invoice.id);
  });

  it('ends when the client pays now with a new card', async () => {
    const { id, invoice } = await failingClient('decline-hard', 'replaced.example');
    const methods = await saveCard(t, a.owner.token, stripe, id, { number: '5555 5555 5555 4444', expMonth: 1, expYear: 2032 });
    const fresh = methods.find((m) => /4444/.test(m.label));
    const paid = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/pay`, a.owner.token, { methodId: fresh.id });
    expect(paid).toMatchObject({ state: 'succeeded', trigger: 'person', amount: 3_000 });
    expect((await chargesOf(invoice.id)).dunning.state).toBe('recovered');
    const again = await t.request('POST', `/api/v1/invoices/${invoice.id}/pay`, { token: a.owner.token, body: { methodId: fresh.id } });
    expect(again.status).toBe(409);
  });
});

describe('cards about to expire', () => {
  it('are asked about once, the lead time before they end, when a charge comes after', async () => {
    const { id } = await newClientWithCard('Expiring Client', 'succeed', { number: '4242 4242 4242 4242', expMonth: 1, expYear: 2027 });
    await createAsset(t, a.owner.token, { clientId: id, kind: 'domain', identifier: 'spring.example', billingCycle: 'yearly', expiresOn: '2027-04-01', renewalPrice: eur(2_000), autoRenew: true });
    const askedFor = async () => (await eventsOf(t, 'payment-method.expiring')).filter((e) => e.clientName === 'Expiring Client');
    expect(await requestCardUpdates(t.deps, '2026-12-31')).toBe(0);
    expect(await askedFor()).toEqual([]);
    t.clock.now = day('2027-01-01');
    expect(await requestCardUpdates(t.deps, '2027-01-01')).toBe(1);
    expect(await requestCardUpdates(t.deps, '2027-01-02')).toBe(0);
    expect(await askedFor()).toEqual([expect.objectContaining({ methodLabel: expect.stringMatching(/4242/), validThrough: '2027-01-31', nextChargeOn: '2027-04-01', methodsUrl: 'https://upkeep.example/billing/methods' })]);
  });
});

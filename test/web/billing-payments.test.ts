import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { insertAutoCharge } from '../../src/billing/payments/auto-charges.store.ts';
import { charge } from '../../src/billing/payments/charges.service.ts';
import { ok } from '../support/api.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';

/**
 * Payments in the browser against the real server and a fake Stripe API: an admin saves Stripe's
 * credentials and the charging rules on the settings page (the API's field errors at the field, no
 * secret ever shown back); a client's portal user saves a card on Stripe's hosted page (played by
 * the test, which finishes the Checkout Session at the fake, as a person typing a card would) and
 * pays an issued invoice with "Pay now"; a manager sees approvals and failed payments without
 * acting on them, an admin approves a large automatic charge and stops the retries of a failed
 * one; the KPIs show the failed payment rate; staff remove a client's saved card.
 */
let t: TestApp;
let a: Agency;
let fake: FakeStripe;
let browser: Browser;
let paidInvoice = '';
let dunnedInvoice = '';
let heldInvoice = '';
let cardRef = '';

const CHECKOUT = 'https://checkout.stripe.com/';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  // Stripe's hosted page is on the internet: the test plays it (nothing is fetched from outside).
  await context.route(`${CHECKOUT}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Checkout</title><h1>Stripe Checkout</h1>' }));
  return context.newPage();
}

/** An issued invoice of client A for `amount` euro cents; its line made a renewal line as a billing run makes them. */
async function issuedInvoice(description: string, amount: number): Promise<string> {
  const draft = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description, quantity: 1000, unitPrice: amount }] });
  await t.deps.database.db.updateTable('invoice_lines').set({ renewal_key: `renewal:${draft.id}` }).where('invoice_id', '=', draft.id).execute();
  await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.admin.token);
  return draft.id;
}

beforeAll(async () => {
  fake = await startFakeStripe();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: fake.url });
  a = await seedAgency(t);
  paidInvoice = await issuedInvoice('Managed hosting 2027', 15000);
  dunnedInvoice = await issuedInvoice('Domain renewal example.org', 2500);
  heldInvoice = await issuedInvoice('Licence renewal, 25 seats', 90000);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await fake?.close();
});

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
const alertOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " field ")][1]').getByRole('alert');

describe('payments in the browser', () => {
  it('lets an admin save Stripe credentials and the charging rules, with field errors at the field', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/billing/settings`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment settings');
    const stripe = page.getByRole('form', { name: 'Stripe' });
    expect(await stripe.textContent()).toContain('Not set up');
    expect(await stripe.getByLabel('Webhook address').inputValue()).toMatch(/\/api\/v1\/billing\/webhooks\/stripe$/);

    // A publishable key is not a secret key: the API says so next to the field.
    await stripe.getByLabel('Secret key').fill('pk_test_123');
    await stripe.getByRole('button', { name: 'Save Stripe credentials' }).click();
    await eventually(() => alertOf(page, 'Secret key').textContent()).toContain('must be a Stripe secret or restricted key');
    await stripe.getByLabel('Secret key').fill(fake.secretKey);
    await stripe.getByLabel('Webhook signing secret').fill('whsec_test_payments');
    await stripe.getByRole('button', { name: 'Save Stripe credentials' }).click();
    await eventually(() => stripe.textContent()).toContain('Stripe credentials saved.');
    await eventually(() => stripe.textContent()).toContain('Ready');
    expect(await stripe.textContent()).toContain('Secret key: set');
    expect(await stripe.textContent()).toContain('Webhook signing secrets: set');
    // Secrets never come back: the fields are empty and the page holds no trace of the key.
    expect(await stripe.getByLabel('Secret key').inputValue()).toBe('');
    expect(await page.content()).not.toContain(fake.secretKey);

    const charging = page.getByRole('form', { name: 'Charging' });
    await charging.getByLabel('Gateway that charges clients').selectOption({ label: 'Stripe' });
    await charging.getByLabel('Retry 2: day').fill('1');
    await charging.getByLabel('Hold automatic charges above an amount until a person approves them').check();
    await charging.getByLabel('Amount', { exact: true }).fill('500');
    await charging.getByLabel('Currency', { exact: true }).fill('EUR');
    await charging.getByRole('button', { name: 'Save settings' }).click();
    // The schedule must rise: the API's message shows under the second retry only.
    await eventually(() => alertOf(page, 'Retry 2: day').textContent()).toContain('must come after the previous retry');
    expect(await alertOf(page, 'Retry 1: day').count()).toBe(0);
    await charging.getByLabel('Retry 2: day').fill('3');
    await charging.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => charging.getByRole('status').textContent()).toBe('Settings saved.');
    const saved = await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token);
    expect(saved.settings).toMatchObject({ primaryGateway: 'stripe', retryDays: [1, 3, 5, 7], approvalThreshold: { amount: 50000, currency: 'EUR' } });
    await screenshot(page, 'billing-payment-settings');
    await page.context().close();
  }, 90_000);

  it("lets a client's portal user save a card on the hosted page and pay an invoice now", async () => {
    const page = await newPage();
    await signIn(page, t.url, a.clientUser.email);
    await page.goto(`${t.url}/billing/methods`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment methods');
    await eventually(() => page.getByText('No saved payment method yet.').count()).toBe(1);
    await page.getByRole('button', { name: 'Add a payment method' }).click();
    await eventually(() => page.url()).toContain(CHECKOUT);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    const session = fake.checkoutSessions.get(sessionId);
    expect(session?.customer).toBeTruthy();
    cardRef = fake.completeSetup(sessionId, { number: '4242 4242 4242 4242', expMonth: 4, expYear: 2030 });
    // Stripe sends the browser back to the success URL: the methods page, which takes the saved card.
    const back = new URL(session.success_url);
    await page.goto(`${t.url}${back.pathname}${back.search}`);
    expect(back.pathname).toBe('/billing/methods');
    await eventually(() => page.locator('.billing-flash').textContent()).toBe('Saved: your payment method is ready to use.');
    // The address is cleaned, so a reload does not take the setup again.
    await eventually(() => page.url()).not.toContain('setup=');
    expect(await rowOf(page, 'Visa ·· 4242').textContent()).toContain('Default');
    expect(await rowOf(page, 'Visa ·· 4242').textContent()).toContain('04/2030');
    await screenshot(page, 'billing-payment-methods-portal');

    await page.goto(`${t.url}/billing/invoices/${paidInvoice}?pay=1`);
    const panel = page.getByRole('region', { name: 'Pay now' });
    await eventually(() => panel.getByRole('radio', { name: 'Visa ·· 4242, expires 04/2030' }).isChecked()).toBe(true);
    expect(await panel.getAttribute('class')).toContain('pay-now-asked');
    await screenshot(page, 'billing-pay-now');
    await panel.getByRole('button', { name: 'Pay €150.00' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toBe('Paid: €150.00. Thank you!');
    await eventually(() => page.locator('.billing-state-paid').count()).toBe(1);
    expect(await panel.getByRole('button', { name: /^Pay / }).count()).toBe(0);
    const charges = page.getByRole('region', { name: 'Charges' });
    await eventually(() => rowOf(page, 'Pay now').textContent()).toContain('Paid');
    expect(await charges.textContent()).toContain('Visa ·· 4242');
    expect([...fake.paymentIntents.values()].filter((pi) => pi.status === 'succeeded' && pi.amount === 15000)).toHaveLength(1);
    await screenshot(page, 'billing-invoice-charges');
    await page.context().close();
  }, 90_000);

  it('shows a manager approvals and failed payments to read; an admin approves and stops the retries', async () => {
    // A large automatic charge held for approval, and an automatic charge the bank declined.
    const today = t.clock.now.toISOString();
    await insertAutoCharge(t.deps.database.db, { invoiceId: heldInvoice, clientId: a.clientA, chargeOn: today.slice(0, 10), amount: 90000, currency: 'EUR', state: 'awaiting-approval', decidedBy: null, decidedAt: null, createdAt: today, updatedAt: today });
    const methods = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/payment-methods`, a.admin.token);
    fake.script(cardRef, 'decline-soft');
    const declined = await charge(t.deps, { actor: CLI_ACTOR, requestId: null }, { invoiceId: dunnedInvoice, methodId: methods.items[0].id, trigger: 'auto' });
    expect(declined.state).toBe('declined');
    fake.script(cardRef, 'succeed');

    const manager = await newPage();
    await signIn(manager, t.url, a.manager.email);
    await manager.goto(`${t.url}/billing/approvals`);
    await eventually(() => rowOf(manager, 'Client A').textContent()).toContain('€900.00');
    expect(await rowOf(manager, 'Client A').textContent()).toContain('€500.00');
    expect(await manager.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await manager.goto(`${t.url}/billing/dunning`);
    await eventually(() => rowOf(manager, 'Client A').textContent()).toContain('€25.00');
    expect(await manager.getByRole('button', { name: 'Stop retries' }).count()).toBe(0);
    await manager.goto(`${t.url}/billing/settings`);
    await eventually(() => manager.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
    await manager.context().close();

    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/billing/invoices/${heldInvoice}`);
    await eventually(() => page.getByTestId('pay-auto-charge').textContent()).toContain('Waiting for approval');
    await page.goto(`${t.url}/billing/approvals`);
    await eventually(() => rowOf(page, 'Client A').textContent()).toContain('Waiting for approval');
    await screenshot(page, 'billing-approvals');
    page.once('dialog', (d) => void d.accept());
    await rowOf(page, 'Client A').getByRole('button', { name: 'Approve' }).click();
    await eventually(() => page.locator('.pay-notice').textContent()).toContain('Approved: Client A will be charged €900.00');
    await eventually(() => page.getByText('No automatic charge is waiting for approval.').count()).toBe(1);
    expect((await ok(t, 'GET', '/api/v1/billing/approvals?state=approved', a.admin.token)).items.map((x: { invoiceId: string }) => x.invoiceId)).toEqual([heldInvoice]);

    await page.goto(`${t.url}/billing/invoices/${dunnedInvoice}`);
    await eventually(() => page.getByTestId('pay-dunning').textContent()).toContain('The payment failed once; the next retry is on');
    expect(await rowOf(page, 'Automatic charge').textContent()).toContain('Your card has insufficient funds.');
    await screenshot(page, 'billing-invoice-dunning');
    await page.goto(`${t.url}/billing/dunning`);
    await eventually(() => rowOf(page, 'Client A').textContent()).toContain('€25.00');
    expect(await rowOf(page, 'Client A').textContent()).toMatch(/insufficient funds/i);
    await screenshot(page, 'billing-dunning');
    page.once('dialog', (d) => void d.accept());
    await rowOf(page, 'Client A').getByRole('button', { name: 'Stop retries' }).click();
    await eventually(() => page.locator('.pay-notice').textContent()).toContain('stopped');
    await eventually(() => page.getByText('No failed payment is being retried.').count()).toBe(1);
    await page.getByRole('button', { name: 'Stopped' }).click();
    await eventually(() => rowOf(page, 'Client A').count()).toBe(1);
    await page.context().close();
  }, 90_000);

  it('shows the failed payment rate among the billing KPIs', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/billing/kpis`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Billing KPIs');
    // One paid now, one declined: half of what the bank answered failed.
    await eventually(() => page.getByTestId('kpi-failed-rate').textContent()).toContain('50 %');
    expect(await page.getByTestId('kpi-dso-EUR').count()).toBe(1);
    expect(await rowOf(page, 'Stripe').textContent()).toContain('50 %');
    // This month's renewals: €1,075.00 invoiced, of which the €150.00 paid now was collected.
    const month = page.getByTestId('revenue-EUR').getByRole('listitem').last();
    expect(await month.getAttribute('aria-label')).toMatch(/: €1,075\.00 invoiced, €150\.00 collected$/);
    await screenshot(page, 'billing-kpis');
    await page.context().close();
  }, 60_000);

  it("lets staff choose a client and remove its saved card", async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/billing/methods`);
    await eventually(() => page.getByText('Choose a client to see its saved payment methods.').count()).toBe(1);
    await page.getByLabel('Client').selectOption({ label: 'Client A' });
    await eventually(() => page.url()).toContain(`client=${a.clientA}`);
    await eventually(() => rowOf(page, 'Visa ·· 4242').count()).toBe(1);
    await screenshot(page, 'billing-payment-methods-staff');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove Visa ·· 4242' }).click();
    await eventually(() => page.getByText('Client A has no saved payment method yet.').count()).toBe(1);
    expect((await ok(t, 'GET', `/api/v1/clients/${a.clientA}/payment-methods`, a.admin.token)).items).toEqual([]);
    await page.context().close();
  }, 60_000);
});

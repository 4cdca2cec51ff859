import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { vaultCustomerId } from '../../src/billing/gateways/paypal/paypal.model.ts';
import { syncMethods } from '../../src/billing/payments/methods.service.ts';
import { ok } from '../support/api.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startFakePaypal, type FakePaypal } from '../support/fake-paypal.ts';

/**
 * PayPal in the client portal, against the real server and a fake PayPal API: with PayPal the
 * agency's gateway, a client's portal user saves a PayPal wallet on PayPal's approve page (the
 * fake's own page, approved with its button as a payer would), sees it listed by its label beside
 * the card the client saved before, makes it the default, and pays an issued invoice with "Pay now":
 * the order at PayPal is paid from the wallet, the invoice is paid and its payment has a receipt.
 */
let t: TestApp;
let a: Agency;
let fake: FakePaypal;
let browser: Browser;
let invoiceId = '';

/** Where the app says it lives: PayPal sends the payer back there, which the browser maps onto the test server. */
const PUBLIC_URL = 'http://upkeep.example.test';
const WALLET = 'PayPal · payer@example.com';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await context.route(`${PUBLIC_URL}/**`, (route) => {
    const asked = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { location: `${t.url}${asked.pathname}${asked.search}` } });
  });
  return context.newPage();
}

beforeAll(async () => {
  fake = await startFakePaypal();
  t = await startTestApp({ UPKEEP_PAYPAL_API_URL: fake.url, UPKEEP_PUBLIC_URL: PUBLIC_URL });
  a = await seedAgency(t);
  await ok(t, 'PUT', '/api/v1/billing/gateways/paypal', a.admin.token, { clientId: fake.clientId, clientSecret: fake.clientSecret, webhookId: 'WH-UPKEEP-PORTAL' });
  const current = (await ok(t, 'GET', '/api/v1/billing/settings', a.admin.token)).settings;
  await ok(t, 'PUT', '/api/v1/billing/settings', a.admin.token, { ...current, primaryGateway: 'paypal' });
  // The client saved a card in PayPal's vault before: it is the default until the wallet is made so.
  fake.addPaymentToken(vaultCustomerId(a.clientA), 'card');
  await syncMethods(t.deps, { actor: CLI_ACTOR, requestId: null }, a.clientA, 'paypal');
  const draft = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description: 'Managed hosting 2027', quantity: 1000, unitPrice: 12000 }] });
  await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.admin.token);
  invoiceId = draft.id;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await fake?.close();
});

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

describe('PayPal in the client portal', () => {
  it('saves a PayPal wallet on the approve page, makes it the default and pays an invoice with it', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.clientUser.email);
    await page.goto(`${t.url}/billing/methods`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payment methods');
    await eventually(() => rowOf(page, 'Visa ·· 4242').textContent()).toContain('Default');

    await page.getByRole('button', { name: 'Add a payment method' }).click();
    await eventually(() => page.url()).toContain(`${fake.url}/agreements/approve`);
    const setupToken = new URL(page.url()).searchParams.get('approval_session_id')!;
    expect(fake.setupToken(setupToken)?.returnUrl).toMatch(new RegExp(`^${PUBLIC_URL}/billing/methods\\?setup=`));
    await screenshot(page, 'billing-paypal-approve');
    await page.getByRole('button', { name: 'Agree and Continue' }).click();

    // PayPal sends the payer back to the methods page, which exchanges the approved setup token.
    await eventually(() => page.locator('.billing-flash').textContent()).toBe('Saved: your payment method is ready to use.');
    await eventually(() => page.url()).not.toContain('setup=');
    expect(fake.setupToken(setupToken)?.approved).toBe(true);
    await eventually(() => rowOf(page, WALLET).count()).toBe(1);
    expect(await rowOf(page, WALLET).textContent()).toContain('PayPal');
    expect(await rowOf(page, WALLET).textContent()).not.toContain('Default');
    expect(await rowOf(page, 'Visa ·· 4242').textContent()).toContain('Default');

    await page.getByRole('button', { name: `Make default: ${WALLET}` }).click();
    await eventually(() => rowOf(page, WALLET).textContent()).toContain('Default');
    expect(await rowOf(page, 'Visa ·· 4242').textContent()).not.toContain('Default');
    const saved = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/payment-methods`, a.admin.token);
    expect(saved.items.map((m: { label: string; isDefault: boolean }) => [m.label, m.isDefault]).sort()).toEqual([[WALLET, true], ['Visa ·· 4242', false]]);
    await screenshot(page, 'billing-paypal-methods');

    await page.goto(`${t.url}/billing/invoices/${invoiceId}?pay=1`);
    const panel = page.getByRole('region', { name: 'Pay now' });
    await eventually(() => panel.getByRole('radio', { name: WALLET }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Pay €120.00' }).click();
    await eventually(() => panel.getByRole('status').textContent()).toBe('Paid: €120.00. Thank you!');
    await eventually(() => page.locator('.billing-state-paid').count()).toBe(1);
    const wallet = fake.paymentTokens.find((token) => token.kind === 'paypal')!;
    expect(fake.orders.map((order) => [order.vaultId, order.amount.value, order.captureStatus])).toEqual([[wallet.id, '120.00', 'COMPLETED']]);
    const charges = page.getByRole('region', { name: 'Charges' });
    await eventually(() => charges.textContent()).toContain(WALLET);
    const receipt = page.getByRole('link', { name: 'Receipt' });
    await eventually(() => receipt.count()).toBe(1);
    const href = (await receipt.getAttribute('href'))!;
    const pdf = await page.request.get(`${t.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await screenshot(page, 'billing-paypal-paid');
    await page.context().close();
  }, 120_000);
});

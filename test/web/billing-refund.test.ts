import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { saveCard, useStripe } from '../billing/payments-support.ts';

/**
 * Refunding from the invoice page against the real server and a fake Stripe API: an owner opens
 * the refund form of a card payment (what remains prefilled), is told at the field when asking for
 * more than remains, refunds part with a reason, and sees the refund in the payments list and the
 * new amount due. A manager sees the payments without a Refund action.
 */
let t: TestApp;
let a: Agency;
let fake: FakeStripe;
let browser: Browser;
let invoiceId = '';
let intent = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  return context.newPage();
}

beforeAll(async () => {
  fake = await startFakeStripe();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: fake.url });
  a = await seedAgency(t);
  await useStripe(t, a.admin.token, fake);
  const [method] = await saveCard(t, a.owner.token, fake, a.clientA, { number: '4242 4242 4242 4242', expMonth: 9, expYear: 2031 });
  const draft = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description: 'Managed hosting 2027', quantity: 1000, unitPrice: 15_000 }] });
  await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.admin.token);
  await ok(t, 'POST', `/api/v1/invoices/${draft.id}/pay`, a.owner.token, { methodId: method.id });
  invoiceId = draft.id;
  intent = [...fake.paymentIntents.keys()][0]!;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await fake?.close();
});

const payments = (page: Page) => page.getByRole('region', { name: 'Payments' });
const refundsAtStripe = () => [...fake.refunds.values()].filter((r) => r.payment_intent === intent).map((r) => r.amount);

describe('refunding a payment in the browser', () => {
  it('lets an owner refund part of a card payment with a reason, and shows the refund and the new amount due', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.owner.email);
    await page.goto(`${t.url}/billing/invoices/${invoiceId}`);
    const section = payments(page);
    await eventually(() => section.getByRole('button', { name: /^Refund the payment of €150\.00/ }).count()).toBe(1);
    await section.getByRole('button', { name: /^Refund the payment of €150\.00/ }).click();
    const form = page.getByRole('form', { name: 'Refund a payment' });
    expect(await form.getByLabel('Amount to refund (EUR)').inputValue()).toBe('150.00');
    expect(await form.textContent()).toContain('The money goes back through Stripe');

    // More than remains: confirmed, then refused by the API at the field; nothing reaches Stripe.
    await form.getByLabel('Amount to refund (EUR)').fill('150.01');
    await form.getByLabel('Reason').fill('Hosting cancelled in March');
    page.once('dialog', (d) => void d.accept());
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('must be at most 15000');
    expect(refundsAtStripe()).toEqual([]);

    await form.getByLabel('Amount to refund (EUR)').fill('40');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    await eventually(() => section.getByRole('status').textContent()).toBe('Refunded €40.00. Amount due is now €40.00.');
    expect(asked).toBe('Refund €40.00 to the client? This cannot be undone.');
    expect(refundsAtStripe()).toEqual([4_000]);
    const refundRow = section.getByRole('row').filter({ hasText: 'Refund' }).filter({ hasText: '€40.00' });
    expect(await refundRow.textContent()).toContain('Reason: Hosting cancelled in March');
    await eventually(() => page.locator('.billing-due dd').textContent()).toBe('€40.00');
    expect(await page.getByText('Partially paid').count()).toBeGreaterThan(0);
    await screenshot(page, 'billing-refund-done');
    // What remains (110.00) is what the next refund form offers.
    await section.getByRole('button', { name: /^Refund the payment of €150\.00/ }).click();
    expect(await page.getByRole('form', { name: 'Refund a payment' }).getByLabel('Amount to refund (EUR)').inputValue()).toBe('110.00');
    await screenshot(page, 'billing-refund-form');
    await page.context().close();
  });

  it('shows a manager the payments without a Refund action', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.manager.email);
    await page.goto(`${t.url}/billing/invoices/${invoiceId}`);
    await eventually(() => payments(page).getByRole('row').count()).toBe(3);
    expect(await payments(page).getByRole('button', { name: /Refund/ }).count()).toBe(0);
    await page.context().close();
  });
});

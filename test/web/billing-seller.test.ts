import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * The seller details in the browser against the real server: an admin fills them in the billing
 * settings (a mistyped IBAN is refused beside its field, in the API's words), and a client's portal
 * user then reads them on an issued invoice, with the bank account and the invoice number to quote.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  await ok(t, 'PATCH', '/api/v1/agency', a.owner.token, { name: 'Web Agency' });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  return context.newPage();
}

const alertOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " field ")][1]').getByRole('alert');

describe('seller details in the browser', () => {
  it('lets an admin fill them, refusing a mistyped IBAN beside its field', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/billing/settings`);
    const form = page.getByRole('form', { name: 'Seller details' });
    await eventually(() => form.isVisible()).toBe(true);
    expect(await form.textContent()).toContain('Left empty, invoices show “Web Agency”.');
    await form.getByLabel('Legal name').fill('Web Agency GmbH');
    await form.getByLabel('Address (one line each)').fill('Friedrichstraße 100\n10117 Berlin\nGermany');
    await form.getByLabel('VAT number').fill('DE123456789');
    await form.getByLabel('Registration number').fill('HRB 123456 B');
    await form.getByLabel('Billing email').fill('billing@webagency.example');
    // One digit wrong: the check digits catch it, and the reason shows under the IBAN only.
    await form.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
    await form.getByLabel('BIC').fill('COBADEFFXXX');
    await form.getByRole('button', { name: 'Save seller details' }).click();
    await eventually(() => alertOf(page, 'IBAN').textContent()).toContain('check digits');
    expect(await alertOf(page, 'BIC').count()).toBe(0);
    expect((await ok(t, 'GET', '/api/v1/billing/seller', a.admin.token)).iban).toBeNull();

    await form.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await form.getByRole('button', { name: 'Save seller details' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe('Seller details saved.');
    expect(await alertOf(page, 'IBAN').count()).toBe(0);
    // Stored without spaces, shown back in groups of four.
    expect(await form.getByLabel('IBAN').inputValue()).toBe('DE89 3704 0044 0532 0130 00');
    expect(await ok(t, 'GET', '/api/v1/billing/seller', a.admin.token)).toMatchObject({ legalName: 'Web Agency GmbH', address: ['Friedrichstraße 100', '10117 Berlin', 'Germany'], vatNumber: 'DE123456789', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-seller-form');
    await page.context().close();
  }, 90_000);

  it("shows them to the client's portal user on an issued invoice, with the bank account and the reference", async () => {
    const draft = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description: 'Managed hosting 2027', quantity: 1000, unitPrice: 48000 }] });
    const invoice = await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.admin.token);
    const page = await newPage();
    await signIn(page, t.url, a.clientUser.email);
    await page.goto(`${t.url}/billing/invoices/${invoice.id}`);
    const document = page.getByRole('article', { name: 'Invoice' });
    await eventually(() => document.textContent()).toContain('Web Agency GmbH');
    const text = await document.textContent();
    for (const expected of ['Friedrichstraße 100', '10117 Berlin', 'VAT number: DE123456789', 'Registration number: HRB 123456 B', 'billing@webagency.example']) expect(text).toContain(expected);
    const transfer = page.getByRole('region', { name: 'Pay by bank transfer' });
    await eventually(() => transfer.isVisible()).toBe(true);
    const transferText = await transfer.textContent();
    for (const expected of ['Web Agency GmbH', 'DE89 3704 0044 0532 0130 00', 'COBADEFFXXX', invoice.number]) expect(transferText).toContain(expected);
    await transfer.scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-seller-invoice');

    // Paid in full, the invoice no longer asks for a transfer.
    await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.admin.token, { amount: invoice.amountDue, receivedAt: t.clock.now.toISOString() });
    await page.reload();
    await eventually(() => document.textContent()).toContain('Web Agency GmbH');
    await eventually(() => transfer.count()).toBe(0);
    await page.context().close();
  }, 90_000);
});

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * Billing's invoices in the browser against the real server: an admin writes a draft by hand
 * (a quantity of one and a half, a 25 % line and an untaxed one), sees the API's field errors next
 * to the field, reads the totals, issues it and records part of what is owed; a manager reads it
 * without any action; a client's portal user sees its issued invoice but never its client's
 * draft; the client page shows and edits the client's billing profile.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let invoiceUrl = '';
let draftId = '';
let year = '';
let lateNumber = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  return context.newPage();
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  year = String(t.clock.now.getUTCFullYear());
  // A draft of client A the portal user must never see.
  draftId = (await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientA, lines: [{ description: 'Unsent migration work', quantity: 1000, unitPrice: 5000 }] })).id;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const line = (scope: Page | Locator, n: number) => scope.getByRole('group', { name: `Line ${n}` });
const totalsText = (page: Page) => page.locator('.billing-totals').textContent();
/** The list's row whose number (or "Draft") is exactly this: 2026-0001 is not CN-2026-0001. */
const rowOf = (page: Page, number: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: number, exact: true }) });

describe('invoices in the browser', () => {
  it('lets an admin write a draft, see its totals, issue it and record part of a payment', async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.getByRole('link', { name: 'Billing', exact: true }).click();
    await eventually(() => rowOf(page, 'Draft').count()).toBe(1);
    await page.getByRole('link', { name: 'New invoice' }).click();
    await eventually(() => page.url()).toContain('/billing/invoices/new');

    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Client A' });
    await eventually(() => page.getByLabel('Currency').inputValue()).toBe('EUR');
    await line(page, 1).getByLabel('Description').fill('Managed hosting, one and a half months');
    await line(page, 1).getByLabel('Quantity').fill('1.5');
    await line(page, 1).getByLabel('Unit price (EUR)').fill('100');
    await line(page, 1).getByLabel('Tax', { exact: true }).selectOption({ label: 'Another rate' });
    await line(page, 1).getByLabel('Rate (%)').fill('25');
    await eventually(() => line(page, 1).textContent()).toContain('Line amount before tax: €150.00');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await line(page, 2).getByLabel('Quantity').fill('1.2345');
    await line(page, 2).getByLabel('Unit price (EUR)').fill('12.40');
    await line(page, 2).getByLabel('Tax', { exact: true }).selectOption({ label: 'No tax' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    // Read in the page first: a fourth decimal of a unit is refused before anything is sent.
    await eventually(() => line(page, 2).getByRole('alert').textContent()).toBe('Enter a quantity such as 1 or 1.5 (at most three decimals).');
    await line(page, 2).getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // The API's own message for the empty description shows next to that line's field only.
    await eventually(() => line(page, 2).getByRole('alert').textContent()).toBe('must not be empty');
    expect(await line(page, 1).getByRole('alert').count()).toBe(0);
    await line(page, 2).getByLabel('Description').fill('Domain renewal example.org');
    await screenshot(page, 'billing-new-invoice');
    await page.getByRole('button', { name: 'Save draft' }).click();

    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Draft invoice');
    invoiceUrl = page.url();
    expect(invoiceUrl).toMatch(/\/billing\/invoices\/inv_/);
    // 1.5 × €100.00 at 25 % and €12.40 untaxed: tax is counted once on the rate's lines.
    expect(await totalsText(page)).toContain('Subtotal€162.40');
    expect(await totalsText(page)).toContain('VAT 25 % on €150.00€37.50');
    expect(await totalsText(page)).toContain('Total€199.90');
    expect(await page.getByRole('row').filter({ hasText: 'Managed hosting' }).textContent()).toContain('1.5');
    await screenshot(page, 'billing-invoice-draft');

    // A draft's lines can still change: two domain renewals instead of one.
    await page.getByRole('button', { name: 'Edit lines' }).click();
    const edit = page.getByRole('form', { name: 'Edit the draft' });
    expect(await line(edit, 1).getByLabel('Rate (%)').inputValue()).toBe('25');
    await line(edit, 2).getByLabel('Quantity').fill('2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await eventually(() => totalsText(page)).toContain('Total€212.30');
    expect(await totalsText(page)).toContain('VAT 25 % on €150.00€37.50');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Issue' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Invoice ${year}-0001`);
    expect(await page.locator('.billing-state-open').textContent()).toBe('Open');

    await page.getByRole('button', { name: 'Record payment' }).click();
    const form = page.getByRole('form', { name: 'Record a payment' });
    expect(await form.getByLabel('Amount (EUR)').inputValue()).toBe('212.30');
    await form.getByLabel('Amount (EUR)').fill('100');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await eventually(() => page.locator('.billing-state-partially-paid').textContent()).toBe('Partially paid');
    expect(await totalsText(page)).toContain('Paid€100.00');
    expect(await totalsText(page)).toContain('Amount due€112.30');

    // The payments list and its receipts show once the server lists an invoice's payments.
    const listed = await t.request('GET', `/api/v1/invoices/${invoiceUrl.split('/').pop()}/payments`, { token: a.admin.token });
    const payments = page.getByRole('region', { name: 'Payments' });
    if (listed.status === 200) {
      await eventually(() => payments.textContent()).toContain('€100.00');
      expect(await payments.getByRole('link', { name: 'Receipt' }).count()).toBe(1);
    } else {
      expect(await payments.count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(/^\/api\/v1\/invoices\/inv_[^/]+\/pdf$/);

    await page.getByRole('link', { name: '← All invoices' }).click();
    await eventually(() => rowOf(page, `${year}-0001`).textContent()).toContain('Partially paid');
    expect(await rowOf(page, `${year}-0001`).textContent()).toContain('€112.30');
    await page.getByLabel('State').selectOption({ label: 'Partially paid' });
    await eventually(() => page.url()).toContain('state=partially-paid');
    // The filtered page has loaded once the invoice is back; the draft is not on it.
    await eventually(() => rowOf(page, `${year}-0001`).count()).toBe(1);
    expect(await rowOf(page, 'Draft').count()).toBe(0);
    await page.getByLabel('State').selectOption({ label: 'All' });
    await eventually(() => rowOf(page, 'Draft').count()).toBe(1);
    await screenshot(page, 'billing-invoices');

    // A credit note for the second line only: issued at once, and what is owed drops by its amount.
    await rowOf(page, `${year}-0001`).getByRole('link').click();
    await page.getByRole('button', { name: 'Credit note' }).click();
    const credit = page.getByRole('form', { name: 'Credit note' });
    await credit.getByRole('checkbox', { name: 'Managed hosting, one and a half months' }).uncheck();
    await credit.getByRole('button', { name: 'Issue credit note' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain(`Credit note CN-${year}-0001 issued.`);
    await eventually(() => totalsText(page)).toContain('Amount due€87.50');
    expect(await totalsText(page)).toContain('Credit notes-€24.80');
    expect(await page.locator('.billing-state-partially-paid').textContent()).toBe('Partially paid');
    await screenshot(page, 'billing-invoice');
    await page.context().close();
  }, 90_000);

  it('shows a manager the invoice without any action, and an overdue invoice marked', async () => {
    // An invoice issued 40 days ago on 14 days' terms is overdue today.
    const realNow = t.clock.now;
    t.clock.now = new Date(realNow.getTime() - 40 * 86_400_000);
    const late = await ok(t, 'POST', '/api/v1/invoices', a.admin.token, { clientId: a.clientB, lines: [{ description: 'Backup storage', quantity: 1000, unitPrice: 30000 }] });
    lateNumber = (await ok(t, 'POST', `/api/v1/invoices/${late.id}/issue`, a.admin.token)).number;
    t.clock.now = realNow;
    const page = await newPage();
    await signIn(page, t.url, a.manager.email);
    await page.goto(invoiceUrl);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Invoice ${year}-0001`);
    expect(await page.getByRole('toolbar', { name: 'Invoice actions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
    await page.goto(`${t.url}/billing/invoices/${draftId}`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Draft invoice');
    expect(await page.getByRole('button').filter({ hasText: /^(Issue|Edit lines|Void)$/ }).count()).toBe(0);
    await page.goto(`${t.url}/billing/invoices`);
    await eventually(() => rowOf(page, lateNumber).count()).toBe(1);
    expect(await rowOf(page, lateNumber).textContent()).toContain('Overdue');
    expect(await rowOf(page, lateNumber).getAttribute('class')).toContain('billing-row-overdue');
    expect(await rowOf(page, `${year}-0001`).textContent()).not.toContain('Overdue');
    expect(await page.getByRole('link', { name: 'New invoice' }).count()).toBe(0);
    await screenshot(page, 'billing-invoices-manager');
    await page.context().close();
  }, 60_000);

  it("shows a client's portal user its issued invoice but not its client's draft", async () => {
    const page = await newPage();
    await signIn(page, t.url, a.clientUser.email);
    await page.getByRole('link', { name: 'Billing', exact: true }).click();
    await eventually(() => rowOf(page, `${year}-0001`).count()).toBe(1);
    expect(await rowOf(page, 'Draft').count()).toBe(0);
    // Its client's credit note is listed; client B's invoice is not client A's user's to see.
    expect(await rowOf(page, `CN-${year}-0001`).count()).toBe(1);
    expect(await rowOf(page, lateNumber).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Client' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New invoice' }).count()).toBe(0);
    await rowOf(page, `${year}-0001`).getByRole('link').click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Invoice ${year}-0001`);
    expect(await totalsText(page)).toContain('Amount due€87.50');
    expect(await page.getByRole('toolbar', { name: 'Invoice actions' }).count()).toBe(0);
    await screenshot(page, 'billing-invoice-portal');
    await page.goto(`${t.url}/billing/invoices/${draftId}`);
    await eventually(() => page.getByRole('alert').textContent()).toBe('This invoice does not exist, or you may not see it.');
    await page.goto(`${t.url}/billing/invoices/new`);
    await eventually(() => page.getByRole('heading', { name: 'Not allowed' }).count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it("shows a client's billing profile on its page and lets an admin change it", async () => {
    const page = await newPage();
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/clients/${a.clientA}`);
    const section = page.getByRole('region', { name: 'Billing' });
    await eventually(() => section.textContent()).toContain('Not taxed');
    expect(await section.textContent()).toContain('14 days');
    await section.getByRole('button', { name: 'Edit billing profile' }).click();
    const form = page.getByRole('form', { name: 'Billing' });
    await form.getByLabel('Tax rate (%)').fill('25');
    await form.getByLabel('VAT number').fill('SE556677889901');
    await form.getByLabel('Billing address').fill('Storgatan 1\n111 22 Stockholm');
    await form.getByLabel('Payment terms').fill('400');
    await form.getByRole('button', { name: 'Save' }).click();
    // The API's limit shows next to the field it names.
    await eventually(() => form.locator('#profile-terms-error').textContent()).toBe('can be at most 365');
    await screenshot(page, 'billing-client-profile-form');
    await form.getByLabel('Payment terms').fill('30');
    await form.getByRole('button', { name: 'Save' }).click();
    await eventually(() => section.textContent()).toContain('VAT 25 %');
    expect(await section.textContent()).toContain('30 days');
    expect(await section.textContent()).toContain('SE556677889901');
    expect(await section.textContent()).toContain('Storgatan 1111 22 Stockholm');
    const profile = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/billing-profile`, a.admin.token);
    expect(profile).toMatchObject({ taxRate: { name: 'VAT 25 %', basisPoints: 2500 }, paymentTermsDays: 30, address: ['Storgatan 1', '111 22 Stockholm'] });
    await screenshot(page, 'billing-client-profile');
    await section.getByRole('link', { name: 'Invoices of this client' }).click();
    await eventually(() => page.url()).toContain(`/billing/invoices?clientId=${a.clientA}`);
    await eventually(() => rowOf(page, `${year}-0001`).count()).toBe(1);
    await page.context().close();
  }, 60_000);
});

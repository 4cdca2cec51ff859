import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { testDialect } from '../support/db.ts';

/**
 * The renewal calendar page against the real server: a month with renewal dates and a task due
 * date, moving between months, the filters, and creating the secret calendar links.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

// The page opens on the browser's current month, so the dates are placed in it.
const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
const nextMonth = `${next.getFullYear()}-${pad(next.getMonth() + 1)}`;
const renewalDay = `${thisMonth}-12`;
const taskDay = `${thisMonth}-05`;

async function api(path: string, body: unknown) {
  const res = await t.request('POST', path, { token: a.manager.token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const shop = await api('/api/v1/assets', { clientId: a.clientA, kind: 'domain', identifier: 'shop.example', expiresOn: renewalDay, ownerId: a.manager.id, renewalPrice: { amount: 2450, currency: 'EUR' }, autoRenew: true });
  await api('/api/v1/assets', { clientId: a.clientB, kind: 'hosting', identifier: 'host.example', expiresOn: `${nextMonth}-20` });
  const at = new Date().toISOString();
  await t.db.db
    .insertInto('renewal_tasks')
    .values({ id: newId('task'), asset_id: shop.id, client_id: a.clientA, project_id: null, renewal_on: renewalDay, due_on: taskDay, assignee_id: a.manager.id, state: 'open', created_at: at, updated_at: at, snoozed_until: null, outcome: null, renewed_until: null, paid_amount: null, paid_currency: null, escalated_at: null, completed_at: null, completed_by: null, pushed: null })
    .execute();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const day = (date: string) => page.locator(`td[data-date="${date}"]`);

describe('the renewal calendar page', () => {
  it('shows a renewal on its day with client and price, and a task on its due day', async () => {
    await signIn(page, t.url, a.manager.email);
    await page.goto(`${t.url}/renewals/calendar`);
    await eventually(() => day(renewalDay).textContent()).toContain('shop.example');
    const renewal = await day(renewalDay).textContent();
    expect(renewal).toContain('Client A');
    expect(renewal).toContain('€24.50');
    expect(renewal).toContain('auto-renews');
    expect(await day(taskDay).textContent()).toContain('Task due: renew shop.example');
    expect(await day(`${thisMonth}-13`).textContent()).not.toContain('shop.example');
    // Monday first.
    expect(await page.locator('.cal-month th').first().textContent()).toBe('Mon');
    await screenshot(page, 'renewal-calendar-month');
  });

  it('moves to the next month and filters by client and to one’s own', async () => {
    await page.getByRole('button', { name: 'Next month' }).click();
    await eventually(() => day(`${nextMonth}-20`).textContent()).toContain('host.example');
    expect(page.url()).toContain(`month=${nextMonth}`);
    await page.getByRole('search').getByLabel('Client').selectOption({ label: 'Client A' });
    await eventually(() => day(`${nextMonth}-20`).textContent()).not.toContain('host.example');
    await page.getByRole('search').getByLabel('Client').selectOption({ label: 'All' });
    await eventually(() => day(`${nextMonth}-20`).textContent()).toContain('host.example');
    await page.getByLabel('Only mine').click();
    await eventually(() => page.getByLabel('Only mine').isChecked()).toBe(true);
    await eventually(() => day(`${nextMonth}-20`).textContent()).not.toContain('host.example');
    await page.getByRole('button', { name: 'Previous month' }).click();
    await eventually(() => day(renewalDay).textContent()).toContain('shop.example');
    await page.getByLabel('Only mine').click();
    await eventually(() => page.getByLabel('Only mine').isChecked()).toBe(false);
  });

  it('creates my calendar link and a client link, and the link serves the feed', async () => {
    await page.getByRole('button', { name: 'Create my calendar link' }).click();
    const mine = page.getByLabel(/Your calendar link/);
    await eventually(() => mine.inputValue()).toMatch(/\/calendar\/cal_[\w-]+\.ics$/);
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Calendar link created.');
    expect(await page.getByRole('button', { name: 'Create my calendar link' }).count()).toBe(0);
    const feed = await t.request('GET', new URL(await mine.inputValue()).pathname);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('SUMMARY:Renewal: shop.example (Client A)');

    await page.getByText('How to subscribe').click();
    await eventually(() => page.getByText('Google Calendar', { exact: true }).isVisible()).toBe(true);
    const subscribe = page.getByRole('region', { name: 'Subscribe in your calendar app' });
    await subscribe.getByRole('combobox').selectOption({ label: 'Client B' });
    await page.getByRole('button', { name: 'Create client link' }).click();
    await eventually(() => page.getByLabel('Calendar link of Client B').inputValue()).toMatch(/\/calendar\/cal_[\w-]+\.ics$/);
    await subscribe.screenshot({ path: `test-results/screenshots/${testDialect}/renewal-calendar-subscribe.png` });
    await screenshot(page, 'renewal-calendar-with-links');
  });

  it('revokes a link after asking', async () => {
    const url = await page.getByLabel('Calendar link of Client B').inputValue();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByLabel('Calendar link of Client B').locator('xpath=..').getByRole('button', { name: 'Revoke' }).click();
    await eventually(() => page.getByLabel('Calendar link of Client B').count()).toBe(0);
    expect((await t.request('GET', new URL(url).pathname)).status).toBe(404);
  });

  it('lists the days with something on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await eventually(() => day(renewalDay).isVisible()).toBe(true);
    expect(await day(`${thisMonth}-13`).isVisible()).toBe(false);
    await screenshot(page, 'renewal-calendar-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

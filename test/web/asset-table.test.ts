import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset } from '../support/registry.ts';

let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

const names = () => page.locator('tbody tr td a.strong').allTextContents();

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const prices = { 'mid.example': 2000, 'cheap.example': 500, 'dear.example': 9000 };
  for (const [identifier, amount] of Object.entries(prices)) {
    await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier, renewalPrice: { amount, currency: 'EUR' } });
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await signIn(page, t.url, a.manager.email);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the asset table', () => {
  it('sorts by a column both ways, on the server, and says so to screen readers', async () => {
    await page.goto(`${t.url}/assets`);
    await eventually(() => names()).toHaveLength(3);
    await page.getByRole('button', { name: 'Yearly cost' }).click();
    await eventually(() => names()).toEqual(['cheap.example', 'mid.example', 'dear.example']);
    expect(await page.getByRole('columnheader', { name: 'Yearly cost' }).getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toContain('sort=yearlyCost');
    await page.getByRole('button', { name: 'Yearly cost' }).click();
    await eventually(() => names()).toEqual(['dear.example', 'mid.example', 'cheap.example']);
    expect(await page.getByRole('columnheader', { name: 'Yearly cost' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('hides a column and remembers it', async () => {
    await page.locator('summary', { hasText: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Kind' }).uncheck();
    await eventually(() => page.getByRole('columnheader', { name: 'Kind' }).count()).toBe(0);
    await screenshot(page, 'assets-columns');
    await page.reload();
    await eventually(() => names()).toHaveLength(3);
    expect(await page.getByRole('columnheader', { name: 'Kind' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Status' }).count()).toBe(1);
  });
});

describe('bulk actions in the table', () => {
  it('tags and retires the ticked rows, all at once', async () => {
    await page.goto(`${t.url}/assets?sort=name`);
    await eventually(() => names()).toEqual(['cheap.example', 'dear.example', 'mid.example']);
    await page.getByRole('checkbox', { name: 'Select cheap.example' }).check();
    await page.getByRole('checkbox', { name: 'Select mid.example' }).check();
    await eventually(() => page.getByRole('region', { name: 'Change the selected assets' }).textContent()).toContain('2 selected');
    await page.getByRole('region', { name: 'Change the selected assets' }).getByLabel('Tag').fill('review');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await eventually(async () => (await t.request('GET', '/api/v1/assets?tag=review', { token: a.manager.token })).body.items.length).toBe(2);
    // A finished action clears the selection; ticking again before the page has cleared it would be undone.
    await eventually(() => page.getByRole('region', { name: 'Change the selected assets' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Select cheap.example' }).check();
    await screenshot(page, 'assets-bulk');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Retire' }).click();
    await eventually(() => names()).toEqual(['dear.example', 'mid.example']);
    const retired = await t.request('GET', '/api/v1/assets?status=retired', { token: a.manager.token });
    expect(retired.body.items.map((x: { identifier: string }) => x.identifier)).toEqual(['cheap.example']);
  });
});

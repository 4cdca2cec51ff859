import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  for (const [clientId, identifier] of [[a.clientA, 'client-a-shop.example'], [a.clientB, 'client-b-secret.example']] as const) {
    const res = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId, kind: 'domain', identifier, expiresOn: '2027-03-01' } });
    expect(res.status).toBe(201);
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the client portal', () => {
  it("shows a client user their own services and nothing of another client's", async () => {
    await signIn(page, t.url, a.clientUser.email);
    await screenshot(page, 'portal-dashboard-phone');
    expect(await page.getByRole('link', { name: 'Clients', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await eventually(() => page.getByRole('cell', { name: 'client-a-shop.example', exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('client-b-secret.example').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New asset' }).count()).toBe(0);
    await screenshot(page, 'portal-assets-phone');
  });
});

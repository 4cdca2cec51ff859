import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { issueSetupToken } from '../../src/accounts/setup.ts';
import { createUser } from '../../src/accounts/service.ts';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a newcomer', () => {
  it('sets up, loads the demo agency from the empty dashboard, and finds a living registry', async () => {
    const token = await issueSetupToken(t.deps);
    await page.goto(`${t.url}/setup`);
    await page.getByLabel('Setup token').fill(token!);
    await page.getByLabel('Agency name').fill('Newcomer Web');
    await page.getByLabel('Your name').fill('New Owner');
    await page.getByLabel('Email').fill('owner@newcomer.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create owner' }).click();
    await eventually(() => page.getByRole('heading', { name: 'An empty registry' }).isVisible()).toBe(true);
    await screenshot(page, 'newcomer-empty');
    await page.getByRole('button', { name: 'Load the demo agency' }).click();
    await eventually(() => page.getByRole('heading', { name: 'An empty registry' }).count()).toBe(0);
    const within90 = page.getByRole('link', { name: /Renewing in 90 days/ });
    await eventually(async () => Number((await within90.locator('.tile-number').textContent()) ?? '0')).toBeGreaterThan(0);
    await screenshot(page, 'newcomer-demo-dashboard');
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await eventually(() => page.locator('tbody tr').count()).toBe(12);
    await page.getByRole('searchbox', { name: 'Search' }).fill('bak');
    await eventually(() => page.locator('tbody tr td a').allTextContents()).toEqual(['Nordlys Bakery']);
    await screenshot(page, 'newcomer-clients');
  });

  it('is sent to sign in, with a word why, when the session ends', async () => {
    await page.goto(`${t.url}/assets`);
    await eventually(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await t.db.db.deleteFrom('sessions').execute();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await eventually(() => page.url()).toContain('/sign-in');
    await eventually(() => page.getByRole('alert').textContent()).toContain('Your session has ended');
  });

  it('tells a client user a staff page is not for them', async () => {
    const client = await t.db.db.selectFrom('clients').select('id').orderBy('name').executeTakeFirstOrThrow();
    await createUser(t.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'portal@newcomer.test', name: 'Portal', role: 'client', clientId: client.id, password: 'correct horse battery' });
    await signIn(page, t.url, 'portal@newcomer.test');
    await page.goto(`${t.url}/settings`);
    await eventually(() => page.getByRole('heading', { name: 'Not allowed' }).isVisible()).toBe(true);
    await screenshot(page, 'not-allowed');
  });
});

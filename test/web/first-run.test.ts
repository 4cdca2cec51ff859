import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgency } from '../../src/accounts/agency.ts';
import { issueSetupToken } from '../../src/accounts/setup.ts';
import { eventually, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const inTenDays = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

describe('first run in the browser', () => {
  it('sets up the owner, records a client and a domain, and sees it need attention', async () => {
    const token = await issueSetupToken(t.deps);
    await page.goto(`${t.url}/setup`);
    await page.getByLabel('Setup token').fill(token!);
    await page.getByLabel('Agency name').fill('Fjord Web');
    await page.getByLabel('Default currency').fill('sek');
    await page.getByLabel('Time zone').fill('Europe/Stockholm');
    await page.getByLabel('Your name').fill('Agency Owner');
    await page.getByLabel('Email').fill('owner@agency.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Create owner' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Needs attention' }).isVisible()).toBe(true);
    await eventually(() => page.locator('.brand').textContent()).toBe('Fjord Web');

    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByLabel('Name').fill('Nordlys Bakery');
    await page.getByRole('button', { name: 'New client' }).click();
    await eventually(() => page.getByRole('link', { name: 'Nordlys Bakery' }).isVisible()).toBe(true);
    await screenshot(page, 'clients');
    await page.getByRole('link', { name: 'Nordlys Bakery' }).click();
    // The clients page has a Name field too: wait for the client's own page before typing.
    await eventually(() => page.getByRole('heading', { name: 'Nordlys Bakery' }).isVisible()).toBe(true);
    await page.getByLabel('Name').fill('Website');
    await page.getByRole('button', { name: 'New project' }).click();
    await eventually(() => page.getByRole('link', { name: 'Website' }).isVisible()).toBe(true);
    await screenshot(page, 'client');
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await eventually(() => page.getByRole('row').filter({ hasText: 'Website' }).textContent()).toContain('Nordlys Bakery');
    expect(await readAgency(t.deps)).toEqual({ name: 'Fjord Web', currency: 'SEK', locale: 'en', timeZone: 'Europe/Stockholm' });
    await screenshot(page, 'projects');

    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await page.getByRole('link', { name: 'New asset' }).click();
    await page.getByLabel('Identifier').fill('nordlys-bakery.example');
    await eventually(() => page.getByLabel('Project').locator('option').count()).toBe(2);
    await page.getByLabel('Project').selectOption({ label: 'Website' });
    await page.getByLabel('Renews on').fill(inTenDays());
    await page.getByLabel('Renewal price').fill('149');
    await screenshot(page, 'asset-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('cell', { name: 'nordlys-bakery.example', exact: true }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('cell', { name: /149/ }).isVisible()).toBe(true);
    await screenshot(page, 'assets');

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const within30 = page.getByRole('link', { name: /Renewing in 30 days/ });
    await eventually(() => within30.textContent()).toMatch(/1.*149/);
    const december = page.getByRole('listitem').filter({ hasText: /SEK\s?149/ });
    await eventually(() => december.count()).toBe(1);
    await screenshot(page, 'dashboard');
    await within30.click();
    await eventually(() => page.url()).toContain('expiresWithin=30');
    await eventually(() => page.getByRole('cell', { name: 'nordlys-bakery.example', exact: true }).isVisible()).toBe(true);
  });

  it('shows the field the API rejected next to the field', async () => {
    await page.goto(`${t.url}/assets/new`);
    await page.getByLabel('Identifier').fill('bad-price.example');
    await page.getByLabel('Renewal price').fill('12.5');
    await page.getByLabel('Currency').fill('ABC');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#renewalPrice-error').count()).toBe(1);
    expect(await page.locator('#renewalPrice-error').textContent()).toMatch(/ISO 4217/);
    expect(await page.getByLabel('Renewal price').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'asset-form-error');
  });

  it('switches to French and shows French labels and formats', async () => {
    await page.goto(`${t.url}/`);
    await page.getByLabel('Language').selectOption('fr');
    await eventually(() => page.getByRole('heading', { name: 'À traiter' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await eventually(() => page.getByRole('columnheader', { name: 'Coût annuel' }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('cell', { name: /149,00\s*SEK/ }).isVisible()).toBe(true);
    await screenshot(page, 'assets-fr');
  });

  it('signs out and back in', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await eventually(() => page.url()).toContain('/sign-in');
    await page.getByLabel('E-mail').fill('owner@agency.test');
    await page.getByLabel('Mot de passe').fill('wrong password!');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/incorrect/);
    await page.getByLabel('Mot de passe').fill('correct horse battery');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByRole('heading', { name: 'À traiter' }).isVisible()).toBe(true);
  });
});

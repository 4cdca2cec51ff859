import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;
let assetId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const history = () => page.getByRole('region', { name: 'History' });

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const owner = { token: a.owner.token };
  const provider = await t.request('POST', '/api/v1/providers', { ...owner, body: { name: 'Gandi', kind: 'registrar', accountReference: 'AG-1234' } });
  const project = await t.request('POST', '/api/v1/projects', { ...owner, body: { clientId: a.clientA, name: 'Web shop' } });
  const asset = await t.request('POST', '/api/v1/assets', {
    ...owner,
    body: {
      clientId: a.clientA,
      kind: 'domain',
      identifier: 'client-a-shop.example',
      name: 'Client A shop domain',
      providerId: provider.body.id,
      projectIds: [project.body.id],
      ownerId: a.manager.id,
      expiresOn: inDays(20),
      billingCycle: 'yearly',
      cost: { amount: 1200, currency: 'EUR' },
      renewalPrice: { amount: 1899, currency: 'EUR' },
      autoRenew: true,
      tags: ['shop', 'dns'],
      notes: 'Transfer lock on.\nDNS at the registrar.',
      customFields: { registrant: 'Client A AB' },
      secrets: { 'registrar-password': 'hunter2-Correct' },
    },
  });
  expect(asset.status).toBe(201);
  assetId = asset.body.id;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the asset page', () => {
  it('shows everything about the asset to the owner', async () => {
    await signIn(page, t.url, a.owner.email);
    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await page.getByRole('link', { name: 'Client A shop domain' }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Client A shop domain' }).isVisible()).toBe(true);
    expect(page.url()).toContain(`/assets/${assetId}`);
    const details = page.getByRole('region', { name: 'Details' });
    await eventually(() => details.getByRole('link', { name: 'Client A' }).isVisible()).toBe(true);
    // The owner's, provider's and project's names arrive in requests of their own.
    for (const name of ['manager', 'Gandi', 'Web shop']) await eventually(() => details.textContent()).toContain(name);
    const text = await details.textContent();
    expect(text).toMatch(/in 20 days/);
    expect(text).toContain('€18.99');
    expect(text).toContain('€12.00');
    expect(text).toContain('client-a-shop.example');
    expect(text).toContain('Expiring');
    expect(await details.getByRole('link', { name: 'dns' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Notes' }).textContent()).toContain('Transfer lock on.');
    expect(await page.getByRole('region', { name: 'Custom fields' }).textContent()).toContain('Client A AB');
    expect(await page.getByRole('region', { name: 'Secrets' }).textContent()).toContain('registrar-password');
    expect(await page.getByText('hunter2-Correct').count()).toBe(0);
    await eventually(() => history().getByText('Created').isVisible()).toBe(true);
    await history().getByText('Initial values').click();
    await eventually(() => history().textContent()).toMatch(/Renewal price:\s*€18\.99/);
    await screenshot(page, 'asset-detail');
  });

  it('shows the API’s field message, then saves a new renewal price', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const price = page.getByLabel('Renewal price');
    await eventually(() => price.inputValue()).toBe('18.99');
    await price.fill('24.50');
    await page.getByLabel('Currency').fill('ABC');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.locator('#asset-edit-currency-error').textContent()).toMatch(/ISO 4217/);
    expect(await page.getByLabel('Currency').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'asset-edit-error');

    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Changes saved.');
    await eventually(() => page.getByRole('region', { name: 'Details' }).textContent()).toContain('€24.50');
    const saved = await t.request('GET', `/api/v1/assets/${assetId}`, { token: a.owner.token });
    expect(saved.body.renewalPrice).toEqual({ amount: 2450, currency: 'EUR' });
    expect(saved.body.name).toBe('Client A shop domain');
    await eventually(() => history().getByText('Updated').isVisible()).toBe(true);
    expect(await history().textContent()).toMatch(/Renewal price:\s*€18\.99\s*→.*€24\.50/);
  });

  it('reveals a secret, records the reveal, and hides it again', async () => {
    await page.getByRole('button', { name: 'Reveal registrar-password' }).click();
    const value = page.getByLabel('Value of registrar-password');
    await eventually(() => value.inputValue()).toBe('hunter2-Correct');
    expect(await value.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText('This reveal is recorded in the audit log.').isVisible()).toBe(true);
    await eventually(() => history().getByText('Secret revealed').isVisible()).toBe(true);
    await eventually(() => history().locator('li').first().textContent()).toMatch(/Secret revealed.*by owner \(user\).*Secret:\s*registrar-password/);
    await screenshot(page, 'asset-secret-revealed');

    await page.getByRole('button', { name: 'Hide registrar-password' }).click();
    await eventually(() => value.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reveal registrar-password' }).isVisible()).toBe(true);
  });

  it('retires the asset after a confirmation', async () => {
    await page.getByRole('button', { name: 'Retire', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire this asset?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'asset-retire-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect((await t.request('GET', `/api/v1/assets/${assetId}`, { token: a.owner.token })).body.status).not.toBe('retired');

    await page.getByRole('button', { name: 'Retire', exact: true }).click();
    await dialog.getByRole('button', { name: 'Yes, retire it' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('The asset is retired.');
    await eventually(() => page.locator('.asset-title').textContent()).toMatch(/Retired/);
    expect(await page.getByRole('button', { name: 'Retire', exact: true }).count()).toBe(0);
    await eventually(() => history().locator('li').first().textContent()).toMatch(/^Retired.*Status:\s*Active\s*→.*Retired/);
    expect((await t.request('GET', `/api/v1/assets/${assetId}`, { token: a.owner.token })).body.status).toBe('retired');
    await screenshot(page, 'asset-retired');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'asset-retired-phone');
  });

  it('shows a client user the asset read-only, without secrets or history', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.url()).toContain('/sign-in');
    await signIn(page, t.url, a.clientUser.email);
    await page.goto(`${t.url}/assets/${assetId}`);
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Client A shop domain' }).isVisible()).toBe(true);
    const details = page.getByRole('region', { name: 'Details' });
    await eventually(() => details.textContent()).toContain('Client A');
    expect(await details.textContent()).toContain('€24.50');
    expect(await details.getByRole('link', { name: 'Client A' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Secrets' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
    expect(await page.getByText('registrar-password').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Retire|Reveal/ }).count()).toBe(0);
    expect(await details.textContent()).not.toContain('Owner');
    await screenshot(page, 'asset-portal-phone');
  });
});

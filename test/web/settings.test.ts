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
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openSettingsAs(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  await page?.close();
  page = await browser.newPage({ viewport, locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
  await signIn(page, t.url, email);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await eventually(() => page.getByRole('heading', { name: 'API tokens', exact: true }).isVisible()).toBe(true);
  return page;
}

const rowWith = (text: string) => page.getByRole('row').filter({ hasText: text });

describe('settings in the browser', () => {
  it('lets the owner add users, see them listed and disable one', async () => {
    await openSettingsAs(a.owner.email);
    await eventually(() => page.getByRole('heading', { name: 'Users', exact: true }).isVisible()).toBe(true);
    await eventually(() => rowWith(a.viewer.email).isVisible()).toBe(true);

    await page.getByLabel('Name', { exact: true }).fill('Maja Manager');
    await page.getByLabel('Email', { exact: true }).fill('maja@agency.test');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
    await page.getByLabel('Initial password (optional)').fill('a long enough password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'maja@agency.test' }).isVisible()).toBe(true);
    await eventually(() => rowWith('maja@agency.test').isVisible()).toBe(true);
    expect(await page.getByLabel('Role of Maja Manager').inputValue()).toBe('manager');

    // A client-portal user needs a client; the select appears with the role.
    expect(await page.getByLabel('Client', { exact: true }).count()).toBe(0);
    await page.getByLabel('Name', { exact: true }).fill('Carla Client');
    await page.getByLabel('Email', { exact: true }).fill('carla@client-a.test');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Client portal' });
    await eventually(() => page.getByLabel('Client', { exact: true }).locator('option').count()).toBe(3);
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Client A' });
    await screenshot(page, 'settings-new-client-user');
    await page.getByRole('button', { name: 'Add user' }).click();
    await eventually(() => rowWith('carla@client-a.test').textContent()).toMatch(/Client portal.*Client A/);
    const carla = await t.request('GET', '/api/v1/users?limit=200', { token: a.owner.token });
    expect(carla.body.items.find((u: any) => u.email === 'carla@client-a.test')).toMatchObject({ role: 'client', clientId: a.clientA });

    // The API's field message appears under the field: the email is taken.
    await page.getByLabel('Name', { exact: true }).fill('Maja Again');
    await page.getByLabel('Email', { exact: true }).fill('maja@agency.test');
    await page.getByRole('button', { name: 'Add user' }).click();
    await eventually(() => page.locator('#new-user-email-error').textContent()).toMatch(/taken/);
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Disable Maja Manager' }).click();
    await eventually(() => rowWith('maja@agency.test').textContent()).toMatch(/Disabled since/);
    await eventually(() => page.getByRole('button', { name: 'Enable Maja Manager' }).isVisible()).toBe(true);
    const maja = await t.request('POST', '/api/v1/auth/login', { body: { email: 'maja@agency.test', password: 'a long enough password' } });
    expect(maja.status).toBe(401);
    await screenshot(page, 'settings-users');
  });

  it('shows why the last owner cannot step down', async () => {
    await page.getByLabel(`Role of owner`, { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Change role of owner' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'last active owner' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Role of owner', { exact: true }).inputValue()).toBe('owner');
    await screenshot(page, 'settings-last-owner');
  });

  it('creates a read token shown once, which reads but does not write, until it is revoked', async () => {
    await page.getByLabel('Token name').fill('Nightly report');
    expect(await page.getByRole('checkbox', { name: 'Read', exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByLabel('New token', { exact: true });
    await eventually(() => shown.isVisible()).toBe(true);
    await eventually(() => page.getByText('you will not see it again').isVisible()).toBe(true);
    const token = await shown.inputValue();
    expect(token).toMatch(/^upk_/);
    expect(await shown.getAttribute('readonly')).not.toBeNull();
    await eventually(() => rowWith('Nightly report').textContent()).toMatch(/Not used yet.*Active/);
    await screenshot(page, 'settings-token-created');

    expect((await t.request('GET', '/api/v1/assets', { token })).status).toBe(200);
    const write = await t.request('POST', '/api/v1/clients', { token, body: { name: 'Not with a read token' } });
    expect(write.status).toBe(403);

    await page.getByRole('button', { name: 'Copy token' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).isVisible()).toBe(true);
    // A string, run in the page: the test itself is compiled without the browser's types.
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await shown.count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Nightly report' }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await eventually(() => rowWith('Nightly report').textContent()).toMatch(/Revoked on/);
    // Revoking refreshed the list, which now shows the read above as the last use.
    expect(await rowWith('Nightly report').textContent()).not.toMatch(/Not used yet/);
    expect(await page.getByRole('button', { name: 'Revoke Nightly report' }).count()).toBe(0);
    expect((await t.request('GET', '/api/v1/assets', { token })).status).toBe(401);
    await screenshot(page, 'settings-token-revoked');
  });

  it('offers an admin no owner role and no way to change an owner, in French too', async () => {
    await openSettingsAs(a.admin.email);
    await eventually(() => rowWith(a.owner.email).isVisible()).toBe(true);
    expect(await page.getByLabel('Role', { exact: true }).locator('option').allTextContents()).toEqual(['Admin', 'Manager', 'Viewer', 'Client portal']);
    expect(await page.getByLabel('Role of owner', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Disable owner' }).count()).toBe(0);
    await page.getByLabel('Language').selectOption('fr');
    await eventually(() => page.getByRole('heading', { name: "Jetons d'API" }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('columnheader', { name: 'Dernière utilisation' }).isVisible()).toBe(true);
    await screenshot(page, 'settings-admin-fr');
    await page.getByLabel('Langue').selectOption('en');
    await eventually(() => page.getByRole('heading', { name: 'API tokens' }).isVisible()).toBe(true);
  });

  it('shows a viewer only their tokens, also on a phone', async () => {
    await openSettingsAs(a.viewer.email, { width: 390, height: 844 });
    expect(await page.getByRole('heading', { name: 'Users', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Initial password (optional)').count()).toBe(0);
    // The seeded token of the viewer is listed; the owner's are not.
    await eventually(() => page.getByRole('cell', { name: 'test', exact: true }).count()).toBe(1);
    expect(await page.getByText('Nightly report').count()).toBe(0);
    await page.getByLabel('Token name').fill('Phone check');
    await page.getByRole('button', { name: 'Create token' }).click();
    await eventually(() => page.getByLabel('New token', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'settings-viewer-phone');
  });

  it('lays the users table out readably on a phone', async () => {
    await openSettingsAs(a.owner.email, { width: 390, height: 844 });
    await eventually(() => rowWith('maja@agency.test').isVisible()).toBe(true);
    await screenshot(page, 'settings-owner-phone');
  });
});

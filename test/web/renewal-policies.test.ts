import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/renewals/reminders.model.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset, insertCost, insertTask } from '../renewals/kpis-support.ts';

/**
 * The renewal policies and insights pages against the real server: edit the default policy and
 * add a client override through the forms, then read the KPIs and the forecast of seeded renewals.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const renewed = await createAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'renewed.example', name: 'Renewed site', billingCycle: 'yearly', expiresOn: addDays(today, 325) });
  const lapsed = await createAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'lapsed.example', name: 'Lapsed site' });
  await createAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'coming.example', name: 'Coming site', billingCycle: 'yearly', expiresOn: addDays(today, 30), renewalPrice: { amount: 5000, currency: 'EUR' } });
  // Renewed five days before its date; the other is still open three weeks after its date.
  await insertTask(t, { assetId: renewed, clientId: a.clientA, renewalOn: addDays(today, -40), state: 'done', outcome: 'renewed', completedAt: `${addDays(today, -45)}T10:00:00.000Z` });
  await insertTask(t, { assetId: lapsed, clientId: a.clientA, renewalOn: addDays(today, -20), state: 'open' });
  await insertCost(t, { assetId: renewed, clientId: a.clientA, paidOn: addDays(today, -45), amount: 12000, currency: 'EUR' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const policies = () => t.request('GET', '/api/v1/renewal-policies', { token: a.viewer.token });

describe('renewal policies and insights in the browser', () => {
  it('edits the default policy, shows a server error at its field, and adds a client override', async () => {
    await signIn(page, t.url, a.owner.email);
    await page.goto(`${t.url}/renewals/policies`);
    const form = page.getByRole('form', { name: 'Agency default' });
    await form.getByLabel('Reminders (days before)', { exact: true }).fill('45, 10, 0');
    await form.getByLabel('Task created (days before)', { exact: true }).fill('20');
    await form.getByLabel('Escalate (days before)', { exact: true }).fill('25');
    await form.getByLabel('Fallback person', { exact: true }).selectOption({ label: 'manager' });
    await form.getByRole('button', { name: 'Save default policy' }).click();
    // Escalating 25 days before a task made 20 days before: refused, the message at the field.
    await eventually(() => page.locator('#default-escalateDaysBefore-error').textContent()).toContain('fewer days than the task lead time');
    expect((await policies()).body.default.taskLeadDays).toBe(30);
    await screenshot(page, 'renewal-policy-error');

    await form.getByLabel('Escalate (days before)', { exact: true }).fill('5');
    await form.getByRole('button', { name: 'Save default policy' }).click();
    await eventually(() => form.getByRole('status').textContent()).toContain('Default policy saved.');
    expect((await policies()).body.default).toMatchObject({ reminderOffsets: [45, 10, 0], taskLeadDays: 20, escalateDaysBefore: 5, fallbackAssigneeId: a.manager.id });
    await form.getByLabel('Preview for a renewal on', { exact: true }).fill('2031-03-01');
    await eventually(() => page.getByTestId('default-preview').textContent()).toBe(
      'For a renewal on Mar 1, 2031: reminders on Jan 15, 2031, Feb 19, 2031, Mar 1, 2031; task on Feb 9, 2031; escalation on Feb 24, 2031.',
    );

    await page.getByRole('button', { name: 'Add an override' }).click();
    const override = page.getByRole('form', { name: 'New override' });
    await override.getByLabel('Applies to', { exact: true }).selectOption('client');
    await override.getByLabel('Client', { exact: true }).selectOption({ label: 'Client A' });
    await override.getByLabel('Task created (days before)', { exact: true }).fill('40');
    await screenshot(page, 'renewal-override-form');
    await override.getByRole('button', { name: 'Save override' }).click();
    const row = page.getByRole('row', { name: /Client A/ });
    await eventually(() => row.textContent()).toContain('Task created (days before): 40');
    const saved = (await policies()).body.overrides;
    expect(saved).toEqual([expect.objectContaining({ scope: 'client', target: a.clientA, override: { taskLeadDays: 40 } })]);
    await screenshot(page, 'renewal-policies');
  }, 60_000);

  it('shows the KPIs, the cost per month and the forecast, with the filters in the URL', async () => {
    await page.goto(`${t.url}/renewals/insights`);
    await eventually(() => page.getByTestId('kpi-success').textContent()).toContain('50 %');
    expect(await page.getByTestId('kpi-lapses').textContent()).toContain('1');
    expect(await page.getByTestId('kpi-lead').textContent()).toContain('5 days');
    const paidMonth = addDays(today, -45).slice(0, 7);
    expect(await page.getByTestId(`cost-${paidMonth}`).textContent()).toContain('€120.00');
    const renewalMonth = addDays(today, 30).slice(0, 7);
    await eventually(() => page.getByTestId(`forecast-${renewalMonth}`).textContent()).toContain('€50.00');
    expect(await page.getByRole('region', { name: 'Forecast per client' }).textContent()).toContain('Client A');
    await screenshot(page, 'renewal-insights');

    await page.getByRole('search').locator('select').selectOption({ label: 'Client B' });
    await eventually(() => page.url()).toContain(`client=${a.clientB}`);
    await eventually(() => page.getByTestId('kpi-success').textContent()).toContain('—');
  }, 60_000);
});

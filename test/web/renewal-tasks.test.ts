import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/renewals/reminders.model.ts';
import { todayOf } from '../../src/renewals/tasks.model.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { makeAsset, makeTask } from '../renewals/tasks-support.ts';

/**
 * The renewal task inbox and task page against the real server: a manager opens the inbox,
 * comments on a task, completes it with a new expiry and the price paid, and sees the asset
 * renewed, the task gone from the inbox and the dashboard tile counting what is overdue.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;
let today: string;
let soon: { id: string; clientId: string; expiresOn: string };
let soonTask: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  today = todayOf(t.clock.now);
  const asset = (identifier: string, expiresOn: string) =>
    makeAsset(t, a.manager.token, { clientId: a.clientA, identifier, expiresOn, renewalPrice: { amount: 1500, currency: 'EUR' } });
  const late = await asset('late-shop.example', addDays(today, -3));
  soon = await asset('soon-shop.example', addDays(today, 4));
  const later = await asset('later-shop.example', addDays(today, 40));
  await makeTask(t, late, { assigneeId: a.admin.id });
  soonTask = await makeTask(t, soon);
  await makeTask(t, later);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const dateText = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });

describe('renewal tasks in the browser', () => {
  it('works a task from the inbox to renewed, and the asset follows', async () => {
    await signIn(page, t.url, a.manager.email);
    const tile = page.getByTestId('tile-overdue-tasks');
    await eventually(() => tile.locator('.tile-number').textContent()).toBe('1');
    expect(await tile.getAttribute('class')).toContain('tile-alarm');
    expect(await tile.textContent()).toContain('1 due this week');
    await screenshot(page, 'renewal-tasks-dashboard');

    await tile.click();
    await eventually(() => page.url()).toContain('/renewals/tasks?overdue=true');
    await eventually(() => rowOf('late-shop.example').count()).toBe(1);
    expect(await rowOf('soon-shop.example').count()).toBe(0);
    await page.getByLabel('Overdue only').uncheck();
    await eventually(() => rowOf('soon-shop.example').count()).toBe(1);
    expect(await rowOf('late-shop.example').getAttribute('class')).toContain('task-overdue');
    expect(await rowOf('late-shop.example').textContent()).toContain('3 days overdue');
    expect(await rowOf('soon-shop.example').textContent()).toContain('in 4 days');
    await screenshot(page, 'renewal-tasks-inbox');
    await page.getByRole('button', { name: 'Mine' }).click();
    await eventually(() => page.getByText('Nothing is assigned to you right now.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'All' }).click();

    await rowOf('soon-shop.example').getByRole('link', { name: 'soon-shop.example' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('soon-shop.example');
    await page.getByLabel('Add a comment').fill('Client confirmed: renew for a year.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await eventually(() => page.locator('.task-comments').textContent()).toContain('Client confirmed: renew for a year.');

    // A new expiry that is not after the renewal date: the server's message shows next to the field.
    const form = page.getByRole('form', { name: 'Complete' });
    await form.getByLabel('New expiry date').fill(soon.expiresOn);
    await form.getByRole('button', { name: 'Mark as renewed' }).click();
    await eventually(() => page.locator('#task-renewed-until-error').textContent()).toContain('must be after the renewal date');
    expect(await form.getByLabel('Price paid').inputValue()).toBe('15.00');
    expect(await form.getByLabel('Currency').inputValue()).toBe('EUR');
    await screenshot(page, 'renewal-task-open');

    const renewedUntil = addDays(soon.expiresOn, 365);
    await form.getByLabel('New expiry date').fill(renewedUntil);
    await form.getByLabel('Price paid').fill('17.99');
    await form.getByRole('button', { name: 'Mark as renewed' }).click();
    await eventually(() => page.locator('.task-page .page-head .badge').first().textContent()).toBe('Renewed');
    await eventually(() => page.getByRole('region', { name: 'Cost history' }).textContent()).toContain('€17.99');
    await screenshot(page, 'renewal-task-page');

    await page.getByRole('link', { name: 'soon-shop.example' }).first().click();
    await eventually(() => page.locator('main').textContent()).toContain(dateText(renewedUntil));

    await page.goto(`${t.url}/renewals/tasks`);
    await eventually(() => rowOf('later-shop.example').count()).toBe(1);
    expect(await rowOf('soon-shop.example').count()).toBe(0);
    const done = await t.request('GET', `/api/v1/tasks/${soonTask}`, { token: a.manager.token });
    expect(done.body).toMatchObject({ state: 'done', outcome: 'renewed', renewedUntil, paid: { amount: 1799, currency: 'EUR' } });
  }, 90_000);
});

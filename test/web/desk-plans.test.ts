import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../desk/helpers.ts';
import { planForClient } from '../desk/tickets-helpers.ts';

/**
 * Plans and business hours in the browser against the real server: an admin edits a client's plan
 * (a zero target and credit tiers out of order are refused by the field, then fixed and kept), makes
 * a business calendar with a lunch break and Swedish public holidays and reads its preview, and a
 * manager, who does not manage the desk, sees neither the tab nor the pages.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;
let planId = '';

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  ({ planId } = await planForClient(t, a.admin.token, a.clientA));
  await ok(t, 'PATCH', `/api/v1/sla-plans/${planId}`, a.admin.token, { monthlyFee: { amount: 49000, currency: 'EUR' } });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Stockholm' });
  page = await context.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const rowOf = (table: string, text: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });
const saved = (text: string) => eventually(() => page.getByRole('status').filter({ hasText: text }).count()).toBe(1);
const errorOf = (label: string) => page.getByLabel(label, { exact: true }).getAttribute('aria-invalid');

describe('SLA plans and business hours in the browser', () => {
  it('lists the default plan, the client plans and the calendars', async () => {
    await signIn(page, t.url, a.admin.email);
    await page.getByRole('link', { name: 'Support' }).click();
    await page.getByRole('link', { name: 'Plans and hours' }).click();
    await eventually(() => rowOf('SLA plans', 'Client A').textContent()).toContain('Gold');
    expect(await rowOf('SLA plans', 'Default plan').textContent()).toContain('Standard');
    expect(await rowOf('SLA plans', 'Client A').textContent()).toContain('99.9 % · 3 credit tiers');
    expect(await rowOf('SLA plans', 'Client A').textContent()).toContain('Stockholm office');
    expect(await rowOf('SLA plans', 'Client A').textContent()).toContain('€490.00');
    expect(await rowOf('Business calendars', 'Stockholm office').textContent()).toContain('Europe/Stockholm');
    expect(await rowOf('Business calendars', 'Stockholm office').textContent()).toContain('1 plan');
    // Client A has a plan, so a new one can only be for client B.
    await page.getByRole('button', { name: 'New plan for a client' }).click();
    const options = await page.getByLabel('Client', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Choose a client', 'Client B']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'desk-plans-list');
  });

  it('edits a client plan: errors by the field, then saved and kept', async () => {
    await rowOf('SLA plans', 'Client A').getByRole('link', { name: 'Gold' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gold');
    await eventually(() => page.getByTestId('plan-targets-preview').textContent()).toMatch(/^A critical ticket opened now would need a first response by .+ and a resolution by .+\. Counted around the clock\.$/);

    // A target of nothing at all is refused, under that target.
    await page.getByLabel('Critical: First response, hours').fill('0');
    await page.getByLabel('Critical: First response, minutes').fill('0');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await eventually(() => errorOf('Critical: First response, minutes')).toBe('true');
    expect(await page.locator('#plan-critical-first-error').textContent()).toBe('must be more than 0 minutes');
    await page.getByLabel('Critical: First response, minutes').fill('15');

    // High: first response within 2 h; a fourth credit tier above the third is out of order.
    await page.getByLabel('High: First response, hours').fill('2');
    await page.getByLabel('High: First response, minutes').fill('0');
    await page.getByRole('button', { name: 'Add credit tier' }).click();
    await page.getByLabel('Tier 4: uptime below (%)').fill('97');
    await page.getByLabel('Tier 4: credit (%)').fill('100');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await eventually(() => errorOf('Tier 4: uptime below (%)')).toBe('true');
    const tierRow = page.getByRole('table', { name: 'Service credits' }).getByRole('row').nth(4);
    expect(await tierRow.getByRole('alert').allTextContents()).toEqual([
      "must be below the previous tier's 95 %: list tiers from the highest threshold down",
      "must be more than the previous tier's 100 %: lower uptime earns a higher credit",
    ]);
    expect(await errorOf('Tier 3: uptime below (%)')).toBeNull();
    await screenshot(page, 'desk-plan-refused');
    await page.getByLabel('Tier 3: credit (%)').fill('50');
    await page.getByLabel('Tier 4: uptime below (%)').fill('90');
    await page.getByLabel('E-mail the monthly report to the client').check();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await saved('Plan “Gold” saved.');
    expect(await page.getByRole('alert').count()).toBe(0);

    const stored = await ok(t, 'GET', `/api/v1/sla-plans/${planId}`, a.admin.token);
    expect(stored.severities.high.firstResponse).toEqual({ kind: 'minutes', minutes: 120 });
    expect(stored.uptimeGuarantee.creditTiers.at(-1)).toEqual({ belowPercent: 90, creditPercent: 100 });
    expect(stored.monthlyReport).toBe(true);

    await page.reload();
    await eventually(() => page.getByLabel('High: First response, hours').inputValue()).toBe('2');
    expect(await page.getByLabel('High: First response, minutes').inputValue()).toBe('0');
    expect(await page.getByLabel('Tier 4: uptime below (%)').inputValue()).toBe('90');
    expect(await page.getByLabel('Tier 3: credit (%)').inputValue()).toBe('50');
    expect(await page.getByLabel('E-mail the monthly report to the client').isChecked()).toBe(true);
    expect(await page.getByLabel('Monthly fee').inputValue()).toBe('490.00');
    await page.getByLabel('Severity', { exact: true }).selectOption({ label: 'Medium' });
    await eventually(() => page.getByTestId('plan-targets-preview').textContent()).toContain('A medium ticket opened now would need a first response by');
    expect(await page.getByTestId('plan-targets-preview').textContent()).toContain('goes to the work queue');
    await screenshot(page, 'desk-plan');
  });

  it('makes a calendar with a lunch break and Swedish holidays, and previews it', async () => {
    await page.getByRole('link', { name: '← Plans and hours' }).click();
    await page.getByRole('button', { name: 'New calendar' }).click();
    await page.getByLabel('Name').fill('Office with lunch');
    await page.getByRole('button', { name: 'Create calendar' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Office with lunch');
    // Starts in the browser's time zone, Monday to Friday 09:00–18:00.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Stockholm');
    expect(await page.getByLabel('Monday window 1 until').inputValue()).toBe('18:00');

    // A lunch break: the afternoon window overlaps the whole day until the morning one ends at noon.
    await page.getByRole('button', { name: 'Add a window on Monday' }).click();
    await page.getByLabel('Monday window 2 from').fill('13:00');
    await page.getByLabel('Monday window 2 until').fill('18:00');
    await page.getByLabel('Public holidays of').selectOption('SE');
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await eventually(() => errorOf('Monday window 2 from')).toBe('true');
    expect(await page.locator('#week-mon-1-error').textContent()).toBe('13:00–18:00 overlaps 09:00–18:00');
    await page.getByLabel('Monday window 1 until').fill('12:00');
    await page.getByRole('button', { name: 'Add closed day' }).click();
    await page.getByLabel('Closed day 1 date').fill('2026-12-22');
    await page.getByLabel('Closed day 1 name').fill('Team day');
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await saved('Calendar “Office with lunch” saved.');

    await page.getByLabel('From', { exact: true }).fill('2026-12-21');
    const day = (date: string) => page.locator(`.bcal-preview-day[data-date="${date}"]`);
    await eventually(() => day('2026-12-25').textContent()).toContain('Christmas Day');
    expect(await day('2026-12-21').textContent()).toBe('Mon, Dec 2109:00–12:00, 13:00–18:008 h');
    expect(await day('2026-12-22').textContent()).toContain('Team day');
    expect(await day('2026-12-24').textContent()).toContain('09:00–18:00');
    expect(await day('2026-12-25').textContent()).toContain('Closed');
    expect(await day('2026-12-26').textContent()).toContain('Closed');
    // 21 Dec–3 Jan: 8 + 9 + 9 h (team day, Christmas Day closed), then 8 + 9 + 9 + 9 h (New Year's Day closed).
    expect(await page.locator('.bcal-preview-sum').textContent()).toBe('In all: 61 h.');
    const stored = (await ok(t, 'GET', '/api/v1/business-calendars', a.admin.token)).items.find((c: { name: string }) => c.name === 'Office with lunch');
    expect(stored.week.mon).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);
    expect(stored.publicHolidays).toEqual({ country: 'SE', region: null });
    await page.getByLabel('From', { exact: true }).blur();
    // The preview sticks to the top of the view; back at the top it sits by the form, as a person first sees it.
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'desk-calendar');
  });

  it('starts a plan for a client from the default, and deletes it after asking', async () => {
    await page.goto(`${t.url}/desk/plans`);
    await page.getByRole('button', { name: 'New plan for a client' }).click();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Client B' });
    await page.getByRole('button', { name: 'Create plan' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Standard');
    expect(await page.getByText('Agreed with').textContent()).toBe('Agreed with Client B');
    // The default's terms and hours, and the client's currency for a fee.
    expect(await page.getByLabel('Low: First response').inputValue()).toBe('next-business-day');
    expect(await page.getByLabel('Business calendar').locator('option:checked').textContent()).toBe('Support hours (UTC)');
    expect(await page.getByLabel('Currency').inputValue()).toBe('SEK');
    await page.getByLabel('Monthly fee').fill('4900');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await saved('Plan “Standard” saved.');
    const planB = (await ok(t, 'GET', `/api/v1/sla-plans?clientId=${a.clientB}`, a.admin.token)).items[0];
    expect(planB.monthlyFee).toEqual({ amount: 490000, currency: 'SEK' });

    await page.getByRole('button', { name: 'Delete plan' }).click();
    await page.getByRole('group', { name: 'Delete plan' }).getByRole('button', { name: 'Delete plan' }).click();
    await eventually(() => page.url()).toBe(`${t.url}/desk/plans`);
    await eventually(() => rowOf('SLA plans', 'Client A').count()).toBe(1);
    // The list may show what it held before the delete until its refetch lands.
    await eventually(() => rowOf('SLA plans', 'Client B').count()).toBe(0);
    expect((await t.request('GET', `/api/v1/clients/${a.clientB}/sla`, { token: a.admin.token })).status).toBe(404);
  });

  it('keeps plans and hours from a manager', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const manager = await context.newPage();
    await signIn(manager, t.url, a.manager.email);
    await manager.getByRole('link', { name: 'Support' }).click();
    await eventually(() => manager.getByRole('link', { name: 'SLA', exact: true }).count()).toBe(1);
    expect(await manager.getByRole('link', { name: 'Plans and hours' }).count()).toBe(0);
    await manager.goto(`${t.url}/desk/plans/${planId}`);
    await eventually(() => manager.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
    expect(await manager.getByLabel('High: First response, hours').count()).toBe(0);
    await context.close();
  });
});

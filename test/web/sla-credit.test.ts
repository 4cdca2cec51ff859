import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok, stockholmCalendar } from '../desk/helpers.ts';
import { GOLD_SEVERITIES } from '../desk/tickets-helpers.ts';
import { createMonitor, httpMonitor } from '../monitoring/api/helpers.ts';

/**
 * Issuing the SLA credit of a monthly report as a credit note, in the browser against the real
 * server. Client A has a 99.9 % plan with a fee of €500.00, agreed two months ago; its shop was
 * down for 3 hours on the 14th of last month, so last month owes 10 % of the fee, €50.00. An
 * owner issues the credit note from the report page; a manager (who reads invoices but does not
 * issue them) then sees its number and no button; the running month offers nothing.
 */
const ZONE = 'Europe/Stockholm';
const now = DateTime.now().setZone(ZONE);
const thisMonth = now.toFormat('yyyy-MM');
const lastMonth = now.minus({ months: 1 }).toFormat('yyyy-MM');
const agreedAt = now.minus({ months: 2 }).startOf('month').plus({ days: 1, hours: 12 });
const downFrom = DateTime.fromISO(`${lastMonth}-14T10:00:00`, { zone: ZONE });
const monthName = (month: string) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

async function pageOf(b: Browser): Promise<Page> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: ZONE });
  return context.newPage();
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  for (const person of [a.owner, a.manager]) await ok(t, 'PATCH', '/api/v1/me', person.token, { timeZone: ZONE });
  t.clock.now = agreedAt.toJSDate();
  const calendarId = (await ok(t, 'POST', '/api/v1/business-calendars', a.admin.token, stockholmCalendar())).id;
  await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, {
    name: 'Gold',
    clientId: a.clientA,
    calendarId,
    severities: GOLD_SEVERITIES,
    uptimeGuarantee: { percent: 99.9, period: 'calendar-month', creditTiers: [{ belowPercent: 99.9, creditPercent: 10 }] },
    monthlyFee: { amount: 50_000, currency: 'EUR' },
  });
  const shop = await createMonitor(t, a.admin.token, httpMonitor({ name: 'Shop', clientId: a.clientA, config: { url: 'http://127.0.0.1:9/shop' } }));
  t.clock.now = new Date();
  const since = agreedAt.toUTC().toISO()!;
  const [from, to] = [downFrom.toUTC().toISO()!, downFrom.plus({ hours: 3 }).toUTC().toISO()!];
  await t.deps.database.db
    .insertInto('monitor_state_intervals')
    .values([
      { monitor_id: shop.id, started_at: since, ended_at: from, state: 'up' },
      { monitor_id: shop.id, started_at: from, ended_at: to, state: 'down' },
      { monitor_id: shop.id, started_at: to, ended_at: null, state: 'up' },
    ])
    .execute();
  browser = await launchBrowser();
  page = await pageOf(browser);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const creditNote = () => page.getByTestId('report-credit-note');

describe('SLA credit from the report page', () => {
  it('lets an owner issue the month’s credit note once, then shows its number', async () => {
    await signIn(page, t.url, a.owner.email);
    await page.goto(`${t.url}/desk/reports/${a.clientA}/${lastMonth}`);
    await eventually(() => creditNote().textContent()).toContain(`Credit owed for ${monthName(lastMonth)}: €50.00`);
    await screenshot(page, 'sla-credit-owed');
    await creditNote().getByRole('button', { name: 'Issue credit note' }).click();

    await eventually(() => creditNote().textContent()).toMatch(/^Credit note CN-\d{4}-0001 issued for this credit\.$/);
    expect(await page.getByRole('button', { name: 'Issue credit note' }).count()).toBe(0);
    await screenshot(page, 'sla-credit-issued');

    // Issued in billing: once, for €50.00 of credit on the client.
    const credits = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/sla-credits`, a.owner.token);
    expect(credits.items).toHaveLength(1);
    expect(credits.items[0]).toMatchObject({ month: lastMonth, credit: { amount: 5000, currency: 'EUR' }, allocatedTo: null });
    expect(await creditNote().textContent()).toContain(credits.items[0].creditNote.number);
    expect((await t.request('POST', `/api/v1/clients/${a.clientA}/sla-credits`, { token: a.owner.token, body: { month: lastMonth } })).status).toBe(409);
  }, 60_000);

  it('shows the number, without the button, to staff who only read invoices; the running month offers nothing', async () => {
    const manager = await pageOf(browser);
    await signIn(manager, t.url, a.manager.email);
    await manager.goto(`${t.url}/desk/reports/${a.clientA}/${lastMonth}`);
    await eventually(() => manager.getByTestId('report-credit-note').textContent()).toMatch(/^Credit note CN-\d{4}-0001 issued/);
    expect(await manager.getByRole('button', { name: 'Issue credit note' }).count()).toBe(0);

    await page.goto(`${t.url}/desk/reports/${a.clientA}/${thisMonth}`);
    await eventually(() => page.getByTestId('report-credit').isVisible()).toBe(true);
    expect(await creditNote().count()).toBe(0);
  }, 60_000);
});

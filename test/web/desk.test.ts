import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../desk/helpers.ts';
import { planForClient } from '../desk/tickets-helpers.ts';

/**
 * The SLA desk in the browser against the real server: staff open a critical ticket for client A
 * and see the acknowledgement and the clocks counting down; the client's portal user sees only
 * their own client's ticket and replies; staff reply publicly and add an internal note the client
 * never sees; waiting on the client pauses the clock; the dashboard tile counts tickets at risk
 * and breached; the SLA page spells out the client's targets.
 *
 * The app's clock follows the wall clock plus an offset the test moves forward; both browser
 * pages keep the same time, so their countdowns agree with the server's clocks.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let staff: Page;
let client: Page;
let offsetMs = 0;
let ticketUrl = '';

const serverNow = () => new Date(Date.now() + offsetMs);

async function pageAt(b: Browser): Promise<Page> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.clock.install({ time: serverNow() });
  return page;
}

async function moveOn(minutes: number): Promise<void> {
  offsetMs += minutes * 60_000;
  for (const page of [staff, client]) await page.clock.setSystemTime(serverNow());
}

beforeAll(async () => {
  t = await startTestApp();
  Object.defineProperty(t.clock, 'now', { get: serverNow, set: () => undefined });
  a = await seedAgency(t);
  await planForClient(t, a.admin.token, a.clientA);
  await planForClient(t, a.admin.token, a.clientB);
  await ok(t, 'POST', '/api/v1/tickets', a.manager.token, { clientId: a.clientB, title: 'Mail bounces for client B', severity: 'critical' });
  browser = await launchBrowser();
  staff = await pageAt(browser);
  client = await pageAt(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const rowOf = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });
const clockOf = (page: Page, name: 'First response' | 'Resolution') => page.getByRole('group', { name, exact: true });
const thread = (page: Page) => page.getByRole('list', { name: 'Conversation' });

describe('the SLA desk in the browser', () => {
  it('lets staff open a ticket with a live SLA countdown and the acknowledgement', async () => {
    await signIn(staff, t.url, a.manager.email);
    await staff.getByRole('link', { name: 'Support' }).click();
    await eventually(() => rowOf(staff, 'Mail bounces for client B').count()).toBe(1);
    await staff.getByRole('link', { name: 'New ticket' }).click();
    await eventually(() => staff.url()).toContain('/desk/tickets/new');

    await staff.getByLabel('Client', { exact: true }).selectOption({ label: 'Client A' });
    await staff.getByLabel('Severity').selectOption({ label: 'Critical' });
    await eventually(() => staff.getByTestId('terms-critical').textContent()).toBe('First response within 15 min; resolution within 2 h; counted around the clock.');
    await staff.getByLabel('Severity').selectOption({ label: 'Low' });
    await eventually(() => staff.getByTestId('terms-low').textContent()).toBe('First response next business day; resolution best effort; counted in support hours.');
    await staff.getByLabel('Severity').selectOption({ label: 'Critical' });
    await staff.getByLabel('Title').fill('Shop checkout is down');
    await staff.getByLabel('What happened?').fill('Checkout answers 500 for every order.');
    await staff.getByRole('button', { name: 'Open ticket' }).click();

    await eventually(() => staff.getByRole('heading', { level: 1 }).textContent()).toBe('Shop checkout is down');
    ticketUrl = staff.url();
    expect(ticketUrl).toMatch(/\/desk\/tickets\/tkt_/);
    await eventually(() => thread(staff).textContent()).toContain('We have received your ticket "Shop checkout is down" (severity critical).');
    expect(await thread(staff).textContent()).toContain('Work on it starts now');
    // The first response is due in 15 minutes and the countdown ticks by the second.
    const first = clockOf(staff, 'First response').locator('.desk-clock');
    await eventually(() => first.textContent()).toMatch(/^00:1[45]:\d\d left$/);
    const before = await first.textContent();
    await eventually(() => first.textContent()).not.toBe(before);
    expect(await clockOf(staff, 'Resolution').locator('.desk-clock').textContent()).toMatch(/^0[12]:\d\d:\d\d left$/);
    expect(await clockOf(staff, 'First response').textContent()).toContain('0 % used');
    expect(await clockOf(staff, 'First response').textContent()).toContain('due ');
  }, 60_000);

  it('shows the portal user only their client’s tickets and lets them reply', async () => {
    await signIn(client, t.url, a.clientUser.email);
    await client.getByRole('link', { name: 'Support' }).click();
    await eventually(() => rowOf(client, 'Shop checkout is down').count()).toBe(1);
    expect(await rowOf(client, 'Mail bounces for client B').count()).toBe(0);
    expect(await client.getByRole('columnheader', { name: 'Client' }).count()).toBe(0);
    await screenshot(client, 'desk-tickets-client');

    await rowOf(client, 'Shop checkout is down').getByRole('link').click();
    await eventually(() => thread(client).textContent()).toContain('We have received your ticket');
    expect(await client.getByRole('button', { name: 'Internal note' }).count()).toBe(0);
    await client.getByLabel('Your reply').fill('It fails for every card we try.');
    await client.getByRole('button', { name: 'Send reply' }).click();
    await eventually(() => thread(client).textContent()).toContain('It fails for every card we try.');
  }, 60_000);

  it('lets staff reply, keep an internal note from the client, and pause the clock while waiting', async () => {
    await staff.goto(ticketUrl);
    await eventually(() => thread(staff).textContent()).toContain('It fails for every card we try.');
    await staff.getByLabel('Your reply').fill('We are on it: the payment gateway is down.');
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await eventually(() => thread(staff).textContent()).toContain('We are on it');
    await eventually(() => clockOf(staff, 'First response').locator('.desk-clock').textContent()).toBe('Met');

    await staff.getByRole('button', { name: 'Internal note' }).click();
    await staff.getByLabel('Note for the team (the client never sees it)').fill('Gateway status page reports a partial outage.');
    await staff.getByRole('button', { name: 'Add note' }).click();
    const note = thread(staff).locator('.desk-message-internal');
    await eventually(() => note.textContent()).toContain('Gateway status page reports a partial outage.');
    expect(await note.textContent()).toContain('Internal note');

    await staff.getByRole('button', { name: 'Wait on client' }).click();
    await eventually(() => staff.locator('.page-head .desk-status-waiting').textContent()).toBe('Waiting on client');
    await eventually(() => clockOf(staff, 'Resolution').locator('.desk-clock').textContent()).toBe('Paused');
    expect(await clockOf(staff, 'Resolution').textContent()).toContain('waiting on the client');
    // A waiting ticket cannot become new again, and the API's reason shows when a move is refused.
    expect(await staff.getByRole('button', { name: 'Mark open' }).count()).toBe(1);
    await screenshot(staff, 'desk-ticket-staff');

    await client.reload();
    await eventually(() => thread(client).textContent()).toContain('We are on it: the payment gateway is down.');
    expect(await thread(client).textContent()).not.toContain('Gateway status page');
    expect(await client.locator('.desk-message-internal').count()).toBe(0);
    await eventually(() => clockOf(client, 'Resolution').locator('.desk-clock').textContent()).toBe('Paused');
    await screenshot(client, 'desk-ticket-client');
  }, 60_000);

  it('counts tickets at risk and breached on the dashboard tile, which links to the breached ones', async () => {
    // Twelve of client B's fifteen minutes are gone: 80 % of its first response target.
    await moveOn(12);
    await staff.goto(t.url);
    const tile = staff.getByTestId('tile-sla');
    await eventually(() => tile.locator('.tile-number').textContent()).toBe('1');
    expect(await tile.textContent()).toContain('1 at risk · 0 breached');
    expect(await tile.getAttribute('class')).not.toContain('tile-alarm');
    await staff.getByRole('link', { name: 'Support' }).click();
    await eventually(() => rowOf(staff, 'Mail bounces for client B').locator('.desk-clock').first().getAttribute('data-state')).toBe('warning');

    await moveOn(4);
    await staff.goto(t.url);
    await eventually(() => tile.textContent()).toContain('0 at risk · 1 breached');
    expect(await tile.getAttribute('class')).toContain('tile-alarm');
    await screenshot(staff, 'desk-dashboard');
    await tile.click();
    await eventually(() => staff.url()).toContain('/desk/tickets?breached=true');
    await eventually(() => rowOf(staff, 'Mail bounces for client B').count()).toBe(1);
    expect(await rowOf(staff, 'Shop checkout is down').count()).toBe(0);
    expect(await rowOf(staff, 'Mail bounces for client B').locator('.desk-clock').first().textContent()).toMatch(/^00:0[01]:\d\d overdue$/);
    await staff.getByLabel('Breached only').uncheck();
    await eventually(() => rowOf(staff, 'Shop checkout is down').count()).toBe(1);
    await screenshot(staff, 'desk-tickets-staff');
  }, 60_000);

  it('spells out the client’s SLA: targets, support hours, channels and uptime guarantee', async () => {
    await client.getByRole('link', { name: 'SLA' }).click();
    const targets = client.getByRole('table', { name: 'Targets per severity' });
    await eventually(() => targets.getByRole('row').filter({ hasText: 'Critical' }).textContent()).toBe('Criticalwithin 15 minwithin 2 haround the clock');
    expect(await targets.getByRole('row').filter({ hasText: 'High' }).textContent()).toBe('Highwithin 1 hwithin 8 hin support hours');
    expect(await targets.getByRole('row').filter({ hasText: 'Medium' }).textContent()).toBe('Mediumwithin 4 hwork queue (no target)in support hours');
    expect(await targets.getByRole('row').filter({ hasText: 'Low' }).textContent()).toBe('Lownext business daybest effortin support hours');
    const main = client.locator('main');
    expect(await main.textContent()).toContain('Times in Europe/Stockholm');
    expect(await main.textContent()).toContain('Monday09:00–18:00');
    expect(await main.textContent()).toContain('SundayClosed');
    expect(await client.getByTestId('sla-uptime').textContent()).toContain('99.9 % uptime per calendar month.');
    expect(await client.getByTestId('sla-uptime').textContent()).toContain('43 min 12 s');
    await screenshot(client, 'desk-sla');

    // Staff pick the client; the page follows the address.
    await staff.goto(`${t.url}/desk/sla`);
    await staff.getByLabel('Client').selectOption({ label: 'Client B' });
    await eventually(() => staff.url()).toContain('clientId=');
    await eventually(() => staff.locator('main').textContent()).toContain('agreed with Client B');
  }, 60_000);
});

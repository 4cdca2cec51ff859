import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok, stockholmCalendar } from '../desk/helpers.ts';
import { GOLD_SEVERITIES } from '../desk/tickets-helpers.ts';
import { createMonitor, httpMonitor, openIncident } from '../monitoring/api/helpers.ts';

/**
 * Monthly SLA reports in the browser against the real server. Both clients have a 99.9 % plan
 * agreed two months ago, each with a monitored site. Last month client B's shop was down for
 * 90 minutes on the 14th (an incident), and it opened two critical tickets that day: one answered
 * and resolved in time, one answered late and never resolved. Client A was up all month.
 *
 * Staff see the month's overview with client B first (it missed its guarantee), open its report
 * (figures, daily chart, tickets, incidents) and download the PDF; client B's portal user sees
 * only their own months and report.
 */
const ZONE = 'Europe/Stockholm';
const H = 3_600_000;
const now = DateTime.now().setZone(ZONE);
const thisMonth = now.toFormat('yyyy-MM');
const lastMonth = now.minus({ months: 1 }).toFormat('yyyy-MM');
const agreedAt = now.minus({ months: 2 }).startOf('month').plus({ days: 1, hours: 12 });
/** Noon UTC of the 14th of last month, and instants around it. */
const day14 = Date.parse(`${lastMonth}-14T00:00:00Z`);
const at = (hours: number, minutes = 0) => new Date(day14 + hours * H + minutes * 60_000);
const downFrom = at(10);
const downTo = at(11, 30);

/** Last month in the plan's zone, with its real length (an hour more or less on a DST change). */
const monthStart = DateTime.fromISO(`${lastMonth}-01`, { zone: ZONE });
const monthSeconds = monthStart.plus({ months: 1 }).diff(monthStart).as('seconds');
const daysInMonth = monthStart.daysInMonth!;
const downSeconds = 90 * 60;
/** Reports print uptime rounded down to four decimals. */
const uptime = Math.floor(((monthSeconds - downSeconds) / monthSeconds) * 100 * 10_000 + 1e-6) / 10_000;
const allowedSeconds = Math.round(monthSeconds * 0.001);

const percentText = (n: number) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 4 }).format(n)} %`;
const monthName = (month: string) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const dayName = (date: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
/** "44 min 42 s": the two largest units, as the report writes spans. */
function spanText(seconds: number): string {
  const parts: [number, string][] = [[Math.floor(seconds / 3600), 'h'], [Math.floor((seconds % 3600) / 60), 'min'], [seconds % 60, 's']];
  const first = parts.findIndex(([n]) => n > 0);
  return parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}`).join(' ');
}

let t: TestApp;
let a: Agency;
let browser: Browser;
let staff: Page;
let portal: Page;

/** Run a step of the set-up as if it happened at `when`. */
async function atTime<T>(when: Date, step: () => Promise<T>): Promise<T> {
  t.clock.now = when;
  try {
    return await step();
  } finally {
    t.clock.now = new Date();
  }
}

async function agreePlan(clientId: string, fee: { amount: number; currency: string }): Promise<void> {
  const calendarId = (await ok(t, 'POST', '/api/v1/business-calendars', a.admin.token, stockholmCalendar())).id;
  await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, {
    name: 'Gold',
    clientId,
    calendarId,
    severities: GOLD_SEVERITIES,
    uptimeGuarantee: { percent: 99.9, period: 'calendar-month', creditTiers: [{ belowPercent: 99.9, creditPercent: 10 }, { belowPercent: 99, creditPercent: 25 }] },
    monthlyFee: fee,
  });
}

/** A site monitored since the plan was agreed, with the state intervals the engine would have kept. */
async function site(clientId: string, name: string, downtime: [Date, Date] | null): Promise<{ id: string; clientId: string | null }> {
  const monitor = await createMonitor(t, a.admin.token, httpMonitor({ name, clientId, config: { url: `http://127.0.0.1:9/${name.toLowerCase()}` } }));
  const since = agreedAt.toJSDate().toISOString();
  const intervals = downtime
    ? [
        { monitor_id: monitor.id, started_at: since, ended_at: downtime[0].toISOString(), state: 'up' },
        { monitor_id: monitor.id, started_at: downtime[0].toISOString(), ended_at: downtime[1].toISOString(), state: 'down' },
        { monitor_id: monitor.id, started_at: downtime[1].toISOString(), ended_at: null, state: 'up' },
      ]
    : [{ monitor_id: monitor.id, started_at: since, ended_at: null, state: 'up' }];
  await t.deps.database.db.insertInto('monitor_state_intervals').values(intervals).execute();
  return monitor;
}

async function ticket(title: string, opened: Date, answered: Date, resolved: Date | null): Promise<void> {
  const { id } = await atTime(opened, () => ok(t, 'POST', '/api/v1/tickets', a.manager.token, { clientId: a.clientB, title, severity: 'critical' }));
  await atTime(answered, () => ok(t, 'POST', `/api/v1/tickets/${id}/messages`, a.manager.token, { body: 'Looking into it.', visibility: 'public' }));
  if (resolved) await atTime(resolved, () => ok(t, 'PATCH', `/api/v1/tickets/${id}`, a.manager.token, { status: 'resolved' }));
}

async function pageOf(b: Browser): Promise<Page> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: ZONE });
  return context.newPage();
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  // Everyone reads months on the plan's wall clock, so "last month" is the same month for all.
  for (const person of [a.manager, a.outsider]) await ok(t, 'PATCH', '/api/v1/me', person.token, { timeZone: ZONE });
  await atTime(agreedAt.toJSDate(), async () => {
    await agreePlan(a.clientA, { amount: 50_000, currency: 'EUR' });
    await agreePlan(a.clientB, { amount: 500_000, currency: 'SEK' });
    await site(a.clientA, 'Brochure', null);
    const shop = await site(a.clientB, 'Shop', [downFrom, downTo]);
    await openIncident(t, shop, { state: 'resolved', cause: 'HTTP 503 from the shop', started_at: downFrom.toISOString(), confirmed_at: downFrom.toISOString(), resolved_at: downTo.toISOString(), updated_at: downTo.toISOString() });
  });
  // Answered in 10 minutes and resolved in 55; answered in 40 minutes (15 allowed) and still open.
  await ticket('Checkout fails', at(10, 5), at(10, 15), at(11));
  await ticket('Invoices missing', at(12), at(12, 40), null);
  browser = await launchBrowser();
  staff = await pageOf(browser);
  portal = await pageOf(browser);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const rows = (page: Page, month = lastMonth) => page.getByRole('table', { name: `Clients in ${monthName(month)}` }).locator('tbody tr');
const card = (page: Page, name: string) => page.getByTestId(`report-${name}`);

describe('monthly SLA reports in the browser', () => {
  it('shows staff last month’s clients, the one that missed its guarantee first', async () => {
    // The seed itself, as the API reads it: the page must show these figures.
    const report = await ok(t, 'GET', `/api/v1/clients/${a.clientB}/sla-reports/${lastMonth}`, a.manager.token);
    expect(report.uptime.overallPercent).toBe(uptime);

    await signIn(staff, t.url, a.manager.email);
    await staff.getByRole('link', { name: 'Support' }).click();
    await staff.getByRole('link', { name: 'Reports' }).click();
    await eventually(() => staff.getByRole('heading', { level: 2 }).first().textContent()).toBe(monthName(lastMonth));
    expect(await staff.getByLabel('Month', { exact: true }).inputValue()).toBe(lastMonth);
    await eventually(() => rows(staff).count()).toBe(2);
    const [first, second] = [rows(staff).nth(0), rows(staff).nth(1)];
    expect(await first.locator('td').nth(0).textContent()).toBe('Client B');
    expect(await first.locator('td').nth(1).textContent()).toBe(`${percentText(uptime)} Missed`);
    expect(await first.locator('td').nth(2).textContent()).toBe('99.9 %');
    expect(await first.locator('td').nth(3).textContent()).toContain('500');
    expect(await first.locator('td').nth(4).textContent()).toBe('2');
    expect(await first.locator('td').nth(5).textContent()).toBe('50 %');
    expect(await first.locator('td').nth(6).textContent()).toBe('50 %');
    expect(await first.locator('td').nth(7).textContent()).toBe('1');
    expect(await second.locator('td').nth(0).textContent()).toBe('Client A');
    expect(await second.locator('td').nth(1).textContent()).toBe('100 % Met');
    expect(await staff.getByTestId('tile-missed').locator('.tile-number').textContent()).toBe('1');
    await screenshot(staff, 'desk-reports-staff');

    // The month is kept in the address: the month before has no downtime and no tickets.
    const earlier = now.minus({ months: 2 }).toFormat('yyyy-MM');
    await staff.getByLabel('Month', { exact: true }).fill(earlier);
    await eventually(() => staff.url()).toContain(`month=${earlier}`);
    await eventually(() => rows(staff, earlier).locator('td:nth-child(5)').allTextContents()).toEqual(['0', '0']);
    await staff.reload();
    await eventually(() => rows(staff, earlier).count()).toBe(2);
  }, 60_000);

  it('opens a client’s report with its figures, daily chart, tickets and incidents, and the PDF', async () => {
    await staff.goto(`${t.url}/desk/reports?month=${lastMonth}`);
    await rows(staff).nth(0).getByRole('link', { name: 'Client B' }).click();
    await eventually(() => staff.getByRole('heading', { level: 1 }).textContent()).toBe(`Client B · ${monthName(lastMonth)}`);
    expect(staff.url()).toContain(`/desk/reports/${a.clientB}/${lastMonth}`);

    await eventually(() => card(staff, 'uptime').textContent()).toBe(`Overall uptime${percentText(uptime)}Missed guarantee 99.9 %`);
    expect(await card(staff, 'uptime').getAttribute('class')).toContain('tile-alarm');
    expect(await card(staff, 'downtime').textContent()).toBe(`Downtime1 h 30 minGuarantee allows ${spanText(allowedSeconds)}`);
    expect(await card(staff, 'credit').textContent()).toContain('500');
    expect(await card(staff, 'credit').textContent()).toContain('Uptime below 99.9 %: 10 % of the monthly fee');
    expect(await card(staff, 'tickets').textContent()).toBe('Tickets2Within target: first response 50 %, resolution 50 %');
    expect(await staff.locator('.desk-report-banner').count()).toBe(0);

    // One bar a day, the 14th (93.75 %: 90 minutes down) under the guarantee in the alarm colour.
    const chart = staff.getByRole('img', { name: /^Daily uptime of Shop/ });
    expect(await chart.getAttribute('aria-label')).toBe(
      `Daily uptime of Shop in ${monthName(lastMonth)}: lowest 93.75 % on ${dayName(`${lastMonth}-14`)}. 1 of ${daysInMonth} days below the guarantee of 99.9 %.`,
    );
    expect(await chart.locator('rect.desk-chart-bar').count()).toBe(daysInMonth);
    expect(await chart.locator('rect.desk-chart-low').getAttribute('data-date')).toBe(`${lastMonth}-14`);

    const sites = staff.getByRole('table', { name: 'Sites', exact: true });
    expect(await sites.locator('tbody tr td').nth(1).textContent()).toBe(percentText(uptime));
    expect(await sites.locator('tbody tr td').nth(2).textContent()).toBe('1 h 30 min');
    const critical = staff.getByRole('table', { name: 'Tickets', exact: true }).getByRole('row').filter({ hasText: 'Critical' });
    expect(await critical.locator('td').allTextContents()).toEqual(['2', '50 %1 of 2', '25 min', '50 %1 of 2', '55 min']);
    const incident = staff.getByRole('table', { name: 'Incidents', exact: true }).locator('tbody tr');
    expect(await incident.count()).toBe(1);
    expect(await incident.textContent()).toContain('HTTP 503 from the shop');
    expect(await incident.locator('td').nth(3).textContent()).toBe('1 h 30 min');
    expect(await staff.locator('.desk-report-convention').textContent()).toContain('Allowed downtime is the share of the period not guaranteed');
    await screenshot(staff, 'desk-report-staff');

    const pdfHref = await staff.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(pdfHref).toBe(`/api/v1/clients/${a.clientB}/sla-reports/${lastMonth}/report.pdf`);
    const pdf = await staff.request.get(`${t.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await staff.request.get(`${t.url}${await staff.getByRole('link', { name: 'Download CSV' }).getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');

    // The running month: figures so far.
    await staff.getByRole('link', { name: `${monthName(thisMonth)} →` }).click();
    await eventually(() => staff.getByRole('heading', { level: 1 }).textContent()).toBe(`Client B · ${monthName(thisMonth)}`);
    await eventually(() => staff.locator('.desk-report-banner').textContent()).toContain(`Figures so far: ${monthName(thisMonth)} is still running`);
    expect(await card(staff, 'tickets').textContent()).toBe('Tickets0No tickets this month.');
    await screenshot(staff, 'desk-report-so-far');

    // A client without a plan has no report; a month that has not begun has none either.
    const planless = await ok(t, 'POST', '/api/v1/clients', a.admin.token, { name: 'Client C', currency: 'EUR' });
    await staff.goto(`${t.url}/desk/reports/${planless.id}/${lastMonth}`);
    await eventually(() => staff.getByRole('alert').textContent()).toBe('This client has no SLA plan, so there is no report to show.');
    await staff.goto(`${t.url}/desk/reports?month=2999-01`);
    await eventually(() => staff.getByRole('alert').textContent()).toBe('Month: 2999-01 has not begun yet');
  }, 60_000);

  it('shows a client’s portal user only their own months and report', async () => {
    await signIn(portal, t.url, a.outsider.email);
    await portal.getByRole('link', { name: 'Support' }).click();
    await portal.getByRole('link', { name: 'Reports' }).click();
    await eventually(() => portal.getByRole('heading', { level: 1 }).textContent()).toBe('Your monthly reports');
    const months = portal.getByRole('list', { name: 'Your monthly reports' }).getByRole('listitem');
    await eventually(() => months.allTextContents()).toEqual([
      `${monthName(thisMonth)}Figures so far`,
      `${monthName(lastMonth)}Final`,
      `${monthName(now.minus({ months: 2 }).toFormat('yyyy-MM'))}Final`,
    ]);
    expect(await portal.getByLabel('Month', { exact: true }).count()).toBe(0);
    await screenshot(portal, 'desk-reports-client');

    await portal.getByRole('link', { name: monthName(lastMonth) }).click();
    await eventually(() => portal.getByRole('heading', { level: 1 }).textContent()).toBe(`Client B · ${monthName(lastMonth)}`);
    await eventually(() => card(portal, 'uptime').locator('.tile-number').textContent()).toBe(percentText(uptime));
    expect(await portal.getByRole('link', { name: 'Download PDF' }).count()).toBe(1);

    // Another client's report is not theirs to read.
    await portal.goto(`${t.url}/desk/reports/${a.clientA}/${lastMonth}`);
    await eventually(() => portal.getByRole('alert').count()).toBe(1);
    expect(await portal.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await portal.textContent('main')).not.toContain('Client A');
    const other = await portal.request.get(`${t.url}/api/v1/clients/${a.clientA}/sla-reports/${lastMonth}/report.pdf`);
    expect(other.status()).toBe(404);
  }, 60_000);
});

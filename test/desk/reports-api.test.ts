import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, ok } from './helpers.ts';
import { planForClient } from './tickets-helpers.ts';

/**
 * Client A's November 2026 in Stockholm (UTC+1 all month: 2026-10-31T23:00Z to 2026-11-30T23:00Z,
 * 30 days, 2 592 000 s), with a 99.9 % guarantee, credit tiers 10 / 25 / 100 % and a fee of
 * €500.00. Its sites (besides one never checked, listed without figures):
 * - Shop: down exactly 43 min 12 s (2 592 s), the whole allowance: 99.9 %, met.
 * - Blog: down 3 h, of which the first 30 min in a maintenance window: 9 000 s down of
 *   2 590 200 s monitored → 99.6525 %, missed.
 * Overall: 11 592 s down of 5 182 200 s → 99.7763 %: below 99.9 % → 10 % of €500.00 = €50.00.
 */
let t: TestApp;
let a: Agency;
let shop: string;
let blog: string;
const tickets: Record<string, string> = {};
const MONTH = '2026-11';
const REPORT = () => `/api/v1/clients/${a.clientA}/sla-reports/${MONTH}`;

const at = (iso: string) => (t.clock.now = new Date(iso));

async function monitor(body: Record<string, unknown>): Promise<string> {
  return (await ok(t, 'POST', '/api/v1/monitors', a.manager.token, body)).id;
}

async function intervals(monitorId: string, rows: [string, string | null, 'up' | 'down'][]): Promise<void> {
  await t.deps.database.db
    .insertInto('monitor_state_intervals')
    .values(rows.map(([started_at, ended_at, state]) => ({ monitor_id: monitorId, started_at, ended_at, state })))
    .execute();
}

async function incident(monitorId: string, clientId: string, id: string, startedAt: string, resolvedAt: string | null, cause: string): Promise<void> {
  await t.deps.database.db
    .insertInto('incidents')
    .values({
      id, monitor_id: monitorId, client_id: clientId, project_id: null, parent_incident_id: null, state: resolvedAt ? 'resolved' : 'open', flapping: 0, in_maintenance: 0,
      cause, root_cause: null, started_at: startedAt, confirmed_at: startedAt, notified_at: null, acknowledged_at: null, acknowledged_by: null, resolved_at: resolvedAt, updated_at: startedAt,
    })
    .execute();
}

/** A ticket opened, answered and perhaps resolved at the given instants. */
async function ticket(name: string, severity: string, openedAt: string, answeredAt: string, resolvedAt: string | null): Promise<void> {
  at(openedAt);
  const id = (await ok(t, 'POST', '/api/v1/tickets', a.manager.token, { clientId: a.clientA, title: name, severity })).id;
  at(answeredAt);
  await ok(t, 'POST', `/api/v1/tickets/${id}/messages`, a.manager.token, { body: 'On it.' });
  if (resolvedAt) {
    at(resolvedAt);
    await ok(t, 'PATCH', `/api/v1/tickets/${id}`, a.manager.token, { status: 'resolved' });
  }
  tickets[name] = id;
}

beforeAll(async () => {
  t = await startTestApp();
  at('2026-10-15T08:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  const { planId } = await planForClient(t, a.admin.token, a.clientA);
  await ok(t, 'PATCH', `/api/v1/sla-plans/${planId}`, a.admin.token, { monthlyFee: { amount: 50_000, currency: 'EUR' } });

  shop = await monitor({ kind: 'http', name: 'Shop', clientId: a.clientA, config: { url: 'http://127.0.0.1:8080/shop' } });
  blog = await monitor({ kind: 'http', name: 'Blog', clientId: a.clientA, config: { url: 'http://127.0.0.1:8080/blog' } });
  // A site set up but not monitored in the month (never checked): listed without figures. Its name starts like a formula.
  await monitor({ kind: 'tcp', name: '=HYPERLINK("http://evil.example")', clientId: a.clientA, config: { host: '127.0.0.1', port: 5432 } });
  // A certificate check is not a site's availability: not in the report.
  const tls = await monitor({ kind: 'tls', name: 'Shop certificate', clientId: a.clientA, config: { host: '127.0.0.1', port: 443 } });
  const other = await monitor({ kind: 'http', name: 'Client B shop', clientId: a.clientB, config: { url: 'http://127.0.0.1:8080/b' } });

  await intervals(shop, [
    ['2026-10-20T00:00:00.000Z', '2026-11-10T12:00:00.000Z', 'up'],
    ['2026-11-10T12:00:00.000Z', '2026-11-10T12:43:12.000Z', 'down'],
    ['2026-11-10T12:43:12.000Z', null, 'up'],
  ]);
  await intervals(blog, [
    ['2026-10-20T00:00:00.000Z', '2026-11-20T02:00:00.000Z', 'up'],
    ['2026-11-20T02:00:00.000Z', '2026-11-20T05:00:00.000Z', 'down'],
    ['2026-11-20T05:00:00.000Z', null, 'up'],
  ]);
  await intervals(tls, [['2026-10-20T00:00:00.000Z', null, 'down']]);
  await intervals(other, [['2026-10-20T00:00:00.000Z', null, 'down']]);
  await ok(t, 'POST', '/api/v1/maintenance-windows', a.manager.token, { title: 'Blog upgrade', scopeType: 'monitor', scopeId: blog, startsAt: '2026-11-20T02:00:00.000Z', endsAt: '2026-11-20T02:30:00.000Z' });

  // Began before the month (Stockholm), and inside it; another client's is not listed.
  await incident(shop, a.clientA, 'inc_EDGE', '2026-10-31T22:30:00.000Z', '2026-11-01T00:00:00.000Z', 'HTTP 502');
  await incident(shop, a.clientA, 'inc_SHOP', '2026-11-10T12:00:00.000Z', '2026-11-10T12:43:12.000Z', 'HTTP 503');
  await incident(other, a.clientB, 'inc_OTHER', '2026-11-10T12:00:00.000Z', null, 'refused');

  // Critical: 15 min / 2 h around the clock. High: 1 h / 8 h and medium: 4 h / work queue, in Stockholm's business hours.
  await ticket('critical on time', 'critical', '2026-11-03T10:00:00.000Z', '2026-11-03T10:10:00.000Z', '2026-11-03T11:30:00.000Z');
  await ticket('critical late', 'critical', '2026-11-04T10:00:00.000Z', '2026-11-04T10:30:00.000Z', '2026-11-04T13:00:00.000Z');
  // Thursday 10:00 local: answered after 40 min, resolved after 3 h of business time.
  await ticket('high', 'high', '2026-11-05T09:00:00.000Z', '2026-11-05T09:40:00.000Z', '2026-11-05T12:00:00.000Z');
  await ticket('medium', 'medium', '2026-11-06T09:00:00.000Z', '2026-11-06T10:00:00.000Z', null);
  // Opened in October: not November's.
  await ticket('october', 'low', '2026-10-30T09:00:00.000Z', '2026-10-30T09:05:00.000Z', null);
  await t.deps.database.db.updateTable('tickets').set({ incident_id: 'inc_SHOP' }).where('id', '=', tickets['critical on time']!).execute();

  at('2026-12-05T10:00:00.000Z');
});
afterAll(async () => t?.close());

describe('a client’s monthly report', () => {
  it('gives uptime per site against the guarantee, maintenance left out, and the overall figure', async () => {
    const report = await ok(t, 'GET', REPORT(), a.manager.token);
    expect(report.client).toEqual({ id: a.clientA, name: 'Client A', language: 'en' });
    expect(report.period).toEqual({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', timeZone: 'Europe/Stockholm', days: 30 });
    expect(report.complete).toBe(true);
    expect(report.generatedAt).toBe('2026-12-05T10:00:00.000Z');
    // 0.1 % of 30 days: 43 min 12 s.
    expect(report.allowedDowntimeSeconds).toBe(2592);
    expect(report.convention).toContain('99.9 % of a 30-day month is 43 min 12 s');
    expect(report.uptime.sites.map((s: any) => s.name)).toEqual(['=HYPERLINK("http://evil.example")', 'Blog', 'Shop']);
    const [unmonitored, blogSite, shopSite] = report.uptime.sites;
    expect(unmonitored).toMatchObject({ target: '127.0.0.1:5432', uptimePercent: null, downtimeSeconds: 0, monitoredSeconds: 0, meetsGuarantee: null });
    expect(shopSite).toMatchObject({ monitorId: shop, target: 'http://127.0.0.1:8080/shop', uptimePercent: 99.9, downtimeSeconds: 2592, maintenanceSeconds: 0, monitoredSeconds: 2_592_000, meetsGuarantee: true });
    expect(blogSite).toMatchObject({ monitorId: blog, uptimePercent: 99.6525, downtimeSeconds: 9000, maintenanceSeconds: 1800, monitoredSeconds: 2_590_200, meetsGuarantee: false });
    expect(shopSite.daily).toHaveLength(30);
    expect(shopSite.daily[0]).toEqual({ date: '2026-11-01', uptimePercent: 100 });
    // 2 592 s of a 86 400 s day: 97 %.
    expect(shopSite.daily[9]).toEqual({ date: '2026-11-10', uptimePercent: 97 });
    expect(report.uptime).toMatchObject({ overallPercent: 99.7763, downtimeSeconds: 11_592, monitoredSeconds: 5_182_200 });
  });

  it('owes the first tier’s credit for the overall uptime', async () => {
    const report = await ok(t, 'GET', REPORT(), a.manager.token);
    expect(report.plan).toMatchObject({ name: 'Gold', guaranteePercent: 99.9, monthlyFee: { amount: 50_000, currency: 'EUR' } });
    expect(report.credit).toEqual({ tier: { belowPercent: 99.9, creditPercent: 10 }, amount: { amount: 5_000, currency: 'EUR' } });
  });

  it('counts the month’s tickets by severity against their targets, with medians', async () => {
    const { tickets: stats } = await ok(t, 'GET', REPORT(), a.manager.token);
    expect(stats.bySeverity.critical).toEqual({
      tickets: 2,
      firstResponse: { counted: 2, met: 1, percentMet: 50 },
      resolution: { counted: 2, met: 1, percentMet: 50 },
      medianMinutesToFirstResponse: 20,
      medianMinutesToResolve: 135,
    });
    expect(stats.bySeverity.high).toMatchObject({ tickets: 1, firstResponse: { percentMet: 100 }, resolution: { percentMet: 100 }, medianMinutesToFirstResponse: 40, medianMinutesToResolve: 180 });
    expect(stats.bySeverity.medium).toMatchObject({ tickets: 1, firstResponse: { percentMet: 100 }, resolution: { counted: 0, percentMet: null }, medianMinutesToFirstResponse: 60, medianMinutesToResolve: null });
    expect(stats.bySeverity.low.tickets).toBe(0);
    // First responses 10, 30, 40, 60 min; resolutions 90, 180, 180 min.
    expect(stats.all).toEqual({
      tickets: 4,
      firstResponse: { counted: 4, met: 3, percentMet: 75 },
      resolution: { counted: 3, met: 2, percentMet: 66.7 },
      medianMinutesToFirstResponse: 35,
      medianMinutesToResolve: 180,
    });
  });

  it('lists the client’s incidents with their time inside the month and their tickets', async () => {
    const report = await ok(t, 'GET', REPORT(), a.manager.token);
    expect(report.incidents).toEqual([
      { id: 'inc_EDGE', monitorName: 'Shop', startedAt: '2026-10-31T22:30:00.000Z', resolvedAt: '2026-11-01T00:00:00.000Z', durationSeconds: 3600, cause: 'HTTP 502', ticketId: null },
      { id: 'inc_SHOP', monitorName: 'Shop', startedAt: '2026-11-10T12:00:00.000Z', resolvedAt: '2026-11-10T12:43:12.000Z', durationSeconds: 2592, cause: 'HTTP 503', ticketId: tickets['critical on time'] },
    ]);
    expect(report.incidentsNotListed).toBe(0);
  });

  it('shows a month still running as incomplete, with figures so far', async () => {
    const report = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/sla-reports/2026-12`, a.manager.token);
    expect(report.complete).toBe(false);
    // 1 December 00:00 Stockholm to now (5 December 10:00 UTC): 4 days 11 h, all up.
    expect(report.uptime.sites.map((s: any) => s.monitoredSeconds)).toEqual([0, 385_200, 385_200]);
    expect(report.uptime.overallPercent).toBe(100);
    expect(report.credit.amount.amount).toBe(0);
    expect(report.tickets.all.tickets).toBe(0);
  });
});

describe('downloads', () => {
  it('serves the PDF as an attachment', async () => {
    const res = await t.request('GET', `${REPORT()}/report.pdf`, { token: a.clientUser.token });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="sla-report-client-a-2026-11.pdf"');
    expect(res.text.startsWith('%PDF')).toBe(true);
  });

  it('serves CSV a spreadsheet opens: one section per part, quoted by RFC 4180', async () => {
    const res = await t.request('GET', `${REPORT()}/report.csv`, { token: a.manager.token });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="sla-report-client-a-2026-11.csv"');
    const rows: string[][] = parse(res.text, { relax_column_count: true, skip_empty_lines: false });
    const value = (field: string) => rows.find((r) => r[0] === field)?.[1];
    expect(rows[0]).toEqual(['SLA report', 'Client A']);
    expect(value('Month')).toBe('2026-11');
    expect(value('Allowed downtime (s)')).toBe('2592');
    expect(value('Overall uptime (%)')).toBe('99.7763');
    expect(value('Credit owed')).toBe('50.00');
    // The convention has commas and quotes of its own: quoted, it stays one cell.
    expect(value('Convention')).toContain('43 min 12 s');
    const section = (title: string) => {
      const start = rows.findIndex((r) => r[0] === title && r.length === 1);
      const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
      return rows.slice(start + 1, end === -1 ? undefined : end);
    };
    const sites = section('Sites');
    expect(sites[0]).toEqual(['Monitor id', 'Site', 'Target', 'Uptime (%)', 'Downtime (s)', 'Maintenance (s)', 'Monitored (s)', 'Meets guarantee']);
    expect(sites.slice(1).map((r) => r.slice(1))).toEqual([
      // Opened as text, not run as a formula.
      ['\'=HYPERLINK("http://evil.example")', '127.0.0.1:5432', '', '0', '0', '0', ''],
      ['Blog', 'http://127.0.0.1:8080/blog', '99.6525', '9000', '1800', '2590200', 'no'],
      ['Shop', 'http://127.0.0.1:8080/shop', '99.9', '2592', '0', '2592000', 'yes'],
    ]);
    expect(sites.slice(2).map((r) => r[0])).toEqual([blog, shop]);
    const ticketRows = section('Tickets');
    expect(ticketRows.map((r) => r[0])).toEqual(['Severity', 'critical', 'high', 'medium', 'low', 'all']);
    expect(ticketRows[5]).toEqual(['all', '4', '4', '3', '75', '3', '2', '66.7', '35', '180']);
    expect(section('Incidents').slice(1).map((r) => [r[0], r[4], r[6]])).toEqual([
      ['inc_EDGE', '3600', ''],
      ['inc_SHOP', '2592', tickets['critical on time']],
    ]);
  });
});

describe('the months and the overview', () => {
  it('lists the months from the plan’s, newest first, the running one incomplete', async () => {
    const months = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/sla-reports`, a.clientUser.token);
    expect(months.items).toEqual([
      { month: '2026-12', complete: false },
      { month: '2026-11', complete: true },
      { month: '2026-10', complete: true },
    ]);
  });

  it('gives every client with a plan, by name; a portal user its own only', async () => {
    const overview = await ok(t, 'GET', `/api/v1/sla-reports?month=${MONTH}`, a.viewer.token);
    expect(overview).toEqual({
      month: MONTH,
      items: [
        {
          clientId: a.clientA,
          clientName: 'Client A',
          month: MONTH,
          overallPercent: 99.7763,
          guaranteePercent: 99.9,
          credit: { amount: 5_000, currency: 'EUR' },
          tickets: 4,
          firstResponsePercentMet: 75,
          resolutionPercentMet: 66.7,
          incidents: 2,
        },
      ],
    });
    expect((await ok(t, 'GET', `/api/v1/sla-reports?month=${MONTH}`, a.clientUser.token)).items.map((i: any) => i.clientId)).toEqual([a.clientA]);
    expect((await ok(t, 'GET', `/api/v1/sla-reports?month=${MONTH}`, a.outsider.token)).items).toEqual([]);
  });
});

describe('refusals', () => {
  it('keeps a client’s portal user to its own client', async () => {
    for (const path of [REPORT(), `${REPORT()}/report.pdf`, `${REPORT()}/report.csv`, `/api/v1/clients/${a.clientA}/sla-reports`]) {
      const res = await t.request('GET', path, { token: a.outsider.token });
      expect(res.status, path).toBe(404);
      expect(res.body.type).toBe('https://upkeep.dev/problems/not-found');
    }
    const anonymous = await t.request('GET', REPORT());
    expect(anonymous.status).toBe(401);
  });

  it('answers a client without a plan with no-sla-plan and an unknown client with not-found', async () => {
    const none = await t.request('GET', `/api/v1/clients/${a.clientB}/sla-reports/${MONTH}`, { token: a.manager.token });
    expect(none.status).toBe(404);
    expect(none.body.type).toBe('https://upkeep.dev/problems/no-sla-plan');
    expect((await t.request('GET', `/api/v1/clients/${a.clientB}/sla-reports`, { token: a.outsider.token })).body.type).toBe('https://upkeep.dev/problems/no-sla-plan');
    const unknown = await t.request('GET', `/api/v1/clients/cli_nothing/sla-reports/${MONTH}`, { token: a.manager.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('https://upkeep.dev/problems/not-found');
  });

  it('refuses a month that is malformed, before 2000 or not begun, naming month', async () => {
    for (const month of ['2026-13', 'november', '1999-12', '2027-01']) {
      const res = await t.request('GET', `/api/v1/clients/${a.clientA}/sla-reports/${month}`, { token: a.manager.token });
      expect(res.status, month).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toEqual(['params.month']);
      const overview = await t.request('GET', `/api/v1/sla-reports?month=${month}`, { token: a.manager.token });
      expect(overview.status, month).toBe(400);
      expect(overview.body.errors.map((e: any) => e.field)).toEqual(['querystring.month']);
    }
    expect((await t.request('GET', '/api/v1/sla-reports', { token: a.manager.token })).status).toBe(400);
  });
});

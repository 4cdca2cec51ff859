import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as schemas from '../../src/renewals/kpis.schemas.ts';
import type { ForecastView, KpisView, LapseView } from '../../src/renewals/kpis.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset, insertCost, insertTask } from './kpis-support.ts';

let t: TestApp;
let a: Agency;
const asset: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-06-15T10:00:00.000Z');
  a = await seedAgency(t);
  const clients = [a.clientA, a.clientA, a.clientB, a.clientA, a.clientB, a.clientB];
  for (const [i, clientId] of clients.entries()) asset.push(await createAsset(t, a.manager.token, { clientId, identifier: `kpi${i + 1}.example`, name: `Site ${i + 1}` }));
  const [s1, s2, s3, s4, s5, s6] = asset as [string, string, string, string, string, string];
  // Renewed 5 days early: in time.
  await insertTask(t, { assetId: s1, clientId: a.clientA, renewalOn: '2030-02-10', state: 'done', outcome: 'renewed', completedAt: '2030-02-05T15:00:00.000Z', paid: [1200, 'EUR'] });
  // Renewed 2 days late: a lapse.
  await insertTask(t, { assetId: s2, clientId: a.clientA, renewalOn: '2030-03-31', state: 'done', outcome: 'renewed', completedAt: '2030-04-02T09:00:00.000Z', paid: [1500, 'EUR'] });
  // Still open six weeks after its date: a lapse.
  await insertTask(t, { assetId: s3, clientId: a.clientB, renewalOn: '2030-05-01', state: 'open' });
  // Open, but its date is still ahead: due, not (yet) lapsed.
  await insertTask(t, { assetId: s4, clientId: a.clientA, renewalOn: '2030-06-20', state: 'in_progress' });
  // Deliberately not renewed: not due at all.
  await insertTask(t, { assetId: s5, clientId: a.clientB, renewalOn: '2030-04-15', state: 'done', outcome: 'cancelled', completedAt: '2030-04-01T09:00:00.000Z' });
  // Outside the period.
  await insertTask(t, { assetId: s1, clientId: a.clientA, renewalOn: '2029-12-20', state: 'done', outcome: 'renewed', completedAt: '2029-12-01T09:00:00.000Z' });
  // Renewed 12 days early.
  await insertTask(t, { assetId: s6, clientId: a.clientB, renewalOn: '2030-06-01', state: 'done', outcome: 'renewed', completedAt: '2030-05-20T23:30:00.000Z' });
  await insertCost(t, { assetId: s1, clientId: a.clientA, paidOn: '2030-02-05', amount: 1200, currency: 'EUR' });
  await insertCost(t, { assetId: s2, clientId: a.clientA, paidOn: '2030-04-02', amount: 1500, currency: 'EUR' });
  await insertCost(t, { assetId: s6, clientId: a.clientB, paidOn: '2030-04-20', amount: 30000, currency: 'SEK' });
  await insertCost(t, { assetId: s3, clientId: a.clientB, paidOn: '2030-04-25', amount: 5000, currency: 'SEK' });
  await insertCost(t, { assetId: s1, clientId: a.clientA, paidOn: '2029-12-01', amount: 999, currency: 'EUR' });
});
afterAll(async () => t?.close());

const get = (query: string, token = a.viewer.token) => t.request('GET', `/api/v1/renewals/kpis${query}`, { token });

describe('renewal KPIs', () => {
  it('counts success, lapses, median lead time and cost per month over a period', async () => {
    const res = await get('?from=2030-01-01&to=2030-06-30');
    expect(res.status, res.text).toBe(200);
    expect(res.body.period).toEqual({ from: '2030-01-01', to: '2030-06-30' });
    // Due: sites 1, 2, 3, 4 and 6 (5 was cancelled on purpose); in time: 1 and 6.
    expect(res.body.successRate).toEqual({ renewedInTime: 2, due: 5, rate: 0.4 });
    expect(res.body.lapses.count).toBe(2);
    expect(res.body.lapses.outcomes.map((o: { assetName: string; renewedOn: string | null }) => [o.assetName, o.renewedOn])).toEqual([
      ['Site 2', '2030-04-02'],
      ['Site 3', null],
    ]);
    // Lead days 5, -2 and 12: the median is 5.
    expect(res.body.medianLeadDays).toBe(5);
    expect(res.body.costPerMonth).toEqual([
      { month: '2030-01', totals: [] },
      { month: '2030-02', totals: [{ amount: 1200, currency: 'EUR' }] },
      { month: '2030-03', totals: [] },
      { month: '2030-04', totals: [{ amount: 1500, currency: 'EUR' }, { amount: 35000, currency: 'SEK' }] },
      { month: '2030-05', totals: [] },
      { month: '2030-06', totals: [] },
    ]);
  });

  it("narrows to one client's renewals and payments", async () => {
    const res = await get(`?from=2030-01-01&to=2030-06-30&clientId=${a.clientA}`);
    expect(res.body.successRate).toEqual({ renewedInTime: 1, due: 3, rate: 1 / 3 });
    expect(res.body.lapses.count).toBe(1);
    // Lead days 5 and -2: an even count, so the mean of the two.
    expect(res.body.medianLeadDays).toBe(1.5);
    expect(res.body.costPerMonth.find((m: { month: string }) => m.month === '2030-04').totals).toEqual([{ amount: 1500, currency: 'EUR' }]);
  });

  it('defaults to the last 12 months, ending today', async () => {
    const res = await get('');
    expect(res.body.period).toEqual({ from: '2029-06-16', to: '2030-06-15' });
    expect(res.body.costPerMonth).toHaveLength(13);
    // Now the December renewal is inside too, and the June 20 one is not.
    expect(res.body.successRate.due).toBe(5);
    expect(res.body.successRate.renewedInTime).toBe(3);
  });

  it('answers null rather than 0 % when nothing was due', async () => {
    const res = await get('?from=2031-01-01&to=2031-01-31');
    expect(res.body.successRate).toEqual({ renewedInTime: 0, due: 0, rate: null });
    expect(res.body.medianLeadDays).toBeNull();
  });

  const bad: [string, string, number, string?][] = [
    ['a period that ends before it starts', '?from=2030-05-01&to=2030-04-30', 400, 'querystring.to'],
    ['a period over five years', '?from=2020-01-01&to=2025-01-02', 400, 'querystring.to'],
    ['a date that does not exist', '?from=2030-02-30', 400, 'querystring.from'],
    ['an unknown parameter', '?colour=red', 400],
    ['a client that does not exist', '?clientId=cli_nothing', 404],
  ];
  for (const [what, query, status, field] of bad) {
    it(`refuses ${what}`, async () => {
      const res = await get(query);
      expect(res.status, res.text).toBe(status);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  }

  it('accepts exactly five years', async () => {
    expect((await get('?from=2020-01-01&to=2025-01-01')).status).toBe(200);
  });

  it('is for staff: managers and viewers read, client users get 403', async () => {
    expect((await get('', a.manager.token)).status).toBe(200);
    expect((await get('', a.clientUser.token)).status).toBe(403);
    expect((await t.request('GET', '/api/v1/renewals/kpis')).status).toBe(401);
  });
});

describe('the KPI and forecast response schemas', () => {
  it('name every field of the views they document', () => {
    expectTypeOf<keyof z.output<typeof schemas.kpisView>>().toEqualTypeOf<keyof KpisView>();
    expectTypeOf<keyof z.output<typeof schemas.kpisView>['lapses']['outcomes'][number]>().toEqualTypeOf<keyof LapseView>();
    expectTypeOf<keyof z.output<typeof schemas.forecastView>>().toEqualTypeOf<keyof ForecastView>();
    expectTypeOf<keyof z.output<typeof schemas.forecastView>['months'][number]>().toEqualTypeOf<keyof ForecastView['months'][number]>();
  });
});

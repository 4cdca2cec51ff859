import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastSpend, forecastTotals } from '../../src/renewals/forecast.model.ts';
import { forecastAssets, PAGE_SIZE } from '../../src/renewals/kpis.store.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * The forecast reads assets in keyset pages and folds each page into running sums: with more
 * assets than one page, nothing may be counted twice or left out at the page boundaries.
 */
let t: TestApp;
let a: Agency;
const COUNT = PAGE_SIZE * 2 + 7;

function assetRow(i: number, clientId: string) {
  const id = `ast_scale${String(i).padStart(7, '0')}`;
  const monthly = i % 2 === 0;
  return {
    id,
    client_id: clientId,
    kind: 'domain',
    name: id,
    identifier: `${id}.example`,
    provider_id: null,
    status: 'active',
    // Spread over the days of a month, including the 29th to 31st that short months clamp.
    expires_on: `2030-03-${String((i % 31) + 1).padStart(2, '0')}`,
    billing_cycle: monthly ? 'monthly' : 'yearly',
    cycle_months: null,
    currency: monthly ? 'EUR' : 'SEK',
    cost_amount: monthly ? 100 : 1000,
    renewal_amount: null,
    yearly_cost: monthly ? 1200 : 1000,
    auto_renew: 0,
    owner_id: null,
    notes: '',
    tags: '[]',
    custom_fields: '{}',
    secrets: '{}',
    search_text: id,
    created_at: '2030-01-01T00:00:00.000Z',
    updated_at: '2030-01-01T00:00:00.000Z',
    retired_at: null,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-03-01T08:00:00.000Z');
  a = await seedAgency(t);
  const rows = Array.from({ length: COUNT }, (_, i) => assetRow(i, i % 3 === 0 ? a.clientB : a.clientA));
  await t.deps.database.db.transaction().execute((trx) => t.deps.database.dialect.insertMany(trx, 'assets', rows));
}, 120_000);
afterAll(async () => t?.close());

describe('forecast over more assets than one page', () => {
  it('counts every asset exactly once', async () => {
    const res = await t.request('GET', '/api/v1/renewals/forecast?months=3', { token: a.viewer.token });
    expect(res.status, res.text).toBe(200);
    const monthly = Math.ceil(COUNT / 2);
    const yearly = COUNT - monthly;
    // Monthly ones renew in March, April and May (a 31st clamps to April 30); yearly ones once, in March.
    expect(res.body.renewals).toBe(monthly * 3 + yearly);
    expect(res.body.totals.totals).toEqual([
      { currency: 'EUR', amount: monthly * 3 * 100 },
      { currency: 'SEK', amount: yearly * 1000 },
    ]);
    expect(res.body.months.map((m: { totals: { amount: number }[] }) => m.totals.map((x) => x.amount))).toEqual([
      [monthly * 100, yearly * 1000],
      [monthly * 100],
      [monthly * 100],
    ]);
    const clientTotal = res.body.totals.byClient.reduce((sum: number, c: { currency: string; amount: number }) => sum + (c.currency === 'EUR' ? c.amount : 0), 0);
    expect(clientTotal).toBe(monthly * 3 * 100);
    // The streamed sums are what the pure forecast says over all the assets at once.
    const all = [];
    for (let after = null as Awaited<ReturnType<typeof forecastAssets>>['next'], first = true; first || after; first = false) {
      const page = await forecastAssets(t.deps.database.db, {}, after);
      all.push(...page.assets);
      after = page.next;
    }
    const pure = forecastSpend(all, '2030-03-01', 3);
    expect(res.body.months.map((m: { totals: unknown }) => m.totals)).toEqual(pure.months.map((m) => m.totals));
    expect(res.body.totals.byProvider.map(({ providerId, currency, amount }: { providerId: string | null; currency: string; amount: number }) => ({ providerId, currency, amount }))).toEqual(forecastTotals(pure).byProvider);
    // Client A has more assets than a page too; its pages go by (expiry, id).
    const ofA = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 3 !== 0);
    const monthlyOfA = ofA.filter((i) => i % 2 === 0).length;
    expect(ofA.length).toBeGreaterThan(PAGE_SIZE);
    const onlyA = await t.request('GET', `/api/v1/renewals/forecast?months=3&clientId=${a.clientA}`, { token: a.viewer.token });
    expect(onlyA.body.renewals).toBe(monthlyOfA * 3 + (ofA.length - monthlyOfA));
    expect(onlyA.body.totals.byClient).toEqual([
      { clientId: a.clientA, clientName: 'Client A', currency: 'EUR', amount: monthlyOfA * 300 },
      { clientId: a.clientA, clientName: 'Client A', currency: 'SEK', amount: (ofA.length - monthlyOfA) * 1000 },
    ]);
  }, 60_000);
});

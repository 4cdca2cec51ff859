import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset, createProvider } from './kpis-support.ts';

let t: TestApp;
let a: Agency;
let p1: string;
let p2: string;

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const sek = (amount: number) => ({ amount, currency: 'SEK' });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-01-15T10:00:00.000Z');
  a = await seedAgency(t);
  p1 = await createProvider(t, a.manager.token, 'Registrar One');
  p2 = await createProvider(t, a.manager.token, 'Host Two');
  const token = a.manager.token;
  // Monthly from Jan 31: renews on Jan 31, Feb 28 and Mar 31 (back to the month end after February).
  await createAsset(t, token, { clientId: a.clientA, identifier: 'monthly.example', providerId: p1, billingCycle: 'monthly', expiresOn: '2030-01-31', renewalPrice: eur(1000) });
  // Yearly, priced only by its current cost.
  await createAsset(t, token, { clientId: a.clientA, kind: 'hosting', identifier: 'host.example', providerId: p2, billingCycle: 'yearly', expiresOn: '2030-02-10', cost: eur(5000) });
  // Expired last year and still yearly: it renews again on Mar 15.
  await createAsset(t, token, { clientId: a.clientB, identifier: 'old.example', providerId: p1, billingCycle: 'yearly', expiresOn: '2029-03-15', renewalPrice: sek(20000) });
  // Quarterly with no provider: Feb 20.
  await createAsset(t, token, { clientId: a.clientB, kind: 'subscription', identifier: 'saas.example', billingCycle: 'quarterly', expiresOn: '2029-11-20', cost: sek(3000) });
  // No price at all: counted, not guessed.
  await createAsset(t, token, { clientId: a.clientA, identifier: 'unpriced.example', name: 'Unpriced', billingCycle: 'yearly', expiresOn: '2030-03-01' });
  // Cancelled: will not be paid again.
  await createAsset(t, token, { clientId: a.clientA, identifier: 'gone.example', status: 'cancelled', billingCycle: 'yearly', expiresOn: '2030-02-01', cost: eur(777) });
  // Renewed earlier this month, before today: not in the forecast.
  await createAsset(t, token, { clientId: a.clientA, identifier: 'early.example', billingCycle: 'yearly', expiresOn: '2030-01-05', cost: eur(50) });
});
afterAll(async () => t?.close());

const get = (query: string, token = a.viewer.token) => t.request('GET', `/api/v1/renewals/forecast${query}`, { token });

describe('spend forecast', () => {
  it('forecasts each month per client and per provider, never adding currencies', async () => {
    const res = await get('?months=3');
    expect(res.status, res.text).toBe(200);
    expect(res.body.from).toBe('2030-01-15');
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2030-01', '2030-02', '2030-03']);
    const [jan, feb, mar] = res.body.months;
    expect(jan).toEqual({
      month: '2030-01',
      totals: [eur(1000)],
      byClient: [{ clientId: a.clientA, clientName: 'Client A', ...eur(1000) }],
      byProvider: [{ providerId: p1, providerName: 'Registrar One', ...eur(1000) }],
    });
    expect(feb.totals).toEqual([eur(6000), sek(3000)]);
    expect(feb.byClient).toEqual([
      { clientId: a.clientA, clientName: 'Client A', ...eur(6000) },
      { clientId: a.clientB, clientName: 'Client B', ...sek(3000) },
    ]);
    expect(feb.byProvider).toEqual([
      { providerId: p2, providerName: 'Host Two', ...eur(5000) },
      { providerId: p1, providerName: 'Registrar One', ...eur(1000) },
      { providerId: null, providerName: null, ...sek(3000) },
    ]);
    expect(mar.totals).toEqual([eur(1000), sek(20000)]);
    expect(mar.byProvider).toEqual([
      { providerId: p1, providerName: 'Registrar One', ...eur(1000) },
      { providerId: p1, providerName: 'Registrar One', ...sek(20000) },
    ]);
    expect(res.body.totals.totals).toEqual([eur(8000), sek(23000)]);
    expect(res.body.totals.byClient).toEqual([
      { clientId: a.clientA, clientName: 'Client A', ...eur(8000) },
      { clientId: a.clientB, clientName: 'Client B', ...sek(23000) },
    ]);
    expect(res.body.renewals).toBe(6);
    expect(res.body.unpriced).toEqual({ count: 1, items: [{ assetId: expect.any(String), assetName: 'Unpriced', clientId: a.clientA, renewsOn: '2030-03-01' }] });
  });

  it('defaults to 12 months, empty months included', async () => {
    const res = await get('');
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[11].month).toBe('2030-12');
    // The monthly one renews 12 times, Jan 31 to Dec 31; the quarterly one in Feb, May, Aug and Nov.
    expect(res.body.totals.totals).toEqual([eur(12 * 1000 + 5000), sek(20000 + 4 * 3000)]);
    expect(res.body.months.find((m: { month: string }) => m.month === '2030-04').totals).toEqual([eur(1000)]);
  });

  it('narrows to a client or a provider', async () => {
    const byClient = await get(`?months=3&clientId=${a.clientB}`);
    expect(byClient.body.totals.totals).toEqual([sek(23000)]);
    expect(byClient.body.unpriced.count).toBe(0);
    const byProvider = await get(`?months=3&providerId=${p1}`);
    expect(byProvider.body.totals.totals).toEqual([eur(3000), sek(20000)]);
    expect(byProvider.body.totals.byProvider.map((p: { providerId: string }) => p.providerId)).toEqual([p1, p1]);
  });

  const bad: [string, string, number, string?][] = [
    ['zero months', '?months=0', 400, 'querystring.months'],
    ['37 months', '?months=37', 400, 'querystring.months'],
    ['months that are no number', '?months=many', 400, 'querystring.months'],
    ['an unknown client', '?clientId=cli_nothing', 404],
    ['an unknown provider', '?providerId=prv_nothing', 404],
  ];
  for (const [what, query, status, field] of bad) {
    it(`refuses ${what}`, async () => {
      const res = await get(query);
      expect(res.status, res.text).toBe(status);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  }

  it('is for staff only', async () => {
    expect((await get('', a.manager.token)).status).toBe(200);
    expect((await get('', a.clientUser.token)).status).toBe(403);
  });
});

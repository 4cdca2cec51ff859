import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

const LIVE_STATUSES = 'active,expiring,expired,renewing';

let t: TestApp;
let a: Agency;

async function asset(clientId: string, identifier: string, fields: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId, kind: 'domain', identifier, ...fields } });
  expect(res.status, res.text).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-11-21T10:00:00Z');
  await asset(a.clientA, 'in-5-days.example', { expiresOn: '2026-11-26', renewalPrice: { amount: 1000, currency: 'EUR' }, ownerId: a.manager.id });
  await asset(a.clientA, 'in-20-days.example', { expiresOn: '2026-12-11', renewalPrice: { amount: 2500, currency: 'EUR' } });
  await asset(a.clientA, 'in-60-days.example', { expiresOn: '2027-01-20', cost: { amount: 700, currency: 'EUR' }, ownerId: a.manager.id });
  await asset(a.clientA, 'cancelled.example', { expiresOn: '2026-11-30', status: 'cancelled', renewalPrice: { amount: 9999, currency: 'EUR' } });
  await asset(a.clientA, 'lapsed.example', { expiresOn: '2026-11-01', ownerId: a.manager.id });
  await asset(a.clientB, 'b-in-10-days.example', { expiresOn: '2026-12-01', renewalPrice: { amount: 15000, currency: 'SEK' }, ownerId: a.manager.id });
});
afterAll(async () => t?.close());

describe('needs attention', () => {
  it('counts renewals per window with their cost per currency, expired and unowned assets', async () => {
    const res = await t.request('GET', '/api/v1/attention', { token: a.viewer.token });
    expect(res.status).toBe(200);
    expect(res.body.renewing).toEqual([
      { days: 7, count: 1, cost: [{ currency: 'EUR', amount: 1000 }] },
      { days: 30, count: 3, cost: [{ currency: 'EUR', amount: 3500 }, { currency: 'SEK', amount: 15000 }] },
      { days: 90, count: 4, cost: [{ currency: 'EUR', amount: 4200 }, { currency: 'SEK', amount: 15000 }] },
    ]);
    expect(res.body.expired).toBe(1);
    expect(res.body.unowned).toBe(1);
  });

  it('agrees with the asset list each number links to', async () => {
    const within30 = await t.request('GET', '/api/v1/assets?expiresWithin=30', { token: a.viewer.token });
    expect(within30.body.items.map((x: { identifier: string }) => x.identifier)).toEqual(['in-5-days.example', 'b-in-10-days.example', 'in-20-days.example']);
    const expired = await t.request('GET', '/api/v1/assets?status=expired', { token: a.viewer.token });
    expect(expired.body.items.map((x: { identifier: string }) => x.identifier)).toEqual(['lapsed.example']);
    // Cancelled and retired assets need no owner: the dashboard links with the live statuses.
    const unowned = await t.request('GET', `/api/v1/assets?ownerId=none&status=${LIVE_STATUSES}`, { token: a.viewer.token });
    expect(unowned.body.items.map((x: { identifier: string }) => x.identifier)).toEqual(['in-20-days.example']);
  });

  it('shows a client user only their client', async () => {
    const res = await t.request('GET', '/api/v1/attention', { token: a.outsider.token });
    expect(res.body.renewing[1]).toEqual({ days: 30, count: 1, cost: [{ currency: 'SEK', amount: 15000 }] });
    expect(res.body.expired).toBe(0);
  });
});

describe('renewal timeline', () => {
  it('groups the coming months with their cost, this month first', async () => {
    const res = await t.request('GET', '/api/v1/timeline?months=3', { token: a.viewer.token });
    expect(res.status).toBe(200);
    expect(res.body.months).toEqual([
      { month: '2026-11', count: 1, cost: [{ currency: 'EUR', amount: 1000 }] },
      { month: '2026-12', count: 2, cost: [{ currency: 'EUR', amount: 2500 }, { currency: 'SEK', amount: 15000 }] },
      { month: '2027-01', count: 1, cost: [{ currency: 'EUR', amount: 700 }] },
    ]);
  });

  it('has twelve months by default and refuses more than three years', async () => {
    expect((await t.request('GET', '/api/v1/timeline', { token: a.viewer.token })).body.months).toHaveLength(12);
    const tooMany = await t.request('GET', '/api/v1/timeline?months=37', { token: a.viewer.token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('querystring.months');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

describe('assets API', () => {
  it('records an asset and shows it with derived values', async () => {
    t.clock.now = new Date('2026-11-21T10:00:00Z');
    const res = await t.request('POST', '/api/v1/assets', {
      token: a.manager.token,
      body: {
        clientId: a.clientA,
        kind: 'domain',
        identifier: 'shop.example.com',
        expiresOn: '2026-12-01',
        billingCycle: 'yearly',
        renewalPrice: { amount: 1299, currency: 'EUR' },
        tags: ['Web', 'web '],
        secrets: { panelPassword: 's3cret' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'shop.example.com',
      status: 'expiring',
      storedStatus: 'active',
      daysUntilRenewal: 10,
      yearlyCost: { amount: 1299, currency: 'EUR' },
      tags: ['web'],
      secretNames: ['panelPassword'],
    });
    expect(JSON.stringify(res.body)).not.toContain('s3cret');
  });
});

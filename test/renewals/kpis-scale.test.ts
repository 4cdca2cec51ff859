import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/renewals/kpis.store.ts';
import { addDays } from '../../src/renewals/reminders.model.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset } from './kpis-support.ts';

/**
 * The KPIs stream tasks in keyset pages: with more tasks than one page, every renewal must be
 * counted once, the lapses listed stop at 100, and the median sees all lead times.
 */
let t: TestApp;
let a: Agency;
const ASSETS = 6;
const DAYS = 1700;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2032-01-01T12:00:00.000Z');
  a = await seedAgency(t);
  const assets: string[] = [];
  for (let i = 0; i < ASSETS; i++) assets.push(await createAsset(t, a.manager.token, { clientId: a.clientA, identifier: `many${i}.example` }));
  const rows: Record<string, unknown>[] = [];
  for (let d = 0; d < DAYS; d++) {
    for (const [i, assetId] of assets.entries()) {
      const n = d * ASSETS + i;
      const renewalOn = addDays('2027-01-01', d);
      // Every tenth renewal is still open (its date is behind us: a lapse); the others were renewed 0 to 8 days early.
      const open = n % 10 === 9;
      rows.push({
        id: `tsk_many${String(n).padStart(6, '0')}`,
        asset_id: assetId,
        client_id: a.clientA,
        renewal_on: renewalOn,
        due_on: renewalOn,
        state: open ? 'open' : 'done',
        outcome: open ? null : 'renewed',
        completed_at: open ? null : `${addDays(renewalOn, -(n % 10))}T09:00:00.000Z`,
        created_at: '2026-12-01T00:00:00.000Z',
        updated_at: '2026-12-01T00:00:00.000Z',
      });
    }
  }
  await t.deps.database.db.transaction().execute((trx) => t.deps.database.dialect.insertMany(trx, 'renewal_tasks', rows));
}, 120_000);
afterAll(async () => t?.close());

describe('KPIs over more tasks than one page', () => {
  it('counts every renewal once and takes the median over all of them', async () => {
    const total = ASSETS * DAYS;
    expect(total).toBeGreaterThan(PAGE_SIZE * 2);
    const res = await t.request('GET', '/api/v1/renewals/kpis?from=2027-01-01&to=2031-12-31', { token: a.viewer.token });
    expect(res.status, res.text).toBe(200);
    const lapsed = total / 10;
    expect(res.body.successRate).toEqual({ renewedInTime: total - lapsed, due: total, rate: 0.9 });
    expect(res.body.lapses.count).toBe(lapsed);
    expect(res.body.lapses.outcomes).toHaveLength(100);
    // Lead times 0 to 8 days, each equally often: the middle one is 4.
    expect(res.body.medianLeadDays).toBe(4);
  }, 60_000);
});

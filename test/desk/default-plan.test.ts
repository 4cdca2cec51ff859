import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { countRows } from './helpers.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

describe('the default plan on first use', () => {
  it('is made once when many first uses come at once, each answered', async () => {
    const tokens = [a.owner.token, a.admin.token, a.manager.token, a.viewer.token, a.clientUser.token];
    const paths = ['/api/v1/sla-plans', '/api/v1/business-calendars'];
    const replies = await Promise.all(tokens.flatMap((token) => paths.flatMap((path) => [1, 2].map(() => t.request('GET', path, { token })))));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    expect(await countRows(t, 'sla_plans')).toBe(1);
    expect(await countRows(t, 'business_calendars')).toBe(1);
    const created = await t.deps.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['sla-plan.created', 'business-calendar.created']).execute();
    expect(created.map((e) => e.action).sort()).toEqual(['business-calendar.created', 'sla-plan.created']);
  });

  it('reads its support hours in UTC when the agency never set a time zone', async () => {
    const [calendar] = (await t.request('GET', '/api/v1/business-calendars', { token: a.viewer.token })).body.items;
    expect(calendar).toMatchObject({ name: 'Support hours', timeZone: 'UTC', planCount: 1 });
  });
});

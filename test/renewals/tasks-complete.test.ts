import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { auditOf, fieldsOf, makeAsset, makeTask } from './tasks-support.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-03-01T12:00:00.000Z');
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

const get = (path: string, token = a.manager.token) => t.request('GET', path, { token });
const complete = (taskId: string, body: unknown, token = a.manager.token) => t.request('POST', `/api/v1/tasks/${taskId}/complete`, { token, body });

async function assetWithTask(identifier: string, expiresOn = '2030-03-20') {
  const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier, expiresOn, renewalPrice: { amount: 1500, currency: 'EUR' } });
  return { asset, taskId: await makeTask(t, asset) };
}

describe('completing a renewal task', () => {
  it('renewed: moves the expiry, records the payment and closes the task, all audited', async () => {
    const { asset, taskId } = await assetWithTask('renew.example');
    const res = await complete(taskId, { outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: 1799, currency: 'EUR' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'done', outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: 1799, currency: 'EUR' }, completedBy: a.manager.id });
    const after = (await get(`/api/v1/assets/${asset.id}`)).body;
    expect(after).toMatchObject({ expiresOn: '2031-03-20', status: 'active', renewalPrice: { amount: 1799, currency: 'EUR' } });
    const costs = await get(`/api/v1/assets/${asset.id}/costs`);
    expect(costs.body.items).toEqual([
      expect.objectContaining({ paidOn: '2030-03-01', amount: 1799, currency: 'EUR', renewalOn: '2030-03-20', renewedUntil: '2031-03-20', taskId, recordedBy: a.manager.id }),
    ]);
    expect((await get(`/api/v1/tasks/${taskId}`)).body.costs).toHaveLength(1);
    expect((await auditOf(t, taskId)).map((e) => e.action)).toEqual(['task.completed']);
    expect((await auditOf(t, asset.id)).map((e) => e.action)).toEqual(['asset.created', 'asset.updated', 'asset.cost-recorded']);
    const inbox = await get('/api/v1/tasks?limit=200');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(taskId);
    // Done is final: no second completion, no reopening.
    expect((await complete(taskId, { outcome: 'cancelled' })).status).toBe(409);
    const reopen = await t.request('PATCH', `/api/v1/tasks/${taskId}`, { token: a.manager.token, body: { state: 'open' } });
    expect(reopen.status).toBe(409);
    expect(fieldsOf(reopen.body)).toEqual(['body.state']);
  });

  it('renewed from a fresh check: takes the expiry the check already put on the asset, or says there is none yet', async () => {
    const { asset, taskId } = await assetWithTask('checked.example');
    const none = await complete(taskId, { outcome: 'renewed', expiryFrom: 'check' });
    expect(none.status, none.text).toBe(409);
    expect(none.body.detail).toMatch(/no fresh check shows a new expiry yet/i);
    // What a domain check does when it sees the renewal at the registry.
    await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { expiresOn: '2032-03-20' } });
    const res = await complete(taskId, { outcome: 'renewed', expiryFrom: 'check' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'renewed', renewedUntil: '2032-03-20', paid: null });
    expect((await get(`/api/v1/assets/${asset.id}/costs`)).body.items).toEqual([]);
  });

  it('cancelled: retires the asset and keeps the note as a comment', async () => {
    const { asset, taskId } = await assetWithTask('drop.example');
    const res = await complete(taskId, { outcome: 'cancelled', note: 'The client moved to another agency.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'done', outcome: 'cancelled' });
    expect((await get(`/api/v1/assets/${asset.id}`)).body.status).toBe('retired');
    expect((await get(`/api/v1/tasks/${taskId}`)).body.comments.map((c: { body: string }) => c.body)).toEqual(['The client moved to another agency.']);
    expect((await auditOf(t, asset.id)).map((e) => e.action)).toEqual(['asset.created', 'asset.retired']);
  });

  const bad: [string, Record<string, unknown>, number, string][] = [
    ['no new expiry', { outcome: 'renewed' }, 400, 'body.renewedUntil'],
    ['an expiry on the renewal date', { outcome: 'renewed', renewedUntil: '2030-03-20' }, 400, 'body.renewedUntil'],
    ['an expiry that is no date', { outcome: 'renewed', renewedUntil: '2031-02-29' }, 400, 'body.renewedUntil'],
    ['a payment in another currency', { outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: 100, currency: 'SEK' } }, 400, 'body.paid.currency'],
    ['a negative payment', { outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: -5, currency: 'EUR' } }, 400, 'body.paid.amount'],
    ['a fractional payment', { outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: 9.99, currency: 'EUR' } }, 400, 'body.paid.amount'],
    ['an unknown outcome', { outcome: 'forgotten' }, 400, 'body.outcome'],
    ['an expiry with a check', { outcome: 'renewed', renewedUntil: '2031-03-20', expiryFrom: 'check' }, 409, 'body.expiryFrom'],
  ];
  for (const [what, body, status, field] of bad) {
    it(`refuses ${what} (${status} on ${field}) and changes nothing`, async () => {
      const { asset, taskId } = await assetWithTask(`bad-${what.replace(/\W+/g, '-')}.example`);
      const res = await complete(taskId, body);
      expect(res.status, res.text).toBe(status);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await get(`/api/v1/tasks/${taskId}`)).body).toMatchObject({ state: 'open', outcome: null });
      expect((await get(`/api/v1/assets/${asset.id}`)).body).toMatchObject({ expiresOn: '2030-03-20', renewalPrice: { amount: 1500 } });
      expect((await get(`/api/v1/assets/${asset.id}/costs`)).body.items).toEqual([]);
      expect(await auditOf(t, taskId)).toEqual([]);
    });
  }

  it('rolls the asset change back when the task cannot be closed (completed meanwhile)', async () => {
    const { asset, taskId } = await assetWithTask('race.example');
    // Two people press "Complete" at once: both pass the checks, only one may land.
    const [one, two] = await Promise.all([
      complete(taskId, { outcome: 'renewed', renewedUntil: '2031-03-20', paid: { amount: 1500, currency: 'EUR' } }),
      complete(taskId, { outcome: 'renewed', renewedUntil: '2032-03-20', paid: { amount: 3000, currency: 'EUR' } }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const winner = one.status === 200 ? one.body : two.body;
    expect((await get(`/api/v1/assets/${asset.id}`)).body.expiresOn).toBe(winner.renewedUntil);
    expect((await get(`/api/v1/assets/${asset.id}/costs`)).body.items).toHaveLength(1);
  });
});

describe('cost history', () => {
  it('records payments by hand, newest first, paged, audited', async () => {
    const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'costs.example', expiresOn: '2030-06-01' });
    for (const paidOn of ['2028-06-01', '2029-06-01', '2027-06-01']) {
      const res = await t.request('POST', `/api/v1/assets/${asset.id}/costs`, { token: a.manager.token, body: { paidOn, amount: 1000, currency: 'EUR' } });
      expect(res.status, res.text).toBe(201);
    }
    const p1 = await get(`/api/v1/assets/${asset.id}/costs?limit=2`);
    expect(p1.body.items.map((c: { paidOn: string }) => c.paidOn)).toEqual(['2029-06-01', '2028-06-01']);
    const p2 = await get(`/api/v1/assets/${asset.id}/costs?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((c: { paidOn: string }) => c.paidOn)).toEqual(['2027-06-01']);
    expect(p2.body.nextCursor).toBeNull();
    expect((await auditOf(t, asset.id)).filter((e) => e.action === 'asset.cost-recorded')).toHaveLength(3);
  });

  it('refuses bad payments with the field, and keeps other clients’ costs from portal users', async () => {
    const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'costs2.example', expiresOn: '2030-06-01' });
    const post = (body: unknown, token = a.manager.token) => t.request('POST', `/api/v1/assets/${asset.id}/costs`, { token, body });
    expect(fieldsOf((await post({ paidOn: '2030-03-01', amount: 10, currency: 'SEK' })).body)).toEqual(['body.currency']);
    expect(fieldsOf((await post({ paidOn: '2030-03-02', amount: 10, currency: 'EUR' })).body)).toEqual(['body.paidOn']);
    expect(fieldsOf((await post({ paidOn: '2030-03-01', amount: 10, currency: 'EUR', renewedUntil: '2030-02-01' })).body)).toEqual(['body.renewedUntil']);
    expect((await post({ paidOn: '2030-03-01', amount: 10, currency: 'EUR' }, a.viewer.token)).status).toBe(403);
    expect((await get(`/api/v1/assets/${asset.id}/costs`, a.clientUser.token)).status).toBe(200);
    expect((await get(`/api/v1/assets/${asset.id}/costs`, a.outsider.token)).status).toBe(404);
    expect((await get(`/api/v1/assets/${asset.id}/costs`)).body.items).toEqual([]);
  });
});

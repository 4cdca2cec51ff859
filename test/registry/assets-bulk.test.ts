import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset } from '../support/registry.ts';

let t: TestApp;
let a: Agency;
let ids: string[];

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  ids = [];
  for (const identifier of ['one.example', 'two.example', 'three.example']) {
    ids.push((await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier, tags: ['web'] })).id);
  }
});
afterAll(async () => t?.close());

const bulk = (body: unknown, token = a.manager.token) => t.request('POST', '/api/v1/assets/bulk', { token, body });
const auditCount = async () => Number((await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('bulk actions on assets', () => {
  it('assigns an owner to several assets, one audit entry each', async () => {
    const before = await auditCount();
    const res = await bulk({ ids: ids.slice(0, 2), action: { type: 'assignOwner', ownerId: a.manager.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.updated).toBe(2);
    expect(res.body.items.map((x: { ownerId: string }) => x.ownerId)).toEqual([a.manager.id, a.manager.id]);
    expect(await auditCount()).toBe(before + 2);
    const third = await t.request('GET', `/api/v1/assets/${ids[2]}`, { token: a.manager.token });
    expect(third.body.ownerId).toBeNull();
  });

  it('adds and removes a tag', async () => {
    await bulk({ ids, action: { type: 'addTag', tag: 'Renew-Q1' } });
    const tagged = await t.request('GET', '/api/v1/assets?tag=renew-q1', { token: a.manager.token });
    expect(tagged.body.items).toHaveLength(3);
    await bulk({ ids: [ids[0]], action: { type: 'removeTag', tag: 'renew-q1' } });
    const still = await t.request('GET', '/api/v1/assets?tag=renew-q1', { token: a.manager.token });
    expect(still.body.items).toHaveLength(2);
  });

  it('changes nothing when one asset of the batch cannot change', async () => {
    const before = await auditCount();
    const res = await bulk({ ids: [ids[0], 'ast_00000000000000000000000000'], action: { type: 'retire' } });
    expect(res.status).toBe(404);
    const first = await t.request('GET', `/api/v1/assets/${ids[0]}`, { token: a.manager.token });
    expect(first.body.status).not.toBe('retired');
    expect(await auditCount()).toBe(before);
    const clientOwner = await bulk({ ids, action: { type: 'assignOwner', ownerId: a.clientUser.id } });
    expect(clientOwner.status).toBe(400);
    expect(clientOwner.body.errors[0].field).toBe('body.ownerId');
  });

  it('retires, refuses viewers and client users, and bounds the batch', async () => {
    expect((await bulk({ ids, action: { type: 'retire' } }, a.viewer.token)).status).toBe(403);
    expect((await bulk({ ids, action: { type: 'retire' } }, a.clientUser.token)).status).toBe(403);
    const tooMany = await bulk({ ids: Array.from({ length: 201 }, (_, i) => `ast_${i}`), action: { type: 'retire' } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toEqual({ field: 'body.ids', message: 'at most 200 assets at a time' });
    const unknownAction = await bulk({ ids, action: { type: 'delete' } });
    expect(unknownAction.status).toBe(400);
    const res = await bulk({ ids, action: { type: 'retire' } });
    expect(res.body.items.map((x: { status: string }) => x.status)).toEqual(['retired', 'retired', 'retired']);
  });
});

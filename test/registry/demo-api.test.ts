import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

describe('loading the demo agency through the API', () => {
  it('is for owners and admins, and only into an empty registry', async () => {
    expect((await t.request('POST', '/api/v1/demo', { token: a.manager.token })).status).toBe(403);
    // seedAgency made two clients: this registry is not empty.
    const refused = await t.request('POST', '/api/v1/demo', { token: a.owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/not empty/);
    await t.db.db.deleteFrom('users').where('client_id', 'is not', null).execute();
    await t.db.db.deleteFrom('clients').execute();
    const loaded = await t.request('POST', '/api/v1/demo', { token: a.admin.token });
    expect(loaded.status, loaded.text).toBe(201);
    expect(loaded.body.clients).toBe(12);
    expect(loaded.body.assets).toBeGreaterThan(250);
    const entry = await t.db.db.selectFrom('audit_log').select(['actor_type', 'actor_id']).where('action', '=', 'asset.created').executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_type: 'token', actor_id: a.admin.id });
  });
});

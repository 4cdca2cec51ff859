import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/** Clients, projects and providers through the HTTP API. */

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-11-21T10:00:00Z');
});
afterAll(async () => t?.close());

async function create(what: 'clients' | 'projects' | 'providers' | 'assets', body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const res = await t.request('POST', `/api/v1/${what}`, { token: a.manager.token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const get = (path: string, token = a.viewer.token) => t.request('GET', path, { token });
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('clients', () => {
  it('creates, reads, changes and lists a client', async () => {
    const client = await create('clients', {
      name: 'Nordic Bakery',
      currency: 'SEK',
      locale: 'sv-SE',
      contacts: [{ name: 'Karin', email: 'karin@bakery.test', role: 'owner' }],
    });
    expect(client).toMatchObject({
      id: expect.stringMatching(/^cli_/),
      name: 'Nordic Bakery',
      currency: 'SEK',
      locale: 'sv-SE',
      notes: '',
      archivedAt: null,
      contacts: [{ name: 'Karin', email: 'karin@bakery.test', role: 'owner' }],
    });
    const defaults = await create('clients', { name: '  Plain Client  ' });
    expect(defaults).toMatchObject({ name: 'Plain Client', currency: 'EUR', locale: 'en', contacts: [] });

    const got = await get(`/api/v1/clients/${client.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ ...client, yearlyCost: [], assetCount: 0 });

    t.clock.now = new Date('2026-11-22T08:00:00Z');
    const patched = await t.request('PATCH', `/api/v1/clients/${client.id}`, { token: a.manager.token, body: { notes: 'Pays yearly', name: 'Nordic Bakery AB' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Nordic Bakery AB', notes: 'Pays yearly', currency: 'SEK', updatedAt: '2026-11-22T08:00:00.000Z' });
    expect((await get(`/api/v1/clients/${client.id}`)).body.name).toBe('Nordic Bakery AB');

    const search = await get('/api/v1/clients?q=bakery');
    expect(names(search.body.items)).toEqual(['Nordic Bakery AB']);
    expect((await get('/api/v1/clients?q=%25')).body.items).toEqual([]); // LIKE wildcards are literal
    expect((await get('/api/v1/clients/cli_unknown')).status).toBe(404);
    expect((await t.request('POST', '/api/v1/clients', { token: a.viewer.token, body: { name: 'Viewer Co' } })).status).toBe(403);
  });

  it('archives a client, hides it from the list, and brings it back', async () => {
    const client = await create('clients', { name: 'Archived Agency' });
    t.clock.now = new Date('2026-11-23T09:00:00Z');
    const archived = await t.request('DELETE', `/api/v1/clients/${client.id}`, { token: a.manager.token });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toBe('2026-11-23T09:00:00.000Z');
    expect((await get(`/api/v1/clients/${client.id}`)).body.archivedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(names((await get('/api/v1/clients?limit=200')).body.items)).not.toContain('Archived Agency');
    expect(names((await get('/api/v1/clients?limit=200&includeArchived=true')).body.items)).toContain('Archived Agency');
    // Archiving again keeps the first date.
    t.clock.now = new Date('2026-11-24T09:00:00Z');
    expect((await t.request('PATCH', `/api/v1/clients/${client.id}`, { token: a.manager.token, body: { archived: true } })).body.archivedAt).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    const restored = await t.request('PATCH', `/api/v1/clients/${client.id}`, { token: a.manager.token, body: { archived: false } });
    expect(restored.body.archivedAt).toBeNull();
    expect(names((await get('/api/v1/clients?limit=200')).body.items)).toContain('Archived Agency');
  });

  it('keeps client names unique without regard to case', async () => {
    await create('clients', { name: 'Acme Web' });
    const dup = await t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'ACME web' } });
    expect(dup.status).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.body).toMatchObject({ type: expect.stringMatching(/\/conflict$/), status: 409, errors: [{ field: 'body.name', message: expect.any(String) }] });
    const other = await create('clients', { name: 'Acme Print' });
    const rename = await t.request('PATCH', `/api/v1/clients/${other.id}`, { token: a.manager.token, body: { name: 'acme WEB' } });
    expect(rename.status).toBe(409);
    expect(rename.body.errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
    expect((await get(`/api/v1/clients/${other.id}`)).body.name).toBe('Acme Print');
  });

  it('shows the yearly cost per currency and the number of assets', async () => {
    const client = await create('clients', { name: 'Costly Ltd', currency: 'EUR' });
    const asset = (identifier: string, body: Record<string, unknown>) => create('assets', { clientId: client.id, kind: 'subscription', identifier, ...body });
    await asset('yearly', { renewalPrice: { amount: 1200, currency: 'EUR' } });
    await asset('monthly', { billingCycle: 'monthly', cost: { amount: 1000, currency: 'EUR' } });
    await asset('three-years', { billingCycle: 'multi-year', cycleMonths: 36, cost: { amount: 10_000, currency: 'EUR' } });
    await asset('one-off', { billingCycle: 'one-off', cost: { amount: 50_000, currency: 'EUR' } });
    await asset('cancelled', { status: 'cancelled', cost: { amount: 9999, currency: 'EUR' } });
    const usd = await asset('in-dollars', { cost: { amount: 5000, currency: 'USD' } });

    const detail = await get(`/api/v1/clients/${client.id}`);
    expect(detail.body.assetCount).toBe(6);
    // 1200 + 12 × 1000 + 10000 / 3 (rounded) = 16533 EUR; dollars are never added to euros.
    expect(detail.body.yearlyCost).toEqual([
      { currency: 'EUR', amount: 16_533 },
      { currency: 'USD', amount: 5000 },
    ]);
    expect((await t.request('DELETE', `/api/v1/assets/${usd.id}`, { token: a.manager.token })).status).toBe(200);
    expect((await get(`/api/v1/clients/${client.id}`)).body.yearlyCost).toEqual([{ currency: 'EUR', amount: 16_533 }]);
  });

  it('pages through clients by name', async () => {
    for (const name of ['Page Delta', 'Page Alpha', 'Page Charlie', 'Page Bravo', 'Page Echo']) await create('clients', { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { name: string }[]; nextCursor: string | null } } = await get(
        `/api/v1/clients?q=page&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...names(res.body.items));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Page Alpha', 'Page Bravo', 'Page Charlie', 'Page Delta', 'Page Echo']);
    const bad = await get('/api/v1/clients?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
    const numeric = Buffer.from(JSON.stringify({ value: 5, id: 'x' })).toString('base64url');
    expect((await get(`/api/v1/clients?cursor=${numeric}`)).status).toBe(400);
  });

  it('shows a portal user only their own client', async () => {
    const list = await get('/api/v1/clients?limit=200', a.clientUser.token);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([a.clientA]);
    expect((await get(`/api/v1/clients/${a.clientA}`, a.clientUser.token)).status).toBe(200);
    expect((await get(`/api/v1/clients/${a.clientB}`, a.clientUser.token)).status).toBe(404);
  });
});

describe('projects', () => {
  it('creates, changes, lists and archives projects of a client', async () => {
    const project = await create('projects', { clientId: a.clientA, name: 'Shop relaunch', managerId: a.manager.id, notes: 'Q1' });
    expect(project).toMatchObject({ id: expect.stringMatching(/^prj_/), clientId: a.clientA, name: 'Shop relaunch', managerId: a.manager.id, archivedAt: null });
    await create('projects', { clientId: a.clientB, name: 'B intranet' });

    const patched = await t.request('PATCH', `/api/v1/projects/${project.id}`, { token: a.manager.token, body: { name: 'Shop relaunch 2027', managerId: null } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Shop relaunch 2027', managerId: null, clientId: a.clientA, notes: 'Q1' });

    const ofA = await get(`/api/v1/projects?clientId=${a.clientA}&limit=200`);
    expect(names(ofA.body.items)).toContain('Shop relaunch 2027');
    expect(names(ofA.body.items)).not.toContain('B intranet');

    const archived = await t.request('DELETE', `/api/v1/projects/${project.id}`, { token: a.manager.token });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(names((await get(`/api/v1/projects?clientId=${a.clientA}`)).body.items)).not.toContain('Shop relaunch 2027');
    expect(names((await get(`/api/v1/projects?clientId=${a.clientA}&includeArchived=true`)).body.items)).toContain('Shop relaunch 2027');
  });

  it('refuses a project of an unknown client, naming body.clientId', async () => {
    const res = await t.request('POST', '/api/v1/projects', { token: a.manager.token, body: { clientId: 'cli_nobody', name: 'Orphan' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: expect.stringMatching(/\/validation$/), errors: [{ field: 'body.clientId', message: expect.stringContaining('cli_nobody') }] });
    const count = await t.db.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'Orphan').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('accepts only staff as project manager', async () => {
    const res = await t.request('POST', '/api/v1/projects', { token: a.manager.token, body: { clientId: a.clientA, name: 'Managed', managerId: a.clientUser.id } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body.managerId', message: expect.any(String) }]);
  });

  it('keeps project names unique per client without regard to case', async () => {
    const first = await create('projects', { clientId: a.clientA, name: 'Intranet' });
    const dup = await t.request('POST', '/api/v1/projects', { token: a.manager.token, body: { clientId: a.clientA, name: 'INTRANET' } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
    await create('projects', { clientId: a.clientB, name: 'intranet' });
    const second = await create('projects', { clientId: a.clientA, name: 'Extranet' });
    const rename = await t.request('PATCH', `/api/v1/projects/${second.id}`, { token: a.manager.token, body: { name: 'intranet' } });
    expect(rename.status).toBe(409);
    expect((await get(`/api/v1/projects/${first.id}`)).body.name).toBe('Intranet');
  });

  it('shows the yearly cost of the assets linked to a project', async () => {
    const project = await create('projects', { clientId: a.clientA, name: 'Costed project' });
    await create('assets', { clientId: a.clientA, kind: 'domain', identifier: 'costed-1.example', projectIds: [project.id], renewalPrice: { amount: 2000, currency: 'EUR' } });
    await create('assets', { clientId: a.clientA, kind: 'domain', identifier: 'costed-2.example', projectIds: [project.id], billingCycle: 'quarterly', cost: { amount: 300, currency: 'EUR' } });
    await create('assets', { clientId: a.clientA, kind: 'domain', identifier: 'unlinked.example', renewalPrice: { amount: 99_999, currency: 'EUR' } });
    const detail = await get(`/api/v1/projects/${project.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.yearlyCost).toEqual([{ currency: 'EUR', amount: 3200 }]);
  });
});

describe('providers', () => {
  it('creates, changes and lists providers, filtered by kind', async () => {
    const provider = await create('providers', { name: 'Gandi', kind: 'registrar', website: 'https://www.gandi.net', accountReference: 'ACC-1' });
    expect(provider).toMatchObject({ id: expect.stringMatching(/^prv_/), name: 'Gandi', kind: 'registrar', website: 'https://www.gandi.net', accountReference: 'ACC-1' });
    await create('providers', { name: 'Hetzner', kind: 'host' });
    const patched = await t.request('PATCH', `/api/v1/providers/${provider.id}`, { token: a.manager.token, body: { notes: 'Main registrar', website: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ notes: 'Main registrar', website: null, name: 'Gandi' });
    expect(names((await get('/api/v1/providers?kind=host&limit=200')).body.items)).toEqual(['Hetzner']);
    expect((await get(`/api/v1/providers/${provider.id}`)).body).toMatchObject({ name: 'Gandi', yearlyCost: [] });
    const badUrl = await t.request('POST', '/api/v1/providers', { token: a.manager.token, body: { name: 'Nowhere', kind: 'host', website: 'not a url' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors).toEqual([{ field: 'body.website', message: expect.any(String) }]);
  });

  it('keeps provider names unique without regard to case', async () => {
    await create('providers', { name: 'Cloudflare', kind: 'registrar' });
    const dup = await t.request('POST', '/api/v1/providers', { token: a.manager.token, body: { name: 'CLOUDFLARE', kind: 'host' } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ field: 'body.name', message: expect.any(String) }]);
  });

  it('refuses to delete a provider while assets use it, even retired ones', async () => {
    const used = await create('providers', { name: 'Busy Registrar', kind: 'registrar' });
    const spare = await create('providers', { name: 'Spare Registrar', kind: 'registrar' });
    const live = await create('assets', { clientId: a.clientA, kind: 'domain', identifier: 'busy.example', providerId: used.id, renewalPrice: { amount: 1500, currency: 'EUR' } });
    const old = await create('assets', { clientId: a.clientB, kind: 'domain', identifier: 'busy-old.example', providerId: used.id });
    // Client B's asset is in its client's currency and has no price.
    expect((await get(`/api/v1/providers/${used.id}`)).body.yearlyCost).toEqual([
      { currency: 'EUR', amount: 1500 },
      { currency: 'SEK', amount: 0 },
    ]);

    const refused = await t.request('DELETE', `/api/v1/providers/${used.id}`, { token: a.manager.token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/\/conflict$/), detail: expect.stringContaining('2 assets') });
    expect((await get(`/api/v1/providers/${used.id}`)).status).toBe(200);

    await t.request('PATCH', `/api/v1/assets/${live.id}`, { token: a.manager.token, body: { providerId: spare.id } });
    await t.request('DELETE', `/api/v1/assets/${old.id}`, { token: a.manager.token });
    const stillRefused = await t.request('DELETE', `/api/v1/providers/${used.id}`, { token: a.manager.token });
    expect(stillRefused.status).toBe(409);

    await t.request('PATCH', `/api/v1/assets/${old.id}`, { token: a.manager.token, body: { providerId: null } });
    const deleted = await t.request('DELETE', `/api/v1/providers/${used.id}`, { token: a.manager.token });
    expect(deleted.status).toBe(204);
    expect((await get(`/api/v1/providers/${used.id}`)).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/providers/${used.id}`, { token: a.manager.token })).status).toBe(404);
  });

  it('shows a portal user only the providers their assets use', async () => {
    const mine = await create('providers', { name: 'Portal Host', kind: 'host' });
    const theirs = await create('providers', { name: 'Other Host', kind: 'host' });
    await create('assets', { clientId: a.clientA, kind: 'hosting', identifier: 'portal-host-1', providerId: mine.id });
    await create('assets', { clientId: a.clientB, kind: 'hosting', identifier: 'other-host-1', providerId: theirs.id });
    const list = await get('/api/v1/providers?kind=host&limit=200', a.clientUser.token);
    expect(names(list.body.items)).toContain('Portal Host');
    expect(names(list.body.items)).not.toContain('Other Host');
    expect((await get(`/api/v1/providers/${theirs.id}`, a.clientUser.token)).status).toBe(404);
  });
});

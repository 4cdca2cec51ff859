import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { auditActions, createMonitor, fieldsOf, openIncident } from './helpers.ts';

let t: TestApp;
let a: Agency;
let site: any;
let admin: any;
let theirs: any;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  site = await createMonitor(t, a.manager.token, {
    kind: 'http',
    name: 'Web shop',
    clientId: a.clientA,
    config: { url: 'http://127.0.0.1:9/private-path', headers: { 'X-Api-Key': 'key-sekrit' }, basicAuth: { username: 'shopadmin', password: 'pw-sekrit' } },
  });
  admin = await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'Mail server', clientId: a.clientA, config: { host: '10.20.30.40', port: 25 } });
  theirs = await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'B server', clientId: a.clientB, config: { host: '127.0.0.1', port: 22 } });
});
afterAll(async () => t?.close());

const pageBody = (extra: Record<string, unknown> = {}) => ({ slug: 'client-a', title: 'Client A status', clientId: a.clientA, monitorIds: [site.id, admin.id], ...extra });

describe('status pages for staff', () => {
  it('makes, lists, changes and deletes a page, audited', async () => {
    const created = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'crud-page' }) });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ slug: 'crud-page', published: true, description: '', monitorIds: [site.id, admin.id], publicPath: '/api/v1/status-pages/public/crud-page' });
    const id = created.body.id;
    const listed = await t.request('GET', '/api/v1/status-pages', { token: a.clientUser.token });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await t.request('GET', '/api/v1/status-pages', { token: a.outsider.token })).body.items).toEqual([]);
    expect((await t.request('GET', `/api/v1/status-pages/${id}`, { token: a.outsider.token })).status).toBe(404);
    const changed = await t.request('PATCH', `/api/v1/status-pages/${id}`, { token: a.manager.token, body: { title: 'Renamed', monitorIds: [admin.id] } });
    expect(changed.body).toMatchObject({ title: 'Renamed', monitorIds: [admin.id] });
    expect((await t.request('DELETE', `/api/v1/status-pages/${id}`, { token: a.manager.token })).status).toBe(204);
    expect((await auditActions(t, id)).map((e) => e.action)).toEqual(['status-page.created', 'status-page.updated', 'status-page.deleted']);
  });

  it('refuses a taken slug, a bad slug, unknown monitors and another client’s monitors, with field paths', async () => {
    expect((await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'taken' }) })).status).toBe(201);
    const taken = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'taken' }) });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['body.slug']);
    const badSlug = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'Not A Slug!' }) });
    expect(fieldsOf(badSlug.body)).toEqual(['body.slug']);
    const unknown = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'x-1', monitorIds: [site.id, 'mon_nothing'] }) });
    expect(fieldsOf(unknown.body)).toEqual(['body.monitorIds.1']);
    const foreign = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'x-2', monitorIds: [theirs.id] }) });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['body.monitorIds.0']);
    const twice = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'x-3', monitorIds: [site.id, site.id] }) });
    expect(fieldsOf(twice.body)).toEqual(['body.monitorIds']);
    expect((await t.request('POST', '/api/v1/status-pages', { token: a.viewer.token, body: pageBody({ slug: 'x-4' }) })).status).toBe(403);
  });
});

describe('the public status page', () => {
  it('shows names, states, 90 daily bars and public updates to anyone, and nothing private', async () => {
    const page = await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'public-a', description: 'Our services' }) });
    expect(page.status).toBe(201);
    const incident = await openIncident(t, site, { cause: 'connection refused to 127.0.0.1:9' });
    await t.request('POST', `/api/v1/incidents/${incident}/updates`, { token: a.manager.token, body: { message: 'internal-note: blame the intern', public: false } });
    await t.request('POST', `/api/v1/incidents/${incident}/updates`, { token: a.manager.token, body: { message: 'We are looking into it.', public: true } });

    const res = await t.request('GET', '/api/v1/status-pages/public/public-a');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ title: 'Client A status', description: 'Our services', state: 'unknown' });
    expect(res.body.monitors.map((m: { name: string; state: string }) => [m.name, m.state])).toEqual([
      ['Web shop', 'pending'],
      ['Mail server', 'pending'],
    ]);
    expect(res.body.monitors[0].days).toHaveLength(90);
    expect(res.body.incidents).toEqual([
      { id: incident, monitorName: 'Web shop', state: 'open', startedAt: expect.any(String), resolvedAt: null, updates: [{ kind: 'update', message: 'We are looking into it.', at: expect.any(String) }] },
    ]);
    for (const secret of ['127.0.0.1', '10.20.30.40', 'private-path', 'key-sekrit', 'pw-sekrit', 'shopadmin', 'internal-note', 'connection refused', a.clientA, site.id, page.body.id]) {
      expect(res.text, secret).not.toContain(secret);
    }
    const keys = new Set<string>();
    JSON.stringify(res.body, (key, value) => (keys.add(key), value));
    for (const key of ['url', 'host', 'config', 'clientId', 'projectId', 'cause', 'rootCause', 'monitorIds', 'public', 'byUserId']) expect(keys.has(key), key).toBe(false);
  });

  it('is not there while unpublished or for an unknown slug', async () => {
    await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'draft', published: false }) });
    expect((await t.request('GET', '/api/v1/status-pages/public/draft')).status).toBe(404);
    expect((await t.request('GET', '/api/v1/status-pages/public/nobody-here')).status).toBe(404);
  });

  it('shows a paused monitor as paused and the page down when all watched monitors are', async () => {
    const lone = await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'Lone', clientId: a.clientA, config: { host: '127.0.0.1', port: 23 } });
    await t.deps.database.db.updateTable('monitors').set({ state: 'down' }).where('id', '=', lone.id).execute();
    await t.request('POST', `/api/v1/monitors/${admin.id}/pause`, { token: a.manager.token });
    await t.request('POST', '/api/v1/status-pages', { token: a.manager.token, body: pageBody({ slug: 'down-page', monitorIds: [lone.id, admin.id] }) });
    const res = await t.request('GET', '/api/v1/status-pages/public/down-page');
    expect(res.body.state).toBe('down');
    expect(res.body.monitors.map((m: { state: string }) => m.state)).toEqual(['down', 'paused']);
  });
});

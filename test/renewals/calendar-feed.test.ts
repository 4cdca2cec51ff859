import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgency } from '../../src/accounts/agency.ts';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { newId } from '../../src/platform/ids.ts';
import { seedAgency, type Agency, type TestApp } from '../support/app.ts';
import { eventsOf, startLoggedApp } from './calendar-support.ts';

/**
 * Calendar feeds end to end: created through the API, fetched over real HTTP without signing in,
 * read with ical.js as a calendar app would, and following the registry as it changes.
 */
let t: TestApp & { logs: string[] };
let a: Agency;
const NOW = new Date('2026-06-15T09:00:00Z');
const assets: Record<string, string> = {};
let taskId: string;
const tokens: string[] = [];

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await t.request(method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.body;
}

async function createAsset(identifier: string, body: Record<string, unknown>): Promise<string> {
  const asset = await api('POST', '/api/v1/assets', a.manager.token, { kind: 'domain', identifier, ...body });
  return asset.id as string;
}

/** The path of a feed URL, to fetch it from the test server (the public URL is another host). */
const pathOf = (url: string) => new URL(url).pathname;

async function createFeed(token: string, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/calendar-feeds', { token, body });
  if (res.status === 201) tokens.push(pathOf(res.body.url).slice('/calendar/'.length, -'.ics'.length));
  return res;
}

async function fetchFeed(url: string, headers: Record<string, string> = {}) {
  return t.request('GET', pathOf(url), { headers });
}

beforeAll(async () => {
  t = await startLoggedApp();
  t.clock.now = NOW;
  a = await seedAgency(t);
  await saveAgency(t.deps, { actor: CLI_ACTOR, requestId: null }, { name: 'Northwind', timeZone: 'Europe/Stockholm' });
  const project = await api('POST', '/api/v1/projects', a.manager.token, { clientId: a.clientA, name: 'Web shop', managerId: a.viewer.id });
  assets.owned = await createAsset('alpha.example', { clientId: a.clientA, expiresOn: '2026-07-01', ownerId: a.manager.id, renewalPrice: { amount: 1299, currency: 'EUR' } });
  assets.tasked = await createAsset('beta.example', { clientId: a.clientA, expiresOn: '2026-08-10', projectIds: [project.id], autoRenew: true });
  assets.otherClient = await createAsset('gamma.example', { clientId: a.clientB, expiresOn: '2026-07-05', ownerId: a.manager.id });
  assets.cancelled = await createAsset('delta.example', { clientId: a.clientA, expiresOn: '2026-07-03', ownerId: a.manager.id, status: 'cancelled' });
  assets.farAway = await createAsset('epsilon.example', { clientId: a.clientA, expiresOn: '2029-01-01', ownerId: a.manager.id });
  // The tasks API belongs to another part of renewals: the task is put in place as the sweep would.
  taskId = newId('task');
  const at = NOW.toISOString();
  await t.db.db
    .insertInto('renewal_tasks')
    .values({ id: taskId, asset_id: assets.tasked, client_id: a.clientA, project_id: project.id, renewal_on: '2026-08-10', due_on: '2026-06-20', assignee_id: a.manager.id, state: 'open', created_at: at, updated_at: at, snoozed_until: null, outcome: null, renewed_until: null, paid_amount: null, paid_currency: null, escalated_at: null, completed_at: null, completed_by: null, pushed: null })
    .execute();
}, 60_000);
afterAll(async () => t?.close());

describe('a user’s calendar feed', () => {
  let url: string;

  it('is created for oneself and lists the renewals one is responsible for and one’s open task', async () => {
    const res = await createFeed(a.manager.token, { ownerType: 'user' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerType: 'user', ownerId: a.manager.id, ownerName: 'manager', url: expect.stringMatching(/^https:\/\/upkeep\.example\/calendar\/cal_[\w-]{40,}\.ics$/) });
    url = res.body.url;

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
    const { name, timeZone, events } = eventsOf(feed.text);
    expect(name).toBe('Northwind renewals – manager');
    expect(timeZone).toBe('Europe/Stockholm');
    expect(events.map((e) => [e.uid, e.date, e.summary])).toEqual([
      [`task-${taskId}@upkeep`, '2026-06-20', 'Task due: renew beta.example (Client A)'],
      [`renewal-${assets.owned}@upkeep`, '2026-07-01', 'Renewal: alpha.example (Client A)'],
      // Another client's asset the manager owns belongs in the manager's own calendar.
      [`renewal-${assets.otherClient}@upkeep`, '2026-07-05', 'Renewal: gamma.example (Client B)'],
      // Through the open task assigned to the manager.
      [`renewal-${assets.tasked}@upkeep`, '2026-08-10', 'Renewal: beta.example (Client A)'],
    ]);
    expect(events.every((e) => e.isDate)).toBe(true);
    const owned = events.find((e) => e.uid === `renewal-${assets.owned}@upkeep`)!;
    expect(owned.description).toContain('Price: €12.99');
    expect(owned.description).toContain('Auto-renew: no');
    expect(owned.description).toContain(`https://upkeep.example/assets/${assets.owned}`);
  });

  it('reaches a project manager through the project', async () => {
    const res = await createFeed(a.viewer.token, { ownerType: 'user' });
    expect(res.status).toBe(201);
    const { events } = eventsOf((await fetchFeed(res.body.url)).text);
    expect(events.map((e) => e.uid)).toEqual([`renewal-${assets.tasked}@upkeep`]);
  });

  it('moves an event when the asset’s renewal date changes, keeping its UID', async () => {
    const first = await fetchFeed(url);
    await api('PATCH', `/api/v1/assets/${assets.owned}`, a.manager.token, { expiresOn: '2027-02-01' });
    const second = await fetchFeed(url);
    const moved = eventsOf(second.text).events.filter((e) => e.uid === `renewal-${assets.owned}@upkeep`);
    expect(moved.map((e) => e.date)).toEqual(['2027-02-01']);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers 304 to If-None-Match with the current ETag, weak or strong', async () => {
    const first = await fetchFeed(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetchFeed(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await fetchFeed(url, { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await fetchFeed(url, { 'if-none-match': '"stale"' })).status).toBe(200);
  });
});

describe('a client’s calendar feed', () => {
  it('holds that client’s renewal dates only: no other client, no tasks, nothing cancelled or beyond two years', async () => {
    const res = await createFeed(a.manager.token, { ownerType: 'client', ownerId: a.clientA });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerType: 'client', ownerId: a.clientA, ownerName: 'Client A' });
    const { events } = eventsOf((await fetchFeed(res.body.url)).text);
    expect(events.map((e) => [e.uid, e.date, e.summary])).toEqual([
      [`renewal-${assets.tasked}@upkeep`, '2026-08-10', 'Renewal: beta.example'],
      [`renewal-${assets.owned}@upkeep`, '2027-02-01', 'Renewal: alpha.example'],
    ]);
    expect(events[0]!.description).toContain('Auto-renew: yes');
  });

  it('may be created by a portal user for their own client only', async () => {
    const own = await createFeed(a.clientUser.token, { ownerType: 'client', ownerId: a.clientA });
    expect(own.status).toBe(201);
    const { events } = eventsOf((await fetchFeed(own.body.url)).text);
    expect(events.map((e) => e.uid)).not.toContain(`renewal-${assets.otherClient}@upkeep`);
    expect(events).toHaveLength(2);

    const other = await createFeed(a.clientUser.token, { ownerType: 'client', ownerId: a.clientB });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ field: 'body.ownerId', message: `No client with id ${a.clientB}` }]);
    expect((await createFeed(a.clientUser.token, { ownerType: 'user' })).status).toBe(403);
    // The other client's portal user neither sees nor revokes it.
    const outsiderList = await api('GET', '/api/v1/calendar-feeds', a.outsider.token);
    expect(outsiderList.items).toEqual([]);
    expect((await t.request('DELETE', `/api/v1/calendar-feeds/${own.body.id}`, { token: a.outsider.token })).status).toBe(404);
  });
});

describe('who may do what', () => {
  it('lets a viewer subscribe to their own calendar only; owners and admins to anyone’s', async () => {
    expect((await createFeed(a.viewer.token, { ownerType: 'client', ownerId: a.clientA })).status).toBe(403);
    expect((await createFeed(a.viewer.token, { ownerType: 'user', ownerId: a.manager.id })).status).toBe(403);
    const forViewer = await createFeed(a.admin.token, { ownerType: 'user', ownerId: a.viewer.id });
    expect(forViewer.status).toBe(201);
    expect(forViewer.body.ownerName).toBe('viewer');
    const missing = await createFeed(a.admin.token, { ownerType: 'user', ownerId: 'usr_nobody' });
    expect(missing.status).toBe(400);
    expect((await createFeed(a.manager.token, { ownerType: 'client' })).status).toBe(400);
    expect((await t.request('POST', '/api/v1/calendar-feeds', { body: { ownerType: 'user' } })).status).toBe(401);
  });

  it('refuses a read-only token', async () => {
    const readOnly = await api('POST', '/api/v1/tokens', a.viewer.token, { name: 'read only', scopes: ['read'] });
    expect((await createFeed(readOnly.token, { ownerType: 'user' })).status).toBe(403);
  });

  it('lists one’s own feeds; client feeds for those who manage renewals; everything for admins', async () => {
    const ids = async (token: string) => ((await api('GET', '/api/v1/calendar-feeds', token)).items as { ownerType: string; ownerId: string }[]).map((f) => `${f.ownerType}:${f.ownerId}`);
    expect((await ids(a.viewer.token)).sort()).toEqual([`user:${a.viewer.id}`, `user:${a.viewer.id}`]);
    expect((await ids(a.manager.token)).sort()).toEqual([`client:${a.clientA}`, `client:${a.clientA}`, `user:${a.manager.id}`]);
    expect(await ids(a.clientUser.token)).toEqual([`client:${a.clientA}`]);
    expect(await ids(a.admin.token)).toHaveLength(5);
    const page = await api('GET', '/api/v1/calendar-feeds?limit=2', a.admin.token);
    expect(page.items).toHaveLength(2);
    const rest = await api('GET', `/api/v1/calendar-feeds?limit=2&cursor=${page.nextCursor}`, a.admin.token);
    expect([...page.items, ...rest.items].map((f: { id: string }) => f.id)).toHaveLength(4);
  });
});

describe('revoking and unknown tokens', () => {
  it('answers 404 alike for a revoked feed, a wrong token and a malformed one', async () => {
    const feed = await createFeed(a.manager.token, { ownerType: 'user' });
    expect((await fetchFeed(feed.body.url)).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/calendar-feeds/${feed.body.id}`, { token: a.viewer.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/calendar-feeds/${feed.body.id}`, { token: a.manager.token })).status).toBe(204);
    const revoked = await fetchFeed(feed.body.url);
    const wrong = await t.request('GET', `/calendar/cal_${'A'.repeat(43)}.ics`);
    const malformed = await t.request('GET', '/calendar/nonsense.ics');
    for (const res of [revoked, wrong, malformed]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
    }
    expect(revoked.body.detail).toBe(wrong.body.detail);
    expect((await t.request('DELETE', `/api/v1/calendar-feeds/${feed.body.id}`, { token: a.manager.token })).status).toBe(404);
    const listed = await api('GET', '/api/v1/calendar-feeds', a.manager.token);
    expect(listed.items.map((f: { id: string }) => f.id)).not.toContain(feed.body.id);
  });

  it('stops a user’s feed when the user is disabled', async () => {
    const feed = await createFeed(a.admin.token, { ownerType: 'user', ownerId: a.manager.id });
    await t.db.db.updateTable('users').set({ disabled_at: NOW.toISOString() }).where('id', '=', a.manager.id).execute();
    expect((await fetchFeed(feed.body.url)).status).toBe(404);
    await t.db.db.updateTable('users').set({ disabled_at: null }).where('id', '=', a.manager.id).execute();
    expect((await fetchFeed(feed.body.url)).status).toBe(200);
  });
});

describe('secrecy of the token', () => {
  it('audits creating and revoking, and never writes a token to the audit log or the logs', async () => {
    const rows = await t.db.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_type', '=', 'calendar-feed').execute();
    expect(rows.filter((r) => r.action === 'calendar-feed.created').length).toBe(tokens.length);
    expect(rows.filter((r) => r.action === 'calendar-feed.revoked')).toHaveLength(1);
    const everything = JSON.stringify(await t.db.db.selectFrom('audit_log').selectAll().execute());
    const logs = t.logs.join('');
    expect(tokens.length).toBeGreaterThan(5);
    // The logs did record the requests around the feeds, so their silence about tokens means something.
    expect(logs).toContain('/api/v1/calendar-feeds');
    for (const token of tokens) {
      expect(everything).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });
});

describe('the calendar page’s entries', () => {
  it('gives renewal dates and task due dates in a range, narrowed by client or to one’s own', async () => {
    const all = await api('GET', '/api/v1/calendar-entries?from=2026-06-01&to=2026-08-31', a.viewer.token);
    expect(all.truncated).toBe(false);
    expect(all.items.map((e: { kind: string; date: string; asset: { name: string } }) => [e.kind, e.date, e.asset.name])).toEqual([
      ['task', '2026-06-20', 'beta.example'],
      ['renewal', '2026-07-05', 'gamma.example'],
      ['renewal', '2026-08-10', 'beta.example'],
    ]);
    expect(all.items[2]).toMatchObject({ uid: `renewal-${assets.tasked}@upkeep`, client: { id: a.clientA, name: 'Client A' }, autoRenew: true, task: null });
    expect(all.items[0]).toMatchObject({ uid: `task-${taskId}@upkeep`, task: { id: taskId, state: 'open', renewalOn: '2026-08-10', assigneeId: a.manager.id } });
    const clientB = await api('GET', `/api/v1/calendar-entries?from=2026-06-01&to=2026-08-31&clientId=${a.clientB}`, a.viewer.token);
    expect(clientB.items.map((e: { asset: { name: string } }) => e.asset.name)).toEqual(['gamma.example']);
    const mine = await api('GET', '/api/v1/calendar-entries?from=2026-06-01&to=2026-08-31&mine=true', a.viewer.token);
    expect(mine.items.map((e: { kind: string; asset: { name: string } }) => `${e.kind}:${e.asset.name}`)).toEqual(['renewal:beta.example']);
  });

  it('refuses a range that is backwards or longer than 92 days, and portal users', async () => {
    const backwards = await t.request('GET', '/api/v1/calendar-entries?from=2026-06-02&to=2026-06-01', { token: a.viewer.token });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'querystring.to', message: 'must not be before from' }]);
    const long = await t.request('GET', '/api/v1/calendar-entries?from=2026-01-01&to=2026-12-31', { token: a.viewer.token });
    expect(long.status).toBe(400);
    expect((await t.request('GET', '/api/v1/calendar-entries?from=2026-02-30&to=2026-03-01', { token: a.viewer.token })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/calendar-entries?from=2026-06-01&to=2026-06-30', { token: a.clientUser.token })).status).toBe(403);
  });
});

describe('the API document', () => {
  it('documents the feed as public iCalendar with its ETag, and the feed routes with their answers', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const feed = doc.paths['/calendar/{token}.ics'].get;
    expect(feed.security).toEqual([]);
    expect(Object.keys(feed.responses['200'].content)).toEqual(['text/calendar']);
    expect(feed.responses['200'].headers.etag).toBeDefined();
    expect(Object.keys(feed.responses).sort()).toEqual(['200', '304', '400', '404']);
    expect(Object.keys(doc.paths['/api/v1/calendar-feeds'].post.responses)).toContain('201');
    expect(doc.paths['/api/v1/calendar-feeds/{id}'].delete.responses['204']).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type Reply, type TestApp } from '../support/app.ts';

/**
 * A client-portal user sees their own client and nothing else: every list, read and export is
 * narrowed to client A, another client's records answer 404 (their existence is not disclosed),
 * and the portal user cannot change anything. The data is made through the API by a manager.
 */
const P = 'https://upkeep.dev/problems/';

let t: TestApp;
let a: Agency;

interface World {
  providerA: string;
  providerB: string;
  providerShared: string;
  providerUnused: string;
  projectA: string;
  projectB: string;
  assetA: string;
  assetAShared: string;
  assetB: string;
  assetBShared: string;
  retiredB: string;
}
let w: World;

/** Strings that exist only in client B's records: none may reach client A's portal user. */
let bMarkers: string[];

/** A manager's request that must succeed; its body, loosely typed like every test reply. */
async function asManager(method: string, path: string, body?: unknown): Promise<Reply['body']> {
  const res = await t.request(method, path, { token: a.manager.token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${res.text}`);
  return res.body;
}

const asClient = (method: string, path: string, body?: unknown) => t.request(method, path, { token: a.clientUser.token, body });

function expectNothingOfB(text: string, where: string): void {
  for (const marker of bMarkers) expect(text, `${where} leaks ${marker}`).not.toContain(marker);
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const provider = async (name: string) => (await asManager('POST', '/api/v1/providers', { name, kind: 'registrar' })).id as string;
  const providerA = await provider('Alpha Registrar');
  const providerB = await provider('Bravo-only Hosting');
  const providerShared = await provider('Shared Cloud');
  const providerUnused = await provider('Unused Vendor');
  const projectA = (await asManager('POST', '/api/v1/projects', { clientId: a.clientA, name: 'A web shop' })).id as string;
  const projectB = (await asManager('POST', '/api/v1/projects', { clientId: a.clientB, name: 'B confidential relaunch' })).id as string;
  const asset = async (body: Record<string, unknown>) => (await asManager('POST', '/api/v1/assets', { kind: 'domain', expiresOn: '2031-01-15', ...body })).id as string;
  const assetA = await asset({ clientId: a.clientA, identifier: 'shop-a.example', providerId: providerA, projectIds: [projectA], notes: 'note of A', secrets: { panel: 'a-secret' } });
  const assetAShared = await asset({ clientId: a.clientA, identifier: 'cloud-a.example', providerId: providerShared, renewalPrice: { amount: 1000, currency: 'EUR' } });
  const assetB = await asset({
    clientId: a.clientB,
    identifier: 'bravo-private.example',
    providerId: providerB,
    projectIds: [projectB],
    notes: 'B-ONLY-NOTE',
    tags: ['bravo-tag'],
    secrets: { panel: 'b-secret' },
  });
  const assetBShared = await asset({ clientId: a.clientB, identifier: 'bravo-cloud.example', providerId: providerShared, renewalPrice: { amount: 777_00, currency: 'SEK' } });
  const retiredB = await asset({ clientId: a.clientB, identifier: 'bravo-retired.example', status: 'retired' });
  w = { providerA, providerB, providerShared, providerUnused, projectA, projectB, assetA, assetAShared, assetB, assetBShared, retiredB };
  bMarkers = [
    a.clientB,
    'Client B',
    projectB,
    'B confidential relaunch',
    providerB,
    'Bravo-only Hosting',
    assetB,
    assetBShared,
    retiredB,
    'bravo',
    'B-ONLY-NOTE',
    'b-secret',
    '77700',
    a.outsider.id,
  ];
});

afterAll(async () => t?.close());

describe('a client-portal user reads only their own client', () => {
  it('lists only client A among clients, whatever the filter', async () => {
    for (const path of ['/api/v1/clients', `/api/v1/clients?clientId=${a.clientB}`, '/api/v1/clients?q=client&includeArchived=true']) {
      const res = await asClient('GET', path);
      expect(res.status, path).toBe(200);
      expect(idsOf(res.body), path).toEqual([a.clientA]);
      expectNothingOfB(res.text, path);
    }
  });

  it("reads client A by id, and gets 404 for client B's", async () => {
    expect((await asClient('GET', `/api/v1/clients/${a.clientA}`)).body.id).toBe(a.clientA);
    const other = await asClient('GET', `/api/v1/clients/${a.clientB}`);
    expect(other.status).toBe(404);
    expect(other.body.type).toBe(`${P}not-found`);
    expectNothingOfB(other.text.replace(a.clientB, ''), 'client 404');
  });

  it("lists only client A's projects, and gets 404 for B's project", async () => {
    for (const path of ['/api/v1/projects', `/api/v1/projects?clientId=${a.clientB}`, '/api/v1/projects?q=confidential']) {
      const res = await asClient('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body.items.every((p: { clientId: string }) => p.clientId === a.clientA), path).toBe(true);
      expectNothingOfB(res.text, path);
    }
    expect(idsOf((await asClient('GET', '/api/v1/projects')).body)).toEqual([w.projectA]);
    expect((await asClient('GET', `/api/v1/projects/${w.projectA}`)).status).toBe(200);
    const other = await asClient('GET', `/api/v1/projects/${w.projectB}`);
    expect(other.status).toBe(404);
    expect(other.body.type).toBe(`${P}not-found`);
  });

  it("lists only the providers client A's assets use", async () => {
    for (const path of ['/api/v1/providers', `/api/v1/providers?clientId=${a.clientB}`, '/api/v1/providers?kind=registrar']) {
      const res = await asClient('GET', path);
      expect(res.status, path).toBe(200);
      expect(idsOf(res.body), path).toEqual([w.providerA, w.providerShared].sort());
      expectNothingOfB(res.text, path);
    }
    // The manager sees all four: the narrowing is the portal's, not the data's.
    expect(idsOf(await asManager('GET', '/api/v1/providers'))).toHaveLength(4);
  });

  it('reads a provider A uses without the cost of what it supplies to others; others are 404', async () => {
    const shared = await asClient('GET', `/api/v1/providers/${w.providerShared}`);
    expect(shared.status).toBe(200);
    expect(shared.body.yearlyCost).toEqual([]);
    expectNothingOfB(shared.text, 'shared provider');
    for (const id of [w.providerB, w.providerUnused]) {
      const res = await asClient('GET', `/api/v1/providers/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.type).toBe(`${P}not-found`);
    }
  });

  it("lists only client A's assets, and a filter for B's gives an empty page", async () => {
    const mine = await asClient('GET', '/api/v1/assets?includeRetired=true');
    expect(mine.status).toBe(200);
    expect(idsOf(mine.body)).toEqual([w.assetA, w.assetAShared].sort());
    expectNothingOfB(mine.text, 'asset list');
    for (const query of [`clientId=${a.clientB}`, `projectId=${w.projectB}`, `providerId=${w.providerB}`, 'q=bravo', 'tag=bravo-tag', 'status=retired']) {
      const res = await asClient('GET', `/api/v1/assets?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body, query).toEqual({ items: [], nextCursor: null });
    }
    const shared = await asClient('GET', `/api/v1/assets?providerId=${w.providerShared}`);
    expect(idsOf(shared.body)).toEqual([w.assetAShared]);
  });

  it("reads A's asset by id, and gets 404 for B's, even retired", async () => {
    const own = await asClient('GET', `/api/v1/assets/${w.assetA}`);
    expect(own.status).toBe(200);
    expect(own.body.clientId).toBe(a.clientA);
    expect(own.text).not.toContain('a-secret');
    for (const id of [w.assetB, w.assetBShared, w.retiredB]) {
      const res = await asClient('GET', `/api/v1/assets/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.type).toBe(`${P}not-found`);
    }
  });

  it('exports CSV with nothing of client B', async () => {
    for (const query of ['format=csv', 'format=csv&includeRetired=true']) {
      const res = await asClient('GET', `/api/v1/export?${query}`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/csv');
      const lines = res.text.trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^client,project,provider,/);
      expect(lines).toHaveLength(3);
      expect(res.text).toContain('shop-a.example');
      expect(res.text).toContain('cloud-a.example');
      expectNothingOfB(res.text, `CSV ${query}`);
    }
  });

  it('exports JSON with only client A, its projects and assets', async () => {
    const res = await asClient('GET', '/api/v1/export?format=json&includeRetired=true');
    expect(res.status).toBe(200);
    const doc = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    expect(doc.clients.map((c: { id: string }) => c.id)).toEqual([a.clientA]);
    expect(doc.projects.map((p: { id: string }) => p.id)).toEqual([w.projectA]);
    expect(doc.assets.map((x: { id: string }) => x.id).sort()).toEqual([w.assetA, w.assetAShared].sort());
    expect(doc.providers.map((p: { id: string }) => p.id)).not.toContain(w.providerB);
    expectNothingOfB(res.text, 'JSON export');
    expect(res.text).not.toContain('a-secret');
  });

  it('cannot read the audit log or the users', async () => {
    for (const path of ['/api/v1/audit', `/api/v1/audit?entityId=${w.assetB}`, '/api/v1/users', `/api/v1/users/${a.outsider.id}`]) {
      const res = await asClient('GET', path);
      expect(res.status, path).toBe(403);
      expect(res.body.type).toBe(`${P}forbidden`);
      expectNothingOfB(res.text, path);
    }
  });

  it('sees the same through a browser session', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: a.clientUser.email, password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const assets = await t.request('GET', '/api/v1/assets', { cookie });
    expect(idsOf(assets.body)).toEqual([w.assetA, w.assetAShared].sort());
    expect((await t.request('GET', `/api/v1/assets/${w.assetB}`, { cookie })).status).toBe(404);
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.body.user).toMatchObject({ id: a.clientUser.id, role: 'client', clientId: a.clientA });
  });

  it("and client B's portal user sees only B, not A", async () => {
    const res = await t.request('GET', '/api/v1/assets', { token: a.outsider.token });
    expect(idsOf(res.body)).toEqual([w.assetB, w.assetBShared].sort());
    expect((await t.request('GET', `/api/v1/assets/${w.assetA}`, { token: a.outsider.token })).status).toBe(404);
    expect(idsOf((await t.request('GET', '/api/v1/clients', { token: a.outsider.token })).body)).toEqual([a.clientB]);
  });
});

describe('a client-portal user changes nothing', () => {
  const writes = (): [string, string, unknown?][] => [
    ['POST', '/api/v1/clients', { name: 'Portal-made client' }],
    ['PATCH', `/api/v1/clients/${a.clientA}`, { name: 'Renamed by portal' }],
    ['DELETE', `/api/v1/clients/${a.clientA}`],
    ['PATCH', `/api/v1/clients/${a.clientB}`, { name: 'Renamed by portal' }],
    ['POST', '/api/v1/projects', { clientId: a.clientA, name: 'Portal project' }],
    ['PATCH', `/api/v1/projects/${w.projectA}`, { name: 'Renamed' }],
    ['DELETE', `/api/v1/projects/${w.projectA}`],
    ['POST', '/api/v1/providers', { name: 'Portal provider', kind: 'registrar' }],
    ['PATCH', `/api/v1/providers/${w.providerA}`, { name: 'Renamed' }],
    ['DELETE', `/api/v1/providers/${w.providerUnused}`],
    ['POST', '/api/v1/assets', { clientId: a.clientA, kind: 'domain', identifier: 'portal.example' }],
    ['PATCH', `/api/v1/assets/${w.assetA}`, { notes: 'changed by portal' }],
    ['PATCH', `/api/v1/assets/${w.assetB}`, { notes: 'changed by portal' }],
    ['DELETE', `/api/v1/assets/${w.assetA}`],
    ['POST', `/api/v1/assets/${w.assetA}/secrets/panel/reveal`],
    ['POST', '/api/v1/users', { email: 'x@portal.test', name: 'X', role: 'client', clientId: a.clientA }],
    ['PATCH', `/api/v1/users/${a.clientUser.id}`, { clientId: a.clientB }],
    ['POST', '/api/v1/tokens', { name: 'portal', scopes: ['read'] }],
  ];

  it('is refused every write with 403', async () => {
    const failures: string[] = [];
    for (const [method, path, body] of writes()) {
      const res = await asClient(method, path, body);
      if (res.status !== 403 || res.body.type !== `${P}forbidden`) failures.push(`${method} ${path} -> ${res.status} ${res.text}`);
      if (res.text.includes('a-secret')) failures.push(`${method} ${path} revealed a secret`);
    }
    expect(failures).toEqual([]);
  });

  it('left no trace: nothing changed and the audit log has no entry by the portal user', async () => {
    const asset = await asManager('GET', `/api/v1/assets/${w.assetA}`);
    expect(asset).toMatchObject({ notes: 'note of A', status: 'active' });
    expect(await asManager('GET', `/api/v1/clients/${a.clientA}`)).toMatchObject({ name: 'Client A', archivedAt: null });
    expect((await asManager('GET', `/api/v1/providers/${w.providerUnused}`)).id).toBe(w.providerUnused);
    const audit = await t.request('GET', `/api/v1/audit?actorId=${a.clientUser.id}`, { token: a.owner.token });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([]);
    const user = await t.request('GET', `/api/v1/users/${a.clientUser.id}`, { token: a.owner.token });
    expect(user.body).toMatchObject({ role: 'client', clientId: a.clientA });
  });

  it('may still change its own profile', async () => {
    const res = await asClient('PATCH', '/api/v1/me', { name: 'Portal A person', locale: 'sv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: a.clientUser.id, name: 'Portal A person', locale: 'sv', role: 'client', clientId: a.clientA });
  });
});

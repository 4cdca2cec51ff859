import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSecrets, openSecrets } from '../../../src/monitoring/monitors.secrets.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { createAsset } from '../../support/registry.ts';
import { auditActions, createMonitor, fieldsOf, httpMonitor } from './helpers.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp({ UPKEEP_PUBLIC_URL: 'https://upkeep.example' });
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

const rowOf = (id: string) => t.deps.database.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('setting up a monitor', () => {
  it('fills the defaults and starts pending, in a shard', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor({ clientId: a.clientA }));
    expect(monitor).toMatchObject({
      kind: 'http',
      name: 'Shop',
      intervalSeconds: 60,
      timeoutMs: 10_000,
      failureThreshold: 2,
      recoveryThreshold: 1,
      locations: ['main'],
      quorum: 1,
      state: 'pending',
      paused: false,
      clientId: a.clientA,
      pingUrl: null,
      hasPingUrl: false,
    });
    expect(monitor.config).toMatchObject({ url: 'http://127.0.0.1:8080/health', method: 'GET', expectedStatus: ['200-399'] });
    const row = await rowOf(monitor.id);
    expect(row.shard).toBeGreaterThanOrEqual(0);
    expect(row.shard).toBeLessThan(256);
    expect((await auditActions(t, monitor.id)).map((e) => e.action)).toEqual(['monitor.created']);
  });

  it('names a monitor after its target when no name is given', async () => {
    const monitor = await createMonitor(t, a.manager.token, { kind: 'tcp', config: { host: '127.0.0.1', port: 5432 } });
    expect(monitor.name).toBe('127.0.0.1:5432');
  });

  it('takes the client from the asset it watches', async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'hosting', identifier: 'server-b.example' });
    const monitor = await createMonitor(t, a.manager.token, { kind: 'tcp', config: { host: '127.0.0.1', port: 22 }, assetId: asset.id });
    expect(monitor.clientId).toBe(a.clientB);
    const clash = await t.request('POST', '/api/v1/monitors', { token: a.manager.token, body: { kind: 'tcp', config: { host: '127.0.0.1', port: 22 }, assetId: asset.id, clientId: a.clientA } });
    expect(clash.status).toBe(400);
    expect(fieldsOf(clash.body)).toEqual(['body.clientId']);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string, RegExp?][] = [
    ['an unparseable URL', { kind: 'http', config: { url: 'not a url' } }, 'body.config.url'],
    ['an unsupported scheme', { kind: 'http', config: { url: 'ftp://127.0.0.1/file' } }, 'body.config.url', /http/],
    ['a port out of range in a URL', { kind: 'http', config: { url: 'http://127.0.0.1:70000/' } }, 'body.config.url'],
    ['a port out of range', { kind: 'tcp', config: { host: '127.0.0.1', port: 70000 } }, 'body.config.port', /65535/],
    ['port zero', { kind: 'tcp', config: { host: '127.0.0.1', port: 0 } }, 'body.config.port'],
    ['an interval below the minimum', { ...httpMonitor(), intervalSeconds: 5 }, 'body.intervalSeconds', /at least 10/],
    ['an invalid keyword pattern', { kind: 'http', config: { url: 'http://127.0.0.1/', keyword: '(unclosed', keywordIsRegex: true } }, 'body.config.keyword', /regular expression/],
    ['a host name that resolves nowhere', { kind: 'http', config: { url: 'https://no-such-host.invalid/' } }, 'body.config.url', /does not resolve/],
    ['a TCP host that resolves nowhere', { kind: 'tcp', config: { host: 'no-such-host.invalid', port: 443 } }, 'body.config.host', /does not resolve/],
    ['a DNS name that does not exist', { kind: 'dns', config: { host: 'no-such-host.invalid' } }, 'body.config.host', /does not exist/],
    ['an unknown kind', { kind: 'smtp', config: {} }, 'body.kind'],
    ['an unknown config field', { kind: 'tcp', config: { host: '127.0.0.1', port: 22, colour: 'red' } }, 'body.config.colour', /not a known field/],
    ['a timeout longer than the interval', { ...httpMonitor(), intervalSeconds: 10, timeoutMs: 20_000 }, 'body.timeoutMs'],
    ['a quorum above the locations', { ...httpMonitor(), quorum: 2 }, 'body.quorum'],
    ['an unknown asset', { ...httpMonitor(), assetId: 'ast_nothing' }, 'body.assetId'],
    ['an unknown parent', { ...httpMonitor(), parentId: 'mon_nothing' }, 'body.parentId'],
    ['a heartbeat period below the minimum', { kind: 'heartbeat', config: { periodSeconds: 1 } }, 'body.config.periodSeconds'],
  ];
  for (const [what, body, field, message] of cases) {
    it(`refuses ${what} with the field path`, async () => {
      const before = await t.deps.database.db.selectFrom('monitors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const res = await t.request('POST', '/api/v1/monitors', { token: a.manager.token, body });
      expect(res.status, res.text).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
      if (message) expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toMatch(message);
      const after = await t.deps.database.db.selectFrom('monitors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  }

  it('refuses a parent that would make dependencies go round in a circle', async () => {
    const server = await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'server', config: { host: '127.0.0.1', port: 22 } });
    const site = await createMonitor(t, a.manager.token, httpMonitor({ name: 'site', parentId: server.id }));
    const res = await t.request('PATCH', `/api/v1/monitors/${server.id}`, { token: a.manager.token, body: { parentId: site.id } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['body.parentId']);
    const self = await t.request('PATCH', `/api/v1/monitors/${server.id}`, { token: a.manager.token, body: { parentId: server.id } });
    expect(fieldsOf(self.body)).toEqual(['body.parentId']);
  });

  it('refuses a bad change to the config with its field path, and changes nothing', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor());
    const res = await t.request('PATCH', `/api/v1/monitors/${monitor.id}`, { token: a.manager.token, body: { name: 'renamed', config: { url: 'gopher://127.0.0.1/' } } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['body.config.url']);
    expect((await rowOf(monitor.id)).name).toBe('Shop');
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await t.request('GET', '/api/v1/monitors?cursor=garbage', { token: a.viewer.token });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['querystring.cursor']);
  });

  it('refuses a period that ends before it starts', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor());
    const res = await t.request('GET', `/api/v1/monitors/${monitor.id}/uptime?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z`, { token: a.viewer.token });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['querystring.from']);
    const garbled = await t.request('GET', `/api/v1/monitors/${monitor.id}/uptime?from=yesterday`, { token: a.viewer.token });
    expect(garbled.status).toBe(400);
    expect(fieldsOf(garbled.body)).toEqual(['querystring.from']);
  });
});

describe('secrets', () => {
  const secretBody = {
    kind: 'http',
    name: 'Admin area',
    config: { url: 'http://127.0.0.1/admin', basicAuth: { username: 'bob', password: 'hunter2-pw' }, headers: { Authorization: 'Bearer sekrit-token', 'X-Plain': 'visible' } },
  };

  it('never sends a password or a secret header back, nor stores or audits them in clear', async () => {
    const created = await t.request('POST', '/api/v1/monitors', { token: a.manager.token, body: secretBody });
    expect(created.status).toBe(201);
    expect(created.text).not.toMatch(/hunter2-pw|sekrit-token/);
    expect(created.body.config.basicAuth).toEqual({ username: 'bob', passwordSet: true });
    expect(created.body.config.headers).toEqual({ Authorization: '********', 'X-Plain': 'visible' });
    const id = created.body.id;
    for (const path of [`/api/v1/monitors/${id}`, '/api/v1/monitors?limit=200']) {
      const res = await t.request('GET', path, { token: a.viewer.token });
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/hunter2-pw|sekrit-token/);
    }
    const row = await rowOf(id);
    expect(row.config + row.secret_config).not.toMatch(/hunter2-pw|sekrit-token/);
    expect(JSON.stringify(await auditActions(t, id))).not.toMatch(/hunter2-pw|sekrit-token/);
    const full = mergeSecrets('http', JSON.parse(row.config), openSecrets(t.deps.secrets, id, row.secret_config));
    expect(full).toMatchObject({ basicAuth: { username: 'bob', password: 'hunter2-pw' }, headers: { Authorization: 'Bearer sekrit-token', 'X-Plain': 'visible' } });
  });

  it('keeps stored secrets when a change sends back what the API showed', async () => {
    const created = await createMonitor(t, a.manager.token, secretBody);
    const res = await t.request('PATCH', `/api/v1/monitors/${created.id}`, {
      token: a.manager.token,
      body: { config: { ...created.config, url: 'http://127.0.0.1/admin2', basicAuth: { username: 'alice', passwordSet: true } } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.config).toMatchObject({ url: 'http://127.0.0.1/admin2', basicAuth: { username: 'alice', passwordSet: true } });
    const row = await rowOf(created.id);
    const full = mergeSecrets('http', JSON.parse(row.config), openSecrets(t.deps.secrets, created.id, row.secret_config));
    expect(full).toMatchObject({ basicAuth: { username: 'alice', password: 'hunter2-pw' }, headers: { Authorization: 'Bearer sekrit-token' } });
  });

  it('records that a secret changed, never its value', async () => {
    const created = await createMonitor(t, a.manager.token, secretBody);
    const res = await t.request('PATCH', `/api/v1/monitors/${created.id}`, { token: a.manager.token, body: { config: { basicAuth: { username: 'bob', password: 'new-pass-9' } } } });
    expect(res.status).toBe(200);
    const entries = await auditActions(t, created.id);
    const updated = entries.find((e) => e.action === 'monitor.updated')!;
    expect(JSON.parse(updated.after!)).toMatchObject({ secretsChanged: true });
    expect(JSON.stringify(entries)).not.toContain('new-pass-9');
  });

  it('gives a heartbeat its ping URL once, keeps only a hash searchable, and reveals it again audited', async () => {
    const created = await t.request('POST', '/api/v1/monitors', { token: a.manager.token, body: { kind: 'heartbeat', name: 'Nightly backup', config: { periodSeconds: 86_400 } } });
    expect(created.status).toBe(201);
    const pingUrl: string = created.body.pingUrl;
    expect(pingUrl).toMatch(/^https:\/\/upkeep\.example\/ping\/[A-Za-z0-9_-]{32}$/);
    const token = pingUrl.split('/').pop()!;
    const row = await rowOf(created.body.id);
    expect(row.ping_key_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.config).not.toContain(token);
    expect(row.secret_config).not.toContain(token);
    const shown = await t.request('GET', `/api/v1/monitors/${created.body.id}`, { token: a.manager.token });
    expect(shown.text).not.toContain(token);
    expect(shown.body.hasPingUrl).toBe(true);

    const viewer = await t.request('POST', `/api/v1/monitors/${created.body.id}/ping-url/reveal`, { token: a.viewer.token });
    expect(viewer.status).toBe(403);
    const revealed = await t.request('POST', `/api/v1/monitors/${created.body.id}/ping-url/reveal`, { token: a.manager.token });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ pingUrl });
    const entries = await auditActions(t, created.body.id);
    expect(entries.map((e) => e.action)).toEqual(['monitor.created', 'monitor.ping-url-revealed']);
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});

describe('changing, pausing, checking and deleting', () => {
  it('changes settings and audits only what changed', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor());
    const res = await t.request('PATCH', `/api/v1/monitors/${monitor.id}`, { token: a.manager.token, body: { name: 'Shop front', intervalSeconds: 30, config: { keyword: 'Welcome' } } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ name: 'Shop front', intervalSeconds: 30, timeoutMs: 10_000 });
    expect(res.body.config).toMatchObject({ url: 'http://127.0.0.1:8080/health', keyword: 'Welcome' });
    const updated = (await auditActions(t, monitor.id)).find((e) => e.action === 'monitor.updated')!;
    expect(Object.keys(JSON.parse(updated.after!)).sort()).toEqual(['config', 'intervalSeconds', 'name']);
  });

  it('pauses, refuses to check a paused monitor, resumes and checks now', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Pausable' }));
    const paused = await t.request('POST', `/api/v1/monitors/${monitor.id}/pause`, { token: a.manager.token });
    expect(paused.body).toMatchObject({ paused: true, pausedAt: t.clock.now.toISOString() });
    const listed = await t.request('GET', '/api/v1/monitors?state=paused&q=pausable', { token: a.viewer.token });
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual([monitor.id]);
    const refused = await t.request('POST', `/api/v1/monitors/${monitor.id}/check`, { token: a.manager.token });
    expect(refused.status).toBe(409);
    const resumed = await t.request('POST', `/api/v1/monitors/${monitor.id}/resume`, { token: a.manager.token });
    expect(resumed.body).toMatchObject({ paused: false, pausedAt: null });
    const checked = await t.request('POST', `/api/v1/monitors/${monitor.id}/check`, { token: a.manager.token });
    expect(checked.status).toBe(200);
    expect(checked.body.checkRequestedAt).toBe(t.clock.now.toISOString());
    expect((await rowOf(monitor.id)).check_requested_at).toBe(t.clock.now.toISOString());
    expect((await auditActions(t, monitor.id)).map((e) => e.action)).toEqual(['monitor.created', 'monitor.paused', 'monitor.resumed', 'monitor.check-requested']);
  });

  it('deletes a monitor, audited with what it was', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Doomed' }));
    const res = await t.request('DELETE', `/api/v1/monitors/${monitor.id}`, { token: a.manager.token });
    expect(res.status).toBe(204);
    expect((await t.request('GET', `/api/v1/monitors/${monitor.id}`, { token: a.manager.token })).status).toBe(404);
    const deleted = (await auditActions(t, monitor.id)).find((e) => e.action === 'monitor.deleted')!;
    expect(JSON.parse(deleted.before!)).toMatchObject({ name: 'Doomed', kind: 'http' });
  });

  it('answers results, uptime and response times for a monitor not checked yet', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor());
    const results = await t.request('GET', `/api/v1/monitors/${monitor.id}/results`, { token: a.viewer.token });
    expect(results.body).toEqual({ items: [], nextBefore: null });
    const uptime = await t.request('GET', `/api/v1/monitors/${monitor.id}/uptime`, { token: a.viewer.token });
    expect(uptime.status).toBe(200);
    expect(uptime.body).toMatchObject({ uptime: null, downSeconds: 0 });
    const times = await t.request('GET', `/api/v1/monitors/${monitor.id}/response-times`, { token: a.viewer.token });
    expect(times.status).toBe(200);
    expect(times.body.points).toEqual([]);
  });
});

describe('lists', () => {
  it('filters by kind, state, client and words of the name, a page at a time', async () => {
    await createMonitor(t, a.manager.token, httpMonitor({ name: 'Listed alpha', clientId: a.clientA }));
    await createMonitor(t, a.manager.token, httpMonitor({ name: 'Listed beta', clientId: a.clientA }));
    await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'Listed gamma', clientId: a.clientA, config: { host: '127.0.0.1', port: 25 } });
    const first = await t.request('GET', `/api/v1/monitors?q=listed&kind=http&clientId=${a.clientA}&limit=1`, { token: a.viewer.token });
    expect(first.body.items.map((m: { name: string }) => m.name)).toEqual(['Listed alpha']);
    expect(first.body.items[0].uptime).toEqual({ last24h: null, last30d: null });
    const second = await t.request('GET', `/api/v1/monitors?q=listed&kind=http&clientId=${a.clientA}&limit=1&cursor=${first.body.nextCursor}`, { token: a.viewer.token });
    expect(second.body.items.map((m: { name: string }) => m.name)).toEqual(['Listed beta']);
    expect(second.body.nextCursor).toBeNull();
    const pending = await t.request('GET', '/api/v1/monitors?q=listed&state=pending,down', { token: a.viewer.token });
    expect(pending.body.items).toHaveLength(3);
    const down = await t.request('GET', '/api/v1/monitors?q=listed&state=down', { token: a.viewer.token });
    expect(down.body.items).toHaveLength(0);
  });
});

describe('access', () => {
  it("shows a client's portal user its own monitors only", async () => {
    const mine = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Portal mine', clientId: a.clientA }));
    const theirs = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Portal theirs', clientId: a.clientB }));
    const agency = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Portal agency' }));
    const list = await t.request('GET', '/api/v1/monitors?q=portal', { token: a.clientUser.token });
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([mine.id]);
    expect((await t.request('GET', `/api/v1/monitors?q=portal&clientId=${a.clientB}`, { token: a.clientUser.token })).body.items).toEqual([]);
    for (const other of [theirs, agency]) {
      expect((await t.request('GET', `/api/v1/monitors/${other.id}`, { token: a.clientUser.token })).status).toBe(404);
      expect((await t.request('GET', `/api/v1/monitors/${other.id}/results`, { token: a.clientUser.token })).status).toBe(404);
    }
    expect((await t.request('GET', `/api/v1/monitors/${mine.id}`, { token: a.clientUser.token })).status).toBe(200);
  });

  it('lets viewers and clients read but not write', async () => {
    const monitor = await createMonitor(t, a.manager.token, httpMonitor({ clientId: a.clientA }));
    for (const who of [a.viewer, a.clientUser]) {
      expect((await t.request('POST', '/api/v1/monitors', { token: who.token, body: httpMonitor() })).status).toBe(403);
      expect((await t.request('PATCH', `/api/v1/monitors/${monitor.id}`, { token: who.token, body: { name: 'x' } })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/monitors/${monitor.id}/pause`, { token: who.token })).status).toBe(403);
      expect((await t.request('DELETE', `/api/v1/monitors/${monitor.id}`, { token: who.token })).status).toBe(403);
    }
  });
});

describe('private targets, when forbidden by configuration', () => {
  let locked: TestApp;
  let owner: string;

  beforeAll(async () => {
    locked = await startTestApp({ UPKEEP_BLOCK_PRIVATE_TARGETS: 'true' });
    owner = (await seedAgency(locked)).owner.token;
  });
  afterAll(async () => locked?.close());

  it('refuses a private address, and a name that resolves to one', async () => {
    const byAddress = await locked.request('POST', '/api/v1/monitors', { token: owner, body: { kind: 'tcp', config: { host: '10.0.0.1', port: 22 } } });
    expect(byAddress.status).toBe(400);
    expect(byAddress.body.errors).toEqual([{ field: 'body.config.host', message: expect.stringMatching(/10\.0\.0\.1 is a private address/) }]);
    const byName = await locked.request('POST', '/api/v1/monitors', { token: owner, body: { kind: 'http', config: { url: 'http://localhost:8080/' } } });
    expect(byName.status).toBe(400);
    expect(byName.body.errors).toEqual([{ field: 'body.config.url', message: expect.stringMatching(/localhost resolves to 127\.0\.0\.1, which is a private address/) }]);
  });

  it('still lets heartbeats and domain monitors be set up', async () => {
    const heartbeat = await locked.request('POST', '/api/v1/monitors', { token: owner, body: { kind: 'heartbeat', config: { periodSeconds: 3600 } } });
    expect(heartbeat.status).toBe(201);
    const domain = await locked.request('POST', '/api/v1/monitors', { token: owner, body: { kind: 'domain', config: { domain: 'example.org' } } });
    expect(domain.status).toBe(201);
  });
});

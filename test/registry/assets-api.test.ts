import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset, createParty } from '../support/registry.ts';

/** Assets through the HTTP API: records, references, filters, sorting, pagination and secrets. */

const NOW = new Date('2026-11-21T10:00:00Z');

describe('assets API', () => {
  let t: TestApp;
  let a: Agency;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
  });
  afterAll(async () => t?.close());

  it('records an asset and shows it with derived values', async () => {
    t.clock.now = NOW;
    const res = await t.request('POST', '/api/v1/assets', {
      token: a.manager.token,
      body: {
        clientId: a.clientA,
        kind: 'domain',
        identifier: 'shop.example.com',
        expiresOn: '2026-12-01',
        billingCycle: 'yearly',
        renewalPrice: { amount: 1299, currency: 'EUR' },
        tags: ['Web', 'web '],
        secrets: { panelPassword: 's3cret' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'shop.example.com',
      status: 'expiring',
      storedStatus: 'active',
      daysUntilRenewal: 10,
      yearlyCost: { amount: 1299, currency: 'EUR' },
      tags: ['web'],
      secretNames: ['panelPassword'],
    });
    expect(JSON.stringify(res.body)).not.toContain('s3cret');
  });

  it('creates, reads, changes, retires and brings back an asset', async () => {
    t.clock.now = NOW;
    const providerId = await createParty(t, a.manager.token, 'providers', { name: 'Lifecycle Host', kind: 'host' });
    const projectId = await createParty(t, a.manager.token, 'projects', { clientId: a.clientA, name: 'Lifecycle site' });
    const created = await createAsset(t, a.manager.token, {
      clientId: a.clientA,
      kind: 'hosting',
      name: 'Lifecycle hosting',
      identifier: 'lifecycle-01',
      providerId,
      ownerId: a.manager.id,
      projectIds: [projectId],
      expiresOn: '2027-03-01',
      billingCycle: 'monthly',
      cost: { amount: 1500, currency: 'USD' },
      autoRenew: true,
      customFields: { plan: 'M', cores: 2, managed: true },
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^ast_[0-9A-Z]{26}$/),
      clientId: a.clientA,
      currency: 'USD',
      cost: { amount: 1500, currency: 'USD' },
      renewalPrice: null,
      yearlyCost: { amount: 18_000, currency: 'USD' },
      status: 'active',
      daysUntilRenewal: 100,
      projectIds: [projectId],
      ownerId: a.manager.id,
      providerId,
      autoRenew: true,
      customFields: { plan: 'M', cores: 2, managed: true },
      createdAt: NOW.toISOString(),
      retiredAt: null,
    });

    const got = await t.request('GET', `/api/v1/assets/${created.id}`, { token: a.viewer.token });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created);

    t.clock.now = new Date('2026-11-22T10:00:00Z');
    const patched = await t.request('PATCH', `/api/v1/assets/${created.id}`, {
      token: a.manager.token,
      body: { notes: 'moved to the new plan', expiresOn: '2026-12-01', ownerId: null, billingCycle: 'quarterly' },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({
      notes: 'moved to the new plan',
      expiresOn: '2026-12-01',
      daysUntilRenewal: 9,
      status: 'expiring',
      ownerId: null,
      yearlyCost: { amount: 6000, currency: 'USD' },
      cost: { amount: 1500, currency: 'USD' },
      projectIds: [projectId],
      updatedAt: '2026-11-22T10:00:00.000Z',
      createdAt: NOW.toISOString(),
    });
    expect((await t.request('GET', `/api/v1/assets/${created.id}`, { token: a.viewer.token })).body).toEqual(patched.body);

    const retired = await t.request('DELETE', `/api/v1/assets/${created.id}`, { token: a.manager.token });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', storedStatus: 'retired', retiredAt: '2026-11-22T10:00:00.000Z', yearlyCost: { amount: 0 } });
    // Retired assets stay readable, but leave the default list.
    expect((await t.request('GET', `/api/v1/assets/${created.id}`, { token: a.viewer.token })).body.status).toBe('retired');
    const listed = async (query: string) =>
      (await t.request('GET', `/api/v1/assets?limit=200&${query}`, { token: a.viewer.token })).body.items.map((i: { id: string }) => i.id);
    expect(await listed('')).not.toContain(created.id);
    expect(await listed('includeRetired=true')).toContain(created.id);

    const back = await t.request('PATCH', `/api/v1/assets/${created.id}`, { token: a.manager.token, body: { status: 'active' } });
    expect(back.body).toMatchObject({ status: 'expiring', storedStatus: 'active', retiredAt: null });
    expect(await listed('')).toContain(created.id);
  });

  it('dates an asset recorded as already retired, and leaves it out of the client\'s cost', async () => {
    t.clock.now = NOW;
    const client = await t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'Retired On Arrival', currency: 'EUR' } });
    const asset = await createAsset(t, a.manager.token, {
      clientId: client.body.id,
      kind: 'domain',
      identifier: 'gone-before.example',
      status: 'retired',
      renewalPrice: { amount: 900, currency: 'EUR' },
    });
    expect(asset).toMatchObject({ status: 'retired', retiredAt: NOW.toISOString() });
    const detail = await t.request('GET', `/api/v1/clients/${client.body.id}`, { token: a.viewer.token });
    expect(detail.body.yearlyCost).toEqual([]);
  });

  it('answers 404 for an unknown asset, and hides other clients\' assets from portal users', async () => {
    t.clock.now = NOW;
    expect((await t.request('GET', '/api/v1/assets/ast_00000000000000000000000000', { token: a.viewer.token })).status).toBe(404);
    expect((await t.request('PATCH', '/api/v1/assets/ast_00000000000000000000000000', { token: a.manager.token, body: { notes: 'x' } })).status).toBe(404);
    expect((await t.request('DELETE', '/api/v1/assets/ast_00000000000000000000000000', { token: a.manager.token })).status).toBe(404);
    const ofA = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier: 'portal-a.example' });
    expect((await t.request('GET', `/api/v1/assets/${ofA.id}`, { token: a.clientUser.token })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/assets/${ofA.id}`, { token: a.outsider.token })).status).toBe(404);
    const outsiderList = await t.request('GET', `/api/v1/assets?clientId=${a.clientA}`, { token: a.outsider.token });
    expect(outsiderList.body.items).toEqual([]);
    expect((await t.request('POST', '/api/v1/assets', { token: a.viewer.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'v.example' } })).status).toBe(403);
  });

  it('keeps identifiers unique per client and kind, ignoring case', async () => {
    t.clock.now = NOW;
    const first = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier: 'unique.example.org' });
    const again = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'Unique.Example.org' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringMatching(/conflict$/), status: 409 });
    expect(again.body.errors).toContainEqual({ field: 'body.identifier', message: expect.any(String) });
    // Another kind, or another client, may use the same identifier.
    await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'certificate', identifier: 'unique.example.org' });
    await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'domain', identifier: 'unique.example.org' });
    // Renaming another asset onto a taken identifier is refused too, and changes nothing.
    const other = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier: 'other.example.org' });
    const rename = await t.request('PATCH', `/api/v1/assets/${other.id}`, { token: a.manager.token, body: { identifier: 'UNIQUE.example.org' } });
    expect(rename.status).toBe(409);
    expect(rename.body.errors).toContainEqual({ field: 'body.identifier', message: expect.any(String) });
    expect((await t.request('GET', `/api/v1/assets/${other.id}`, { token: a.viewer.token })).body.identifier).toBe('other.example.org');
    expect((await t.request('GET', `/api/v1/assets/${first.id}`, { token: a.viewer.token })).body.identifier).toBe('unique.example.org');

    // Racing requests for the same identifier: one wins, the others are told why.
    const race = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: a.clientA, kind: 'domain', identifier: i % 2 ? 'RACE.example' : 'race.example' } }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of race.filter((x) => x.status === 409)) expect(r.body.errors).toContainEqual({ field: 'body.identifier', message: expect.any(String) });
  });

  it('links only projects of the asset\'s own client', async () => {
    t.clock.now = NOW;
    const ofA = await createParty(t, a.manager.token, 'projects', { clientId: a.clientA, name: 'A website' });
    const ofB = await createParty(t, a.manager.token, 'projects', { clientId: a.clientB, name: 'B website' });
    const wrong = await t.request('POST', '/api/v1/assets', {
      token: a.manager.token,
      body: { clientId: a.clientA, kind: 'domain', identifier: 'projects.example', projectIds: [ofA, ofB] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'body.projectIds', message: expect.stringContaining(ofB) }]);
    const unknown = await t.request('POST', '/api/v1/assets', {
      token: a.manager.token,
      body: { clientId: a.clientA, kind: 'domain', identifier: 'projects.example', projectIds: ['prj_unknown'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.projectIds', message: expect.stringContaining('prj_unknown') }]);

    const asset = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier: 'projects.example', projectIds: [ofA] });
    // Moving the asset to client B while it still belongs to A's project is refused.
    const move = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { clientId: a.clientB } });
    expect(move.status).toBe(400);
    expect(move.body.errors).toContainEqual({ field: 'body.projectIds', message: expect.stringContaining('another client') });
    const moved = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { clientId: a.clientB, projectIds: [ofB] } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ clientId: a.clientB, projectIds: [ofB] });
  });

  it('accepts only staff as owner, and only known clients and providers', async () => {
    t.clock.now = NOW;
    const base = { clientId: a.clientA, kind: 'licence', identifier: 'owner-check' };
    const portal = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { ...base, ownerId: a.clientUser.id } });
    expect(portal.status).toBe(400);
    expect(portal.body.errors).toEqual([{ field: 'body.ownerId', message: expect.any(String) }]);
    const nobody = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { ...base, ownerId: 'usr_nobody' } });
    expect(nobody.body.errors).toEqual([{ field: 'body.ownerId', message: expect.any(String) }]);
    const noClient = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { ...base, clientId: 'cli_nobody', providerId: 'prv_nobody' } });
    expect(noClient.status).toBe(400);
    expect(noClient.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.clientId', 'body.providerId']);

    const asset = await createAsset(t, a.manager.token, { ...base, ownerId: a.viewer.id });
    expect(asset.ownerId).toBe(a.viewer.id);
    const toPortal = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { ownerId: a.outsider.id } });
    expect(toPortal.status).toBe(400);
    expect(toPortal.body.errors).toEqual([{ field: 'body.ownerId', message: expect.any(String) }]);
  });

  it('finds words in any script, folded the same way on both sides', async () => {
    t.clock.now = NOW;
    const cyrillic = await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'hosting', name: 'Сайт клиента', identifier: 'ru-site-1' });
    const nordic = await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'hosting', name: 'Malmö Øresund', identifier: 'se-site-1', tags: ['Straße'] });
    const search = async (q: string) =>
      (await t.request('GET', `/api/v1/assets?clientId=${a.clientB}&q=${encodeURIComponent(q)}`, { token: a.viewer.token })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await search('сайт')).toEqual([cyrillic.id]);
    expect(await search('КЛИЕН')).toEqual([cyrillic.id]);
    expect(await search('malmo')).toEqual([nordic.id]);
    expect(await search('MALMÖ')).toEqual([nordic.id]);
    expect(await search('øre')).toEqual([nordic.id]);
    expect(await search('straß')).toEqual([nordic.id]);
  });

  it('refuses a price change that would leave cost and renewal price in different currencies', async () => {
    t.clock.now = NOW;
    const asset = await createAsset(t, a.manager.token, {
      clientId: a.clientA,
      kind: 'subscription',
      identifier: 'currency-check',
      cost: { amount: 1000, currency: 'EUR' },
      renewalPrice: { amount: 1200, currency: 'EUR' },
    });
    const cost = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { cost: { amount: 500, currency: 'SEK' } } });
    expect(cost.status).toBe(400);
    expect(cost.body.errors).toEqual([{ field: 'body.cost.currency', message: expect.stringContaining('EUR') }]);
    const renewal = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { renewalPrice: { amount: 500, currency: 'USD' } } });
    expect(renewal.status).toBe(400);
    expect(renewal.body.errors).toEqual([{ field: 'body.renewalPrice.currency', message: expect.stringContaining('EUR') }]);
    expect((await t.request('GET', `/api/v1/assets/${asset.id}`, { token: a.viewer.token })).body).toMatchObject({
      currency: 'EUR',
      cost: { amount: 1000, currency: 'EUR' },
      renewalPrice: { amount: 1200, currency: 'EUR' },
    });

    // Both prices together, or the other one cleared, may move the asset to another currency.
    const both = await t.request('PATCH', `/api/v1/assets/${asset.id}`, {
      token: a.manager.token,
      body: { cost: { amount: 11_000, currency: 'SEK' }, renewalPrice: { amount: 13_000, currency: 'SEK' } },
    });
    expect(both.status, both.text).toBe(200);
    expect(both.body).toMatchObject({ currency: 'SEK', cost: { amount: 11_000, currency: 'SEK' }, renewalPrice: { amount: 13_000, currency: 'SEK' } });
    const cleared = await t.request('PATCH', `/api/v1/assets/${asset.id}`, {
      token: a.manager.token,
      body: { cost: null, renewalPrice: { amount: 1400, currency: 'NOK' } },
    });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toMatchObject({ currency: 'NOK', cost: null, renewalPrice: { amount: 1400, currency: 'NOK' }, yearlyCost: { amount: 1400, currency: 'NOK' } });
    // Same currency as now: fine.
    const same = await t.request('PATCH', `/api/v1/assets/${asset.id}`, { token: a.manager.token, body: { cost: { amount: 900, currency: 'NOK' } } });
    expect(same.status, same.text).toBe(200);
  });
});

describe('asset secrets', () => {
  let t: TestApp;
  let a: Agency;
  let assetId: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
    t.clock.now = NOW;
    const asset = await createAsset(t, a.manager.token, {
      clientId: a.clientA,
      kind: 'hosting',
      identifier: 'secret-host',
      secrets: { panelPassword: 'hunter2-panel', 'api.key': 'sk_live_abc123' },
    });
    assetId = asset.id;
  });
  afterAll(async () => t?.close());

  const storedSecrets = async (): Promise<Record<string, string>> => {
    const row = await t.db.db.selectFrom('assets').select('secrets').where('id', '=', assetId).executeTakeFirstOrThrow();
    return JSON.parse(row.secrets);
  };
  const auditText = async () => JSON.stringify(await t.db.db.selectFrom('audit_log').selectAll().execute());

  it('stores secrets encrypted and never shows their values', async () => {
    const stored = await storedSecrets();
    expect(Object.keys(stored).sort()).toEqual(['api.key', 'panelPassword']);
    for (const value of Object.values(stored)) expect(value).toMatch(/^v1:/);
    const raw = (await t.db.db.selectFrom('assets').selectAll().where('id', '=', assetId).executeTakeFirstOrThrow()) as Record<string, unknown>;
    expect(JSON.stringify(raw)).not.toContain('hunter2');
    expect(JSON.stringify(raw)).not.toContain('sk_live');

    const got = await t.request('GET', `/api/v1/assets/${assetId}`, { token: a.owner.token });
    expect(got.body.secretNames).toEqual(['api.key', 'panelPassword']);
    const list = await t.request('GET', '/api/v1/assets', { token: a.owner.token });
    for (const text of [got.text, list.text]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('sk_live');
      expect(text).not.toContain('v1:');
    }
    expect(await auditText()).not.toMatch(/hunter2|sk_live|v1:/);
  });

  it('reveals a secret to those allowed, and audits it', async () => {
    const res = await t.request('POST', `/api/v1/assets/${assetId}/secrets/panelPassword/reveal`, { token: a.manager.token, headers: { 'x-request-id': 'reveal-1' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'panelPassword', value: 'hunter2-panel' });
    const entry = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'asset.secret-revealed').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_type: 'asset', entity_id: assetId, actor_type: 'token', actor_id: a.manager.id, request_id: 'reveal-1' });
    expect(JSON.parse(entry.after!)).toEqual({ secret: 'panelPassword' });
    expect(await auditText()).not.toContain('hunter2');

    const viewer = await t.request('POST', `/api/v1/assets/${assetId}/secrets/panelPassword/reveal`, { token: a.viewer.token });
    expect(viewer.status).toBe(403);
    expect(viewer.text).not.toContain('hunter2');
    const portal = await t.request('POST', `/api/v1/assets/${assetId}/secrets/panelPassword/reveal`, { token: a.clientUser.token });
    expect(portal.status).toBe(403);
    const missing = await t.request('POST', `/api/v1/assets/${assetId}/secrets/nothing/reveal`, { token: a.manager.token });
    expect(missing.status).toBe(404);
    const reveals = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'asset.secret-revealed').execute();
    expect(reveals).toHaveLength(1);
  });

  it('replaces a secret and removes one with null', async () => {
    const before = await storedSecrets();
    const res = await t.request('PATCH', `/api/v1/assets/${assetId}`, {
      token: a.manager.token,
      body: { secrets: { panelPassword: null, 'api.key': 'sk_live_rotated' } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.secretNames).toEqual(['api.key']);
    expect(res.text).not.toContain('sk_live');
    const after = await storedSecrets();
    expect(Object.keys(after)).toEqual(['api.key']);
    expect(after['api.key']).not.toBe(before['api.key']);
    expect(JSON.stringify(after)).not.toContain('rotated');
    const gone = await t.request('POST', `/api/v1/assets/${assetId}/secrets/panelPassword/reveal`, { token: a.manager.token });
    expect(gone.status).toBe(404);
    const rotated = await t.request('POST', `/api/v1/assets/${assetId}/secrets/api.key/reveal`, { token: a.manager.token });
    expect(rotated.body.value).toBe('sk_live_rotated');
    expect(await auditText()).not.toMatch(/sk_live|hunter2/);
    const update = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'asset.updated').where('entity_id', '=', assetId).executeTakeFirstOrThrow();
    expect(JSON.parse(update.before!).secretNames).toEqual(['api.key', 'panelPassword']);
    expect(JSON.parse(update.after!).secretNames).toEqual(['api.key']);
    expect(JSON.parse(update.after!).secretsSet).toEqual(['api.key', 'panelPassword']);
  });

  it('binds a ciphertext to its asset: a value copied to another asset does not decrypt', async () => {
    const other = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'hosting', identifier: 'secret-host-2', secrets: { 'api.key': 'other' } });
    const stolen = (await storedSecrets())['api.key']!;
    await sql`update assets set secrets = ${JSON.stringify({ 'api.key': stolen })} where id = ${other.id}`.execute(t.db.db);
    const res = await t.request('POST', `/api/v1/assets/${other.id}/secrets/api.key/reveal`, { token: a.manager.token });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('sk_live');
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  });
});

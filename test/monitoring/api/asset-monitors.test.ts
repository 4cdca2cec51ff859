import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { createAsset } from '../../support/registry.ts';
import { auditActions, fieldsOf } from './helpers.ts';

/**
 * Adding a domain or hosting asset offers the matching monitors, created in one step. The
 * asset is "localhost" so its names resolve on any machine without a network.
 */
let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

describe('monitors for an asset', () => {
  it('offers domain, certificate and website monitors for a domain, and creates the chosen ones in one step', async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'domain', identifier: 'localhost' });
    const offered = await t.request('GET', `/api/v1/assets/${asset.id}/monitors/suggestions`, { token: a.manager.token });
    expect(offered.status, offered.text).toBe(200);
    expect(offered.body.items.map((s: { kind: string }) => s.kind)).toEqual(['domain', 'tls', 'http']);
    expect(offered.body.items.every((s: { exists: boolean }) => !s.exists)).toBe(true);

    const bodies = offered.body.items.map((s: { body: unknown }) => s.body);
    const created = await t.request('POST', `/api/v1/assets/${asset.id}/monitors`, { token: a.manager.token, body: { monitors: bodies } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.items).toHaveLength(3);
    for (const monitor of created.body.items) expect(monitor).toMatchObject({ assetId: asset.id, clientId: a.clientA, state: 'pending' });
    expect(created.body.items.map((m: { config: Record<string, unknown> }) => m.config)).toEqual([
      expect.objectContaining({ domain: 'localhost' }),
      expect.objectContaining({ host: 'localhost', port: 443 }),
      expect.objectContaining({ url: 'https://localhost/' }),
    ]);
    for (const monitor of created.body.items) expect((await auditActions(t, monitor.id)).map((e) => e.action)).toEqual(['monitor.created']);

    const again = await t.request('GET', `/api/v1/assets/${asset.id}/monitors/suggestions`, { token: a.manager.token });
    expect(again.body.items.every((s: { exists: boolean }) => s.exists)).toBe(true);
    const listed = await t.request('GET', `/api/v1/monitors?assetId=${asset.id}`, { token: a.clientUser.token });
    expect(listed.body.items).toHaveLength(3);
  });

  it('offers website and server monitors for a hosting plan', async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'hosting', identifier: 'https://localhost/shop' });
    const offered = await t.request('GET', `/api/v1/assets/${asset.id}/monitors/suggestions`, { token: a.manager.token });
    expect(offered.body.items.map((s: { kind: string; body: { config: unknown } }) => [s.kind, s.body.config])).toEqual([
      ['http', { url: 'https://localhost/' }],
      ['tcp', { host: 'localhost', port: 443 }],
    ]);
  });

  it('offers nothing for a licence', async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientA, kind: 'licence', identifier: 'ABC-123-XYZ' });
    const offered = await t.request('GET', `/api/v1/assets/${asset.id}/monitors/suggestions`, { token: a.manager.token });
    expect(offered.body.items).toEqual([]);
  });

  it('creates all or none, naming the bad field of the bad monitor', async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'domain', identifier: 'localhost' });
    const res = await t.request('POST', `/api/v1/assets/${asset.id}/monitors`, {
      token: a.manager.token,
      body: { monitors: [{ kind: 'domain', config: { domain: 'localhost' } }, { kind: 'http', config: { url: 'https://no-such-host.invalid/' } }] },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['body.monitors.1.config.url']);
    const left = await t.request('GET', `/api/v1/monitors?assetId=${asset.id}`, { token: a.manager.token });
    expect(left.body.items).toEqual([]);
    const shape = await t.request('POST', `/api/v1/assets/${asset.id}/monitors`, { token: a.manager.token, body: { monitors: [{ kind: 'tcp', config: { host: 'localhost', port: 99999 } }] } });
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape.body)).toEqual(['body.monitors.0.config.port']);
  });

  it("answers 404 for an asset the caller may not see, and refuses viewers", async () => {
    const asset = await createAsset(t, a.manager.token, { clientId: a.clientB, kind: 'hosting', identifier: 'localhost' });
    expect((await t.request('GET', `/api/v1/assets/ast_missing/monitors/suggestions`, { token: a.manager.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/assets/${asset.id}/monitors/suggestions`, { token: a.viewer.token })).status).toBe(403);
    const body = { monitors: [{ kind: 'domain', config: { domain: 'localhost' } }] };
    expect((await t.request('POST', `/api/v1/assets/${asset.id}/monitors`, { token: a.clientUser.token, body })).status).toBe(403);
  });
});

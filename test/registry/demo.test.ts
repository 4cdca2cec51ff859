import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { checkPassword, createApiToken, createUser } from '../../src/accounts/service.ts';
import { verifyAudit } from '../../src/platform/audit/store.ts';
import { ASSET_KINDS, daysUntilRenewal } from '../../src/registry/assets.model.ts';
import { demoAgency } from '../../src/registry/demo/agency.ts';
import { DEMO_SEED, loadDemoData } from '../../src/registry/demo/load.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const now = new Date('2026-03-15T09:00:00Z');
const agency = demoAgency(DEMO_SEED, now);

let t: TestApp;
let token: string;
let loaded: Record<string, number> | null;

async function count(table: 'clients' | 'projects' | 'providers' | 'users' | 'assets' | 'audit_log'): Promise<number> {
  const row = await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = now;
  loaded = await loadDemoData(t.deps);
  const reader = await createUser(t.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'reader@agency.test', name: 'Reader', role: 'viewer' });
  ({ token } = await createApiToken(t.deps, { actor: CLI_ACTOR, requestId: null }, { userId: reader.id, name: 'test', scopes: ['read'] }));
}, 60_000);
afterAll(async () => t?.close());

describe('demo agency', () => {
  it('loads a dozen clients with their projects, providers, staff and a few hundred assets', async () => {
    const projects = agency.clients.reduce((n, c) => n + c.projects.length, 0);
    expect(loaded).toEqual({ clients: 12, projects, providers: agency.providers.length, users: 3, assets: agency.assets.length });
    expect(agency.assets.length).toBeGreaterThan(250);
    expect(await count('clients')).toBe(12);
    expect(await count('projects')).toBe(projects);
    expect(await count('assets')).toBe(agency.assets.length);
  });

  it('records every kind of asset, found through the API', async () => {
    for (const kind of ASSET_KINDS) {
      const res = await t.request('GET', `/api/v1/assets?kind=${kind}&includeRetired=true&limit=200`, { token });
      expect(res.status, kind).toBe(200);
      expect(res.body.items.length, kind).toBe(agency.assets.filter((a) => a.kind === kind).length);
    }
  });

  it('spreads expiries over each of the next twelve months, with a few lapsed and a few without a date', async () => {
    const rows = await t.deps.database.db.selectFrom('assets').select('expires_on').execute();
    const days = rows.map((r) => daysUntilRenewal(r.expires_on, now));
    const windows = new Set(days.filter((d): d is number => d !== null && d >= 0).map((d) => Math.floor(d / 30.5)));
    expect([...windows].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(days.filter((d) => d !== null && d < 0).length).toBeGreaterThan(0);
    expect(days.filter((d) => d === null).length).toBeGreaterThan(0);
  });

  it('lists what renews within 30 days', async () => {
    const res = await t.request('GET', '/api/v1/assets?expiresWithin=30d&limit=200', { token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(10);
    for (const item of res.body.items) expect(item.daysUntilRenewal).toBeLessThanOrEqual(30);
    const lapsed = await t.request('GET', '/api/v1/assets?status=expired', { token });
    expect(lapsed.body.items.length).toBeGreaterThan(0);
  });

  it('keeps licence keys as encrypted secrets', async () => {
    const res = await t.request('GET', '/api/v1/assets?kind=licence&limit=1', { token });
    expect(res.body.items[0].secretNames).toEqual(['licenceKey']);
    const keys = agency.assets.flatMap((a) => (a.secrets?.licenceKey ? [a.secrets.licenceKey] : []));
    const stored = await t.deps.database.db.selectFrom('assets').select('secrets').where('kind', '=', 'licence').execute();
    expect(stored.some((r) => keys.some((k) => r.secrets.includes(k)))).toBe(false);
  });

  it('creates staff nobody can sign in as', async () => {
    expect(await checkPassword(t.deps, 'manager@demo.upkeep.test', '')).toBeNull();
    const row = await t.deps.database.db.selectFrom('users').select(['role', 'password_hash']).where('email', '=', 'manager@demo.upkeep.test').executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'manager', password_hash: null });
  });

  it('audits every change as made by the system, in an intact chain', async () => {
    const db = t.deps.database.db;
    const entries = await db.selectFrom('audit_log').select(['action', 'actor_type', 'actor_id']).where('actor_type', '=', 'system').execute();
    expect(entries.every((e) => e.actor_id === 'demo')).toBe(true);
    expect(entries.filter((e) => e.action === 'asset.created')).toHaveLength(agency.assets.length);
    expect(entries.filter((e) => e.action === 'asset.retired')).toHaveLength(agency.assets.filter((a) => a.status === 'retired').length);
    expect(entries.filter((e) => e.action === 'client.created')).toHaveLength(12);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('never loads twice', async () => {
    const before = await Promise.all(['clients', 'projects', 'providers', 'users', 'assets', 'audit_log'].map((table) => count(table as 'assets')));
    expect(await loadDemoData(t.deps)).toBeNull();
    expect(await Promise.all(['clients', 'projects', 'providers', 'users', 'assets', 'audit_log'].map((table) => count(table as 'assets')))).toEqual(before);
  });

  it('is the same agency for the same seed and day', () => {
    expect(demoAgency(DEMO_SEED, now)).toEqual(agency);
    expect(demoAgency(DEMO_SEED + 1, now)).not.toEqual(agency);
  });
});

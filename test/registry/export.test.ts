import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/registry/assets.model.ts';
import type { Client, Project, Provider } from '../../src/registry/clients.model.ts';
import { EXPORT_COLUMNS } from '../../src/registry/export/service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/** The registry export: CSV of assets, JSON of everything, never a secret value. */

let t: TestApp;
let a: Agency;
const ids: Record<string, string> = {};
let projectId: string;
let providerId: string;

async function create(what: string, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await t.request('POST', `/api/v1/${what}`, { token: a.manager.token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-11-21T10:00:00Z');
  providerId = (await create('providers', { name: 'Gandi', kind: 'registrar' })).id;
  projectId = (await create('projects', { clientId: a.clientA, name: 'Webshop' })).id;
  const shop = await create('assets', {
    clientId: a.clientA,
    kind: 'domain',
    name: 'Shop domain',
    identifier: 'shop.example.com',
    providerId,
    projectIds: [projectId],
    ownerId: a.manager.id,
    expiresOn: '2026-12-01',
    cost: { amount: 999, currency: 'EUR' },
    renewalPrice: { amount: 1299, currency: 'EUR' },
    autoRenew: true,
    tags: ['web', 'shop'],
    notes: 'Renew early, "before" Black Friday,\nthen tell Anna',
    secrets: { authCode: 'EPP-CODE-7781' },
  });
  const yen = await create('assets', {
    clientId: a.clientB,
    kind: 'licence',
    name: 'Tokyo licence',
    identifier: 'LIC-JP-1',
    billingCycle: 'multi-year',
    cycleMonths: 36,
    cost: { amount: 120_000, currency: 'JPY' },
    secrets: { licenceKey: 'KEY-SECRET-0042' },
  });
  const bare = await create('assets', { clientId: a.clientB, kind: 'other', identifier: 'bare-thing' });
  const retired = await create('assets', { clientId: a.clientA, kind: 'domain', identifier: 'retired.example.com', renewalPrice: { amount: 500, currency: 'EUR' } });
  expect((await t.request('DELETE', `/api/v1/assets/${retired.id}`, { token: a.manager.token })).status).toBe(200);
  Object.assign(ids, { shop: shop.id, yen: yen.id, bare: bare.id, retired: retired.id });
});
afterAll(async () => t?.close());

type CsvRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

async function exportCsv(query = '', token = a.viewer.token): Promise<{ header: string[]; rows: CsvRow[]; text: string; headers: Record<string, unknown> }> {
  const res = await t.request('GET', `/api/v1/export?format=csv${query}`, { token });
  expect(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const records = parse(res.text) as string[][];
  const header = records[0]!;
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])) as CsvRow);
  return { header, rows, text: res.text, headers: res.headers };
}

interface ExportDocument {
  exportedAt: string;
  clients: Client[];
  projects: Project[];
  providers: Provider[];
  assets: Asset[];
}

async function exportJson(query = '', token = a.viewer.token): Promise<{ doc: ExportDocument; text: string }> {
  const res = await t.request('GET', `/api/v1/export?format=json${query}`, { token });
  expect(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return { doc: JSON.parse(res.text), text: res.text };
}

describe('CSV export', () => {
  it('has the importer\'s header and one row per asset, money as decimals', async () => {
    const { header, rows, headers } = await exportCsv();
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(headers['content-disposition']).toBe('attachment; filename="upkeep-registry-2026-11-21.csv"');
    expect(rows.map((r) => r.id).sort()).toEqual([ids.shop, ids.yen, ids.bare].sort());

    const shop = rows.find((r) => r.id === ids.shop)!;
    expect(shop).toEqual({
      client: 'Client A',
      project: 'Webshop',
      provider: 'Gandi',
      providerKind: 'registrar',
      kind: 'domain',
      name: 'Shop domain',
      identifier: 'shop.example.com',
      status: 'active',
      expiresOn: '2026-12-01',
      billingCycle: 'yearly',
      cycleMonths: '',
      currency: 'EUR',
      cost: '9.99',
      renewalPrice: '12.99',
      autoRenew: 'yes',
      owner: 'manager@agency.test',
      tags: 'shop; web',
      notes: 'Renew early, "before" Black Friday,\nthen tell Anna',
      id: ids.shop,
    });
    const yen = rows.find((r) => r.id === ids.yen)!;
    expect(yen).toMatchObject({ client: 'Client B', currency: 'JPY', cost: '120000', renewalPrice: '', billingCycle: 'multi-year', cycleMonths: '36', autoRenew: 'no' });
    const bare = rows.find((r) => r.id === ids.bare)!;
    expect(bare).toMatchObject({ client: 'Client B', currency: 'SEK', cost: '', renewalPrice: '', expiresOn: '', provider: '', project: '', owner: '', tags: '' });
  });

  it('includes retired assets only when asked', async () => {
    const without = await exportCsv();
    expect(without.rows.map((r) => r.id)).not.toContain(ids.retired);
    const withRetired = await exportCsv('&includeRetired=true');
    const retired = withRetired.rows.find((r) => r.id === ids.retired);
    expect(retired).toMatchObject({ status: 'retired', renewalPrice: '5.00', identifier: 'retired.example.com' });
    expect(withRetired.rows).toHaveLength(4);
  });

  it('never contains a secret', async () => {
    const { text } = await exportCsv('&includeRetired=true', a.owner.token);
    expect(text).not.toContain('EPP-CODE');
    expect(text).not.toContain('KEY-SECRET');
    expect(text).not.toContain('v1:');
  });

  it('gives a portal user only their own client, without owners', async () => {
    const { rows } = await exportCsv('', a.outsider.token);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.yen, ids.bare].sort());
    expect(rows.every((r) => r.client === 'Client B' && r.owner === '')).toBe(true);
  });
});

describe('JSON export', () => {
  it('holds clients, projects, providers and assets', async () => {
    const { doc } = await exportJson();
    expect(doc.exportedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(doc.clients.map((c) => c.name)).toEqual(['Client A', 'Client B']);
    expect(doc.projects).toEqual([expect.objectContaining({ id: projectId, name: 'Webshop', clientId: a.clientA })]);
    expect(doc.providers).toEqual([expect.objectContaining({ id: providerId, name: 'Gandi', kind: 'registrar' })]);
    expect(doc.assets.map((x) => x.id).sort()).toEqual([ids.shop, ids.yen, ids.bare].sort());
    const shop = doc.assets.find((x) => x.id === ids.shop);
    expect(shop).toMatchObject({
      clientId: a.clientA,
      identifier: 'shop.example.com',
      providerId,
      projectIds: [projectId],
      currency: 'EUR',
      costAmount: 999,
      renewalAmount: 1299,
      tags: ['shop', 'web'],
      secretNames: ['authCode'],
    });
  });

  it('includes retired assets only when asked', async () => {
    expect((await exportJson()).doc.assets.map((x) => x.id)).not.toContain(ids.retired);
    const withRetired = (await exportJson('&includeRetired=true')).doc.assets;
    expect(withRetired.map((x) => x.id)).toContain(ids.retired);
    expect(withRetired.find((x) => x.id === ids.retired)?.status).toBe('retired');
  });

  it('names secrets but never holds their values', async () => {
    const { text, doc } = await exportJson('&includeRetired=true', a.owner.token);
    expect(text).not.toContain('EPP-CODE');
    expect(text).not.toContain('KEY-SECRET');
    expect(text).not.toContain('v1:');
    expect(doc.assets.find((x) => x.id === ids.yen)?.secretNames).toEqual(['licenceKey']);
  });

  it('gives a portal user only their own client', async () => {
    const { doc } = await exportJson('', a.clientUser.token);
    expect(doc.clients.map((c) => c.id)).toEqual([a.clientA]);
    expect(doc.assets.map((x) => x.id)).toEqual([ids.shop]);
    expect(doc.providers).toEqual([]);
  });

  it('refuses an unknown format and anonymous callers', async () => {
    const res = await t.request('GET', '/api/v1/export?format=xlsx', { token: a.viewer.token });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'querystring.format', message: expect.any(String) }]);
    expect((await t.request('GET', '/api/v1/export?format=csv')).status).toBe(401);
  });
});

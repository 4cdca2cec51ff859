import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { createApiToken, createUser } from '../../src/accounts/service.ts';
import type { AssetView } from '../../src/registry/assets.view.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * CSV import through HTTP: upload, preview, commit. Every write is checked by what the registry
 * and the audit log hold afterwards, and every refusal by what was *not* written.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const domainmod = fs.readFileSync(path.join(here, '../../../shared/fixtures/imports/domainmod-import-template-sample.csv'));
const PROBLEM = 'https://upkeep.dev/problems/';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

type Options = { mapping?: Record<string, string>; defaults?: Record<string, string>; skipRejected?: boolean };

async function upload(body: Buffer | string, query = '', token = a.manager.token, app = t) {
  return app.request('POST', `/api/v1/imports?fileName=test.csv${query}`, { token, rawBody: body, headers: { 'content-type': 'text/csv' } });
}

async function uploaded(body: Buffer | string, query = ''): Promise<string> {
  const res = await upload(body, query);
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const preview = (id: string, options: Options = {}, token = a.manager.token) =>
  t.request('POST', `/api/v1/imports/${id}/preview`, { token, body: options });
const commit = (id: string, options: Options = {}, token = a.manager.token) =>
  t.request('POST', `/api/v1/imports/${id}/commit`, { token, body: options });

/** Upload and commit in one go; the commit must succeed. */
async function imported(body: Buffer | string, options: Options = {}, query = '') {
  const res = await commit(await uploaded(body, query), options);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

type Counted = 'assets' | 'clients' | 'providers' | 'projects' | 'audit_log' | 'asset_tags';

async function countIn(app: TestApp, table: Counted): Promise<number> {
  const row = await app.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const count = (table: Counted) => countIn(t, table);

async function counts() {
  return { assets: await count('assets'), clients: await count('clients'), providers: await count('providers'), audit: await count('audit_log'), tags: await count('asset_tags') };
}

async function lastAuditSeq(): Promise<number> {
  const row = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
  return Number(row.seq ?? 0);
}

async function auditAfter(seq: number) {
  return t.db.db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').execute();
}

async function clientId(name: string): Promise<string> {
  const row = await t.db.db.selectFrom('clients').select('id').where('name', '=', name).executeTakeFirst();
  expect(row, `client ${name}`).toBeDefined();
  return row!.id;
}

/** A client's assets as the API shows them, by identifier (`identifier:kind` for kinds other than domain). */
class ClientAssets {
  constructor(private readonly byKey: ReadonlyMap<string, AssetView>) {}

  of(key: string): AssetView {
    const asset = this.byKey.get(key);
    expect(asset, `asset ${key}`).toBeDefined();
    return asset!;
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }
}

async function assetsOf(client: string): Promise<ClientAssets> {
  const res = await t.request<{ items: AssetView[] }>('GET', `/api/v1/assets?clientId=${await clientId(client)}&includeRetired=true&limit=200`, { token: a.manager.token });
  expect(res.status, res.text).toBe(200);
  return new ClientAssets(new Map(res.body.items.map((v) => [`${v.identifier}${v.kind === 'domain' ? '' : `:${v.kind}`}`, v])));
}

describe('import of the DomainMOD template', () => {
  const asClientA = { defaults: { client: 'Client A' } };

  it('suggests the DomainMOD mapping, previews without writing, and commits the values as DomainMOD meant them', async () => {
    const up = await upload(domainmod);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ rowCount: 10, suggested: { format: 'domainmod', defaults: { kind: 'domain', providerKind: 'registrar' } } });
    expect(up.body.suggested.mapping).toMatchObject({ domain: 'identifier', expiry_date: 'expiresOn', renewal_fee: 'renewalPrice', 'category ': 'tags', registrar_account_password: 'secret:registrar_account_password' });
    expect(up.body.sample[0].domain).toBe('example.one');
    // The file is kept for preview and commit, but the passwords and API keys in it are not kept readable.
    const stored = await t.db.db.selectFrom('imports').select('content').where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(stored.content).not.toContain('pass1');
    expect(stored.content).not.toContain('9sdfsljdfas8dfasdfijasdlfkasjdfaslkdfj');

    const before = await counts();
    const preview1 = await preview(up.body.id, asClientA);
    expect(preview1.status, preview1.text).toBe(200);
    expect(preview1.body).toMatchObject({ committed: false, summary: { rows: 10, rejected: 0, create: 10, update: 0, newProviders: 3, newClients: 0 } });
    expect(preview1.body.newProviders.sort()).toEqual(['10Dollar.ca', 'Dynadot', 'Linode Domains']);
    expect(await counts()).toEqual(before);

    const done = await commit(up.body.id, asClientA);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ committed: true, summary: { create: 10 } });

    const assets = await assetsOf('Client A');
    expect(assets.keys().filter((k) => k.startsWith('example.')).length).toBe(10);
    const one = assets.of('example.one');
    expect(one).toMatchObject({
      kind: 'domain',
      name: 'example.one',
      expiresOn: '2025-05-11',
      renewalPrice: { amount: 200, currency: 'USD' },
      cost: null,
      currency: 'USD',
      autoRenew: false,
      storedStatus: 'active',
      tags: ['category a'],
      notes: 'The notes for example.one',
      secretNames: ['api_key', 'api_secret', 'registrar_account_password'],
    });
    expect(one.customFields).toMatchObject({
      registration_fee: '1.55',
      nameservers: 'ns1.linode.com, ns2.linode.com, ns3.linode.com, ns4.linode.com',
      ip_address: '22.33.44.55',
      registrar_account_email: 'account_one_email@example.com',
    });
    expect(assets.of('example.two')).toMatchObject({ storedStatus: 'active', autoRenew: true, renewalPrice: { amount: 392, currency: 'USD' } });
    expect(assets.of('example.three')).toMatchObject({ storedStatus: 'renewing', autoRenew: true, renewalPrice: { amount: 400, currency: 'USD' }, secretNames: ['registrar_account_password'] });
    expect(assets.of('example.four')).toMatchObject({ storedStatus: 'active', autoRenew: false });
    expect(assets.of('example.seven')).toMatchObject({ expiresOn: null, renewalPrice: { amount: 199, currency: 'GBP' } });
    expect(assets.of('example.ten')).toMatchObject({ renewalPrice: { amount: 1100, currency: 'CAD' }, tags: ['category 3'] });
    // No fee, no currency: the client's own currency.
    expect(assets.of('example.nine')).toMatchObject({ currency: 'EUR', renewalPrice: null, providerId: null, secretNames: [] });

    const providers = await t.request('GET', '/api/v1/providers?q=Dynadot', { token: a.manager.token });
    expect(providers.body.items).toEqual([expect.objectContaining({ name: 'Dynadot', kind: 'registrar' })]);
    expect(one.providerId).toBe(providers.body.items[0].id);

    // Secrets: never in a view or the audit log, encrypted in the database, shown only by an audited reveal.
    const shown = await t.request('GET', `/api/v1/assets/${one.id}`, { token: a.manager.token });
    expect(shown.text).not.toContain('pass1');
    const row = await t.db.db.selectFrom('assets').select('secrets').where('id', '=', one.id).executeTakeFirstOrThrow();
    expect(row.secrets).not.toContain('pass1');
    expect(Object.values(JSON.parse(row.secrets) as Record<string, string>).every((v) => v.startsWith('v1:'))).toBe(true);
    const audit = await t.db.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', one.id).execute();
    expect(audit.length).toBe(1);
    expect(audit[0]!.after).not.toContain('pass1');
    const revealed = await t.request('POST', `/api/v1/assets/${one.id}/secrets/registrar_account_password/reveal`, { token: a.manager.token });
    expect(revealed.body).toEqual({ name: 'registrar_account_password', value: 'pass1' });
  });

  it('re-importing the same file changes nothing: only the import itself is audited', async () => {
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    const before = await counts();
    const seq = await lastAuditSeq();
    const id = await uploaded(domainmod);
    const res = await commit(id, asClientA);
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toMatchObject({ rows: 10, create: 0, update: 0, unchanged: 10, rejected: 0, newProviders: 0 });
    const entries = await auditAfter(seq);
    expect(entries.map((e) => [e.action, e.entity_id])).toEqual([['import.committed', id]]);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('a re-import with one changed cell changes only that field, and the audit shows only that change', async () => {
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    const edited = domainmod.toString('utf8').replace('example.two,2025-05-12,', 'example.two,2026-05-12,');
    expect(edited).not.toBe(domainmod.toString('utf8'));
    const before = (await assetsOf('Client A')).of('example.two');
    const seq = await lastAuditSeq();
    const res = await commit(await uploaded(edited), asClientA);
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toMatchObject({ create: 0, update: 1, unchanged: 9 });
    expect(res.body.updates).toEqual([{ line: 3, assetId: before.id, identifier: 'example.two', changes: ['expiresOn'] }]);
    const after = (await assetsOf('Client A')).of('example.two');
    const { expiresOn: _e, updatedAt: _u, daysUntilRenewal: _d, status: _s, ...rest } = after;
    expect(after.expiresOn).toBe('2026-05-12');
    expect(rest).toEqual(Object.fromEntries(Object.entries(before).filter(([k]) => !['expiresOn', 'updatedAt', 'daysUntilRenewal', 'status'].includes(k))));
    const entries = await auditAfter(seq);
    expect(entries.map((e) => e.action)).toEqual(['asset.updated', 'import.committed']);
    expect(entries[0]!.entity_id).toBe(before.id);
    expect(JSON.parse(entries[0]!.before!)).toEqual({ expiresOn: '2025-05-12', updatedAt: before.updatedAt });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ expiresOn: '2026-05-12', updatedAt: t.clock.now.toISOString() });
  });
});

describe('re-imports that must change nothing', () => {
  it('keeps a provider set in the app when the sheet leaves it blank, and a multi-year cycle of unsaid length', async () => {
    const csv = 'Client,Domain,Registrar,Billing cycle\nDefaults Co,blank-provider.example,,yearly\nDefaults Co,multi.example,Some Registrar,multi-year\n';
    expect((await imported(csv)).summary).toMatchObject({ create: 2, newProviders: 1 });
    const assets = await assetsOf('Defaults Co');
    expect(assets.of('multi.example')).toMatchObject({ billingCycle: 'multi-year', cycleMonths: 24 });
    const patched = await t.request('PATCH', `/api/v1/assets/${assets.of('blank-provider.example').id}`, { token: a.manager.token, body: { providerId: assets.of('multi.example').providerId } });
    expect(patched.status, patched.text).toBe(200);

    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    const seq = await lastAuditSeq();
    const again = await imported(csv);
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect((await auditAfter(seq)).map((e) => e.action)).toEqual(['import.committed']);
    const after = await assetsOf('Defaults Co');
    expect(after.of('blank-provider.example').providerId).toBe(assets.of('multi.example').providerId);
    expect(after.of('multi.example')).toMatchObject({ cycleMonths: 24, updatedAt: assets.of('multi.example').updatedAt });
  });
});

describe('spreadsheets as people write them', () => {
  it('reads European dates, amounts and yes/no from a ;-separated sheet with an explicit mapping', async () => {
    const csv = [
      'Kund;Domän;Typ;Utgår;Kostnad;Autoförnyelse;Anteckning;Intern kod',
      'Nordisk Byrå AB;nordisk.se;domain;31.12.2026;1 234,50 SEK;yes;Huvuddomän;X1',
      'Nordisk Byrå AB;nordisk-hosting.se;web hosting;31/12/2026;€9.99;no;;X2',
      'Global Ltd;global.example;SSL;01.06.2026;9.99 USD;1;;X3',
      'Global Ltd;global.example;domain;15.03.2027;;0;"Note; with a semicolon";X4',
    ].join('\r\n');
    const up = await upload(csv);
    expect(up.status, up.text).toBe(201);
    expect(up.body.headers).toEqual(['Kund', 'Domän', 'Typ', 'Utgår', 'Kostnad', 'Autoförnyelse', 'Anteckning', 'Intern kod']);
    expect(up.body.sample[3]).toMatchObject({ Kund: 'Global Ltd', Anteckning: 'Note; with a semicolon' });
    const mapping = { Kund: 'client', Domän: 'identifier', Typ: 'kind', Utgår: 'expiresOn', Kostnad: 'cost', Autoförnyelse: 'autoRenew', Anteckning: 'notes', 'Intern kod': 'ignore' };
    const res = await commit(up.body.id, { mapping });
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toMatchObject({ rows: 4, create: 4, rejected: 0, newClients: 2 });

    const nordisk = await assetsOf('Nordisk Byrå AB');
    expect(nordisk.of('nordisk.se')).toMatchObject({ expiresOn: '2026-12-31', cost: { amount: 123450, currency: 'SEK' }, autoRenew: true, notes: 'Huvuddomän', customFields: {} });
    expect(nordisk.of('nordisk-hosting.se:hosting')).toMatchObject({ expiresOn: '2026-12-31', cost: { amount: 999, currency: 'EUR' }, autoRenew: false });
    const global = await assetsOf('Global Ltd');
    expect(global.of('global.example:certificate')).toMatchObject({ expiresOn: '2026-06-01', cost: { amount: 999, currency: 'USD' }, autoRenew: true });
    expect(global.of('global.example')).toMatchObject({ expiresOn: '2027-03-15', cost: null, currency: 'USD', autoRenew: false, notes: 'Note; with a semicolon' });
    // A new client takes the currency of its first row that names one.
    const clients = await t.db.db.selectFrom('clients').select(['name', 'currency']).where('name', 'in', ['Nordisk Byrå AB', 'Global Ltd']).orderBy('name').execute();
    expect(clients).toEqual([{ name: 'Global Ltd', currency: 'USD' }, { name: 'Nordisk Byrå AB', currency: 'SEK' }]);
  });

  it('rejects rows with their line, column and reason, and writes nothing', async () => {
    const csv = [
      'Client,Domain,Kind,Expires,Cost,Auto renew,Notes',
      'Reject Co,ok-one.example,domain,2026-12-31,10 EUR,yes,"first line',
      'second line"',
      'Reject Co,bad-date.example,domain,31.02.2026,10 EUR,yes,',
      'Reject Co,bad-money.example,domain,2026-12-31,ten euros,maybe,',
      'Reject Co,,domain,2026-12-31,,,',
      'Reject Co,ok-two.example,domain,2026-12-31,,,',
      'Reject Co,OK-ONE.example,domain,2027-01-01,,,',
    ].join('\n');
    const id = await uploaded(csv);
    const before = await counts();
    const rejected = [
      { line: 4, errors: [{ column: 'Expires', field: 'expiresOn', message: expect.stringContaining('no day 31') }] },
      {
        line: 5,
        errors: [
          { column: 'Cost', field: 'cost', message: expect.stringContaining('"ten euros" is not an amount') },
          { column: 'Auto renew', field: 'autoRenew', message: expect.stringContaining('"maybe" is not yes or no') },
        ],
      },
      { line: 6, errors: [{ column: 'Domain', field: 'identifier', message: expect.stringContaining('No identifier') }] },
      { line: 8, errors: [{ column: 'Domain', field: 'identifier', message: 'the same domain as line 2' }] },
    ];
    const dry = await preview(id);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.summary).toMatchObject({ rows: 6, create: 2, rejected: 4 });
    expect(dry.body.rejected).toEqual(rejected);

    const refused = await commit(id);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.type).toBe(`${PROBLEM}import-rejected`);
    expect(refused.body.report.rejected).toEqual(rejected);
    expect(await counts()).toEqual(before);
    expect(await t.db.db.selectFrom('clients').select('id').where('name', '=', 'Reject Co').execute()).toEqual([]);

    const res = await commit(id, { skipRejected: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toMatchObject({ create: 2, rejected: 4, newClients: 1 });
    const assets = await assetsOf('Reject Co');
    expect(assets.keys()).toEqual(['ok-one.example', 'ok-two.example']);
    expect(assets.of('ok-one.example')).toMatchObject({ notes: 'first line\nsecond line', cost: { amount: 1000, currency: 'EUR' }, expiresOn: '2026-12-31' });
    // Two assets, one new client, one import: four audit entries.
    expect(await counts()).toMatchObject({ assets: before.assets + 2, clients: before.clients + 1, audit: before.audit + 4 });
  });

  it('is all or nothing: an asset created by someone else between plan and write rolls the whole import back', async () => {
    const csv = ['Client,Domain,Registrar', 'Race Co,race-one.example,Race Registrar', 'Race Co,race-two.example,', 'Client A,race.example,'].join('\n');
    const id = await uploaded(csv);
    const db = t.deps.database.db as unknown as { transaction: () => { execute(fn: unknown): Promise<unknown> } };
    const realTransaction = db.transaction;
    let raced: Awaited<ReturnType<TestApp['request']>> | null = null;
    // The first transaction is the import's own; just before it starts, another user adds race.example.
    db.transaction = function transaction() {
      db.transaction = realTransaction;
      return {
        async execute(fn: unknown) {
          raced = await t.request('POST', '/api/v1/assets', { token: a.admin.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'race.example' } });
          return realTransaction.call(db).execute(fn);
        },
      };
    };
    let before: Awaited<ReturnType<typeof counts>>;
    try {
      before = await counts();
      const res = await commit(id);
      expect(res.status, res.text).toBe(409);
      expect(res.body.type).toBe(`${PROBLEM}conflict`);
    } finally {
      db.transaction = realTransaction;
    }
    expect(raced!.status, raced!.text).toBe(201);
    // Only the other user's asset and its audit entry: no client, provider, asset or audit entry of the import.
    expect(await counts()).toEqual({ ...before, assets: before.assets + 1, audit: before.audit + 1 });
    expect(await t.db.db.selectFrom('clients').select('id').where('name', '=', 'Race Co').execute()).toEqual([]);
    expect(await t.db.db.selectFrom('providers').select('id').where('name', '=', 'Race Registrar').execute()).toEqual([]);
    const row = await t.db.db.selectFrom('imports').select('committed_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.committed_at).toBeNull();

    // Nothing was half-applied, so the same import can simply be committed again.
    const retry = await commit(id);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body.summary).toMatchObject({ create: 2, unchanged: 1, newClients: 1, newProviders: 1 });
  });
});

describe('encodings', () => {
  const text = 'Client,Domain,Notes\r\nBjörk Café AB,bjork.example,Här är en anteckning – é\r\n';

  it('refuses a Windows-1252 file read as UTF-8, and imports it when told the encoding', async () => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0xf6)).toBe(true); // ö as one byte, which UTF-8 cannot read
    const refused = await upload(bytes);
    expect(refused.status).toBe(400);
    expect(refused.body.type).toMatch(/encoding$/);
    expect(refused.body.detail).toContain('windows-1252');
    expect(await t.db.db.selectFrom('imports').select('id').where('file_name', '=', 'cp1252.csv').execute()).toEqual([]);

    const up = await t.request('POST', '/api/v1/imports?fileName=cp1252.csv&encoding=windows-1252', { token: a.manager.token, rawBody: bytes, headers: { 'content-type': 'text/csv' } });
    expect(up.status, up.text).toBe(201);
    expect(up.body.sample).toEqual([{ Client: 'Björk Café AB', Domain: 'bjork.example', Notes: 'Här är en anteckning – é' }]);
    expect((await commit(up.body.id)).status).toBe(200);
    expect((await assetsOf('Björk Café AB')).of('bjork.example')).toMatchObject({ notes: 'Här är en anteckning – é' });
  });

  it('reads UTF-8 with a byte-order mark, and UTF-16 with one or when named', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('Björk Café AB', 'BOM Café'), 'utf8')]);
    const up8 = await upload(withBom);
    expect(up8.status, up8.text).toBe(201);
    expect(up8.body.headers[0]).toBe('Client');
    expect(up8.body.suggested.mapping.Client).toBe('client');
    expect(up8.body.sample[0].Client).toBe('BOM Café');

    const utf16 = 'Client;Domain;Notes\r\nUTF16 Co;utf16.example;Grüße 日本\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]);
    const up16 = await upload(le);
    expect(up16.status, up16.text).toBe(201);
    expect(up16.body.headers).toEqual(['Client', 'Domain', 'Notes']);
    expect((await commit(up16.body.id)).status).toBe(200);
    expect((await commit(up8.body.id)).status).toBe(200);
    expect((await assetsOf('UTF16 Co')).of('utf16.example')).toMatchObject({ notes: 'Grüße 日本' });
    expect((await assetsOf('BOM Café')).keys()).toEqual(['bjork.example']);

    const named = await upload(Buffer.from(utf16.replace('UTF16 Co', 'UTF16 Named'), 'utf16le'), '&encoding=utf-16le');
    expect(named.status, named.text).toBe(201);
    expect(named.body.sample[0]).toEqual({ Client: 'UTF16 Named', Domain: 'utf16.example', Notes: 'Grüße 日本' });
  });
});

describe('files and mappings that cannot be imported', () => {
  it('refuses an empty file and a file with only a header', async () => {
    for (const body of ['', '\r\n\r\n', 'Client,Domain\r\n']) {
      const res = await upload(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.detail).toMatch(/empty|no rows/i);
    }
  });

  it('refuses malformed CSV and names the line where the problem starts', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `Client A,bad-quote-${i}.example,note ${i}`);
    rows[148] = 'Client A,"bad-quote-148.example,note without its closing quote';
    const res = await upload(['Client,Domain,Notes', ...rows].join('\n'));
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/not valid CSV/);
    expect(res.body.detail).toContain('line 150');
  });

  it('refuses headers that appear twice, naming them and their columns', async () => {
    const up = await upload('Client,Domain,Notes,Domain\nClient A,dup.example,x,other.example\n');
    expect(up.status).toBe(201);
    expect(up.body.suggested.problems).toEqual([expect.objectContaining({ kind: 'duplicate', columns: [2, 4] })]);
    for (const res of [await preview(up.body.id), await commit(up.body.id)]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'file.header', message: expect.stringContaining('"Domain" appears 2 times (columns 2, 4)') }]);
    }
  });

  it('accepts two spellings of one header, which read as the same field', async () => {
    const body = await imported('Client,Domain,Notes,notes\nSpelling Co,spelling.example,first,second\n');
    expect(body.summary).toMatchObject({ create: 1 });
    expect((await assetsOf('Spelling Co')).of('spelling.example').notes).toBe('first\nsecond');
  });

  it('refuses a mapping to an unknown field or from a header the file lacks, naming mapping.<header>', async () => {
    const id = await uploaded('Client,Domain,Notes\nClient A,mapping.example,x\n');
    const unknown = await preview(id, { mapping: { Client: 'client', Domain: 'identifier', Notes: 'colour' }, defaults: { kind: 'domain' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'mapping.Notes', message: '"colour" is not a field an import can fill' }]);
    const missing = await commit(id, { mapping: { Client: 'client', Domain: 'identifier', Remarks: 'notes' }, defaults: { kind: 'domain' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'mapping.Remarks', message: 'is not a column of the file' }]);
    const wrongType = await preview(id, { mapping: { Client: 42 } as unknown as Record<string, string> });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toMatch(/^body\.mapping/);
  });

  it('refuses a mapping without a client or an identifier', async () => {
    const id = await uploaded('Client,Domain,Notes\nClient A,nothing.example,x\n');
    const before = await counts();
    const noClient = await commit(id, { mapping: { Domain: 'identifier' }, defaults: { kind: 'domain' } });
    expect(noClient.status).toBe(400);
    expect(noClient.body.errors).toEqual([{ field: 'defaults.client', message: 'map a column to client, or name a default client' }]);
    const noIdentifier = await commit(id, { mapping: { Client: 'client', Notes: 'notes' }, defaults: { kind: 'domain' } });
    expect(noIdentifier.status).toBe(400);
    expect(noIdentifier.body.errors).toEqual([{ field: 'mapping', message: 'map a column to identifier' }]);
    // Without a kind every row would fail alike, so the mapping itself is refused.
    const noKind = await commit(id, { mapping: { Client: 'client', Notes: 'identifier' } });
    expect(noKind.status).toBe(400);
    expect(noKind.body.errors).toEqual([{ field: 'defaults.kind', message: 'map a column to kind, or choose a default kind (domain, hosting, …)' }]);
    expect(await counts()).toEqual(before);
    // A default client stands in for the missing column.
    const res = await commit(id, { mapping: { Domain: 'identifier' }, defaults: { client: 'Client B', kind: 'domain' } });
    expect(res.status, res.text).toBe(200);
    expect((await assetsOf('Client B')).of('nothing.example')).toMatchObject({ currency: 'SEK' });
  });
});

describe('who may do what with an import', () => {
  it('hides an import from another manager, and lets an owner see it', async () => {
    const other = await createUser(t.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'other-manager@agency.test', name: 'Other', role: 'manager', password: 'correct horse battery' });
    const { token } = await createApiToken(t.deps, { actor: CLI_ACTOR, requestId: null }, { userId: other.id, name: 'test', scopes: ['admin'] });
    const id = await uploaded('Client,Domain\nClient A,private.example\n');
    for (const res of [await preview(id, {}, token), await commit(id, {}, token)]) {
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(`${PROBLEM}not-found`);
    }
    expect((await preview('import_does_not_exist')).status).toBe(404);
    expect((await preview(id, {}, a.clientUser.token)).status).toBe(403);
    expect((await preview(id, {}, a.owner.token)).status).toBe(200);
    expect((await commit(id)).status).toBe(200);
  });

  it('commits an import once: the second commit is a conflict', async () => {
    const id = await uploaded('Client,Domain\nClient A,twice.example\n');
    expect((await commit(id)).status).toBe(200);
    const before = await counts();
    const again = await commit(id);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEM}conflict`);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over UPKEEP_IMPORT_LIMIT_BYTES with 413, and takes one under it', async () => {
    const small = await startTestApp({ UPKEEP_IMPORT_LIMIT_BYTES: '2048' });
    try {
      const user = await createUser(small.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'm@agency.test', name: 'M', role: 'manager', password: 'correct horse battery' });
      const { token } = await createApiToken(small.deps, { actor: CLI_ACTOR, requestId: null }, { userId: user.id, name: 'test', scopes: ['admin'] });
      const csv = (n: number) => ['Client,Domain', ...Array.from({ length: n }, (_, i) => `Client A,limit-${String(i).padStart(4, '0')}.example`)].join('\n');
      expect(Buffer.byteLength(csv(60))).toBeLessThan(2048);
      expect(Buffer.byteLength(csv(100))).toBeGreaterThan(2048);
      expect((await upload(csv(60), '', token, small)).status).toBe(201);
      const tooBig = await upload(csv(100), '', token, small);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.type).toBe(`${PROBLEM}too-large`);
    } finally {
      await small.close();
    }
  });
});

describe('a large import', () => {
  const ROWS = 100_000;
  const BAD = 50_000;
  let big: TestApp;
  let token: string;

  beforeAll(async () => {
    big = await startTestApp();
    const user = await createUser(big.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'bulk@agency.test', name: 'Bulk', role: 'manager', password: 'correct horse battery' });
    token = (await createApiToken(big.deps, { actor: CLI_ACTOR, requestId: null }, { userId: user.id, name: 'test', scopes: ['admin'] })).token;
  });
  afterAll(async () => big?.close());

  function bulkCsv(badRow?: number): string {
    const lines = ['Client,Domain,Expiry date,Renewal price,Currency,Auto renew,Tags,Notes'];
    for (let i = 0; i < ROWS; i++) {
      const expires = i === badRow ? '31.02.2027' : `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      lines.push(`Bulk Client ${i % 50},bulk-${i}.example,${expires},${(i % 100) + 1}.99,EUR,${i % 2 ? 'yes' : 'no'},bulk;tier-${i % 5},row ${i}`);
    }
    return lines.join('\n');
  }

  const post = (pathName: string, body: unknown, raw?: string) =>
    big.request('POST', pathName, raw === undefined ? { token, body } : { token, rawBody: raw, headers: { 'content-type': 'text/csv' } });

  it(`rejects ${ROWS.toLocaleString('en')} rows as a whole when one in the middle is bad, naming its line`, async () => {
    const up = await post('/api/v1/imports?fileName=bulk-bad.csv', undefined, bulkCsv(BAD));
    expect(up.status, up.text).toBe(201);
    expect(up.body.rowCount).toBe(ROWS);
    const res = await post(`/api/v1/imports/${up.body.id}/commit`, {});
    expect(res.status, res.text.slice(0, 500)).toBe(422);
    expect(res.body.report.summary).toMatchObject({ rows: ROWS, create: ROWS - 1, rejected: 1 });
    expect(res.body.report.rejected).toEqual([{ line: BAD + 2, errors: [{ column: 'Expiry date', field: 'expiresOn', message: expect.stringContaining('no day 31') }] }]);
    expect(await countIn(big, 'assets')).toBe(0);
  }, 60_000);

  it(`uploads, previews and commits ${ROWS.toLocaleString('en')} rows`, async () => {
    const csv = bulkCsv();
    const auditBefore = await countIn(big, 'audit_log');
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const start = performance.now();
      const result = await work();
      return [result, (performance.now() - start) / 1000];
    };
    const [up, upSeconds] = await timed(() => post('/api/v1/imports?fileName=bulk.csv', undefined, csv));
    expect(up.status, up.text).toBe(201);
    expect(up.body.rowCount).toBe(ROWS);
    const [dry, previewSeconds] = await timed(() => post(`/api/v1/imports/${up.body.id}/preview`, {}));
    expect(dry.status, dry.text.slice(0, 500)).toBe(200);
    expect(dry.body.summary).toMatchObject({ rows: ROWS, create: ROWS, rejected: 0, newClients: 50 });
    expect(dry.body.creates.length).toBe(dry.body.listLimit);
    const [done, commitSeconds] = await timed(() => post(`/api/v1/imports/${up.body.id}/commit`, {}));
    expect(done.status, done.text.slice(0, 500)).toBe(200);
    expect(done.body.summary).toMatchObject({ create: ROWS });

    const rate = (s: number) => `${Math.round(ROWS / s).toLocaleString('en')} rows/s`;
    console.log(
      `[${big.db.dialect.name}] ${ROWS} rows, ${(csv.length / 1e6).toFixed(1)} MB: upload ${upSeconds.toFixed(2)} s (${rate(upSeconds)}), ` +
        `preview ${previewSeconds.toFixed(2)} s (${rate(previewSeconds)}), commit ${commitSeconds.toFixed(2)} s (${rate(commitSeconds)})`,
    );

    const n = (table: 'assets' | 'asset_tags' | 'audit_log' | 'clients') => countIn(big, table);
    expect(await n('assets')).toBe(ROWS);
    expect(await n('asset_tags')).toBe(ROWS * 2);
    expect(await n('clients')).toBe(50);
    // One entry per asset, per new client, and the import's own.
    expect(await n('audit_log')).toBe(auditBefore + ROWS + 50 + 1);
    const sample = await big.db.db.selectFrom('assets').selectAll().where('identifier', '=', 'bulk-77777.example').executeTakeFirstOrThrow();
    expect(sample).toMatchObject({ expires_on: '2027-06-22', renewal_amount: 7899, currency: 'EUR', notes: 'row 77777' });
    expect(Boolean(sample.auto_renew)).toBe(true);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../support/app.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * Bad input is always a 4xx problem+json saying what to fix, never a 500 and never a
 * half-applied change: for every case, no row anywhere changes and the server keeps serving.
 */

let t: TestApp;
let a: Agency;
let assetId: string;

const TABLES = ['clients', 'projects', 'providers', 'assets', 'asset_tags', 'asset_projects', 'audit_log'] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function assetRow() {
  return t.db.db.selectFrom('assets').selectAll().where('id', '=', assetId).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-11-21T10:00:00Z');
  const res = await t.request('POST', '/api/v1/assets', {
    token: a.manager.token,
    body: { clientId: a.clientA, kind: 'domain', identifier: 'steady.example', expiresOn: '2027-01-31', cost: { amount: 1000, currency: 'EUR' }, renewalPrice: { amount: 1200, currency: 'EUR' }, tags: ['web'] },
  });
  expect(res.status, res.text).toBe(201);
  assetId = res.body.id;
});
afterAll(async () => t?.close());

const json = { 'content-type': 'application/json' };
const validAsset = () => ({ clientId: a.clientA, kind: 'domain', identifier: 'new.example' });
const postAsset = (body: unknown) => t.request('POST', '/api/v1/assets', { token: a.manager.token, body });
const patchAsset = (body: unknown) => t.request('PATCH', `/api/v1/assets/${assetId}`, { token: a.manager.token, body });
const raw = (method: string, path: string, rawBody: string | Buffer, headers: Record<string, string> = json) =>
  t.request(method, path, { token: a.manager.token, rawBody, headers });

interface Case {
  name: string;
  send: () => Promise<Reply>;
  status: number;
  /** The end of the problem type, e.g. `malformed-json`. */
  type: string;
  /** Field paths the problem must name, when it is a validation problem. */
  fields?: string[];
}

const cases: Case[] = [
  // Malformed JSON
  { name: 'truncated JSON', send: () => raw('POST', '/api/v1/assets', '{"clientId": "x", '), status: 400, type: 'malformed-json' },
  { name: 'single-quoted JSON in a change', send: () => raw('PATCH', `/api/v1/assets/${assetId}`, "{'notes': 'x'}"), status: 400, type: 'malformed-json' },
  { name: 'trailing comma', send: () => raw('POST', '/api/v1/clients', '{"name": "Trailing",}'), status: 400, type: 'malformed-json' },
  { name: 'prototype pollution attempt', send: () => raw('POST', '/api/v1/clients', '{"name": "Proto", "__proto__": {"admin": true}}'), status: 400, type: 'malformed-json' },
  { name: 'empty body declared as JSON', send: () => raw('POST', '/api/v1/assets', ''), status: 400, type: 'bad-request' },

  // Wrong types and missing fields
  { name: 'identifier as a number', send: () => postAsset({ ...validAsset(), identifier: 42 }), status: 400, type: 'validation', fields: ['body.identifier'] },
  { name: 'boolean as a string', send: () => postAsset({ ...validAsset(), autoRenew: 'yes' }), status: 400, type: 'validation', fields: ['body.autoRenew'] },
  { name: 'tags as a string', send: () => postAsset({ ...validAsset(), tags: 'web' }), status: 400, type: 'validation', fields: ['body.tags'] },
  { name: 'amount as a string', send: () => postAsset({ ...validAsset(), cost: { amount: '12.99', currency: 'EUR' } }), status: 400, type: 'validation', fields: ['body.cost.amount'] },
  { name: 'date as a number', send: () => postAsset({ ...validAsset(), expiresOn: 20261231 }), status: 400, type: 'validation', fields: ['body.expiresOn'] },
  { name: 'unknown kind', send: () => postAsset({ ...validAsset(), kind: 'car' }), status: 400, type: 'validation', fields: ['body.kind'] },
  { name: 'missing identifier', send: () => postAsset({ clientId: a.clientA, kind: 'domain' }), status: 400, type: 'validation', fields: ['body.identifier'] },
  { name: 'a list instead of an object', send: () => postAsset([validAsset()]), status: 400, type: 'validation', fields: ['body'] },
  { name: 'client name as a number', send: () => t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 123 } }), status: 400, type: 'validation', fields: ['body.name'] },
  { name: 'blank client name', send: () => t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: '   ' } }), status: 400, type: 'validation', fields: ['body.name'] },
  { name: 'null where a status is needed', send: () => patchAsset({ status: null }), status: 400, type: 'validation', fields: ['body.status'] },

  // Unknown fields
  { name: 'unknown asset field', send: () => postAsset({ ...validAsset(), colour: 'red' }), status: 400, type: 'validation', fields: ['body.colour'] },
  { name: 'unknown field inside money', send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: 'EUR', vat: 25 } }), status: 400, type: 'validation', fields: ['body.cost.vat'] },
  { name: 'unknown field in a change', send: () => patchAsset({ price: 5 }), status: 400, type: 'validation', fields: ['body.price'] },
  { name: 'unknown client fields', send: () => t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'Extra', vatNumber: 'SE1', web: 'x' } }), status: 400, type: 'validation', fields: ['body.vatNumber', 'body.web'] },
  { name: 'unknown project field', send: () => t.request('POST', '/api/v1/projects', { token: a.manager.token, body: { clientId: a.clientA, name: 'P', budget: 1 } }), status: 400, type: 'validation', fields: ['body.budget'] },

  // Size and content type
  { name: 'oversized body', send: () => postAsset({ ...validAsset(), notes: 'x'.repeat(1_100_000) }), status: 413, type: 'too-large' },
  { name: 'oversized change', send: () => patchAsset({ notes: 'x'.repeat(1_100_000) }), status: 413, type: 'too-large' },
  { name: 'XML body', send: () => raw('POST', '/api/v1/assets', '<asset><kind>domain</kind></asset>', { 'content-type': 'application/xml' }), status: 415, type: 'unsupported-media-type' },
  { name: 'plain text body', send: () => raw('POST', '/api/v1/clients', '{"name":"Text Co"}', { 'content-type': 'text/plain' }), status: 415, type: 'unsupported-media-type' },
  { name: 'form body', send: () => raw('POST', '/api/v1/clients', 'name=Form+Co', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, type: 'unsupported-media-type' },
  { name: 'form body in a change', send: () => raw('PATCH', `/api/v1/assets/${assetId}`, 'notes=x', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, type: 'unsupported-media-type' },

  // Dates
  { name: '30 February', send: () => postAsset({ ...validAsset(), expiresOn: '2026-02-30' }), status: 400, type: 'validation', fields: ['body.expiresOn'] },
  { name: '29 February of a common year', send: () => postAsset({ ...validAsset(), expiresOn: '2026-02-29' }), status: 400, type: 'validation', fields: ['body.expiresOn'] },
  { name: 'a European date', send: () => postAsset({ ...validAsset(), expiresOn: '31.12.2026' }), status: 400, type: 'validation', fields: ['body.expiresOn'] },
  { name: 'an instant instead of a date', send: () => postAsset({ ...validAsset(), expiresOn: '2026-12-31T00:00:00Z' }), status: 400, type: 'validation', fields: ['body.expiresOn'] },
  { name: 'an impossible date in a change', send: () => patchAsset({ expiresOn: '2026-04-31' }), status: 400, type: 'validation', fields: ['body.expiresOn'] },

  // Money
  { name: 'negative cost', send: () => postAsset({ ...validAsset(), cost: { amount: -100, currency: 'EUR' } }), status: 400, type: 'validation', fields: ['body.cost.amount'] },
  { name: 'fractional minor units', send: () => postAsset({ ...validAsset(), renewalPrice: { amount: 12.99, currency: 'EUR' } }), status: 400, type: 'validation', fields: ['body.renewalPrice.amount'] },
  { name: 'negative price in a change', send: () => patchAsset({ renewalPrice: { amount: -1, currency: 'EUR' } }), status: 400, type: 'validation', fields: ['body.renewalPrice.amount'] },
  { name: 'implausibly large amount', send: () => postAsset({ ...validAsset(), cost: { amount: 1e13, currency: 'EUR' } }), status: 400, type: 'validation', fields: ['body.cost.amount'] },
  { name: 'money without a currency', send: () => postAsset({ ...validAsset(), cost: { amount: 100 } }), status: 400, type: 'validation', fields: ['body.cost.currency'] },
  { name: 'currency "EURO"', send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: 'EURO' } }), status: 400, type: 'validation', fields: ['body.cost.currency'] },
  { name: 'currency in lower case', send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: 'eur' } }), status: 400, type: 'validation', fields: ['body.cost.currency'] },
  { name: 'currency symbol', send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: '€' } }), status: 400, type: 'validation', fields: ['body.cost.currency'] },
  { name: 'made-up currency code', send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: 'XYZ' } }), status: 400, type: 'validation', fields: ['body.cost.currency'] },
  { name: 'client currency in lower case', send: () => t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'Lower', currency: 'sek' } }), status: 400, type: 'validation', fields: ['body.currency'] },
  {
    name: 'cost and renewal price in different currencies',
    send: () => postAsset({ ...validAsset(), cost: { amount: 100, currency: 'EUR' }, renewalPrice: { amount: 100, currency: 'SEK' } }),
    status: 400,
    type: 'validation',
    fields: ['body.renewalPrice.currency'],
  },
  {
    name: 'a change pricing one of two prices in another currency',
    send: () => patchAsset({ renewalPrice: { amount: 1300, currency: 'SEK' } }),
    status: 400,
    type: 'validation',
    fields: ['body.renewalPrice.currency'],
  },

  // References and identity, checked after parsing
  { name: 'unknown client', send: () => postAsset({ ...validAsset(), clientId: 'cli_nobody' }), status: 400, type: 'validation', fields: ['body.clientId'] },
  { name: 'duplicate identifier', send: () => postAsset({ ...validAsset(), identifier: 'STEADY.example' }), status: 409, type: 'conflict', fields: ['body.identifier'] },
  { name: 'change of an unknown asset', send: () => t.request('PATCH', '/api/v1/assets/ast_unknown', { token: a.manager.token, body: { notes: 'x' } }), status: 404, type: 'not-found' },
  { name: 'an id longer than any id', send: () => t.request('PATCH', `/api/v1/assets/${'x'.repeat(65)}`, { token: a.manager.token, body: { notes: 'x' } }), status: 400, type: 'validation', fields: ['params.id'] },
];

describe('bad input', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await rowCounts();
    const assetBefore = await assetRow();
    const res = await c.send();
    expect(res.status, res.text).toBe(c.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: c.status, title: expect.any(String) });
    expect(res.body.type).toMatch(new RegExp(`/${c.type}$`));
    if (c.fields) {
      const named = (res.body.errors as { field: string; message: string }[]).map((e) => e.field).sort();
      expect(named).toEqual([...c.fields].sort());
      for (const e of res.body.errors) expect(e.message.length).toBeGreaterThan(0);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await assetRow()).toEqual(assetBefore);
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('names an unknown query parameter, and rejects values of the wrong form', async () => {
    const fieldsOf = async (query: string) => {
      const res = await t.request('GET', `/api/v1/assets?${query}`, { token: a.viewer.token });
      expect(res.status, query).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fieldsOf('colour=red')).toEqual(['querystring.colour']);
    expect(await fieldsOf('limit=abc')).toEqual(['querystring.limit']);
    expect(await fieldsOf('expiresWithin=soon')).toEqual(['querystring.expiresWithin']);
    expect(await fieldsOf('sort=price')).toEqual(['querystring.sort']);
    expect(await fieldsOf('status=lapsed')).toEqual(['querystring.status.0']);
    expect(await fieldsOf('kind=domain,car')).toEqual(['querystring.kind.1']);
    expect(await fieldsOf('includeRetired=yes')).toEqual(['querystring.includeRetired']);
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('reports every invalid field of a body at once', async () => {
    const res = await postAsset({ clientId: a.clientA, kind: 'car', identifier: '', expiresOn: '2026-02-30', cost: { amount: -5, currency: 'eur' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.cost.amount', 'body.cost.currency', 'body.expiresOn', 'body.identifier', 'body.kind']);
  });

  it('keeps serving under a burst of bad requests', async () => {
    const before = await rowCounts();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0 ? raw('POST', '/api/v1/assets', '{"broken": ') : i % 3 === 1 ? postAsset({ ...validAsset(), expiresOn: '2026-02-30' }) : postAsset({ ...validAsset(), notes: 'y'.repeat(1_100_000) }),
      ),
    );
    expect(burst.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([400, 413]));
    expect(await rowCounts()).toEqual(before);
    const good = await postAsset({ ...validAsset(), identifier: 'after-the-burst.example' });
    expect(good.status, good.text).toBe(201);
  });
});

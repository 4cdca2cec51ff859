import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ApiToken, User } from '../../src/accounts/model.ts';
import type * as accountSchemas from '../../src/accounts/schemas.ts';
import type { auditEntry } from '../../src/platform/audit/routes.ts';
import type { AuditEntryView } from '../../src/platform/audit/store.ts';
import type { AssetView } from '../../src/registry/assets.view.ts';
import type { Client, Project, Provider } from '../../src/registry/clients.model.ts';
import type { importReport, importUpload } from '../../src/registry/import/routes.ts';
import type { ImportReport, ImportUpload } from '../../src/registry/import/service.ts';
import type * as registrySchemas from '../../src/registry/schemas.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * The OpenAPI document is what API clients are generated from: every operation must say what it
 * answers, errors included, and the shapes it names must be the ones the API really sends.
 */
type Schema = { $ref?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; [key: string]: unknown };
type Response = { description: string; content?: Record<string, { schema?: Schema }> };
type Operation = { security?: unknown[]; responses: Record<string, Response> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const PUBLIC_OPERATIONS = ['GET /api/v1/health', 'GET /api/v1/ready', 'GET /api/v1/setup', 'POST /api/v1/setup', 'POST /api/v1/auth/login', 'GET /api/v1/status-pages/public/{slug}', 'POST /api/v1/billing/webhooks/stripe', 'POST /api/v1/billing/webhooks/paypal'];
// Any signed-in caller may read who they are, and a read needs no CSRF token: it is never a 403.
const NEVER_FORBIDDEN = ['GET /api/v1/me'];
const PROBLEM_SCHEMAS = ['Problem', 'TooManyAttempts', 'ImportRejected'];

let t: TestApp;
let a: Agency;
let doc: Document;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const res = await t.request<Document>('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => t?.close());

function operations(): { key: string; operation: Operation }[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
}

const component = (ref: string | undefined): Schema | undefined => (ref ? doc.components.schemas[ref.replace('#/components/schemas/', '')] : undefined);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and covers the API', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const keys = operations().map((o) => o.key);
    for (const key of [...PUBLIC_OPERATIONS, 'GET /api/v1/assets', 'POST /api/v1/imports', 'GET /api/v1/export', 'GET /api/v1/audit', 'DELETE /api/v1/tokens/{id}']) {
      expect(keys).toContain(key);
    }
  });

  it('documents a success answer with its schema for every operation', () => {
    const failures: string[] = [];
    for (const { key, operation } of operations()) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) failures.push(`${key}: no 2xx response`);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) failures.push(`${key} ${status}: no content`);
        for (const [type, { schema }] of media) if (!schema || Object.keys(schema).length === 0) failures.push(`${key} ${status} ${type}: no schema`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents the export as CSV or JSON', () => {
    const ok = doc.paths['/api/v1/export']!.get!.responses['200']!;
    expect(Object.keys(ok.content ?? {}).sort()).toEqual(['application/json', 'text/csv']);
    expect(component(ok.content!['application/json']!.schema!.$ref)?.properties?.assets).toBeDefined();
  });

  it('marks exactly the public operations as needing no credentials', () => {
    const open = operations().filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0);
    expect(open.map((o) => o.key).sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });

  it('documents 401 and 403 on every protected operation', () => {
    const failures: string[] = [];
    for (const { key, operation } of operations()) {
      if (PUBLIC_OPERATIONS.includes(key)) continue;
      if (!operation.responses['401']) failures.push(`${key}: no 401`);
      if (!operation.responses['403'] && !NEVER_FORBIDDEN.includes(key)) failures.push(`${key}: no 403`);
    }
    expect(failures).toEqual([]);
  });

  it('documents every error as problem+json', () => {
    const failures: string[] = [];
    for (const { key, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const ref = response.content?.['application/problem+json']?.schema?.$ref ?? '';
        if (Object.keys(response.content ?? {}).length !== 1 || !PROBLEM_SCHEMAS.includes(ref.split('/').pop()!)) failures.push(`${key} ${status}: ${JSON.stringify(response.content)}`);
      }
    }
    expect(failures).toEqual([]);
    for (const name of PROBLEM_SCHEMAS) {
      const problem = doc.components.schemas[name]!;
      expect(problem.required, name).toEqual(expect.arrayContaining(['type', 'title', 'status']));
      expect(problem.additionalProperties, `${name} allows extension members`).not.toBe(false);
    }
    expect(Object.keys(doc.components.schemas.Problem!.properties!).sort()).toEqual(['detail', 'errors', 'status', 'title', 'type']);
  });

  it('refers only to components it has', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !component(ref))).toEqual([]);
  });
});

describe('the documented asset', () => {
  it('has daysUntilRenewal and money objects, and no property that could hold a secret', () => {
    const asset = doc.components.schemas.Asset!;
    const props = Object.keys(asset.properties!);
    expect(props).toEqual(expect.arrayContaining(['daysUntilRenewal', 'yearlyCost', 'cost', 'renewalPrice', 'status', 'storedStatus', 'secretNames']));
    expect(props.filter((p) => /secret|password|key|token|credential/i.test(p) && p !== 'secretNames')).toEqual([]);
  });

  it('never offers secret values in a response, except the audited reveal', () => {
    const names = new Set<string>();
    const visit = (schema: Schema | undefined, seen: Set<Schema>) => {
      if (!schema || seen.has(schema)) return;
      seen.add(schema);
      visit(component(schema.$ref), seen);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        names.add(name);
        visit(property, seen);
      }
      visit(schema.items, seen);
      for (const option of schema.anyOf ?? []) visit(option, seen);
    };
    for (const { key, operation } of operations()) {
      if (key === 'POST /api/v1/assets/{id}/secrets/{name}/reveal') continue;
      for (const response of Object.values(operation.responses)) for (const media of Object.values(response.content ?? {})) visit(media.schema, new Set());
    }
    expect([...names].filter((n) => ['secrets', 'password', 'passwordHash', 'tokenHash'].includes(n))).toEqual([]);
  });

  it('is what the API sends', async () => {
    const created = await t.request('POST', '/api/v1/assets', {
      token: a.manager.token,
      body: { clientId: a.clientA, kind: 'domain', identifier: 'openapi.example', expiresOn: '2030-01-01', cost: { amount: 1200, currency: 'EUR' }, secrets: { panel: 'hunter2' } },
    });
    expect(created.status, created.text).toBe(201);
    const asset = doc.components.schemas.Asset!;
    expect(Object.keys(created.body).sort()).toEqual(Object.keys(asset.properties!).sort());
    expect([...asset.required!].sort()).toEqual(Object.keys(asset.properties!).sort());
    expect(created.text).not.toContain('hunter2');
  });
});

describe('the response schemas', () => {
  // `z.object` drops keys it does not name: a field added to a view must be added to its schema too.
  it('name every field of the views they document', () => {
    expectTypeOf<keyof z.output<typeof registrySchemas.assetView>>().toEqualTypeOf<keyof AssetView>();
    expectTypeOf<keyof z.output<typeof registrySchemas.clientView>>().toEqualTypeOf<keyof Client>();
    expectTypeOf<keyof z.output<typeof registrySchemas.projectView>>().toEqualTypeOf<keyof Project>();
    expectTypeOf<keyof z.output<typeof registrySchemas.providerView>>().toEqualTypeOf<keyof Provider>();
    expectTypeOf<keyof z.output<typeof accountSchemas.userView>>().toEqualTypeOf<keyof User>();
    expectTypeOf<keyof z.output<typeof accountSchemas.tokenView>>().toEqualTypeOf<keyof ApiToken>();
    expectTypeOf<keyof z.output<typeof importUpload>>().toEqualTypeOf<keyof ImportUpload>();
    expectTypeOf<keyof z.output<typeof importReport>>().toEqualTypeOf<keyof ImportReport>();
    expectTypeOf<keyof z.output<typeof auditEntry>>().toEqualTypeOf<keyof AuditEntryView>();
  });

  it('let health and readiness answer as documented', async () => {
    expect((await t.request('GET', '/api/v1/health')).body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/api/v1/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'ok', dialect: expect.stringMatching(/^(sqlite|postgres)$/) });
  });
});

describe('the docs page', () => {
  it('is served as HTML', async () => {
    const res = await t.request('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/<html/i);
  });
});

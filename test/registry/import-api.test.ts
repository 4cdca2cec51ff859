import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const domainmod = fs.readFileSync(path.join(here, '../../../shared/fixtures/imports/domainmod-import-template-sample.csv'));

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

async function upload(body: Buffer | string, query = '') {
  return t.request('POST', `/api/v1/imports?fileName=test.csv${query}`, { token: a.manager.token, rawBody: body, headers: { 'content-type': 'text/csv' } });
}

describe('import of the DomainMOD template', () => {
  it('suggests the DomainMOD mapping, previews, commits, and a second import changes nothing', async () => {
    const up = await upload(domainmod);
    expect(up.status).toBe(201);
    expect(up.body.rowCount).toBe(10);
    expect(up.body.suggested.format).toBe('domainmod');
    const preview = await t.request('POST', `/api/v1/imports/${up.body.id}/preview`, { token: a.manager.token, body: { defaults: { client: 'Client A' } } });
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toMatchObject({ rows: 10, rejected: 0, create: 10 });
    const commit = await t.request('POST', `/api/v1/imports/${up.body.id}/commit`, { token: a.manager.token, body: { defaults: { client: 'Client A' } } });
    expect(commit.status).toBe(200);
    const list = await t.request('GET', `/api/v1/assets?clientId=${a.clientA}&q=example&limit=50&includeRetired=true`, { token: a.manager.token });
    expect(list.body.items.length).toBe(10);
    const again = await upload(domainmod);
    const second = await t.request('POST', `/api/v1/imports/${again.body.id}/commit`, { token: a.manager.token, body: { defaults: { client: 'Client A' } } });
    expect(second.status).toBe(200);
    expect(second.body.summary).toMatchObject({ create: 0, update: 0, unchanged: 10 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/accounts/setup.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  t = await startTestApp();
  const token = await issueSetupToken(t.deps);
  const res = await t.request('POST', '/api/v1/setup', {
    body: { token, email: 'owner@agency.test', name: 'Owner', password: 'correct horse battery', agencyName: 'Fjord Web AB', currency: 'SEK', locale: 'sv', timeZone: 'Europe/Stockholm' },
  });
  expect(res.status, res.text).toBe(201);
  cookie = String(res.headers['set-cookie']).split(';')[0]!;
  csrf = res.body.csrfToken;
});
afterAll(async () => t?.close());

const asOwner = (method: string, path: string, body?: unknown) => t.request(method, path, { cookie, body, headers: { 'x-csrf-token': csrf } });

describe('the agency', () => {
  it('is named at setup and gives new clients its currency and language', async () => {
    const agency = await asOwner('GET', '/api/v1/agency');
    expect(agency.body).toEqual({ name: 'Fjord Web AB', currency: 'SEK', locale: 'sv', timeZone: 'Europe/Stockholm' });
    const client = await asOwner('POST', '/api/v1/clients', { name: 'Skärgårdens Kajak' });
    expect(client.status).toBe(201);
    expect(client.body).toMatchObject({ currency: 'SEK', locale: 'sv' });
  });

  it('is changed by owners and admins, audited, and checked', async () => {
    const changed = await asOwner('PATCH', '/api/v1/agency', { currency: 'EUR' });
    expect(changed.body.currency).toBe('EUR');
    const entry = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'agency.updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after!).currency).toBe('EUR');
    const bad = await asOwner('PATCH', '/api/v1/agency', { currency: 'EURO' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.currency');
    const user = await asOwner('POST', '/api/v1/users', { email: 'm@agency.test', name: 'M', role: 'manager', password: 'correct horse battery' });
    expect(user.status).toBe(201);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: 'm@agency.test', password: 'correct horse battery' } });
    const managerCookie = String(login.headers['set-cookie']).split(';')[0]!;
    const refused = await t.request('PATCH', '/api/v1/agency', { cookie: managerCookie, body: { name: 'Mine' }, headers: { 'x-csrf-token': login.body.csrfToken } });
    expect(refused.status).toBe(403);
  });
});

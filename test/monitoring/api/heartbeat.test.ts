import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PING_BODY_KEEP } from '../../../src/monitoring/heartbeat.routes.ts';
import { seedAgency, startTestApp, type TestApp } from '../../support/app.ts';
import { createMonitor } from './helpers.ts';

let t: TestApp;
let token: string;
let monitorId: string;

beforeAll(async () => {
  t = await startTestApp();
  const a = await seedAgency(t);
  const monitor = await createMonitor(t, a.manager.token, { kind: 'heartbeat', name: 'Backups', config: { periodSeconds: 3600 } });
  monitorId = monitor.id;
  token = monitor.pingUrl.split('/').pop();
});
afterAll(async () => t?.close());

const pings = () =>
  t.deps.database.db.selectFrom('heartbeat_pings').select(['kind', 'exit_code', 'size_bytes', 'body', 'source_ip']).where('monitor_id', '=', monitorId).orderBy('received_at').orderBy('id').execute();

async function lastPing() {
  const all = await pings();
  return all[all.length - 1]!;
}

describe('heartbeat pings', () => {
  it('records success, start and fail, by GET, HEAD or POST, answering OK without signing in', async () => {
    const ok = await t.request('GET', `/ping/${token}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('OK');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(await lastPing()).toMatchObject({ kind: 'success', exit_code: null, body: null, source_ip: '127.0.0.1' });
    expect((await t.request('POST', `/ping/${token}/start`)).status).toBe(200);
    expect((await lastPing()).kind).toBe('start');
    expect((await t.request('POST', `/ping/${token}/fail`, { rawBody: 'disk full', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    expect(await lastPing()).toMatchObject({ kind: 'fail', body: 'disk full' });
    const before = (await pings()).length;
    expect((await t.request('HEAD', `/ping/${token}`)).status).toBe(200);
    expect((await pings()).length).toBe(before + 1);
  });

  it('records exit codes: 0 is a success, anything else a failure', async () => {
    expect((await t.request('GET', `/ping/${token}/0`)).status).toBe(200);
    expect(await lastPing()).toMatchObject({ kind: 'success', exit_code: 0 });
    expect((await t.request('POST', `/ping/${token}/3`)).status).toBe(200);
    expect(await lastPing()).toMatchObject({ kind: 'fail', exit_code: 3 });
    const bad = await t.request('GET', `/ping/${token}/256`);
    expect(bad.status).toBe(400);
  });

  it('records a size sent as a number or as JSON {"size": n}, whatever the content type', async () => {
    await t.request('POST', `/ping/${token}`, { rawBody: '123456\n', headers: { 'content-type': 'text/plain' } });
    expect((await lastPing()).size_bytes).toBe(123456);
    await t.request('POST', `/ping/${token}`, { body: { size: 42 } });
    expect((await lastPing()).size_bytes).toBe(42);
    // curl -d sends form encoding.
    await t.request('POST', `/ping/${token}`, { rawBody: '777', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await lastPing()).size_bytes).toBe(777);
    await t.request('POST', `/ping/${token}`, { rawBody: 'backup done', headers: { 'content-type': 'text/plain' } });
    expect(await lastPing()).toMatchObject({ size_bytes: null, body: 'backup done' });
  });

  it('keeps only the start of a long body', async () => {
    const res = await t.request('POST', `/ping/${token}/fail`, { rawBody: 'x'.repeat(200_000), headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect((await lastPing()).body).toHaveLength(PING_BODY_KEEP);
  });

  it('answers 404 to a token it does not know, recording nothing', async () => {
    const before = (await pings()).length;
    for (const path of ['/ping/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/ping/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/fail', '/ping/short', `/ping/${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}/0`]) {
      expect((await t.request('GET', path)).status, path).toBe(404);
    }
    expect((await pings()).length).toBe(before);
  });

  it('never writes the token to the audit log', async () => {
    const entries = await t.deps.database.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});

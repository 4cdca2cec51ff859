import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../src/accounts/model.ts';
import { heartbeatReceived, type MonitorEngine } from '../../../src/monitoring/engine/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { createAsset } from '../../../src/registry/assets.service.ts';
import { createCertificateAuthority, issueCertificate } from '../../support/peers/certificates.ts';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { createTestClient, engineTest, insertMonitor, type EngineTest } from './support.ts';

let t: EngineTest;
let engine: MonitorEngine;
let peer: HttpPeer;
const ca = createCertificateAuthority();

beforeAll(async () => {
  t = await engineTest();
  t.clock.now = new Date();
  // A certificate that runs out in 10 days: inside the 21-day warning, outside the 3-day "down".
  peer = await startHttpPeer({ tls: { ...issueCertificate(ca, { notAfter: new Date(Date.now() + 10 * 86_400_000) }), ca: ca.cert } });
  engine = await t.engine({ ca: [ca.cert] });
});

afterAll(async () => {
  await t.close();
  await peer.close();
});

async function loaded(id: string) {
  for (let i = 0; i < 100 && !engine.scheduler.monitors.has(id); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('certificate checks and the registry', () => {
  it('set the linked asset’s expiry as an audited system change and warn once per certificate', async () => {
    const clientId = await createTestClient(t);
    const asset = await createAsset(t.deps, { actor: CLI_ACTOR, requestId: null }, { clientId, kind: 'certificate', identifier: 'localhost', expiresOn: '2026-01-01' } as never);
    const id = await insertMonitor(t, { kind: 'tls', config: { host: '127.0.0.1', port: peer.port, serverName: 'localhost', warnDays: 21, downDays: 3 }, assetId: asset.id, clientId, failureThreshold: 1 });
    await loaded(id);
    await engine.checkNow(id);
    await engine.checkNow(id);
    const row = await t.db.db.selectFrom('assets').select(['expires_on']).where('id', '=', asset.id).executeTakeFirstOrThrow();
    expect(row.expires_on).toBe(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_type', 'actor_id', 'action']).where('entity_id', '=', asset.id).orderBy('seq').execute();
    expect(audit.at(-1)).toEqual({ actor_type: 'system', actor_id: 'monitoring', action: 'asset.updated' });
    expect(audit.filter((a) => a.action === 'asset.updated')).toHaveLength(1);
    const warnings = await t.db.db.selectFrom('events').selectAll().where('type', '=', 'certificate.expiring').where('subject_key', '=', `certificate:${id}`).execute();
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!.data)).toMatchObject({ monitorId: id, daysLeft: 9 });
    expect((await t.db.db.selectFrom('monitors').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('up');
  });
});

describe('heartbeats', () => {
  async function ping(monitorId: string, kind: 'success' | 'fail' | 'start', extra: { exit_code?: number } = {}) {
    await t.db.db
      .insertInto('heartbeat_pings')
      .values({ id: newId('ping'), monitor_id: monitorId, kind, exit_code: extra.exit_code ?? null, size_bytes: null, body: null, source_ip: '127.0.0.1', received_at: t.clock.now.toISOString() })
      .execute();
    await heartbeatReceived(t.deps, monitorId, t.clock.now);
  }
  const stateOf = async (id: string) => (await t.db.db.selectFrom('monitors').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const eventTypes = async (id: string) =>
    (await t.db.db.selectFrom('events').select(['type', 'data']).orderBy('occurred_at').execute()).filter((e) => e.data.includes(id)).map((e) => e.type);

  it('go down when late or failed, up again on the next good ping', async () => {
    const id = await insertMonitor(t, { kind: 'heartbeat', config: { periodSeconds: 60, graceSeconds: 30 }, intervalSeconds: 10 });
    await loaded(id);
    t.advance(10_000);
    await ping(id, 'success');
    expect(await stateOf(id)).toBe('up');
    // Period plus grace after the last success, the owning worker finds it late.
    t.advance(91_000);
    await engine.checkNow(id);
    expect(await stateOf(id)).toBe('down');
    t.advance(5_000);
    await ping(id, 'success');
    expect(await stateOf(id)).toBe('up');
    t.advance(5_000);
    await ping(id, 'success', { exit_code: 2 });
    expect(await stateOf(id)).toBe('down');
    expect(await eventTypes(id)).toEqual(['heartbeat.late', 'incident.resolved', 'incident.opened']);
    const incidents = await t.db.db.selectFrom('incidents').select(['cause', 'state']).where('monitor_id', '=', id).orderBy('started_at').execute();
    expect(incidents).toEqual([
      { cause: `No ping since ${new Date(t.clock.now.getTime() - 101_000).toISOString()}`, state: 'resolved' },
      { cause: 'Job failed with exit code 2', state: 'open' },
    ]);
  });
});

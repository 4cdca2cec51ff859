import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEngine } from '../../../src/monitoring/engine/index.ts';
import { createRdapClient, createRdapPoliteness, RdapBootstrap } from '../../../src/monitoring/probes/index.ts';
import { listResults } from '../../../src/monitoring/uptime.service.ts';
import { startRdapPeer, type RdapPeer } from '../../support/peers/rdap-server.ts';
import { engineTest, insertMonitor, type EngineTest } from './support.ts';

/**
 * A registry that throttles us says nothing about the domain: such a check is inconclusive,
 * and must neither count as a failure nor open an incident, however often it happens.
 */
let t: EngineTest;
let rdap: RdapPeer;
let engine: MonitorEngine;

beforeAll(async () => {
  t = await engineTest();
  rdap = await startRdapPeer();
  const client = createRdapClient({ bootstrap: new RdapBootstrap(rdap.bootstrap), politeness: createRdapPoliteness({ requestsPerSecond: 1_000, burst: 100 }) });
  engine = await t.engine({ rdap: client });
});

afterAll(async () => {
  await t.close();
  await rdap.close();
});

describe('inconclusive checks', () => {
  it('leave the state alone and open no incident while the registry throttles', async () => {
    rdap.serve('https://rdap.verisign.com/com/v1/domain/busy.com', { status: 429, body: null, headers: { 'retry-after': '1' } });
    const id = await insertMonitor(t, { kind: 'domain', config: { domain: 'busy.com', warnDays: 30, downDays: 7 }, failureThreshold: 1 });
    for (let i = 0; i < 100 && !engine.scheduler.monitors.has(id); i++) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) {
      t.advance(60_000);
      await engine.checkNow(id);
    }
    await engine.recorder.flush();
    const monitor = await t.db.db.selectFrom('monitors').select(['state']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(monitor.state).toBe('pending');
    expect(await t.db.db.selectFrom('incidents').select('id').where('monitor_id', '=', id).execute()).toHaveLength(0);
    expect(await listResults(t.deps, id, { limit: 10 })).toHaveLength(0);
    expect(rdap.hits.some((hit) => hit.includes('busy.com'))).toBe(true);
  });
});

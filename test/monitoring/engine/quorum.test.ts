import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEngine } from '../../../src/monitoring/engine/index.ts';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { engineTest, httpConfig, insertMonitor, type EngineTest } from './support.ts';

/**
 * Two locations watch the same site: one location's network trouble must not page anyone; the
 * monitor goes down only when the quorum of locations sees it fail.
 */
let t: EngineTest;
let peer: HttpPeer;
let eu: MonitorEngine;
let us: MonitorEngine;
let status = 200;

beforeAll(async () => {
  t = await engineTest();
  peer = await startHttpPeer();
  peer.route('/health', (_req, res) => res.writeHead(status).end('ok'));
  eu = await t.engine({ location: 'eu', workerId: 'worker-eu' });
  us = await t.engine({ location: 'us', workerId: 'worker-us' });
});

afterAll(async () => {
  await t.close();
  await peer.close();
});

async function loaded(engine: MonitorEngine, id: string) {
  for (let i = 0; i < 200 && !engine.scheduler.monitors.has(id); i++) await new Promise((r) => setTimeout(r, 20));
  expect(engine.scheduler.monitors.has(id)).toBe(true);
}

const incidentsOf = (id: string) => t.db.db.selectFrom('incidents').selectAll().where('monitor_id', '=', id).execute();
const stateOf = async (id: string) => (await t.db.db.selectFrom('monitors').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

describe('a monitor run from two locations with a quorum of two', () => {
  it('stays up while one location fails, and goes down once both agree', async () => {
    const id = await insertMonitor(t, { config: httpConfig(`${peer.url}/health`), locations: ['eu', 'us'], quorum: 2, failureThreshold: 1, recoveryThreshold: 1 });
    await loaded(eu, id);
    await loaded(us, id);
    t.advance(60_000);
    await eu.checkNow(id);
    await us.checkNow(id);
    expect(await stateOf(id)).toBe('up');

    status = 503;
    t.advance(60_000);
    await eu.checkNow(id);
    expect(await incidentsOf(id)).toHaveLength(0);
    expect(await stateOf(id)).toBe('up');

    t.advance(1_000);
    await us.checkNow(id);
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ state: 'open' });
    expect(await stateOf(id)).toBe('down');
  });
});

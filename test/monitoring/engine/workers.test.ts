import { afterEach, describe, expect, it } from 'vitest';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { testDialect } from '../../support/db.ts';
import { engineTest, eventually, httpConfig, insertMonitor, type EngineTest } from './support.ts';

let t: EngineTest | undefined;
let peer: HttpPeer | undefined;

afterEach(async () => {
  await t?.close();
  await peer?.close();
});

/** Monitors checked every 10 s, each on its own path so the peer tells them apart. */
async function setUp(count: number) {
  t = await engineTest({ realTime: true });
  peer = await startHttpPeer();
  const hits = new Map<string, number[]>();
  peer.route('/m', (req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id')!;
    hits.set(id, [...(hits.get(id) ?? []), Date.now()]);
    res.writeHead(200).end('ok');
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await insertMonitor(t, { config: { ...httpConfig(`${peer.url}/m`) }, intervalSeconds: 10 });
    await t.db.db.updateTable('monitors').set({ config: JSON.stringify(httpConfig(`${peer.url}/m?id=${id}`)) }).where('id', '=', id).execute();
    ids.push(id);
  }
  return { t, hits, ids };
}

const lease = { leaseMs: 2000, renewMs: 400 };

async function heldBy(t: EngineTest): Promise<Map<string, number>> {
  const rows = await t.db.db.selectFrom('monitor_leases').select(['worker_id', 'lease_until']).where('lease_until', '>', new Date().toISOString()).execute();
  const counts = new Map<string, number>();
  for (const r of rows) if (r.worker_id) counts.set(r.worker_id, (counts.get(r.worker_id) ?? 0) + 1);
  return counts;
}

describe('the timetable', () => {
  it('checks every monitor within one interval of starting, spread over it', async () => {
    const { t, hits, ids } = await setUp(30);
    const started = Date.now();
    await t.engine({ lease });
    await eventually(async () => ids.every((id) => hits.has(id)), 11_000);
    const firsts = ids.map((id) => hits.get(id)![0]! - started);
    expect(Math.max(...firsts)).toBeLessThan(10_500);
    // Spread: not all in the same second.
    expect(new Set(firsts.map((ms) => Math.floor(ms / 1000))).size).toBeGreaterThan(4);
    const rows = await t.db.db.selectFrom('monitors').select(['state', 'last_checked_at']).execute();
    await eventually(async () => (await t.db.db.selectFrom('monitors').select('state').where('state', '=', 'up').execute()).length === rows.length);
  }, 20_000);
});

describe.skipIf(testDialect !== 'postgres')('several workers on PostgreSQL', () => {
  it('share the shards fairly and take over a dead worker’s monitors within two intervals', async () => {
    const { t, hits, ids } = await setUp(24);
    const a = await t.engine({ workerId: 'worker-a', lease });
    expect((await heldBy(t)).get('worker-a')).toBe(256);
    await t.engine({ workerId: 'worker-b', lease });
    // B joins: A hands back half, B claims it.
    await eventually(async () => {
      const held = await heldBy(t);
      return held.get('worker-a') === 128 && held.get('worker-b') === 128;
    }, 6000);
    const died = Date.now();
    await a.halt();
    await eventually(async () => (await heldBy(t)).get('worker-b') === 256, 10_000);
    const takeoverMs = Date.now() - died;
    expect(takeoverMs).toBeLessThan(2 * lease.leaseMs + 2 * lease.renewMs);
    // Every monitor is checked again after the death, within two intervals of it.
    await eventually(async () => ids.every((id) => (hits.get(id) ?? []).some((at) => at > died + takeoverMs)), 20_000 - takeoverMs);
    expect(Date.now() - died).toBeLessThan(20_000);
  }, 30_000);
});

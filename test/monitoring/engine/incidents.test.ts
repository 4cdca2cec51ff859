import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEngine } from '../../../src/monitoring/engine/index.ts';
import { listResults, uptimeOf } from '../../../src/monitoring/uptime.service.ts';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { engineTest, httpConfig, insertMonitor, type EngineTest } from './support.ts';

let t: EngineTest;
let peer: HttpPeer;
let engine: MonitorEngine;
const health = new Map<string, number>();

beforeAll(async () => {
  t = await engineTest();
  peer = await startHttpPeer();
  // /health/<name> answers with the status the test set for that name.
  peer.route('/health', (req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').searchParams.get('site') ?? '';
    res.writeHead(health.get(name) ?? 200).end('ok');
  });
  engine = await t.engine();
});

afterAll(async () => {
  await t.close();
  await peer.close();
});

/** One check a minute of the test's clock, the site answering `status`. */
async function check(id: string, site: string, status: number) {
  health.set(site, status);
  t.advance(60_000);
  await engine.checkNow(id);
}

const incidentsOf = (id: string) => t.db.db.selectFrom('incidents').selectAll().where('monitor_id', '=', id).orderBy('started_at').execute();
const eventsOf = (subject: string) => t.db.db.selectFrom('events').selectAll().where('subject_key', '=', subject).orderBy('occurred_at').execute();

async function loaded(id: string) {
  for (let i = 0; i < 100 && !engine.scheduler.monitors.has(id); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('incidents from real checks', () => {
  it('ignores single failures, opens one incident after two, resolves it after two successes', async () => {
    const id = await insertMonitor(t, { config: httpConfig(`${peer.url}/health?site=shop`) });
    await loaded(id);
    await check(id, 'shop', 200);
    for (const status of [500, 200, 503, 200]) await check(id, 'shop', status);
    expect(await incidentsOf(id)).toHaveLength(0);
    const firstFailure = t.clock.now.getTime() + 60_000;
    await check(id, 'shop', 500);
    await check(id, 'shop', 502);
    const [open] = await incidentsOf(id);
    expect(open).toMatchObject({ state: 'open', flapping: 0, in_maintenance: 0 });
    expect(open!.cause).toBe('HTTP 502, expected 200-399');
    expect(Date.parse(open!.started_at)).toBe(firstFailure);
    await check(id, 'shop', 200);
    expect((await incidentsOf(id))[0]!.state).toBe('open');
    await check(id, 'shop', 200);
    const incidents = await incidentsOf(id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ state: 'resolved', resolved_at: t.clock.now.toISOString() });
    const timeline = await t.db.db.selectFrom('incident_updates').select(['kind', 'at']).where('incident_id', '=', open!.id).orderBy('at').orderBy('kind').execute();
    expect(timeline.map((u) => u.kind)).toEqual(['first_failure', 'confirmed', 'notified', 'resolved']);
    const events = await eventsOf(`incident:${open!.id}`);
    expect(events.map((e) => [e.type, e.severity])).toEqual([['incident.opened', 'critical'], ['incident.resolved', 'info']]);
    expect(JSON.parse(events[1]!.data)).toMatchObject({ downtimeSeconds: 3 * 60 });
    const monitor = await t.db.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(monitor).toMatchObject({ state: 'up', last_ok: 1 });
    expect(monitor.last_message).toMatch(/^HTTP 200/);
    // Down from the first failure to the recovery: 3 of the 8 minutes observed since the first check.
    const figures = await uptimeOf(t.deps, id, new Date(firstFailure - 6 * 60_000), t.clock.now);
    expect(figures.downSeconds).toBe(180);
    expect(figures.observedSeconds).toBe(480);
    const results = await listResults(t.deps, id, { limit: 3 });
    expect(results.map((r) => [r.ok, r.statusCode])).toEqual([[true, 200], [true, 200], [false, 502]]);
  });

  it('keeps one incident, marked flapping, for a monitor that keeps bouncing', async () => {
    const id = await insertMonitor(t, { config: httpConfig(`${peer.url}/health?site=flappy`), failureThreshold: 1, recoveryThreshold: 1 });
    await loaded(id);
    for (const status of [200, 500, 200, 500, 200, 500, 200, 500, 200]) await check(id, 'flappy', status);
    const incidents = await incidentsOf(id);
    expect(incidents).toHaveLength(2);
    expect(incidents[0]).toMatchObject({ state: 'resolved', flapping: 0 });
    expect(incidents[1]).toMatchObject({ state: 'open', flapping: 1 });
    const opened = await t.db.db.selectFrom('events').selectAll().where('type', '=', 'incident.opened').where('subject_key', '=', `incident:${incidents[1]!.id}`).execute();
    expect(opened).toHaveLength(1);
    expect(JSON.parse(opened[0]!.data)).toMatchObject({ flapping: true });
    // Stable for a whole window: the held incident is resolved.
    t.advance(31 * 60_000);
    await check(id, 'flappy', 200);
    expect((await incidentsOf(id))[1]).toMatchObject({ state: 'resolved' });
    expect((await t.db.db.selectFrom('monitors').select('flapping').where('id', '=', id).executeTakeFirstOrThrow()).flapping).toBe(0);
  });

  it('counts a target that hangs past the timeout as a failure', async () => {
    const id = await insertMonitor(t, { config: httpConfig(`${peer.url}/hang`), timeoutMs: 300, failureThreshold: 1 });
    await loaded(id);
    const started = Date.now();
    t.advance(60_000);
    await engine.checkNow(id);
    expect(Date.now() - started).toBeLessThan(1500);
    const [result] = await listResults(t.deps, id, { limit: 1 });
    expect(result).toMatchObject({ ok: false });
    expect(result!.message).toBe('no response within 300 ms');
    expect((await incidentsOf(id))[0]).toMatchObject({ state: 'open' });
  });

  it('groups a child under its parent while the parent is down', async () => {
    const parent = await insertMonitor(t, { config: httpConfig(`${peer.url}/health?site=server`), failureThreshold: 1 });
    const child = await insertMonitor(t, { config: httpConfig(`${peer.url}/health?site=site-on-server`), failureThreshold: 1, parentId: parent });
    await loaded(parent);
    await loaded(child);
    await check(parent, 'server', 500);
    await check(child, 'site-on-server', 500);
    const [parentIncident] = await incidentsOf(parent);
    const [childIncident] = await incidentsOf(child);
    expect(childIncident!.parent_incident_id).toBe(parentIncident!.id);
    const [event] = await eventsOf(`incident:${childIncident!.id}`);
    expect(event).toMatchObject({ type: 'incident.opened', group_key: `incident:${parentIncident!.id}` });
  });

  it('holds alerts during maintenance and leaves that time out of uptime', async () => {
    const id = await insertMonitor(t, { config: httpConfig(`${peer.url}/health?site=maint`), failureThreshold: 1, recoveryThreshold: 1 });
    await loaded(id);
    await check(id, 'maint', 200);
    const from = t.clock.now;
    await t.db.db
      .insertInto('maintenance_windows')
      .values({ id: 'mnt_test', title: 'Upgrade', scope_type: 'monitor', scope_id: id, starts_at: from.toISOString(), ends_at: new Date(from.getTime() + 3 * 60_000).toISOString(), recurrence: null, created_by: null, created_at: from.toISOString(), updated_at: from.toISOString() })
      .execute();
    await check(id, 'maint', 500);
    await check(id, 'maint', 200);
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ in_maintenance: 1, notified_at: null, state: 'resolved' });
    expect(await eventsOf(`incident:${incident!.id}`)).toHaveLength(0);
    t.advance(3 * 60_000);
    const figures = await uptimeOf(t.deps, id, from, t.clock.now);
    expect(figures).toEqual({ uptime: 1, downSeconds: 0, observedSeconds: 120, maintenanceSeconds: 180 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_RECOVERED_JOB, INCIDENT_TICKET_JOB, incidentJobs } from '../../src/desk/incidents.jobs.ts';
import { MonitorEngine } from '../../src/monitoring/engine/index.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startHttpPeer, type HttpPeer } from '../support/peers/http-server.ts';
import { createMonitor } from '../monitoring/api/helpers.ts';
import { runDueJobs } from '../notifications/policies/support.ts';
import { agencyInStockholm, auditOf, ok } from './helpers.ts';
import { planForClient } from './tickets-helpers.ts';

/**
 * Monitoring's incidents opening and updating tickets: real checks by the monitoring engine against
 * a local HTTP server, the desk's jobs run by the real handlers. Client A has a plan with Stockholm
 * support hours Mon–Fri 09–18 (critical: 15 min / 2 h around the clock); client B has none.
 */
let t: TestApp;
let a: Agency;
let peer: HttpPeer;
let engine: MonitorEngine;
const health = new Map<string, number>();

beforeAll(async () => {
  peer = await startHttpPeer();
  peer.route('/health', (req, res) => {
    const site = new URL(req.url ?? '/', 'http://x').searchParams.get('site') ?? '';
    res.writeHead(health.get(site) ?? 200).end('ok');
  });
  t = await startTestApp({ UPKEEP_BLOCK_PRIVATE_TARGETS: 'false', UPKEEP_PUBLIC_URL: 'https://upkeep.agency.test' });
  t.clock.now = new Date('2026-11-27T10:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  await planForClient(t, a.admin.token, a.clientA);
  engine = new MonitorEngine(t.deps, { location: 'main', workerId: 'desk-test', flushMs: 50, syncMs: 100 });
  await engine.start();
});
afterAll(async () => {
  await engine?.stop();
  await peer?.close();
  await t?.close();
});

const at = (iso: string) => (t.clock.now = new Date(iso));
const context = () => ({ jobId: 'job_test', attempt: 1, maxAttempts: 1, signal: new AbortController().signal, logger: t.deps.logger });

async function monitor(name: string, site: string, clientId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = { kind: 'http', name, clientId, config: { url: `${peer.url}/health?site=${site}` }, intervalSeconds: 86_400, failureThreshold: 2, recoveryThreshold: 1, ...extra };
  const created = await createMonitor(t, a.admin.token, body);
  for (let i = 0; i < 200 && !engine.scheduler.monitors.has(created.id); i++) await new Promise((r) => setTimeout(r, 10));
  return created.id;
}

/** A check at `iso`, the site answering `status`. */
async function check(id: string, site: string, status: number, iso: string): Promise<void> {
  health.set(site, status);
  at(iso);
  await engine.checkNow(id);
}

async function incidentOf(monitorId: string) {
  return t.deps.database.db.selectFrom('incidents').selectAll().where('monitor_id', '=', monitorId).orderBy('started_at', 'desc').executeTakeFirstOrThrow();
}

async function ticketsOf(incidentId: string) {
  return t.deps.database.db.selectFrom('tickets').selectAll().where('incident_id', '=', incidentId).execute();
}

describe('a site of a client with an SLA plan going down at 02:00 on a Sunday', () => {
  let shop: string;
  let incidentId: string;
  let ticketId: string;

  it('queues the ticket with the incident, and the job opens one critical ticket due 15 minutes later', async () => {
    shop = await monitor('Shop', 'shop', a.clientA);
    await check(shop, 'shop', 503, '2026-11-29T00:59:00.000Z');
    await check(shop, 'shop', 503, '2026-11-29T01:00:00.000Z'); // Sunday 02:00 in Stockholm: confirmed down
    incidentId = (await incidentOf(shop)).id;
    const queued = await t.deps.database.db.selectFrom('jobs').select(['name', 'status']).where('idempotency_key', '=', `${INCIDENT_TICKET_JOB}:${incidentId}`).execute();
    expect(queued).toEqual([{ name: INCIDENT_TICKET_JOB, status: 'queued' }]);

    expect(await runDueJobs(t)).toContain(INCIDENT_TICKET_JOB);
    const [row] = await ticketsOf(incidentId);
    ticketId = row!.id;
    const view = await ok(t, 'GET', `/api/v1/tickets/${ticketId}`, a.clientUser.token);
    expect(view).toMatchObject({ severity: 'critical', status: 'new', source: 'incident', incidentId, clientId: a.clientA, title: 'Shop is down' });
    // Critical is handled around the clock: the Sunday night counts.
    expect(view.clocks.firstResponse).toMatchObject({ dueAt: '2026-11-29T01:15:00.000Z', paused: false });
    expect(view.clocks.resolution.dueAt).toBe('2026-11-29T03:00:00.000Z');
    expect(view.thread.map((m: any) => m.body)).toEqual([`Monitoring opened incident ${incidentId}: HTTP 503, expected 200-399`, expect.stringContaining('Work on it starts now: this severity is handled around the clock.')]);
  });

  it('acknowledges it to the client with work starting now, not at Monday’s opening', async () => {
    const [event] = await t.deps.database.db.selectFrom('events').selectAll().where('subject_key', '=', `ticket:${ticketId}:created`).execute();
    expect(event).toMatchObject({ type: 'ticket.created', severity: 'critical', client_id: a.clientA });
    expect(JSON.parse(event!.data)).toMatchObject({
      ticketId, source: 'incident', severity: 'critical', clientName: 'Client A', firstResponseDue: '2026-11-29T01:15:00.000Z', resolutionDue: '2026-11-29T03:00:00.000Z',
      workStartsAt: null, timeZone: 'Europe/Stockholm', url: `https://upkeep.agency.test/desk/tickets/${ticketId}`,
    });
  });

  it('opens no second ticket when the job runs again', async () => {
    const jobs = incidentJobs(t.deps);
    await jobs[INCIDENT_TICKET_JOB]!({ incidentId }, context());
    await jobs[INCIDENT_TICKET_JOB]!({ incidentId }, context());
    expect((await ticketsOf(incidentId)).map((r) => r.id)).toEqual([ticketId]);
  });

  it('tells the ticket when the site is up again, once, and leaves it open for a person to confirm', async () => {
    await check(shop, 'shop', 200, '2026-11-29T01:20:00.000Z');
    expect((await incidentOf(shop)).state).toBe('resolved');
    expect(await runDueJobs(t)).toContain(INCIDENT_RECOVERED_JOB);
    await incidentJobs(t.deps)[INCIDENT_RECOVERED_JOB]!({ incidentId }, context());
    const view = await ok(t, 'GET', `/api/v1/tickets/${ticketId}`, a.clientUser.token);
    // Down from the first failed check (00:59) to the good one (01:20).
    expect(view.thread.filter((m: any) => m.authorKind === 'system').map((m: any) => m.body).at(-1)).toBe('Monitoring: Shop is up again after 21 minutes.');
    expect(view.thread.filter((m: any) => m.body.startsWith('Monitoring: Shop is up again'))).toHaveLength(1);
    expect(view).toMatchObject({ status: 'new', resolvedAt: null });
    const audit = await auditOf(t, ticketId);
    expect(audit.map((e) => [e.action, e.actor_type])).toEqual([['ticket.created', 'system'], ['ticket.message-added', 'system']]);
    expect(audit[1]!.after).toMatchObject({ authorKind: 'system', incidentId, incidentResolvedAt: '2026-11-29T01:20:00.000Z' });
  });
});

describe('a server going down with the sites on it', () => {
  it('opens one ticket for the outage: the sites’ incidents are covered by the server’s', async () => {
    const server = await monitor('Web server', 'server', a.clientA);
    const blog = await monitor('Blog', 'blog', a.clientA, { parentId: server });
    await check(server, 'server', 500, '2026-11-29T02:00:00.000Z');
    await check(server, 'server', 500, '2026-11-29T02:01:00.000Z');
    await check(blog, 'blog', 500, '2026-11-29T02:01:10.000Z');
    await check(blog, 'blog', 500, '2026-11-29T02:01:20.000Z');
    const parent = await incidentOf(server);
    const child = await incidentOf(blog);
    expect(child.parent_incident_id).toBe(parent.id);
    await runDueJobs(t);
    expect(await ticketsOf(parent.id)).toHaveLength(1);
    expect(await ticketsOf(child.id)).toEqual([]);
  });
});

describe('a site of a client without an SLA plan', () => {
  it('opens no ticket', async () => {
    const before = await t.deps.database.db.selectFrom('tickets').select('id').execute();
    const blog = await monitor('Client B blog', 'b-blog', a.clientB);
    await check(blog, 'b-blog', 500, '2026-11-29T03:00:00.000Z');
    await check(blog, 'b-blog', 500, '2026-11-29T03:01:00.000Z');
    const incident = await incidentOf(blog);
    expect(await runDueJobs(t)).toContain(INCIDENT_TICKET_JOB);
    expect(await ticketsOf(incident.id)).toEqual([]);
    expect(await t.deps.database.db.selectFrom('tickets').select('id').execute()).toEqual(before);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobWorker } from '../../src/platform/jobs/worker.ts';
import { scheduleWasteAudit, wasteJobs } from '../../src/renewals/waste.jobs.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { eventually } from '../support/browser.ts';
import { seedWasteAssets, startWasteWorld, startWorker, type WasteAssets, type WasteWorld } from './waste-fixtures.ts';

/**
 * The waste audit end to end: a real DNS server (dns2) and a real web server on loopback, the
 * audit run as a durable job, the report with its evidence and savings, and the decisions.
 */
let t: TestApp;
let a: Agency;
let world: WasteWorld;
let worker: JobWorker;
let assets: WasteAssets;
let monitoredHosting: string;

beforeAll(async () => {
  world = await startWasteWorld();
  t = await startTestApp({ UPKEEP_DNS_SERVERS: world.dns.address, UPKEEP_WASTE_AUDIT_CONCURRENCY: '4' });
  t.clock.now = new Date('2030-03-01T12:00:00.000Z');
  a = await seedAgency(t);
  assets = await seedWasteAssets(t, a);
  // A hosting plan nothing points at, but whose monitor is up: it serves a live site.
  const hosting = await t.request('POST', '/api/v1/assets', { token: a.owner.token, body: { clientId: a.clientA, kind: 'hosting', identifier: 'web2.hosting.test', cost: { amount: 9_000, currency: 'EUR' } } });
  expect(hosting.status, hosting.text).toBe(201);
  monitoredHosting = hosting.body.id;
  const monitor = await t.request('POST', '/api/v1/monitors', { token: a.owner.token, body: { kind: 'http', name: 'Web 2', config: { url: 'http://127.0.0.1:9/' }, assetId: monitoredHosting } });
  expect(monitor.status, monitor.text).toBe(201);
  await t.db.db.updateTable('monitors').set({ state: 'up' }).where('id', '=', monitor.body.id).execute();
  worker = startWorker(t, world);
}, 30_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await world?.close();
});

async function runAudit(token = a.manager.token): Promise<any> {
  const started = await t.request('POST', '/api/v1/waste-audits', { token, body: {} });
  expect(started.status, started.text).toBe(202);
  expect(started.body.state).toBe('running');
  await eventually(async () => (await t.request('GET', `/api/v1/waste-audits/${started.body.id}`, { token })).body.state).toBe('finished');
  return (await t.request('GET', `/api/v1/waste-audits/${started.body.id}`, { token })).body;
}

const report = async (query = '', token = a.viewer.token) => {
  const res = await t.request('GET', `/api/v1/waste-report${query}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const itemOf = (body: any, assetId: string) => body.items.find((i: any) => i.assetId === assetId);
const codesOf = (body: any, assetId: string) => itemOf(body, assetId)?.reasons.map((r: any) => r.code).sort();

describe('waste audit', () => {
  it('refuses a second identifier that differs only in case, but not one with a trailing dot or www', async () => {
    const same = await t.request('POST', '/api/v1/assets', { token: a.owner.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'USED.test' } });
    expect(same.status).toBe(409);
    // Those two exist (the fixtures made them): the audit is what finds them.
    expect(assets.usedAgain).toMatch(/^ast_/);
    expect(assets.usedWww).toMatch(/^ast_/);
  });

  it('has an empty report before the first audit', async () => {
    const body = await report();
    expect(body).toMatchObject({ audit: null, items: [], byClient: [], overall: { items: 0, totals: [] } });
  });

  it('runs as a job and finds each kind of waste with its evidence and the saving per client', async () => {
    const audit = await runAudit();
    expect(audit.counts).toMatchObject({ total: 15, assets: 15, flagged: 10 });
    expect(audit.counts.unknown).toBeGreaterThanOrEqual(1);
    // The DNS server was asked through its own address, not the system's resolver.
    expect(world.dns.queries).toContain('NS used.test');
    expect(world.web.hits).toContain('/');

    const body = await report();
    expect(body.audit.id).toBe(audit.id);
    expect(codesOf(body, assets.usedAgain)).toEqual(['duplicate']);
    expect(itemOf(body, assets.usedAgain).reasons[0]).toEqual({ code: 'duplicate', evidence: ['the same domain as "used.test", recorded earlier'], duplicateOf: assets.used });
    expect(codesOf(body, assets.usedWww)).toEqual(['domain-not-delegated', 'duplicate']);
    expect(codesOf(body, assets.shop)).toEqual(['auto-renew-retired-project']);
    expect(itemOf(body, assets.parked).reasons).toEqual([{ code: 'domain-parked', evidence: ['says the domain is for sale'] }]);
    expect(itemOf(body, assets.noRecords).reasons).toEqual([{ code: 'domain-no-records', evidence: ['delegated, but has no A, AAAA or MX records'] }]);
    expect(codesOf(body, assets.notDelegated)).toEqual(['domain-not-delegated']);
    expect(itemOf(body, assets.hostingAlone).reasons[0].evidence).toEqual(['no monitor is linked', 'no domain points at its address']);
    expect(itemOf(body, assets.subscriptionArchived).reasons).toEqual([{ code: 'no-active-project', evidence: ['linked only to archived projects: "Old campaign"'] }]);
    // DNS said there is no address: no page was expected, so nothing is unknown.
    expect(itemOf(body, assets.noRecords).unknown).toEqual([]);
    expect(codesOf(body, assets.licenceAutoRenew)).toEqual(['auto-renew-retired-project', 'no-active-project']);
    // Client B's hosting is on the address client A's domains point at: that does not count for B.
    expect(codesOf(body, assets.bHosting)).toEqual(['hosting-no-live-site']);
    // Used, failed lookups (unknown, never evidence), pointed-at or monitored hosting: not listed.
    for (const id of [assets.used, assets.broken, assets.hostingPointed, assets.bSite, monitoredHosting]) expect(itemOf(body, id)).toBeUndefined();
    expect(itemOf(body, assets.parked)).toMatchObject({ assetName: 'parked.test', kind: 'domain', clientName: 'Client A', state: 'open', yearlySaving: { amount: 2_500, currency: 'EUR' } });

    expect(body.byClient).toEqual([
      { clientId: a.clientA, clientName: 'Client A', totals: [{ amount: 32_000, currency: 'EUR' }], unpriced: 0, items: 9 },
      { clientId: a.clientB, clientName: 'Client B', totals: [{ amount: 60_000, currency: 'SEK' }], unpriced: 0, items: 1 },
    ]);
    expect(body.overall).toEqual({ totals: [{ amount: 32_000, currency: 'EUR' }, { amount: 60_000, currency: 'SEK' }], unpriced: 0, items: 10 });
  });

  it('filters by client and reason, and pages with a cursor', async () => {
    const parked = await report('?code=domain-parked');
    expect(parked.items.map((i: any) => i.assetId)).toEqual([assets.parked]);
    expect(parked.byClient).toEqual([{ clientId: a.clientA, clientName: 'Client A', totals: [{ amount: 2_500, currency: 'EUR' }], unpriced: 0, items: 1 }]);
    const b = await report(`?clientId=${a.clientB}`);
    expect(b.items.map((i: any) => i.assetId)).toEqual([assets.bHosting]);
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      const page = await report(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i: any) => i.assetId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    const bad = await t.request('GET', '/api/v1/waste-report?cursor=nonsense&code=lonely', { token: a.viewer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toContain('querystring.code');
  });

  it('keeps an asset out of the report until the keep runs out', async () => {
    const kept = await t.request('POST', `/api/v1/assets/${assets.parked}/waste-decision`, { token: a.manager.token, body: { decision: 'keep', keepForDays: 30, note: 'Client wants it for a launch' } });
    expect(kept.status, kept.text).toBe(201);
    expect(kept.body).toMatchObject({ decision: 'keep', keepForDays: 30, keptUntil: '2030-03-31T12:00:00.000Z', decidedBy: a.manager.id });
    expect(itemOf(await report(), assets.parked)).toBeUndefined();
    expect((await report()).byClient[0].totals).toEqual([{ amount: 29_500, currency: 'EUR' }]);
    // A new audit finds it again, but the keep still holds.
    await runAudit();
    expect(itemOf(await report(), assets.parked)).toBeUndefined();
    t.clock.now = new Date('2030-04-01T12:00:00.000Z');
    expect(itemOf(await report(), assets.parked)).toMatchObject({ state: 'open', decision: { decision: 'keep', keptUntil: '2030-03-31T12:00:00.000Z' } });
    const log = await t.db.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', assets.parked).where('action', '=', 'waste.decided').execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.after!)).toMatchObject({ decision: 'keep', note: 'Client wants it for a launch' });
  });

  it('cancels: the asset is cancelled with auto-renew off, listed as cancel-decided until retired, all audited', async () => {
    const res = await t.request('POST', `/api/v1/assets/${assets.licenceAutoRenew}/waste-decision`, { token: a.admin.token, body: { decision: 'cancel' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ decision: 'cancel', keepForDays: null, keptUntil: null, asset: { status: 'cancelled', autoRenew: false } });
    const asset = await t.request('GET', `/api/v1/assets/${assets.licenceAutoRenew}`, { token: a.viewer.token });
    expect(asset.body).toMatchObject({ status: 'cancelled', autoRenew: false });
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', assets.licenceAutoRenew).orderBy('seq').execute()).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['asset.updated', 'waste.decided']);

    expect(itemOf(await report('?state=cancel-decided'), assets.licenceAutoRenew)).toMatchObject({ state: 'cancel-decided', yearlySaving: { amount: 4_900, currency: 'EUR' } });
    expect(itemOf(await report('?state=open'), assets.licenceAutoRenew)).toBeUndefined();
    // Still listed after the next audit, though the asset is cancelled by now.
    await runAudit();
    expect(itemOf(await report(), assets.licenceAutoRenew)).toMatchObject({ state: 'cancel-decided' });
    const retired = await t.request('PATCH', `/api/v1/assets/${assets.licenceAutoRenew}`, { token: a.admin.token, body: { status: 'retired' } });
    expect(retired.status, retired.text).toBe(200);
    expect(itemOf(await report(), assets.licenceAutoRenew)).toBeUndefined();
  });

  it('leaves nothing half-done when the decision cannot be written after the asset was', async () => {
    // The decision row is written after the asset in the same transaction; make that write fail.
    const db = t.db.db;
    if (t.db.dialect.name === 'sqlite') {
      await sql`create trigger waste_fail before insert on waste_decisions when new.note = 'boom' begin select raise(abort, 'boom'); end`.execute(db);
    } else {
      await sql`create function waste_fail() returns trigger language plpgsql as $$ begin if new.note = 'boom' then raise exception 'boom'; end if; return new; end $$`.execute(db);
      await sql`create trigger waste_fail before insert on waste_decisions for each row execute function waste_fail()`.execute(db);
    }
    const before = (await t.request('GET', `/api/v1/assets/${assets.subscriptionArchived}`, { token: a.viewer.token })).body;
    const res = await t.request('POST', `/api/v1/assets/${assets.subscriptionArchived}/waste-decision`, { token: a.admin.token, body: { decision: 'cancel', note: 'boom' } });
    expect(res.status).toBe(500);
    const after = (await t.request('GET', `/api/v1/assets/${assets.subscriptionArchived}`, { token: a.viewer.token })).body;
    expect(after).toMatchObject({ status: before.status, autoRenew: before.autoRenew, updatedAt: before.updatedAt });
    const log = await db.selectFrom('audit_log').select('action').where('entity_id', '=', assets.subscriptionArchived).where('action', 'in', ['asset.updated', 'waste.decided']).execute();
    expect(log).toEqual([]);
    await sql`drop trigger waste_fail${sql.raw(t.db.dialect.name === 'sqlite' ? '' : ' on waste_decisions')}`.execute(db);
  });

  it('refuses bad input with the field, and what was not flagged', async () => {
    const post = (id: string, body: unknown, token = a.manager.token) => t.request('POST', `/api/v1/assets/${id}/waste-decision`, { token, body });
    const unknown = await post(assets.shop, { decision: 'delete' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: any) => e.field)).toEqual(['body.decision']);
    const zero = await post(assets.shop, { decision: 'keep', keepForDays: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((e: any) => e.field)).toEqual(['body.keepForDays']);
    expect((await post(assets.shop, { decision: 'keep', keepForDays: 731 })).status).toBe(400);
    expect((await post('ast_nothing', { decision: 'keep' })).status).toBe(404);
    expect((await post(assets.used, { decision: 'cancel' })).status).toBe(409);
    const badClient = await t.request('POST', '/api/v1/waste-audits', { token: a.manager.token, body: { clientId: 'cli_nothing' } });
    expect(badClient.status).toBe(400);
    expect(badClient.body.errors.map((e: any) => e.field)).toEqual(['body.clientId']);
  });

  it('is for agency staff only: client users get 403, viewers read but do not decide', async () => {
    for (const person of [a.clientUser, a.outsider]) {
      expect((await t.request('GET', '/api/v1/waste-report', { token: person.token })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/waste-audits', { token: person.token })).status).toBe(403);
      expect((await t.request('POST', '/api/v1/waste-audits', { token: person.token, body: {} })).status).toBe(403);
      // Even on an asset of their own client.
      expect((await t.request('POST', `/api/v1/assets/${assets.shop}/waste-decision`, { token: person.token, body: { decision: 'keep' } })).status).toBe(403);
    }
    expect((await t.request('POST', `/api/v1/assets/${assets.shop}/waste-decision`, { token: a.viewer.token, body: { decision: 'keep' } })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/waste-audits', { token: a.viewer.token, body: {} })).status).toBe(403);
    const list = await t.request('GET', '/api/v1/waste-audits?limit=2', { token: a.viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).not.toBeNull();
  });

  it('books a weekly audit keyed by ISO week, which runs and books the next week', async () => {
    // The handler is called by hand here: no worker may claim the booked job meanwhile.
    await worker.stop();
    t.clock.now = new Date('2030-04-03T10:00:00.000Z'); // a Wednesday of week 2030-W14
    await scheduleWasteAudit(t.deps);
    await scheduleWasteAudit(t.deps);
    const booked = await t.db.db.selectFrom('jobs').select(['idempotency_key', 'run_at', 'payload']).where('name', '=', 'renewals.waste-audit').where('idempotency_key', 'like', '%-W%').execute();
    expect(booked).toEqual([{ idempotency_key: 'renewals.waste-audit:2030-W15', run_at: '2030-04-08T03:00:00.000Z', payload: JSON.stringify({ week: '2030-W15' }) }]);
    const handler = wasteJobs(t.deps, { httpPort: world.web.port, timeoutMs: 600 })['renewals.waste-audit']!;
    t.clock.now = new Date('2030-04-08T03:00:00.000Z');
    await handler({ week: '2030-W15' }, { jobId: 'job_weekly', attempt: 1, maxAttempts: 3, signal: new AbortController().signal, logger: t.deps.logger });
    const latest = (await t.request('GET', '/api/v1/waste-audits?limit=1', { token: a.viewer.token })).body.items[0];
    expect(latest).toMatchObject({ state: 'finished', startedBy: null, startedAt: '2030-04-08T03:00:00.000Z', clientId: null });
    const next = await t.db.db.selectFrom('jobs').select('run_at').where('idempotency_key', '=', 'renewals.waste-audit:2030-W16').executeTakeFirst();
    expect(next?.run_at).toBe('2030-04-15T03:00:00.000Z');
    await t.db.db.deleteFrom('jobs').where('idempotency_key', 'like', 'renewals.waste-audit:20%-W%').execute();
    worker = startWorker(t, world);
  });

  it('runs one audit at a time', async () => {
    await worker.stop();
    const first = await t.request('POST', '/api/v1/waste-audits', { token: a.manager.token, body: { clientId: a.clientB } });
    expect(first.status).toBe(202);
    const second = await t.request('POST', '/api/v1/waste-audits', { token: a.manager.token, body: {} });
    expect(second.status).toBe(409);
    worker = startWorker(t, world);
    await eventually(async () => (await t.request('GET', `/api/v1/waste-audits/${first.body.id}`, { token: a.viewer.token })).body.state).toBe('finished');
    // An audit of one client is that client's report; the report of all clients stays the last audit of all.
    const b = await report(`?clientId=${a.clientB}`);
    expect(b.audit.id).toBe(first.body.id);
    expect(b.items.map((i: any) => i.assetId)).toEqual([assets.bHosting]);
    const all = await report();
    expect(all.audit.id).not.toBe(first.body.id);
    expect(new Set(all.items.map((i: any) => i.clientId))).toEqual(new Set([a.clientA, a.clientB]));
  });
});

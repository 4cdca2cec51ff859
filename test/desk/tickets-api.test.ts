import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskJobs, scheduleDeskJobs, SLA_WATCH_JOB } from '../../src/desk/jobs.ts';
import { openTicketForIncident } from '../../src/desk/tickets.incidents.service.ts';
import { recordSlaBreaches } from '../../src/desk/tickets.watch.service.ts';
import { findIncident } from '../../src/monitoring/incidents.store.ts';
import { createMonitor, httpMonitor, openIncident } from '../monitoring/api/helpers.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, auditOf, fieldsOf, ok } from './helpers.ts';
import { countTickets, planForClient } from './tickets-helpers.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-23T09:00:00.000Z'); // Monday 10:00 in Stockholm
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  await planForClient(t, a.admin.token, a.clientA);
});
afterAll(async () => t?.close());

const at = (iso: string) => (t.clock.now = new Date(iso));
const post = (token: string, body: unknown) => t.request('POST', '/api/v1/tickets', { token, body });

describe('who may do what with tickets', () => {
  it('a client opens tickets for its own client only, sees no internal notes and cannot assign', async () => {
    const res = await post(a.clientUser.token, { clientId: a.clientB, title: 'Shop is slow', severity: 'medium', body: 'Since this morning.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ clientId: a.clientA, source: 'portal', createdBy: a.clientUser.id });
    const id = res.body.id;
    await ok(t, 'POST', `/api/v1/tickets/${id}/messages`, a.manager.token, { body: 'Customer on the old plan, be nice.', visibility: 'internal' });
    const seen = await ok(t, 'GET', `/api/v1/tickets/${id}`, a.clientUser.token);
    expect(seen.thread.map((m: any) => m.visibility)).toEqual(['public', 'public']);
    expect((await ok(t, 'GET', `/api/v1/tickets/${id}`, a.manager.token)).thread).toHaveLength(3);

    const before = await countTickets(t);
    const note = await t.request('POST', `/api/v1/tickets/${id}/messages`, { token: a.clientUser.token, body: { body: 'psst', visibility: 'internal' } });
    expect(note.status).toBe(403);
    const assign = await t.request('PATCH', `/api/v1/tickets/${id}`, { token: a.clientUser.token, body: { assigneeId: a.manager.id } });
    expect(assign.status).toBe(403);
    const raise = await t.request('PATCH', `/api/v1/tickets/${id}`, { token: a.clientUser.token, body: { severity: 'critical' } });
    expect(raise.status).toBe(403);
    const resolve = await t.request('PATCH', `/api/v1/tickets/${id}`, { token: a.clientUser.token, body: { status: 'resolved' } });
    expect(resolve.status).toBe(409);
    expect(resolve.body.detail).toContain('only close or reopen');
    const assignOnCreate = await post(a.clientUser.token, { title: 'x', severity: 'low', assigneeId: a.manager.id });
    expect(assignOnCreate.status).toBe(403);
    expect(await countTickets(t)).toEqual(before);
  });

  it('another client never sees or touches them: 404 everywhere, absent from lists and counts', async () => {
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Certificate', severity: 'high' });
    for (const [method, path, body] of [
      ['GET', `/api/v1/tickets/${ticket.id}`, undefined],
      ['PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'closed' }],
      ['POST', `/api/v1/tickets/${ticket.id}/messages`, { body: 'hello' }],
    ] as const) {
      const res = await t.request(method, path, { token: a.outsider.token, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await ok(t, 'GET', '/api/v1/tickets', a.outsider.token)).items).toEqual([]);
    expect((await ok(t, 'GET', `/api/v1/tickets?clientId=${a.clientA}`, a.outsider.token)).items).toEqual([]);
    expect(await ok(t, 'GET', '/api/v1/tickets/summary', a.outsider.token)).toEqual({ open: 0, atRisk: 0, breached: 0 });
    expect((await ok(t, 'GET', '/api/v1/tickets', a.clientUser.token)).items.map((x: any) => x.id)).toContain(ticket.id);
  });

  it('viewers and read-only tokens read but do not write; staff must name the client', async () => {
    expect((await post(a.viewer.token, { clientId: a.clientA, title: 'x', severity: 'low' })).status).toBe(403);
    expect((await ok(t, 'GET', '/api/v1/tickets', a.viewer.token)).items.length).toBeGreaterThan(0);
    const noClient = await post(a.manager.token, { title: 'x', severity: 'low' });
    expect(noClient.status).toBe(400);
    expect(fieldsOf(noClient.body)).toEqual(['body.clientId']);
  });
});

describe('bad input is refused with the reason, and nothing is stored', () => {
  it('unknown severity, empty title, a client without a plan, an unknown assignee, an empty message', async () => {
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Base', severity: 'low' });
    const before = await countTickets(t);
    const severity = await post(a.admin.token, { clientId: a.clientA, title: '  ', severity: 'urgent' });
    expect(severity.status).toBe(400);
    expect(fieldsOf(severity.body).sort()).toEqual(['body.severity', 'body.title']);
    const noPlan = await post(a.admin.token, { clientId: a.clientB, title: 'Down', severity: 'high' });
    expect(noPlan.status).toBe(422);
    expect(noPlan.body.detail).toContain('Client B');
    expect(noPlan.body.detail).toContain('no SLA plan');
    expect(fieldsOf(noPlan.body)).toEqual(['body.clientId']);
    const unknownClient = await post(a.admin.token, { clientId: 'cli_nope', title: 'Down', severity: 'high' });
    expect(unknownClient.status).toBe(400);
    const assignee = await post(a.admin.token, { clientId: a.clientA, title: 'Down', severity: 'high', assigneeId: a.clientUser.id });
    expect(assignee.status).toBe(400);
    expect(fieldsOf(assignee.body)).toEqual(['body.assigneeId']);
    const empty = await t.request('POST', `/api/v1/tickets/${ticket.id}/messages`, { token: a.admin.token, body: { body: '   ' } });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body.body']);
    const attachment = await t.request('POST', `/api/v1/tickets/${ticket.id}/messages`, { token: a.admin.token, body: { body: 'see file', attachments: [{ fileName: 'a', size: -1, contentType: 'nope', checksum: 'x' }] } });
    expect(attachment.status).toBe(400);
    expect(fieldsOf(attachment.body).sort()).toEqual(['body.attachments.0.checksum', 'body.attachments.0.contentType', 'body.attachments.0.size']);
    expect(await countTickets(t)).toEqual(before);
  });

  it('status moves the state machine does not allow: 409 with the reason', async () => {
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Moves', severity: 'low' });
    const reopenNew = await t.request('PATCH', `/api/v1/tickets/${ticket.id}`, { token: a.admin.token, body: { status: 'reopened' } });
    expect(reopenNew.status).toBe(409);
    expect(reopenNew.body.detail).toBe('A new ticket cannot become reopened: from new it can become open, waiting, resolved, closed.');
    await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.admin.token, { status: 'closed' });
    const before = await countTickets(t);
    const openClosed = await t.request('PATCH', `/api/v1/tickets/${ticket.id}`, { token: a.admin.token, body: { status: 'open', severity: 'high' } });
    expect(openClosed.status).toBe(409);
    expect(openClosed.body.detail).toContain('can become reopened');
    const reply = await t.request('POST', `/api/v1/tickets/${ticket.id}/messages`, { token: a.admin.token, body: { body: 'hello?' } });
    expect(reply.status).toBe(409);
    expect(await countTickets(t)).toEqual(before);
    expect((await ok(t, 'GET', `/api/v1/tickets/${ticket.id}`, a.admin.token)).severity).toBe('low');
  });
});

describe('lists and the SLA-at-risk tile', () => {
  it('filters by status, severity, assignee and breach, nearest due first, a page at a time', async () => {
    at('2026-11-24T09:00:00.000Z'); // Tuesday 10:00 local
    const late = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Late', severity: 'critical', assigneeId: a.manager.id });
    at('2026-11-24T09:05:00.000Z');
    const soon = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Soon', severity: 'critical' });
    at('2026-11-24T09:17:00.000Z'); // late: breached; soon: 80 % used
    const mine = await ok(t, 'GET', '/api/v1/tickets?assignee=me', a.manager.token);
    expect(mine.items.map((x: any) => x.id)).toEqual([late.id]);
    const breached = await ok(t, 'GET', '/api/v1/tickets?breached=true&severity=critical', a.admin.token);
    expect(breached.items.map((x: any) => x.id)).toEqual([late.id]);
    expect(breached.items[0].clocks.firstResponse).toMatchObject({ breached: true, breachedAt: '2026-11-24T09:15:00.000Z' });
    const critical = await ok(t, 'GET', '/api/v1/tickets?severity=critical&status=new&limit=1', a.admin.token);
    expect(critical.items.map((x: any) => x.id)).toEqual([late.id]);
    const next = await ok(t, 'GET', `/api/v1/tickets?severity=critical&status=new&limit=1&cursor=${critical.nextCursor}`, a.admin.token);
    expect(next.items.map((x: any) => x.id)).toEqual([soon.id]);
    const unassigned = await ok(t, 'GET', '/api/v1/tickets?assignee=none&severity=critical', a.admin.token);
    expect(unassigned.items.map((x: any) => x.id)).toEqual([soon.id]);
    const summary = await ok(t, 'GET', '/api/v1/tickets/summary', a.viewer.token);
    expect(summary.breached).toBeGreaterThanOrEqual(1);
    expect(summary.atRisk).toBeGreaterThanOrEqual(1);
    const bad = await t.request('GET', '/api/v1/tickets?cursor=garbage', { token: a.admin.token });
    expect(bad.status).toBe(400);
  });
});

describe('the SLA watch', () => {
  it('records the 75 % warning and the breach once each, however often it runs', async () => {
    at('2026-11-25T09:00:00.000Z');
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Watched', severity: 'critical' });
    at('2026-11-25T09:12:00.000Z');
    const warned = (await recordSlaBreaches(t.deps, t.clock.now)).filter((r) => r.ticketId === ticket.id);
    expect(warned).toEqual([{ ticketId: ticket.id, clock: 'first-response', kind: 'warning', at: '2026-11-25T09:11:15.000Z' }]);
    expect((await recordSlaBreaches(t.deps, t.clock.now)).filter((r) => r.ticketId === ticket.id)).toEqual([]);

    at('2026-11-25T09:20:00.000Z');
    await deskJobs(t.deps)[SLA_WATCH_JOB]!({ slot: '2026-11-25T09:20:00.000Z' }, undefined as never);
    await deskJobs(t.deps)[SLA_WATCH_JOB]!({ slot: '2026-11-25T09:20:00.000Z' }, undefined as never);
    expect((await recordSlaBreaches(t.deps, t.clock.now)).filter((r) => r.ticketId === ticket.id)).toEqual([]);
    const view = await ok(t, 'GET', `/api/v1/tickets/${ticket.id}`, a.admin.token);
    expect(view.clocks.firstResponse).toMatchObject({ warningRecordedAt: '2026-11-25T09:11:15.000Z', breachRecordedAt: '2026-11-25T09:15:00.000Z' });
    const actions = (await auditOf(t, ticket.id)).map((e) => e.action);
    expect(actions.filter((x) => x === 'ticket.sla-warned')).toHaveLength(1);
    expect(actions.filter((x) => x === 'ticket.sla-breached')).toHaveLength(1);
  });

  it('is booked once a minute', async () => {
    at('2026-11-25T10:00:30.000Z');
    await scheduleDeskJobs(t.deps);
    await scheduleDeskJobs(t.deps);
    const jobs = await t.deps.database.db.selectFrom('jobs').select(['idempotency_key', 'run_at']).where('name', '=', SLA_WATCH_JOB).where('idempotency_key', '=', `${SLA_WATCH_JOB}:2026-11-25T10:00:00.000Z`).execute();
    expect(jobs).toHaveLength(1);
  });
});

describe('a ticket from a monitoring incident', () => {
  it('at 02:00 on a Sunday: critical, linked, first response due 15 minutes later, once per incident', async () => {
    at('2026-11-29T01:00:00.000Z'); // Sunday 02:00 in Stockholm
    const monitor = await createMonitor(t, a.admin.token, httpMonitor({ name: 'Shop', clientId: a.clientA }));
    const incidentId = await openIncident(t, { id: monitor.id, clientId: a.clientA });
    const incident = (await findIncident(t.deps.database.db, incidentId))!;
    const ticket = (await openTicketForIncident(t.deps, incident))!;
    expect(ticket).toMatchObject({ severity: 'critical', source: 'incident', incidentId, clientId: a.clientA, title: 'Shop is down', createdBy: null });
    const view = await ok(t, 'GET', `/api/v1/tickets/${ticket.id}`, a.clientUser.token);
    expect(view.clocks.firstResponse).toMatchObject({ dueAt: '2026-11-29T01:15:00.000Z', paused: false });
    expect(view.clocks.resolution.dueAt).toBe('2026-11-29T03:00:00.000Z');
    expect(view.thread.at(-1).body).toContain('Work on it starts now');
    expect((await openTicketForIncident(t.deps, incident))!.id).toBe(ticket.id);
    const linked = await t.deps.database.db.selectFrom('tickets').select('id').where('incident_id', '=', incidentId).execute();
    expect(linked).toHaveLength(1);
    expect((await auditOf(t, ticket.id)).map((e) => [e.action, e.actor_type])).toEqual([['ticket.created', 'system']]);
  });

  it('does nothing for a client without a plan', async () => {
    const monitor = await createMonitor(t, a.admin.token, httpMonitor({ name: 'Blog', clientId: a.clientB }));
    const incidentId = await openIncident(t, { id: monitor.id, clientId: a.clientB });
    const before = await countTickets(t);
    expect(await openTicketForIncident(t.deps, (await findIncident(t.deps.database.db, incidentId))!)).toBeNull();
    expect(await countTickets(t)).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, auditOf, ok } from './helpers.ts';
import { planForClient } from './tickets-helpers.ts';

let t: TestApp;
let a: Agency;
let planId: string;

// Stockholm is UTC+1 in November. 2026-11-20 is a Friday, 2026-11-23 a Monday.
const FRIDAY_1730 = '2026-11-20T16:30:00.000Z';
const MONDAY_1000 = '2026-11-23T09:00:00.000Z';

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-20T08:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  ({ planId } = await planForClient(t, a.admin.token, a.clientA));
});
afterAll(async () => t?.close());

async function open(severity: string, at: string, extra: Record<string, unknown> = {}): Promise<any> {
  t.clock.now = new Date(at);
  const res = await t.request('POST', '/api/v1/tickets', { token: a.manager.token, body: { clientId: a.clientA, title: `Something ${severity}`, severity, ...extra } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const at = (iso: string) => (t.clock.now = new Date(iso));
const get = (id: string, token = a.manager.token) => ok(t, 'GET', `/api/v1/tickets/${id}`, token);

describe('a ticket created on Friday at 17:30 in Stockholm, 30 minutes before closing', () => {
  it('gets the targets of its severity under the client’s plan, hand-computed', async () => {
    const high = await open('high', FRIDAY_1730);
    expect(high).toMatchObject({ clientId: a.clientA, clientName: 'Client A', severity: 'high', status: 'new', source: 'api', planId });
    expect(high.id).toMatch(/^tkt_/);
    // 1 h business: 30 min on Friday, 30 min from Monday's opening.
    expect(high.clocks.firstResponse).toMatchObject({ dueAt: '2026-11-23T08:30:00.000Z', targetMinutes: 60, met: false, breached: false, paused: false, percentUsed: 0 });
    // 45 min of business time in: Monday 09:15.
    expect(high.clocks.firstResponse.warningAt).toBe('2026-11-23T08:15:00.000Z');
    // 8 h business: 30 min Friday + 7 h 30 min Monday from 09:00 → 16:30.
    expect(high.clocks.resolution.dueAt).toBe('2026-11-23T15:30:00.000Z');
    expect(high.nextDueAt).toBe('2026-11-23T08:30:00.000Z');

    const critical = await open('critical', FRIDAY_1730);
    expect(critical.clocks.firstResponse.dueAt).toBe('2026-11-20T16:45:00.000Z');
    expect(critical.clocks.resolution.dueAt).toBe('2026-11-20T18:30:00.000Z');

    const medium = await open('medium', FRIDAY_1730);
    // 4 h business: 30 min Friday, 3 h 30 min Monday → 12:30; no resolution target (work queue).
    expect(medium.clocks.firstResponse.dueAt).toBe('2026-11-23T11:30:00.000Z');
    expect(medium.clocks.resolution).toBeNull();

    const low = await open('low', FRIDAY_1730);
    // Next business day: Monday at close, 18:00.
    expect(low.clocks.firstResponse.dueAt).toBe('2026-11-23T17:00:00.000Z');
    expect(low.clocks.resolution).toBeNull();

    const audit = await auditOf(t, high.id);
    expect(audit.map((e) => e.action)).toEqual(['ticket.created']);
    expect(audit[0]!.after).toMatchObject({ severity: 'high', clientId: a.clientA, firstResponseDueAt: '2026-11-23T08:30:00.000Z' });
  });

  it('acknowledges outside support hours with when work starts and the target times', async () => {
    const high = await open('high', FRIDAY_1730, { body: 'The contact form sends nothing.' });
    at('2026-11-20T18:00:00.000Z');
    const detail = await get(high.id);
    expect(detail.thread.map((m: any) => [m.authorKind, m.visibility])).toEqual([
      ['staff', 'public'],
      ['system', 'public'],
    ]);
    const ack = detail.thread[1].body;
    // Within hours at 17:30: work starts now; the times are in Stockholm's wall clock.
    expect(ack).toContain('It arrived within our support hours, so work on it starts now.');
    expect(ack).toContain('First response by Mon 23 Nov 2026 at 09:30.');
    expect(ack).toContain('Resolution target: Mon 23 Nov 2026 at 16:30.');

    const late = await open('high', '2026-11-20T19:00:00.000Z');
    const lateAck = (await get(late.id)).thread[0].body;
    expect(lateAck).toContain('It arrived outside our support hours; work on it starts Mon 23 Nov 2026 at 09:00.');
    expect(lateAck).toContain('First response by Mon 23 Nov 2026 at 10:00.');
    expect(lateAck).toContain('Times are in Europe/Stockholm.');

    const medium = await open('medium', '2026-11-21T10:00:00.000Z');
    expect((await get(medium.id)).thread[0].body).toContain('it joins our work queue');

    const critical = await open('critical', '2026-11-21T10:00:00.000Z');
    const criticalAck = (await get(critical.id)).thread[0].body;
    expect(criticalAck).toContain('Work on it starts now: this severity is handled around the clock.');
    expect(criticalAck).toContain('First response by Sat 21 Nov 2026 at 11:15.');
  });
});

describe('clocks while the ticket runs', () => {
  it('stand still while waiting on the client; the due instants move by the paused business time', async () => {
    const ticket = await open('high', MONDAY_1000);
    expect(ticket.clocks.firstResponse.dueAt).toBe('2026-11-23T10:00:00.000Z');
    at('2026-11-23T09:30:00.000Z'); // 10:30 local
    const waiting = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.manager.token, { status: 'waiting' });
    expect(waiting.clocks.firstResponse).toMatchObject({ paused: true, dueAt: null, elapsedMinutes: 30 });

    at('2026-11-23T12:00:00.000Z'); // still waiting: nothing counts
    expect((await get(ticket.id)).clocks.firstResponse).toMatchObject({ paused: true, elapsedMinutes: 30, remainingMinutes: 30, percentUsed: 50 });

    // The client answers at 14:00 local: the ticket is open again and the clocks run on.
    at('2026-11-23T13:00:00.000Z');
    await ok(t, 'POST', `/api/v1/tickets/${ticket.id}/messages`, a.clientUser.token, { body: 'Here is the log you asked for.' });
    const resumed = await get(ticket.id);
    expect(resumed.status).toBe('open');
    // Paused 3 h 30 min of business time: 11:00 → 14:30 local.
    expect(resumed.clocks.firstResponse).toMatchObject({ paused: false, dueAt: '2026-11-23T13:30:00.000Z' });
    // Resolution: 30 min used before the pause, 450 left from 14:00 Monday → 4 h Monday + 3 h 30 Tuesday → Tue 12:30 local.
    expect(resumed.clocks.resolution.dueAt).toBe('2026-11-24T11:30:00.000Z');
    expect(resumed.history.filter((e: any) => e.kind === 'status').map((e: any) => e.to)).toEqual(['new', 'waiting', 'open']);
  });

  it('are recomputed from creation when the severity changes; a breach recorded stays recorded', async () => {
    const ticket = await open('high', MONDAY_1000);
    at('2026-11-23T09:20:00.000Z'); // 10:20 local
    const critical = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.manager.token, { severity: 'critical' });
    // 15 min around the clock from creation: due 10:15, already passed.
    expect(critical.clocks.firstResponse).toMatchObject({ dueAt: '2026-11-23T09:15:00.000Z', breached: true, breachRecordedAt: '2026-11-23T09:15:00.000Z' });
    expect(critical.clocks.resolution.dueAt).toBe('2026-11-23T11:00:00.000Z');

    at('2026-11-23T09:25:00.000Z');
    const medium = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.manager.token, { severity: 'medium' });
    // 4 h business from 10:00: 14:00 local; back within target, the breach still on record.
    expect(medium.clocks.firstResponse).toMatchObject({ dueAt: '2026-11-23T13:00:00.000Z', breached: false, breachRecordedAt: '2026-11-23T09:15:00.000Z' });
    expect(medium.clocks.resolution).toBeNull();
    const audit = await auditOf(t, ticket.id);
    expect(audit.map((e) => e.action)).toEqual(['ticket.created', 'ticket.updated', 'ticket.updated']);
    expect(audit[1]!.before).toEqual({ severity: 'high' });
    expect(audit[1]!.after).toMatchObject({ severity: 'critical', firstResponseDueAt: '2026-11-23T09:15:00.000Z' });
  });

  it('meet the first response with the first public staff reply, not an internal note or the client', async () => {
    const ticket = await open('high', MONDAY_1000);
    at('2026-11-23T09:10:00.000Z');
    await ok(t, 'POST', `/api/v1/tickets/${ticket.id}/messages`, a.manager.token, { body: 'Looks like the mail relay.', visibility: 'internal' });
    await ok(t, 'POST', `/api/v1/tickets/${ticket.id}/messages`, a.clientUser.token, { body: 'Any news?' });
    let now = await get(ticket.id);
    expect(now).toMatchObject({ firstResponseAt: null, status: 'new' });
    expect(now.clocks.firstResponse.met).toBe(false);

    at('2026-11-23T09:40:00.000Z');
    const reply = await ok(t, 'POST', `/api/v1/tickets/${ticket.id}/messages`, a.manager.token, {
      body: 'We are on it.',
      attachments: [{ fileName: 'trace.txt', size: 1200, contentType: 'text/plain', checksum: 'sha256:9f86d081884c7d65' }],
    });
    expect(reply).toMatchObject({ authorKind: 'staff', visibility: 'public', attachments: [{ fileName: 'trace.txt', size: 1200 }] });
    now = await get(ticket.id);
    expect(now).toMatchObject({ firstResponseAt: '2026-11-23T09:40:00.000Z', status: 'open' });
    expect(now.clocks.firstResponse).toMatchObject({ met: true, metAt: '2026-11-23T09:40:00.000Z', breached: false, elapsedMinutes: 40 });
    // A met clock no longer sorts the ticket: the resolution's due does.
    expect(now.nextDueAt).toBe(now.clocks.resolution.dueAt);
    expect((await auditOf(t, ticket.id)).filter((e) => e.action === 'ticket.message-added')).toHaveLength(3);
  });

  it('stop at resolution and run on from a reopening', async () => {
    const ticket = await open('high', MONDAY_1000);
    at('2026-11-23T10:00:00.000Z'); // 11:00 local: 60 min used
    const resolved = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.manager.token, { status: 'resolved' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-23T10:00:00.000Z' });
    expect(resolved.clocks.resolution).toMatchObject({ met: true, elapsedMinutes: 60 });
    at('2026-11-23T12:00:00.000Z'); // the client reopens at 13:00 local; two hours stood still
    const reopened = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.clientUser.token, { status: 'reopened' });
    expect(reopened).toMatchObject({ status: 'reopened', resolvedAt: null });
    // 420 min left from 13:00 Monday: 5 h Monday, 2 h Tuesday → Tue 11:00 local.
    expect(reopened.clocks.resolution).toMatchObject({ met: false, dueAt: '2026-11-24T10:00:00.000Z' });
    const closed = await ok(t, 'PATCH', `/api/v1/tickets/${ticket.id}`, a.clientUser.token, { status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-23T12:00:00.000Z', resolvedAt: '2026-11-23T12:00:00.000Z' });
  });
});

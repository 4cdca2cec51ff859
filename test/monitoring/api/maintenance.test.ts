import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { auditActions, createMonitor, fieldsOf, httpMonitor } from './helpers.ts';

let t: TestApp;
let a: Agency;
let monitorA: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-03-01T12:00:00.000Z');
  a = await seedAgency(t);
  monitorA = (await createMonitor(t, a.manager.token, httpMonitor({ clientId: a.clientA }))).id;
});
afterAll(async () => t?.close());

const oneOff = (extra: Record<string, unknown> = {}) => ({
  title: 'Server upgrade',
  scopeType: 'monitor',
  scopeId: monitorA,
  startsAt: '2030-03-02T22:00:00Z',
  endsAt: '2030-03-02T23:30:00Z',
  ...extra,
});
const weekly = { weekdays: [2, 4], start: '02:00', minutes: 60, timeZone: 'Europe/Stockholm', until: '2030-06-30' };

describe('maintenance windows', () => {
  it('plans, shows, changes and deletes a one-off window, audited', async () => {
    const created = await t.request('POST', '/api/v1/maintenance-windows', { token: a.manager.token, body: oneOff() });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ title: 'Server upgrade', startsAt: '2030-03-02T22:00:00.000Z', endsAt: '2030-03-02T23:30:00.000Z', recurrence: null, createdBy: a.manager.id });
    const id = created.body.id;
    expect((await t.request('GET', `/api/v1/maintenance-windows/${id}`, { token: a.viewer.token })).body.id).toBe(id);
    const changed = await t.request('PATCH', `/api/v1/maintenance-windows/${id}`, { token: a.manager.token, body: { endsAt: '2030-03-03T01:00:00Z' } });
    expect(changed.body.endsAt).toBe('2030-03-03T01:00:00.000Z');
    const upcoming = await t.request('GET', '/api/v1/maintenance-windows?when=upcoming', { token: a.viewer.token });
    expect(upcoming.body.items.map((w: { id: string }) => w.id)).toContain(id);
    expect((await t.request('DELETE', `/api/v1/maintenance-windows/${id}`, { token: a.manager.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/maintenance-windows/${id}`, { token: a.viewer.token })).status).toBe(404);
    expect((await auditActions(t, id)).map((e) => e.action)).toEqual(['maintenance.created', 'maintenance.updated', 'maintenance.deleted']);
  });

  it('keeps a recurring window with its end taken from until, in its time zone', async () => {
    const res = await t.request('POST', '/api/v1/maintenance-windows', {
      token: a.manager.token,
      body: { title: 'Weekly patching', scopeType: 'client', scopeId: a.clientA, startsAt: '2030-03-01T00:00:00Z', recurrence: weekly },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.recurrence).toEqual(weekly);
    // The end of 30 June in Stockholm (summer time, UTC+2).
    expect(res.body.endsAt).toBe('2030-06-30T21:59:59.999Z');
    const current = await t.request('GET', `/api/v1/maintenance-windows?when=current&scopeType=client&scopeId=${a.clientA}`, { token: a.viewer.token });
    expect(current.body.items.map((w: { id: string }) => w.id)).toEqual([res.body.id]);
    const forever = await t.request('POST', '/api/v1/maintenance-windows', {
      token: a.manager.token,
      body: { title: 'Nightly', scopeType: 'client', scopeId: a.clientA, startsAt: '2030-03-01T00:00:00Z', recurrence: { ...weekly, until: null } },
    });
    expect(forever.body.endsAt).toBe('9999-12-31T23:59:59.999Z');
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an end before the start', oneOff({ endsAt: '2030-03-02T21:00:00Z' }), 'body.endsAt'],
    ['an end equal to the start', oneOff({ endsAt: '2030-03-02T22:00:00Z' }), 'body.endsAt'],
    ['a one-off window without an end', oneOff({ endsAt: undefined }), 'body.endsAt'],
    ['a start that is not an instant', oneOff({ startsAt: 'next tuesday' }), 'body.startsAt'],
    ['a scope that does not exist', oneOff({ scopeId: 'mon_nothing' }), 'body.scopeId'],
    ['an unknown scope type', oneOff({ scopeType: 'galaxy' }), 'body.scopeType'],
    ['weekday 0', oneOff({ recurrence: { ...weekly, weekdays: [0] } }), 'body.recurrence.weekdays.0'],
    ['weekday 8', oneOff({ recurrence: { ...weekly, weekdays: [1, 8] } }), 'body.recurrence.weekdays.1'],
    ['no weekdays', oneOff({ recurrence: { ...weekly, weekdays: [] } }), 'body.recurrence.weekdays'],
    ['a start that is not HH:mm', oneOff({ recurrence: { ...weekly, start: '25:00' } }), 'body.recurrence.start'],
    ['zero minutes', oneOff({ recurrence: { ...weekly, minutes: 0 } }), 'body.recurrence.minutes'],
    ['an unknown time zone', oneOff({ recurrence: { ...weekly, timeZone: 'Mars/Olympus' } }), 'body.recurrence.timeZone'],
    ['an until that is no date', oneOff({ recurrence: { ...weekly, until: '2030-02-30' } }), 'body.recurrence.until'],
    ['an until before the start', oneOff({ recurrence: { ...weekly, until: '2030-03-01' } }), 'body.recurrence.until'],
  ];
  for (const [what, body, field] of bad) {
    it(`refuses ${what}`, async () => {
      // The cases are written before the monitor exists; it is filled in here.
      const res = await t.request('POST', '/api/v1/maintenance-windows', { token: a.manager.token, body: { ...body, scopeId: body.scopeId ?? monitorA } });
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
  }

  it("shows a client's portal user only windows over its own things, and lets it change none", async () => {
    const mine = await t.request('POST', '/api/v1/maintenance-windows', { token: a.manager.token, body: oneOff({ title: 'Mine' }) });
    const theirs = await t.request('POST', '/api/v1/maintenance-windows', { token: a.manager.token, body: oneOff({ title: 'Theirs', scopeType: 'client', scopeId: a.clientB }) });
    const list = await t.request('GET', '/api/v1/maintenance-windows?limit=200', { token: a.clientUser.token });
    const seen = list.body.items.map((w: { id: string }) => w.id);
    expect(seen).toContain(mine.body.id);
    expect(seen).not.toContain(theirs.body.id);
    expect((await t.request('GET', `/api/v1/maintenance-windows/${theirs.body.id}`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('POST', '/api/v1/maintenance-windows', { token: a.clientUser.token, body: oneOff() })).status).toBe(403);
    expect((await t.request('DELETE', `/api/v1/maintenance-windows/${mine.body.id}`, { token: a.viewer.token })).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { CLI_ACTOR } from '../../../src/accounts/model.ts';
import { acknowledgeSubject } from '../../../src/notifications/acknowledgements.service.ts';
import { auditActions, createMonitor, fieldsOf, httpMonitor, openIncident } from './helpers.ts';

let t: TestApp;
let a: Agency;
let siteA: { id: string; clientId: string };
let siteB: { id: string; clientId: string };
let parent: string;
let child: string;
let resolved: string;
let other: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  siteA = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Site A', clientId: a.clientA }));
  siteB = await createMonitor(t, a.manager.token, httpMonitor({ name: 'Site B', clientId: a.clientB }));
  const server = await createMonitor(t, a.manager.token, { kind: 'tcp', name: 'Server A', clientId: a.clientA, config: { host: '127.0.0.1', port: 22 } });
  const day = (n: number) => new Date(t.clock.now.getTime() - n * 86_400_000).toISOString();
  resolved = await openIncident(t, siteA, { state: 'resolved', started_at: day(5), resolved_at: day(4) });
  parent = await openIncident(t, server, { started_at: day(2) });
  child = await openIncident(t, siteA, { started_at: day(1), parent_incident_id: parent });
  other = await openIncident(t, siteB, { started_at: day(1), in_maintenance: 1 });
});
afterAll(async () => t?.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('incident lists', () => {
  it('lists newest first, filtered by state, client and monitor, a page at a time', async () => {
    const all = await t.request('GET', '/api/v1/incidents', { token: a.viewer.token });
    expect(all.status, all.text).toBe(200);
    // other and child started at the same instant: either order, then the older ones.
    expect(ids(all.body).slice(0, 2).sort()).toEqual([other, child].sort());
    expect(ids(all.body).slice(2)).toEqual([parent, resolved]);
    expect(all.body.items[0]).toMatchObject({ monitorName: expect.any(String), state: 'open' });
    expect(ids((await t.request('GET', '/api/v1/incidents?state=resolved', { token: a.viewer.token })).body)).toEqual([resolved]);
    expect(ids((await t.request('GET', `/api/v1/incidents?monitorId=${siteA.id}`, { token: a.viewer.token })).body)).toEqual([child, resolved]);
    expect(ids((await t.request('GET', `/api/v1/incidents?clientId=${a.clientB}`, { token: a.viewer.token })).body)).toEqual([other]);
    const first = await t.request('GET', `/api/v1/incidents?monitorId=${siteA.id}&limit=1`, { token: a.viewer.token });
    expect(ids(first.body)).toEqual([child]);
    const second = await t.request('GET', `/api/v1/incidents?monitorId=${siteA.id}&limit=1&cursor=${first.body.nextCursor}`, { token: a.viewer.token });
    expect(ids(second.body)).toEqual([resolved]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await t.request('GET', '/api/v1/incidents?cursor=e30', { token: a.viewer.token });
    expect(fieldsOf(bad.body)).toEqual(['querystring.cursor']);
  });

  it("shows a client's portal user its own incidents only", async () => {
    const mine = await t.request('GET', '/api/v1/incidents', { token: a.clientUser.token });
    expect(ids(mine.body).sort()).toEqual([child, parent, resolved].sort());
    expect(ids((await t.request('GET', `/api/v1/incidents?clientId=${a.clientB}`, { token: a.clientUser.token })).body)).toEqual([]);
    expect((await t.request('GET', `/api/v1/incidents/${other}`, { token: a.clientUser.token })).status).toBe(404);
  });

  it('counts open incidents for the dashboard tile', async () => {
    const staff = await t.request('GET', '/api/v1/incidents/summary', { token: a.viewer.token });
    expect(staff.body).toEqual({
      open: 3,
      unacknowledged: 3,
      inMaintenance: 1,
      byClient: [
        { clientId: a.clientA, open: 2 },
        { clientId: a.clientB, open: 1 },
      ],
    });
    const portal = await t.request('GET', '/api/v1/incidents/summary', { token: a.clientUser.token });
    expect(portal.body).toEqual({ open: 2, unacknowledged: 2, inMaintenance: 0, byClient: [{ clientId: a.clientA, open: 2 }] });
  });
});

describe('working on an incident', () => {
  it('shows the timeline and the incidents grouped under it', async () => {
    const res = await t.request('GET', `/api/v1/incidents/${parent}`, { token: a.viewer.token });
    expect(res.status).toBe(200);
    expect(res.body.children.map((c: { id: string }) => c.id)).toEqual([child]);
    expect(res.body.timeline).toEqual([]);
  });

  it('acknowledges once, on the timeline, in the audit log and for the notifications', async () => {
    const viewer = await t.request('POST', `/api/v1/incidents/${child}/acknowledge`, { token: a.viewer.token });
    expect(viewer.status).toBe(403);
    const res = await t.request('POST', `/api/v1/incidents/${child}/acknowledge`, { token: a.manager.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ acknowledgedAt: t.clock.now.toISOString(), acknowledgedBy: a.manager.id });
    const again = await t.request('POST', `/api/v1/incidents/${child}/acknowledge`, { token: a.owner.token });
    expect(again.body.acknowledgedBy).toBe(a.manager.id);
    const detail = await t.request('GET', `/api/v1/incidents/${child}`, { token: a.manager.token });
    expect(detail.body.timeline.map((u: { kind: string }) => u.kind)).toEqual(['acknowledged']);
    expect((await auditActions(t, child)).map((e) => e.action)).toEqual(['incident.acknowledged']);
    const ack = await t.deps.database.db.selectFrom('acknowledgements').selectAll().where('subject_key', '=', `incident:${child}`).execute();
    expect(ack).toHaveLength(1);
    expect((await t.request('POST', `/api/v1/incidents/${resolved}/acknowledge`, { token: a.manager.token })).status).toBe(409);
  });

  it('shows an acknowledgement made from a message link on the incident', async () => {
    // What the /ack/<token> page does: notifications record it and stop the escalation.
    await acknowledgeSubject(t.deps, { actor: CLI_ACTOR, requestId: null }, `incident:${other}`, a.manager.id, 'link');
    const detail = await t.request('GET', `/api/v1/incidents/${other}`, { token: a.viewer.token });
    expect(detail.body).toMatchObject({ acknowledgedAt: t.clock.now.toISOString(), acknowledgedBy: a.manager.id });
    expect(detail.body.timeline).toContainEqual(expect.objectContaining({ kind: 'acknowledged', message: 'Acknowledged (link)' }));
  });

  it('records a root cause, audited', async () => {
    const res = await t.request('PATCH', `/api/v1/incidents/${parent}`, { token: a.manager.token, body: { rootCause: 'Power cut at the data centre' } });
    expect(res.status).toBe(200);
    expect(res.body.rootCause).toBe('Power cut at the data centre');
    expect((await auditActions(t, parent)).map((e) => e.action)).toContain('incident.root-cause-set');
    const bad = await t.request('PATCH', `/api/v1/incidents/${parent}`, { token: a.manager.token, body: { rootCause: 42 } });
    expect(fieldsOf(bad.body)).toEqual(['body.rootCause']);
  });

  it('posts public updates and internal notes; the portal and notifications see only the public ones', async () => {
    const note = await t.request('POST', `/api/v1/incidents/${parent}/updates`, { token: a.manager.token, body: { message: 'Internal: the UPS at rack 4 failed' } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'update', public: false, byUserId: a.manager.id });
    const update = await t.request('POST', `/api/v1/incidents/${parent}/updates`, { token: a.manager.token, body: { message: 'We are restoring power.', public: true } });
    expect(update.status).toBe(201);
    const staff = await t.request('GET', `/api/v1/incidents/${parent}`, { token: a.manager.token });
    expect(staff.body.timeline.map((u: { message: string }) => u.message)).toEqual(['Internal: the UPS at rack 4 failed', 'We are restoring power.']);
    const portal = await t.request('GET', `/api/v1/incidents/${parent}`, { token: a.clientUser.token });
    expect(portal.body.timeline.map((u: { message: string }) => u.message)).toEqual(['We are restoring power.']);
    const events = await t.deps.database.db.selectFrom('events').select(['type', 'data']).where('subject_key', '=', `incident:${parent}`).execute();
    expect(events.map((e) => [e.type, JSON.parse(e.data).message])).toEqual([['incident.updated', 'We are restoring power.']]);
    const empty = await t.request('POST', `/api/v1/incidents/${parent}/updates`, { token: a.manager.token, body: { message: '  ' } });
    expect(fieldsOf(empty.body)).toEqual(['body.message']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackUrl } from '../../../src/notifications/ack-links.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { advance, ok, publish, queued, runDueJobs } from './support.ts';

let t: TestApp;
let a: Agency;
let projectA: string;
let policyId: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-03-29T00:50:00Z');
  projectA = (await ok(t, 'POST', '/api/v1/projects', a.owner.token, { clientId: a.clientA, name: 'Shop', managerId: a.manager.id })).id;
  await ok(t, 'PUT', '/api/v1/on-call', a.owner.token, { userIds: [a.viewer.id] });
  const policy = await ok(t, 'POST', '/api/v1/escalation-policies', a.owner.token, {
    name: 'On-call, then the manager, then the owner',
    steps: [
      { afterMinutes: 0, targets: [{ kind: 'on-call' }] },
      { afterMinutes: 15, targets: [{ kind: 'project-manager' }] },
      { afterMinutes: 30, targets: [{ kind: 'user', userId: a.owner.id }] },
    ],
  });
  policyId = policy.id;
  await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Shop outages escalate', eventTypes: ['incident.*'], projectId: projectA, escalationPolicyId: policyId });
});
afterAll(async () => t?.close());

let incidents = 0;
async function openIncident(): Promise<{ subjectKey: string; eventId: string }> {
  const subjectKey = `incident:inc_test${++incidents}`;
  const eventId = await publish(t, { type: 'incident.opened', severity: 'critical', clientId: a.clientA, projectId: projectA, subjectKey });
  return { subjectKey, eventId };
}

const reasons = async (eventId: string) => (await queued(t, { eventId })).map((n) => `${n.recipient} ${n.reason}`);
const step = (n: number) => `escalation:${policyId}:step${n}`;

describe('an escalation policy', () => {
  it('tells each step on a controllable clock and stops when acknowledged through the API', async () => {
    const { subjectKey, eventId } = await openIncident();
    await runDueJobs(t);
    expect(await reasons(eventId)).toEqual([`user:${a.viewer.id} ${step(0)}`]);

    advance(t, 14);
    await runDueJobs(t);
    expect(await reasons(eventId)).toHaveLength(1);

    advance(t, 1);
    await runDueJobs(t);
    expect((await reasons(eventId)).sort()).toEqual([`user:${a.viewer.id} ${step(0)}`, `user:${a.manager.id} ${step(1)}`].sort());

    const running = await ok(t, 'GET', '/api/v1/escalations?state=running', a.manager.token);
    expect(running.items).toEqual([expect.objectContaining({ subjectKey, policyId, state: 'running', nextStep: 2, policyName: 'On-call, then the manager, then the owner' })]);

    const ack = await t.request('POST', '/api/v1/acknowledgements', { token: a.manager.token, body: { subjectKey } });
    expect(ack.status, ack.text).toBe(201);
    expect(ack.body).toMatchObject({ subjectKey, userId: a.manager.id, via: 'api', created: true, stoppedPolicyIds: [policyId] });
    const again = await t.request('POST', '/api/v1/acknowledgements', { token: a.admin.token, body: { subjectKey } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ userId: a.manager.id, created: false, stoppedPolicyIds: [] });

    advance(t, 30);
    await runDueJobs(t);
    expect(await reasons(eventId)).toHaveLength(2);
    expect((await ok(t, 'GET', `/api/v1/escalations?subjectKey=${encodeURIComponent(subjectKey)}`, a.owner.token)).items[0].state).toBe('acknowledged');
    expect(await ok(t, 'GET', `/api/v1/acknowledgements/${encodeURIComponent(subjectKey)}`, a.viewer.token)).toMatchObject({ subjectKey, userId: a.manager.id, via: 'api' });
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', subjectKey).execute();
    expect(audit).toEqual([{ action: 'subject.acknowledged', actor_id: a.manager.id }]);
  });

  it('runs every step when nobody acknowledges, then completes', async () => {
    const { subjectKey, eventId } = await openIncident();
    await runDueJobs(t);
    advance(t, 45);
    await runDueJobs(t);
    expect((await reasons(eventId)).sort()).toEqual([`user:${a.viewer.id} ${step(0)}`, `user:${a.manager.id} ${step(1)}`, `user:${a.owner.id} ${step(2)}`].sort());
    expect((await ok(t, 'GET', `/api/v1/escalations?subjectKey=${encodeURIComponent(subjectKey)}`, a.owner.token)).items[0]).toMatchObject({ state: 'completed', nextAt: null });
  });

  it('is not acknowledged by fetching the link (scanners do), only by confirming it', async () => {
    const { subjectKey, eventId } = await openIncident();
    await runDueJobs(t);
    const path = new URL(ackUrl(t.deps, subjectKey, a.viewer.id)).pathname;

    const page = await t.request('GET', path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(`<form method="post" action="${path}">`);
    advance(t, 15);
    await runDueJobs(t);
    expect(await reasons(eventId)).toHaveLength(2);

    const confirmed = await t.request('POST', path, { rawBody: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.text).toContain('Acknowledged');
    expect(await ok(t, 'GET', `/api/v1/acknowledgements/${encodeURIComponent(subjectKey)}`, a.owner.token)).toMatchObject({ userId: a.viewer.id, via: 'link' });

    advance(t, 30);
    await runDueJobs(t);
    expect(await reasons(eventId)).toHaveLength(2);
  });

  it("speaks the language of the link's person and names the monitor", async () => {
    const subjectKey = 'incident:inc_swedish';
    await publish(t, { type: 'incident.opened', severity: 'low', clientId: a.clientA, subjectKey, data: { monitorName: 'Butikens webbplats' } as never });
    await t.deps.database.db.updateTable('users').set({ locale: 'sv' }).where('id', '=', a.manager.id).execute();
    const path = new URL(ackUrl(t.deps, subjectKey, a.manager.id)).pathname;
    const page = await t.request('GET', path);
    expect(page.text).toContain('<html lang="sv">');
    expect(page.text).toContain('Kvittera <strong>Butikens webbplats</strong>?');
    const confirmed = await t.request('POST', path, { rawBody: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(confirmed.text).toContain('Kvitterat: <strong>Butikens webbplats</strong>');
    const forged = await t.request('GET', '/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(forged.status).toBe(404);
    expect(forged.text).toContain('Lien non valide');
  });

  it('refuses a forged or foreign link', async () => {
    const page = await t.request('GET', '/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(page.status).toBe(404);
    const post = await t.request('POST', '/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { rawBody: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(post.status).toBe(404);
  });

  it('stops on resolution, which goes to everyone told', async () => {
    const { subjectKey, eventId } = await openIncident();
    await runDueJobs(t);
    advance(t, 20);
    await runDueJobs(t);
    const resolved = await publish(t, { type: 'incident.resolved', severity: 'info', clientId: a.clientA, projectId: projectA, subjectKey });
    await runDueJobs(t);
    advance(t, 30);
    await runDueJobs(t);
    expect(await reasons(eventId)).toHaveLength(2);
    expect((await queued(t, { eventId: resolved })).map((n) => n.recipient).sort()).toEqual([`user:${a.manager.id}`, `user:${a.viewer.id}`].sort());
    expect((await ok(t, 'GET', `/api/v1/escalations?subjectKey=${encodeURIComponent(subjectKey)}`, a.owner.token)).items[0].state).toBe('resolved');
  });

  it('starts again when the problem comes back after its resolution, needing a new acknowledgement', async () => {
    const { subjectKey } = await openIncident();
    await runDueJobs(t);
    await ok(t, 'POST', '/api/v1/acknowledgements', a.manager.token, { subjectKey });
    await publish(t, { type: 'incident.resolved', severity: 'info', projectId: projectA, subjectKey });
    await runDueJobs(t);
    const back = await publish(t, { type: 'incident.opened', severity: 'critical', projectId: projectA, subjectKey });
    await runDueJobs(t);
    expect(await reasons(back)).toEqual([`user:${a.viewer.id} ${step(0)}`]);
    expect((await t.request('GET', `/api/v1/acknowledgements/${encodeURIComponent(subjectKey)}`, { token: a.owner.token })).status).toBe(404);
  });
});

describe('escalation policies', () => {
  it('refuse steps whose delays do not increase, and targets that do not exist', async () => {
    const res = await t.request('POST', '/api/v1/escalation-policies', {
      token: a.owner.token,
      body: {
        name: 'Muddled',
        steps: [
          { afterMinutes: 0, targets: [{ kind: 'role', role: 'owner' }] },
          { afterMinutes: 30, targets: [{ kind: 'user', userId: 'usr_ghost' }] },
          { afterMinutes: 15, targets: [{ kind: 'role', role: 'admin' }] },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.steps.1.targets.0.userId', 'body.steps.2.afterMinutes']);
    const empty = await t.request('POST', '/api/v1/escalation-policies', { token: a.owner.token, body: { name: 'Empty', steps: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.steps');
  });

  it('cannot be deleted while a rule uses one', async () => {
    const res = await t.request('DELETE', `/api/v1/escalation-policies/${policyId}`, { token: a.owner.token });
    expect(res.status).toBe(409);
    const spare = await ok(t, 'POST', '/api/v1/escalation-policies', a.owner.token, { name: 'Spare', steps: [{ afterMinutes: 5, targets: [{ kind: 'role', role: 'admin' }] }] });
    const renamed = await ok(t, 'PATCH', `/api/v1/escalation-policies/${spare.id}`, a.owner.token, { name: 'Spare, renamed' });
    expect(renamed.name).toBe('Spare, renamed');
    expect((await t.request('DELETE', `/api/v1/escalation-policies/${spare.id}`, { token: a.owner.token })).status).toBe(204);
  });

  it('acknowledging an unknown problem is a 404', async () => {
    const res = await t.request('POST', '/api/v1/acknowledgements', { token: a.manager.token, body: { subjectKey: 'incident:inc_never' } });
    expect(res.status).toBe(404);
    const bad = await t.request('POST', '/api/v1/acknowledgements', { token: a.manager.token, body: { subjectKey: 'no colon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.subjectKey');
  });
});

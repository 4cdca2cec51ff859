import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { eventOutcome, ok, publish, queued, runDueJobs } from './support.ts';

let t: TestApp;
let a: Agency;
let projectA: string;
let channelId: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-06-10T10:00:00Z');
  projectA = (await ok(t, 'POST', '/api/v1/projects', a.owner.token, { clientId: a.clientA, name: 'Shop', managerId: a.manager.id })).id;
  const channel = await ok(t, 'POST', '/api/v1/channels', a.owner.token, {
    kind: 'webhook',
    name: 'Ops room',
    ownerUserId: null,
    config: { url: 'https://hooks.example.test/ops', secret: 'a-signing-secret-of-some-length' },
  });
  channelId = channel.id;
});
afterAll(async () => t?.close());

const rule = (body: Record<string, unknown>) => ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, body);

describe('routing rules', () => {
  it('route by event type, severity, client and project', async () => {
    await rule({ name: 'Certificates of client A to the viewer', eventTypes: ['certificate.expiring'], clientId: a.clientA, targets: [{ kind: 'user', userId: a.viewer.id }] });
    await rule({ name: 'Critical in the shop to its manager', minSeverity: 'critical', projectId: projectA, targets: [{ kind: 'project-manager' }] });
    await rule({ name: 'Domains to the ops room', eventTypes: ['domain.*'], targets: [{ kind: 'channel', channelId }] });

    const certA = await publish(t, { type: 'certificate.expiring', severity: 'medium', clientId: a.clientA });
    const certB = await publish(t, { type: 'certificate.expiring', severity: 'medium', clientId: a.clientB });
    const critical = await publish(t, { type: 'incident.opened', severity: 'critical', clientId: a.clientA, projectId: projectA });
    const domain = await publish(t, { type: 'domain.expiring', severity: 'low', clientId: a.clientB });
    await runDueJobs(t);

    expect((await queued(t, { eventId: certA })).map((n) => n.recipient)).toEqual([`user:${a.viewer.id}`]);
    expect(await queued(t, { eventId: certB })).toEqual([]);
    expect(await eventOutcome(t, certB)).toBe('unrouted');
    expect((await queued(t, { eventId: critical })).map((n) => [n.recipient, n.reason])).toEqual([[`user:${a.manager.id}`, expect.stringMatching(/^route:rte_/)]]);
    expect((await queued(t, { eventId: domain })).map((n) => n.recipient)).toEqual([`channel:${channelId}`]);
  });

  it('fall back to owners and admins for high events no rule matches, and to nobody for client-facing types', async () => {
    const high = await publish(t, { type: 'heartbeat.late', severity: 'high', clientId: a.clientB });
    const payment = await publish(t, { type: 'sla.report-ready', severity: 'critical', clientId: a.clientB });
    await runDueJobs(t);
    const told = (await queued(t, { eventId: high })).map((n) => [n.recipient, n.reason]);
    expect(told.sort()).toEqual([[`user:${a.admin.id}`, 'route:default'], [`user:${a.owner.id}`, 'route:default']].sort());
    expect(await queued(t, { eventId: payment })).toEqual([]);
  });

  it('tell a person named by two rules once', async () => {
    await rule({ name: 'Heartbeats to the viewer', eventTypes: ['heartbeat.late'], targets: [{ kind: 'user', userId: a.viewer.id }] });
    await rule({ name: 'Heartbeats to the viewer again', eventTypes: ['heartbeat.*'], targets: [{ kind: 'user', userId: a.viewer.id }, { kind: 'on-call' }] });
    await ok(t, 'PUT', '/api/v1/on-call', a.owner.token, { userIds: [a.viewer.id, a.admin.id] });
    const id = await publish(t, { type: 'heartbeat.late', severity: 'medium' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: id })).map((n) => n.recipient).sort()).toEqual([`user:${a.admin.id}`, `user:${a.viewer.id}`].sort());
  });

  it('tell a client-portal user only about their own client', async () => {
    await rule({ name: 'Reports to the client', eventTypes: ['sla.report-ready'], targets: [{ kind: 'user', userId: a.clientUser.id }] });
    const own = await publish(t, { type: 'sla.report-ready', severity: 'info', clientId: a.clientA });
    const other = await publish(t, { type: 'sla.report-ready', severity: 'info', clientId: a.clientB });
    const agency = await publish(t, { type: 'sla.report-ready', severity: 'info' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: own })).map((n) => n.recipient)).toEqual([`user:${a.clientUser.id}`]);
    expect(await queued(t, { eventId: other })).toEqual([]);
    expect(await queued(t, { eventId: agency })).toEqual([]);
  });

  it('say which rules an event would match', async () => {
    const preview = await ok(t, 'POST', '/api/v1/routing-rules/match', a.owner.token, { type: 'certificate.expiring', severity: 'low', clientId: a.clientA });
    expect(preview.usedDefault).toBe(false);
    expect(preview.targets).toEqual([{ target: { kind: 'user', userId: a.viewer.id }, reason: expect.stringMatching(/^route:rte_/) }]);
    const none = await ok(t, 'POST', '/api/v1/routing-rules/match', a.owner.token, { type: 'incident.opened', severity: 'critical', clientId: a.clientB });
    expect(none).toMatchObject({ ruleIds: [], usedDefault: true, escalationPolicyIds: [] });
  });

  it('are listed, changed and deleted, and a disabled rule routes nothing', async () => {
    const created = await rule({ name: 'Temporary', eventTypes: ['heartbeat.late'], targets: [{ kind: 'role', role: 'manager' }] });
    const changed = await ok(t, 'PATCH', `/api/v1/routing-rules/${created.id}`, a.owner.token, { enabled: false });
    expect(changed.enabled).toBe(false);
    const preview = await ok(t, 'POST', '/api/v1/routing-rules/match', a.owner.token, { type: 'heartbeat.late', severity: 'low' });
    expect(preview.ruleIds).not.toContain(created.id);
    const first = await ok(t, 'GET', '/api/v1/routing-rules?limit=2', a.owner.token);
    expect(first.items).toHaveLength(2);
    const second = await ok(t, 'GET', `/api/v1/routing-rules?limit=50&cursor=${first.nextCursor}`, a.owner.token);
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toContain(created.id);
    expect((await t.request('DELETE', `/api/v1/routing-rules/${created.id}`, { token: a.owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/routing-rules/${created.id}`, { token: a.owner.token })).status).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['routing-rule.created', 'routing-rule.updated', 'routing-rule.deleted']);
  });

  it('refuse bad configuration with the field at fault', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/routing-rules', { token: a.owner.token, body: { name: 'Bad', ...body } });
      expect(res.status, res.text).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ eventTypes: ['incident.exploded'], targets: [{ kind: 'role', role: 'owner' }] })).toEqual(['body.eventTypes.0']);
    expect(await bad({ targets: [{ kind: 'user', userId: 'usr_nobody' }] })).toEqual(['body.targets.0.userId']);
    expect(await bad({ targets: [{ kind: 'channel', channelId: 'chn_nothing' }] })).toEqual(['body.targets.0.channelId']);
    expect(await bad({ targets: [{ kind: 'role', role: 'client' }] })).toEqual([expect.stringMatching(/^body\.targets\.0/)]);
    expect(await bad({ targets: [] })).toEqual(['body.targets']);
    expect(await bad({ escalationPolicyId: 'esc_missing' })).toEqual(['body.escalationPolicyId']);
    expect(await bad({ clientId: a.clientB, projectId: projectA, targets: [{ kind: 'project-manager' }] })).toEqual(['body.projectId']);
    expect(await bad({ minSeverity: 'apocalyptic', targets: [{ kind: 'project-manager' }] })).toEqual(['body.minSeverity']);
    const onCall = await t.request('PUT', '/api/v1/on-call', { token: a.owner.token, body: { userIds: [a.viewer.id, 'usr_gone'] } });
    expect(onCall.status).toBe(400);
    expect(onCall.body.errors).toEqual([{ field: 'body.userIds.1', message: 'no active user usr_gone' }]);
  });

  it('are managed only by people who manage notifications', async () => {
    expect((await t.request('GET', '/api/v1/routing-rules', { token: a.manager.token })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/routing-rules', { token: a.viewer.token, body: { name: 'x', targets: [] } })).status).toBe(403);
  });
});

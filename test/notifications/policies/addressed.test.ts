import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../src/notifications/events.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { eventOutcome, ok, publish, queued, runDueJobs } from './support.ts';

/**
 * Renewal reminders and tasks are addressed to the person responsible (`assigneeId`): that person
 * is told whatever the routing rules say, once, through their own schedule.
 */
let t: TestApp;
let a: Agency;
let projectA: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-06-10T10:00:00Z');
  projectA = (await ok(t, 'POST', '/api/v1/projects', a.owner.token, { clientId: a.clientA, name: 'Shop', managerId: a.manager.id })).id;
});
afterAll(async () => t?.close());

let serial = 0;
const task = (assigneeId: string | null): NewEvent<'renewal.task-assigned'>['data'] => ({
  taskId: `tsk_${++serial}`,
  assetId: 'ast_shop',
  assetName: 'shop.example hosting',
  renewalOn: '2026-07-10',
  dueOn: '2026-07-10',
  assigneeId,
  assigneeName: assigneeId ? 'manager' : null,
});
const escalated = (assigneeId: string | null): NewEvent<'renewal.task-escalated'>['data'] => ({ ...task(assigneeId), daysLeft: 7 });

async function decisionsOf(eventId: string) {
  const rows = await t.db.db.selectFrom('notification_decisions').select(['recipient_key', 'reason', 'outcome']).where('event_id', '=', eventId).where('recipient_key', '!=', '-').execute();
  return rows.map((r) => [r.recipient_key, r.reason, r.outcome]);
}

describe('an event addressed to the person responsible', () => {
  it('reaches them with no rule configured, in their digest for a task handed out', async () => {
    const id = await publish(t, { type: 'renewal.task-assigned', severity: 'low', clientId: a.clientA, projectId: projectA, subjectKey: 'renewal:ast_shop/2026-07-10', data: task(a.manager.id) });
    await runDueJobs(t);
    expect(await eventOutcome(t, id)).toBe('routed');
    expect(await decisionsOf(id)).toEqual([[`user:${a.manager.id}`, 'addressed', 'digest']]);

    t.clock.now = new Date('2026-06-11T08:00:00Z'); // the manager's daily digest (08:00 UTC)
    await runDueJobs(t);
    const digests = (await queued(t)).filter((n) => n.digestEventIds?.includes(id));
    expect(digests.map((n) => n.recipient)).toEqual([`user:${a.manager.id}`]);
  });

  it('reaches them at once for an escalation, besides the owners and admins of the default route', async () => {
    const id = await publish(t, { type: 'renewal.task-escalated', severity: 'high', clientId: a.clientA, subjectKey: 'renewal:ast_shop/2026-07-10', data: escalated(a.viewer.id) });
    await runDueJobs(t);
    const told = (await queued(t, { eventId: id })).map((n) => [n.recipient, n.reason]);
    expect(told.sort()).toEqual([[`user:${a.admin.id}`, 'route:default'], [`user:${a.owner.id}`, 'route:default'], [`user:${a.viewer.id}`, 'addressed']].sort());
  });

  it('reaches them for a client-facing reminder that reaches nobody else without a rule, at once when it is due tomorrow', async () => {
    const data = { assetId: 'ast_shop', assetName: 'shop.example hosting', expiresOn: '2026-06-12', daysLeft: 1, price: null, reminder: 'pay' as const, late: false, assigneeId: a.viewer.id };
    const id = await publish(t, { type: 'renewal.due', severity: 'high', clientId: a.clientA, subjectKey: 'renewal:ast_shop/2026-06-12', data });
    const unaddressed = await publish(t, { type: 'renewal.due', severity: 'high', clientId: a.clientA, subjectKey: 'renewal:ast_other/2026-06-12', data: { ...data, assigneeId: null } });
    await runDueJobs(t);
    expect((await queued(t, { eventId: id })).map((n) => [n.recipient, n.reason])).toEqual([[`user:${a.viewer.id}`, 'addressed']]);
    expect(await queued(t, { eventId: unaddressed })).toEqual([]);
    expect(await eventOutcome(t, unaddressed)).toBe('unrouted');
  });

  it('reaches them once when a rule names them too', async () => {
    await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Renewals to the viewer', eventTypes: ['renewal.*'], targets: [{ kind: 'user', userId: a.viewer.id }] });
    await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Shop renewals to its manager', eventTypes: ['renewal.*'], projectId: projectA, targets: [{ kind: 'project-manager' }] });
    const id = await publish(t, { type: 'renewal.task-escalated', severity: 'high', clientId: a.clientA, projectId: projectA, subjectKey: 'renewal:ast_shop/2026-07-10', data: escalated(a.manager.id) });
    await runDueJobs(t);
    const told = (await queued(t, { eventId: id })).map((n) => [n.recipient, n.reason]);
    expect(told.sort()).toEqual([[`user:${a.manager.id}`, 'addressed'], [`user:${a.viewer.id}`, expect.stringMatching(/^route:rte_/)]].sort());
  });

  it('skips a disabled assignee and a client-portal user of another client', async () => {
    const gone = await ok(t, 'POST', '/api/v1/users', a.owner.token, { email: 'gone@agency.test', name: 'Gone', role: 'manager', password: 'correct horse battery' });
    await ok(t, 'PATCH', `/api/v1/users/${gone.id}`, a.owner.token, { disabled: true });
    const toGone = await publish(t, { type: 'renewal.task-escalated', severity: 'high', clientId: a.clientB, subjectKey: 'renewal:ast_b/2026-07-10', data: escalated(gone.id) });
    const toOutsider = await publish(t, { type: 'renewal.task-escalated', severity: 'high', clientId: a.clientA, subjectKey: 'renewal:ast_c/2026-07-10', data: escalated(a.outsider.id) });
    await runDueJobs(t);
    for (const id of [toGone, toOutsider]) {
      const told = (await queued(t, { eventId: id })).map((n) => n.recipient);
      expect(told).not.toContain(`user:${gone.id}`);
      expect(told).not.toContain(`user:${a.outsider.id}`);
      expect(told).toContain(`user:${a.viewer.id}`); // the renewal.* rule still applies
    }
  });
});

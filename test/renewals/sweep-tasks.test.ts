import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobByIdempotencyKey } from '../../src/platform/jobs/store.ts';
import { renewalJobs, scheduleRenewalJobs, SWEEP_JOB } from '../../src/renewals/jobs.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { asset, auditOf, events, expectOk, person, project, sweepAt, tasksOf } from './sweep-support.ts';

/** Renewal tasks from the sweep: created at lead time for the right person, escalated once, woken from a snooze. */
let t: TestApp;
let a: Agency;
let owner: { id: string; name: string };
let manager: { id: string; name: string };
let fallback: { id: string; name: string };
const ids: Record<'owned' | 'managed' | 'fallen' | 'nobody', string> = { owned: '', managed: '', fallen: '', nobody: '' };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-02-01T00:00:00Z');
  a = await seedAgency(t);
  owner = await person(t, 'UTC');
  manager = await person(t, 'UTC');
  fallback = await person(t, 'UTC');
  const managedA = await project(t, a.clientA, manager.id);
  const unmanagedB = await project(t, a.clientB, null);
  const res = await t.request('PUT', `/api/v1/renewal-policies/client/${a.clientB}`, { token: a.admin.token, body: { fallbackAssigneeId: fallback.id } });
  expectOk(res);
  // The owner wins over the project manager; the manager over the policy's fallback.
  ids.owned = await asset(t, { clientId: a.clientA, ownerId: owner.id, projectIds: [managedA], expiresOn: '2030-03-31' });
  ids.managed = await asset(t, { clientId: a.clientA, projectIds: [managedA], expiresOn: '2030-03-31' });
  ids.fallen = await asset(t, { clientId: a.clientB, projectIds: [unmanagedB], expiresOn: '2030-03-31' });
  ids.nobody = await asset(t, { clientId: a.clientA, expiresOn: '2030-03-31' });
});
afterAll(async () => t?.close());

describe('renewal tasks', () => {
  it('are not created before the lead time', async () => {
    const sweep = await sweepAt(t, '2030-02-28T23:59:00Z');
    expect(sweep.counts?.tasks).toBe(0);
    expect(await tasksOf(t, ids.owned)).toEqual([]);
  });

  it('are created 30 days before, for the owner, else the project manager, else the fallback', async () => {
    const sweep = await sweepAt(t, '2030-03-01T00:05:00Z');
    expect(sweep.counts?.tasks).toBe(4);
    const assignees = [];
    for (const key of ['owned', 'managed', 'fallen', 'nobody'] as const) {
      const [task, ...more] = await tasksOf(t, ids[key]);
      expect(more).toEqual([]);
      expect(task).toMatchObject({ renewal_on: '2030-03-31', due_on: '2030-03-31', state: 'open', escalated_at: null });
      assignees.push(task!.assignee_id);
    }
    expect(assignees).toEqual([owner.id, manager.id, fallback.id, null]);
    const [owned] = await tasksOf(t, ids.owned);
    expect(owned).toMatchObject({ client_id: a.clientA, project_id: expect.stringMatching(/^prj_/) });
  });

  it('tell the assignee once, and are audited as created by the system', async () => {
    await sweepAt(t, '2030-03-01T00:20:00Z');
    await sweepAt(t, '2030-03-02T00:20:00Z');
    const [task] = await tasksOf(t, ids.managed);
    const assigned = await events(t, { assetId: ids.managed, type: 'renewal.task-assigned' });
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ severity: 'low', subjectKey: `task:${task!.id}`, clientId: a.clientA, projectId: task!.project_id });
    expect(assigned[0]!.data).toEqual({ taskId: task!.id, assetId: ids.managed, assetName: expect.any(String), renewalOn: '2030-03-31', dueOn: '2030-03-31', assigneeId: manager.id, assigneeName: manager.name });
    const audit = await auditOf(t, task!.id);
    expect(audit.map((e) => [e.action, e.actor_type, e.actor_id])).toEqual([['task.created', 'system', 'renewals']]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ assetId: ids.managed, assigneeId: manager.id, dueOn: '2030-03-31' });
  });

  it('wake from a snooze on its day', async () => {
    const [task] = await tasksOf(t, ids.nobody);
    await t.deps.database.db.updateTable('renewal_tasks').set({ state: 'snoozed', snoozed_until: '2030-03-10' }).where('id', '=', task!.id).execute();
    await sweepAt(t, '2030-03-09T23:00:00Z');
    expect((await tasksOf(t, ids.nobody))[0]).toMatchObject({ state: 'snoozed' });
    const sweep = await sweepAt(t, '2030-03-10T00:00:00Z');
    expect(sweep.counts?.snoozesEnded).toBe(1);
    expect((await tasksOf(t, ids.nobody))[0]).toMatchObject({ state: 'open', snoozed_until: null });
    expect((await auditOf(t, task!.id)).map((e) => e.action)).toEqual(['task.created', 'task.snooze-ended']);
  });

  it('are escalated once, 7 days before they are due, unless done', async () => {
    const [done] = await tasksOf(t, ids.fallen);
    await t.deps.database.db.updateTable('renewal_tasks').set({ state: 'done', outcome: 'renewed' }).where('id', '=', done!.id).execute();
    await sweepAt(t, '2030-03-23T23:59:00Z');
    expect(await events(t, { type: 'renewal.task-escalated' })).toEqual([]);
    const sweep = await sweepAt(t, '2030-03-24T00:00:00Z');
    expect(sweep.counts?.escalations).toBe(3);
    await sweepAt(t, '2030-03-24T00:15:00Z');
    await sweepAt(t, '2030-03-25T00:15:00Z');
    const escalated = await events(t, { type: 'renewal.task-escalated' });
    expect(escalated.map((e) => e.assetId).sort()).toEqual([ids.owned, ids.managed, ids.nobody].sort());
    const [task] = await tasksOf(t, ids.owned);
    expect(task!.escalated_at).toBe('2030-03-24T00:00:00.000Z');
    const mine = escalated.find((e) => e.assetId === ids.owned)!;
    expect(mine).toMatchObject({ severity: 'high', subjectKey: `task:${task!.id}` });
    expect(mine.data).toMatchObject({ taskId: task!.id, dueOn: '2030-03-31', daysLeft: 7, assigneeId: owner.id, assigneeName: owner.name });
    expect((await auditOf(t, task!.id)).map((e) => e.action)).toEqual(['task.created', 'task.escalated']);
  });
});

describe('the sweep job', () => {
  it('books the current 15-minute slot once, and each run books the next', async () => {
    t.clock.now = new Date('2030-04-02T08:07:00Z');
    await scheduleRenewalJobs(t.deps);
    await scheduleRenewalJobs(t.deps);
    const current = await findJobByIdempotencyKey(t.db.db, `${SWEEP_JOB}:2030-04-02T08:00:00.000Z`);
    expect(current).toMatchObject({ name: SWEEP_JOB, runAt: '2030-04-02T08:00:00.000Z', status: 'queued' });
    const before = await t.db.db.selectFrom('renewal_sweeps').select('id').where('swept_at', '=', '2030-04-02T08:07:00.000Z').execute();
    expect(before).toEqual([]);
    await renewalJobs(t.deps)[SWEEP_JOB]!(current!.payload, { jobId: current!.id, attempt: 1, maxAttempts: 10, signal: new AbortController().signal, logger: t.deps.logger });
    const after = await t.db.db.selectFrom('renewal_sweeps').select(['id', 'swept_at', 'finished_at']).orderBy('swept_at', 'desc').execute();
    expect(after.filter((s) => s.swept_at === '2030-04-02T08:07:00.000Z')).toHaveLength(1);
    expect(after[0]).toMatchObject({ swept_at: '2030-04-02T08:07:00.000Z', finished_at: expect.any(String) });
    const next = await findJobByIdempotencyKey(t.db.db, `${SWEEP_JOB}:2030-04-02T08:15:00.000Z`);
    expect(next).toMatchObject({ runAt: '2030-04-02T08:15:00.000Z', status: 'queued' });
  });

  it('refuses a payload without a slot for good', async () => {
    await expect(renewalJobs(t.deps)[SWEEP_JOB]!({}, { jobId: 'x', attempt: 1, maxAttempts: 10, signal: new AbortController().signal, logger: t.deps.logger })).rejects.toThrow(/slot/);
  });
});

describe('the sweeps API', () => {
  it('runs a sweep for an owner or admin, and answers with its counts', async () => {
    t.clock.now = new Date('2030-04-03T09:00:00Z');
    const res = await t.request('POST', '/api/v1/renewals/sweeps', { token: a.admin.token });
    expectOk(res, 201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^swp_/), sweptAt: '2030-04-03T09:00:00.000Z', finishedAt: expect.any(String) });
    expect(Object.keys(res.body.counts).sort()).toEqual(['assets', 'autoRenewFailed', 'autoRenewVerified', 'escalations', 'late', 'ms', 'reminders', 'snoozesEnded', 'tasks', 'tasksClosed']);
    expect(res.body.counts.assets).toBe(4);
  });

  it('refuses to run one for a manager or a viewer, and lets nobody outside the agency list them', async () => {
    expect((await t.request('POST', '/api/v1/renewals/sweeps', { token: a.manager.token })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/renewals/sweeps', { token: a.viewer.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/renewals/sweeps', { token: a.clientUser.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/renewals/sweeps')).status).toBe(401);
    const list = await t.request('GET', '/api/v1/renewals/sweeps', { token: a.manager.token });
    expectOk(list);
    expect(list.body.items[0].sweptAt).toBe('2030-04-03T09:00:00.000Z');
  });

  it('answers a cursor it did not give out with a 400 naming it', async () => {
    const res = await t.request('GET', '/api/v1/renewals/sweeps?cursor=garbage', { token: a.viewer.token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['querystring.cursor']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createTask } from '../../src/renewals/tasks.store.ts';
import { auditOf, fieldsOf, makeAsset, makeTask } from './tasks-support.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-03-01T12:00:00.000Z');
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

const get = (path: string, token = a.manager.token) => t.request('GET', path, { token });
const send = (method: string, path: string, body: unknown, token = a.manager.token) => t.request(method, path, { token, body });
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

async function assetWithTask(identifier: string, expiresOn: string, fields: { dueOn?: string; assigneeId?: string | null; clientId?: string } = {}) {
  const asset = await makeAsset(t, a.manager.token, { clientId: fields.clientId ?? a.clientA, identifier, expiresOn, renewalPrice: { amount: 1500, currency: fields.clientId === a.clientB ? 'SEK' : 'EUR' } });
  return { asset, taskId: await makeTask(t, asset, fields) };
}

describe('the inbox', () => {
  it('lists mine, the team’s unassigned and everyone’s, soonest due first, with the asset and client', async () => {
    const late = await assetWithTask('late.example', '2030-02-20', { assigneeId: a.manager.id });
    const soon = await assetWithTask('soon.example', '2030-03-05');
    const later = await assetWithTask('later.example', '2030-04-10', { assigneeId: a.admin.id, clientId: a.clientB });
    const all = await get('/api/v1/tasks?limit=200');
    expect(all.status, all.text).toBe(200);
    const mineIds = [late.taskId, soon.taskId, later.taskId];
    expect(ids(all.body).filter((id) => mineIds.includes(id))).toEqual(mineIds);
    const first = all.body.items.find((i: { id: string }) => i.id === late.taskId);
    expect(first).toMatchObject({
      asset: { id: late.asset.id, name: 'late.example', kind: 'domain', identifier: 'late.example', expiresOn: '2030-02-20', autoRenew: false },
      client: { id: a.clientA, name: 'Client A' },
      renewalOn: '2030-02-20',
      dueOn: '2030-02-20',
      daysLeft: -9,
      state: 'open',
      assignee: { id: a.manager.id, name: 'manager' },
      escalated: false,
      outcome: null,
      commentCount: 0,
    });
    expect(ids((await get('/api/v1/tasks?assignee=me&limit=200')).body)).toEqual([late.taskId]);
    expect(ids((await get('/api/v1/tasks?assignee=none&limit=200')).body)).toContain(soon.taskId);
    expect(ids((await get('/api/v1/tasks?assignee=none&limit=200')).body)).not.toContain(late.taskId);
    expect(ids((await get(`/api/v1/tasks?assignee=${a.admin.id}`)).body)).toEqual([later.taskId]);
    expect(ids((await get(`/api/v1/tasks?clientId=${a.clientB}`)).body)).toEqual([later.taskId]);
    expect(ids((await get('/api/v1/tasks?overdue=true')).body)).toEqual([late.taskId]);
    expect(ids((await get('/api/v1/tasks?dueBefore=2030-04-01&limit=200')).body)).not.toContain(later.taskId);
  });

  it('pages with a cursor and refuses one it did not give out', async () => {
    const p1 = await get('/api/v1/tasks?limit=2');
    expect(p1.body.items).toHaveLength(2);
    expect(p1.body.nextCursor).toBeTruthy();
    const p2 = await get(`/api/v1/tasks?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.status).toBe(200);
    expect(ids(p2.body).some((id) => ids(p1.body).includes(id))).toBe(false);
    const bad = await get('/api/v1/tasks?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['querystring.cursor']);
    expect(fieldsOf((await get('/api/v1/tasks?state=lost')).body)[0]).toMatch(/^querystring\.state/);
  });

  it('counts overdue, due this week, mine and unassigned for the dashboard', async () => {
    const res = await get('/api/v1/tasks/summary');
    expect(res.status, res.text).toBe(200);
    // late.example (overdue, mine), soon.example (this week, unassigned), later.example (admin's)
    expect(res.body).toEqual({ overdue: 1, dueThisWeek: 1, mine: 1, unassigned: 1 });
    expect((await get('/api/v1/tasks/summary', a.admin.token)).body.mine).toBe(1);
  });

  it('is for staff only: portal users get 403, viewers may read but not write', async () => {
    const { taskId } = await assetWithTask('perm.example', '2030-03-20');
    for (const person of [a.clientUser, a.outsider]) {
      expect((await get('/api/v1/tasks', person.token)).status).toBe(403);
      expect((await get(`/api/v1/tasks/${taskId}`, person.token)).status).toBe(403);
      expect((await get('/api/v1/tasks/summary', person.token)).status).toBe(403);
    }
    expect((await get(`/api/v1/tasks/${taskId}`, a.viewer.token)).status).toBe(200);
    expect((await send('PATCH', `/api/v1/tasks/${taskId}`, { state: 'in_progress' }, a.viewer.token)).status).toBe(403);
    expect((await send('POST', `/api/v1/tasks/${taskId}/comments`, { body: 'hi' }, a.viewer.token)).status).toBe(403);
    expect((await send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'cancelled' }, a.viewer.token)).status).toBe(403);
    expect((await send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'cancelled' }, a.clientUser.token)).status).toBe(403);
    expect((await get('/api/v1/tasks/tsk_nothing')).status).toBe(404);
    expect((await get(`/api/v1/tasks/${taskId}`)).body.state).toBe('open');
  });
});

describe('working on a task', () => {
  it('starts, snoozes (open again when the day comes), reopens and assigns, audited', async () => {
    const { taskId } = await assetWithTask('work.example', '2030-03-25');
    const started = await send('PATCH', `/api/v1/tasks/${taskId}`, { state: 'in_progress', assigneeId: a.manager.id });
    expect(started.status, started.text).toBe(200);
    expect(started.body).toMatchObject({ state: 'in_progress', assignee: { id: a.manager.id, name: 'manager' } });
    // The new assignee is told through notifications, in the same transaction as the change.
    const events = await t.deps.database.db.selectFrom('events').select(['type', 'data']).where('asset_id', '=', started.body.asset.id).execute();
    expect(events.map((e) => [e.type, JSON.parse(e.data).assigneeId])).toEqual([['renewal.task-assigned', a.manager.id]]);
    const snoozed = await send('PATCH', `/api/v1/tasks/${taskId}`, { state: 'snoozed', snoozedUntil: '2030-03-10' });
    expect(snoozed.body).toMatchObject({ state: 'snoozed', snoozedUntil: '2030-03-10' });
    expect(ids((await get('/api/v1/tasks?state=snoozed')).body)).toContain(taskId);
    const saved = t.clock.now;
    t.clock.now = new Date('2030-03-10T08:00:00Z');
    expect((await get(`/api/v1/tasks/${taskId}`)).body.state).toBe('open');
    expect(ids((await get('/api/v1/tasks?state=open&limit=200')).body)).toContain(taskId);
    expect(ids((await get('/api/v1/tasks?state=snoozed')).body)).not.toContain(taskId);
    t.clock.now = saved;
    const reopened = await send('PATCH', `/api/v1/tasks/${taskId}`, { state: 'open', assigneeId: null });
    expect(reopened.body).toMatchObject({ state: 'open', snoozedUntil: null, assignee: null });
    const audit = await auditOf(t, taskId);
    expect(audit.map((e) => e.action)).toEqual(['task.updated', 'task.updated', 'task.updated']);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ state: 'open', assigneeId: null });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ state: 'in_progress', assigneeId: a.manager.id });
  });

  const badPatches: [string, Record<string, unknown>, string][] = [
    ['a snooze without a date', { state: 'snoozed' }, 'body.snoozedUntil'],
    ['a snooze until today', { state: 'snoozed', snoozedUntil: '2030-03-01' }, 'body.snoozedUntil'],
    ['a snooze far past the renewal', { state: 'snoozed', snoozedUntil: '2030-12-01' }, 'body.snoozedUntil'],
    ['a date that does not exist', { state: 'snoozed', snoozedUntil: '2030-02-30' }, 'body.snoozedUntil'],
    ['the state done', { state: 'done' }, 'body.state'],
    ['an unknown assignee', { assigneeId: 'usr_nobody' }, 'body.assigneeId'],
    ['a viewer as assignee', { assigneeId: 'VIEWER' }, 'body.assigneeId'],
    ['a portal user as assignee', { assigneeId: 'CLIENT' }, 'body.assigneeId'],
  ];
  for (const [what, body, field] of badPatches) {
    it(`refuses ${what} with 400 on ${field}, changing nothing`, async () => {
      const { taskId } = await assetWithTask(`bad-${what.replace(/\W+/g, '-')}.example`, '2030-03-25');
      const patch = { ...body, ...(body.assigneeId === 'VIEWER' ? { assigneeId: a.viewer.id } : body.assigneeId === 'CLIENT' ? { assigneeId: a.clientUser.id } : {}) };
      const res = await send('PATCH', `/api/v1/tasks/${taskId}`, patch);
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await get(`/api/v1/tasks/${taskId}`)).body).toMatchObject({ state: 'open', assignee: null, snoozedUntil: null });
      expect(await auditOf(t, taskId)).toEqual([]);
    });
  }

  it('keeps a comment thread with the author’s name, audited', async () => {
    const { taskId } = await assetWithTask('talk.example', '2030-03-25');
    const res = await send('POST', `/api/v1/tasks/${taskId}/comments`, { body: 'Asked the client whether to keep it.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ taskId, author: { id: a.manager.id, name: 'manager' }, body: 'Asked the client whether to keep it.' });
    const detail = await get(`/api/v1/tasks/${taskId}`);
    expect(detail.body.comments.map((c: { body: string }) => c.body)).toEqual(['Asked the client whether to keep it.']);
    expect(detail.body.commentCount).toBe(1);
    expect(fieldsOf((await send('POST', `/api/v1/tasks/${taskId}/comments`, { body: '   ' })).body)).toEqual(['body.body']);
    expect(fieldsOf((await send('POST', `/api/v1/tasks/${taskId}/comments`, { body: 'x'.repeat(5001) })).body)).toEqual(['body.body']);
    expect((await auditOf(t, taskId)).map((e) => e.action)).toEqual(['task.commented']);
  });
});

describe('assignees', () => {
  it('lists the staff who may take a task, for managers too, never portal users', async () => {
    const res = await get('/api/v1/tasks/assignees');
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['admin', 'manager', 'owner']);
    expect((await get('/api/v1/tasks/assignees', a.clientUser.token)).status).toBe(403);
  });
});

describe('tasks as the sweep makes them', () => {
  it('creates one task per renewal (asset, date), and shows escalation', async () => {
    const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'sweep.example', expiresOn: '2030-03-28' });
    const first = await createTask(t.deps.database.db, { assetId: asset.id, clientId: a.clientA, projectId: null, renewalOn: '2030-03-28', dueOn: '2030-03-28', assigneeId: null }, t.clock.now);
    const again = await createTask(t.deps.database.db, { assetId: asset.id, clientId: a.clientA, projectId: null, renewalOn: '2030-03-28', dueOn: '2030-03-20', assigneeId: a.manager.id }, t.clock.now);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await get(`/api/v1/tasks/${first.id}`)).body).toMatchObject({ dueOn: '2030-03-28', assignee: null, escalated: false });
    await t.deps.database.db.updateTable('renewal_tasks').set({ escalated_at: '2030-03-01T06:00:00.000Z' }).where('id', '=', first.id).execute();
    const listed = (await get('/api/v1/tasks?limit=200')).body.items.find((i: { id: string }) => i.id === first.id);
    expect(listed.escalated).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobWorker } from '../../src/platform/jobs/worker.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startReceiver, type Receiver } from '../support/peers/receiver.ts';
import { reachesStatus, startDeliveryWorker, waitFor, WEBHOOK_SECRET } from '../notifications/outbox/support.ts';
import { auditOf, fieldsOf, makeAsset, makeTask } from './tasks-support.ts';

/** Pushing a task to a tracker: a webhook notification through the outbox, delivered by the real job to a real receiver. */

let t: TestApp;
let a: Agency;
let receiver: Receiver;
let worker: JobWorker;

beforeAll(async () => {
  t = await startTestApp({ UPKEEP_PUBLIC_URL: 'https://upkeep.agency.test' });
  t.clock.now = new Date('2030-03-01T12:00:00.000Z');
  receiver = await startReceiver({ webhookSecret: WEBHOOK_SECRET, now: () => t.clock.now });
  a = await seedAgency(t);
  worker = startDeliveryWorker(t);
});
afterAll(async () => {
  await worker?.stop(500);
  await receiver?.close();
  await t?.close();
});

async function channel(body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', '/api/v1/channels', { token: a.owner.token, body: { ratePerMinute: null, ownerUserId: null, ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

describe('pushing a task to a tracker', () => {
  it('delivers the task as a signed webhook and records the push on the task', async () => {
    const hook = await channel({ kind: 'webhook', name: 'Tracker', config: { url: `${receiver.url}/tracker`, secret: WEBHOOK_SECRET } });
    const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'push.example', expiresOn: '2030-03-20' });
    const taskId = await makeTask(t, asset, { assigneeId: a.manager.id, dueOn: '2030-03-15' });
    const res = await t.request('POST', `/api/v1/tasks/${taskId}/push`, { token: a.manager.token, body: { channelId: hook } });
    expect(res.status, res.text).toBe(200);
    const [push] = res.body.pushed;
    expect(push).toMatchObject({ channelId: hook, at: '2030-03-01T12:00:00.000Z' });
    await reachesStatus(t, push.notificationId, 'sent');
    const received = await waitFor('the tracker to receive the task', async () => receiver.requests.find((r) => r.path === '/tracker'));
    expect(received.signatureValid).toBe(true);
    expect(received.json.data).toEqual({
      eventId: expect.any(String),
      taskId,
      assetId: asset.id,
      assetName: 'push.example',
      assetKind: 'domain',
      assetIdentifier: 'push.example',
      clientId: a.clientA,
      clientName: 'Client A',
      renewalOn: '2030-03-20',
      dueOn: '2030-03-15',
      assigneeId: a.manager.id,
      assigneeName: 'manager',
      url: `https://upkeep.agency.test/renewals/tasks/${taskId}`,
    });
    // Recorded for this one delivery: routing never sees it, so no rule or default tells anyone else.
    const [event] = await t.db.db.selectFrom('events').select('id').where('type', '=', 'renewal.task-pushed').execute();
    expect(event).toBeDefined();
    const dispatches = await t.db.db.selectFrom('jobs').select('id').where('name', '=', 'notifications.dispatch').where('payload', 'like', `%${event!.id}%`).execute();
    expect(dispatches).toEqual([]);
    expect((await t.request('GET', `/api/v1/tasks/${taskId}`, { token: a.viewer.token })).body.pushed).toEqual([push]);
    expect((await auditOf(t, taskId)).map((e) => e.action)).toEqual(['task.pushed']);
  });

  it('refuses a channel that is not a webhook or does not exist, and viewers', async () => {
    const mail = await channel({ kind: 'email', name: 'Mail', config: { address: 'ops@agency.test' } });
    const asset = await makeAsset(t, a.manager.token, { clientId: a.clientA, identifier: 'nopush.example', expiresOn: '2030-03-20' });
    const taskId = await makeTask(t, asset);
    const push = (channelId: string, token = a.manager.token) => t.request('POST', `/api/v1/tasks/${taskId}/push`, { token, body: { channelId } });
    const notWebhook = await push(mail);
    expect(notWebhook.status).toBe(400);
    expect(fieldsOf(notWebhook.body)).toEqual(['body.channelId']);
    expect(fieldsOf((await push('chn_nothing')).body)).toEqual(['body.channelId']);
    // The admin's own webhook: not the manager's to post through.
    const own = await t.request('POST', '/api/v1/channels', { token: a.admin.token, body: { kind: 'webhook', name: 'Mine', ratePerMinute: null, config: { url: `${receiver.url}/own`, secret: WEBHOOK_SECRET } } });
    expect(own.status, own.text).toBe(201);
    expect(own.body.ownerUserId).toBe(a.admin.id);
    expect(fieldsOf((await push(own.body.id)).body)).toEqual(['body.channelId']);
    expect((await push(mail, a.viewer.token)).status).toBe(403);
    expect((await t.request('GET', `/api/v1/tasks/${taskId}`, { token: a.viewer.token })).body.pushed).toEqual([]);
    expect(await auditOf(t, taskId)).toEqual([]);
  });
});

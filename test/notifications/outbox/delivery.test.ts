import { CLI_ACTOR } from '../../../src/accounts/model.ts';
import { createApiToken, createUser } from '../../../src/accounts/service.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../src/notifications/events.ts';
import type { JobWorker } from '../../../src/platform/jobs/worker.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { startReceiver, type Receiver } from '../../support/peers/receiver.ts';
import { startSmtpPeer, type SmtpPeer } from '../../support/peers/smtp.ts';
import { api, attemptsOf, created, notificationOf, notify, reachesStatus, renewalDue, startDeliveryWorker, untilNextAttempt, waitFor, WEBHOOK_SECRET } from './support.ts';

/** Delivery through real peers: an SMTP server parsed with mailparser, and a webhook receiver. */

let t: TestApp;
let a: Agency;
let smtp: SmtpPeer;
let receiver: Receiver;
let worker: JobWorker;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url, UPKEEP_PUBLIC_URL: 'https://upkeep.agency.test' });
  t.clock.now = new Date('2026-11-21T10:00:00Z');
  receiver = await startReceiver({ webhookSecret: WEBHOOK_SECRET, now: () => t.clock.now });
  a = await seedAgency(t);
  worker = startDeliveryWorker(t);
});
afterEach(() => {
  smtp.reset();
  receiver.reset();
});
afterAll(async () => {
  await worker?.stop(500);
  await receiver?.close();
  await smtp?.close();
  await t?.close();
});

async function emailChannel(token: string, address: string, name = 'My email') {
  return created(t, token, '/api/v1/channels', { kind: 'email', name, config: { address }, ratePerMinute: null });
}
async function webhookChannel(token: string, name = 'My webhook') {
  return created(t, token, '/api/v1/channels', { kind: 'webhook', name, config: { url: `${receiver.url}/hook`, secret: WEBHOOK_SECRET }, ratePerMinute: null });
}
async function prefer(token: string, body: Record<string, unknown>) {
  const res = await api(t, token, 'PUT', '/api/v1/me/notification-preferences', body);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('rendering for the recipient', () => {
  it('emails a Swedish user in Swedish, with the date, price and an acknowledge link', async () => {
    const channel = await emailChannel(a.manager.token, 'karin@byran.test');
    await prefer(a.manager.token, { primaryChannelId: channel.id, locale: 'sv' });
    const { notificationId } = await notify(t, renewalDue('example.se hosting'), { userId: a.manager.id });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['karin@byran.test']);
    expect(mail!.parsed.subject).toBe('Förnyelse om 30 dagar: example.se hosting');
    expect(mail!.parsed.text).toContain('går ut 21 december 2026');
    expect(mail!.parsed.text).toMatch(/Förnyelsepris: 1\s299,00\s€/);
    expect(mail!.parsed.text).toMatch(/Kvittera: https:\/\/upkeep\.agency\.test\/ack\/[A-Za-z0-9_-]+/);
    expect(mail!.parsed.html).toContain('<html lang="sv">');
    const sent = await reachesStatus(t, notificationId, 'sent');
    expect(sent.attempts).toBe(1);
    const [attempt] = await attemptsOf(t, notificationId);
    expect(attempt).toMatchObject({ status: 'sent', attempt: 1, channel_id: channel.id });
    expect(attempt!.provider_message_id).toBe(mail!.parsed.messageId);
  });

  it('uses the sign-in email of a person who chose no channel, and records that channel as theirs', async () => {
    const user = await createUser(t.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'new-hire@agency.test', name: 'New hire', role: 'manager', clientId: null, password: 'correct horse battery' });
    smtp.reset();
    const { notificationId } = await notify(t, renewalDue('no-channel.test'), { userId: user.id });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['new-hire@agency.test']);
    await reachesStatus(t, notificationId, 'sent');
    const prefs = await t.deps.database.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const channel = await t.deps.database.db.selectFrom('notification_channels').selectAll().where('id', '=', prefs.primary_channel_id!).executeTakeFirstOrThrow();
    expect(channel).toMatchObject({ kind: 'email', name: 'Sign-in email', owner_user_id: user.id });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', channel.id).execute();
    expect(audit).toEqual([{ action: 'channel.created', actor_id: 'notifications' }]);
  });

  it('writes to a client portal user in their client’s language, in the client wording, without an acknowledge link', async () => {
    expect((await api(t, a.owner.token, 'PATCH', `/api/v1/clients/${a.clientA}`, { locale: 'fr-FR' })).status).toBe(200);
    const channel = await emailChannel(a.clientUser.token, 'client@client-a.test');
    await prefer(a.clientUser.token, { primaryChannelId: channel.id });
    await notify(t, renewalDue('client-a.fr'), { userId: a.clientUser.id });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.parsed.subject).toBe('Avis de renouvellement : client-a.fr');
    expect(mail!.parsed.text).toContain('Bonjour portal-a');
    expect(mail!.parsed.text).not.toContain('/ack/');
  });

  it('sends a digest of twelve renewals as one message', async () => {
    const channel = await webhookChannel(a.viewer.token, 'Digest hook');
    await prefer(a.viewer.token, { primaryChannelId: channel.id });
    const eventIds = await t.deps.database.db.transaction().execute(async (trx) => {
      const { publishEvent } = await import('../../../src/notifications/events.ts');
      const ids: string[] = [];
      for (let i = 1; i <= 12; i++) ids.push(await publishEvent(trx, renewalDue(`site-${i}.test`), t.clock.now));
      return ids;
    });
    const { queueNotification } = await import('../../../src/notifications/outbox.service.ts');
    const input = { eventId: null, recipient: { userId: a.viewer.id }, reason: 'digest:daily:2026-11-21', digestEventIds: eventIds };
    const first = await queueNotification(t.deps.database.db, t.deps, input, t.clock.now);
    const again = await queueNotification(t.deps.database.db, t.deps, { ...input, digestEventIds: eventIds.slice(0, 3) }, t.clock.now);
    expect(again).toEqual({ notificationId: first.notificationId, created: false });
    await reachesStatus(t, first.notificationId, 'sent');
    expect(receiver.requests).toHaveLength(1);
    const body = receiver.requests[0]!.json;
    expect(body.subject).toBe('12 notifications from Upkeep');
    expect(body.type).toBe('digest');
    expect(body.text.split('\n').filter((l: string) => l.startsWith('• Renewal due in 30 days: site-'))).toHaveLength(12);
    expect(body.data.events).toHaveLength(12);
  });
});

describe('renewal tasks', () => {
  const escalation = (assetName: string): NewEvent<'renewal.task-escalated'> => ({
    type: 'renewal.task-escalated',
    severity: 'high',
    clientId: a.clientA,
    projectId: null,
    assetId: 'ast_task',
    subjectKey: `renewal:ast_task/${assetName}`,
    groupKey: null,
    data: { taskId: 'tsk_escalated', assetId: 'ast_task', assetName, renewalOn: '2026-11-28', dueOn: '2026-11-28', daysLeft: 7, assigneeId: a.manager.id, assigneeName: 'manager' },
  });

  it('link staff to the task, with an acknowledge link, and a client to the asset without one', async () => {
    const lead = await createUser(t.deps, { actor: CLI_ACTOR, requestId: null }, { email: 'lead@agency.test', name: 'Lead', role: 'admin', clientId: null, password: 'correct horse battery' });
    const { token } = await createApiToken(t.deps, { actor: CLI_ACTOR, requestId: null }, { userId: lead.id, name: 'test', scopes: ['admin'] });
    await prefer(token, { primaryChannelId: (await webhookChannel(token, 'Task hook')).id });
    const staff = await notify(t, escalation('task.test'), { userId: lead.id });
    await reachesStatus(t, staff.notificationId, 'sent');
    const told = receiver.requests[0]!.json;
    expect(told.subject).toBe('Renewal task still open: task.test, due in 7 days');
    expect(told.text).toContain('Assigned to: manager.');
    expect(told.links.open).toBe('https://upkeep.agency.test/renewals/tasks/tsk_escalated');
    expect(told.links.acknowledge).toMatch(/^https:\/\/upkeep\.agency\.test\/ack\//);

    const clientMail = await emailChannel(a.clientUser.token, 'tasks@client-a.test', 'Client mail');
    await prefer(a.clientUser.token, { primaryChannelId: clientMail.id });
    const client = await notify(t, escalation('client-task.test'), { userId: a.clientUser.id });
    await reachesStatus(t, client.notificationId, 'sent');
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.parsed.text).toContain('/assets/ast_task');
    expect(mail!.parsed.text).not.toContain('/renewals/tasks/');
    expect(mail!.parsed.text).not.toContain('/ack/');
  });
});

describe('an outage of the mail server', () => {
  it('retries with back-off while the server is down and delivers once when it is back', async () => {
    const channel = await emailChannel(a.admin.token, 'admin@agency.test');
    await prefer(a.admin.token, { primaryChannelId: channel.id });
    await smtp.stop();
    try {
      const { notificationId } = await notify(t, renewalDue('outage.test'), { userId: a.admin.id });
      await untilNextAttempt(t, notificationId, 1);
      await untilNextAttempt(t, notificationId, 2);
      await waitFor('attempt 3 to fail', async () => (await notificationOf(t, notificationId)).attempts === 3 && (await notificationOf(t, notificationId)).status === 'retrying');
      const waiting = await notificationOf(t, notificationId);
      expect(waiting.attempts).toBeGreaterThanOrEqual(2);
      expect(waiting.last_error).toMatch(/could not be reached/);
    } finally {
      await smtp.start();
    }
    const [row] = await t.deps.database.db.selectFrom('notifications').select(['id', 'next_attempt_at', 'attempts']).where('recipient_user_id', '=', a.admin.id).execute();
    expect(row!.attempts).toBe(3);
    t.clock.now = new Date(new Date(row!.next_attempt_at!).getTime() + 1);
    const sent = await reachesStatus(t, row!.id, 'sent');
    await new Promise((r) => setTimeout(r, 50));
    // Exactly one message; the notice that the channel was failing could not go out on that same channel.
    expect(smtp.messages.map((m) => m.parsed.subject)).toEqual(['Renewal due in 30 days: outage.test']);
    const attempts = await attemptsOf(t, row!.id);
    expect(attempts.map((d) => d.status)).toEqual([...Array(sent.attempts - 1).fill('failed'), 'sent']);
    expect(attempts.slice(0, -1).every((d) => d.failure === 'temporary' && d.retry_at !== null)).toBe(true);
    // Every attempt of one delivery carries the same idempotency key.
    expect(new Set(attempts.map((d) => d.idempotency_key)).size).toBe(1);
    // Back-off: each wait is at least double the one before it (jitter is pinned to its low end here).
    const waits = attempts.slice(0, -1).map((d) => new Date(d.retry_at!).getTime() - new Date(d.finished_at!).getTime());
    expect(waits).toEqual([7500, 15_000, 30_000]);
  });
});

describe('a permanent failure', () => {
  it('sends on the fallback channel, marks the primary broken, reports it and tells the owner elsewhere', async () => {
    smtp.rejectRecipients('gone@agency.test', 550);
    const primary = await emailChannel(a.owner.token, 'gone@agency.test', 'Owner email');
    const fallback = await webhookChannel(a.owner.token, 'Owner webhook');
    await prefer(a.owner.token, { primaryChannelId: primary.id, fallbackChannelId: fallback.id });
    const { notificationId } = await notify(t, renewalDue('fallback.test'), { userId: a.owner.id });
    const sent = await reachesStatus(t, notificationId, 'sent');
    expect(sent).toMatchObject({ channel_id: fallback.id, fallback_used: 1 });
    const attempts = await attemptsOf(t, notificationId);
    expect(attempts.map((d) => [d.channel_id, d.status, d.failure])).toEqual([
      [primary.id, 'failed', 'permanent'],
      [fallback.id, 'sent', null],
    ]);
    expect(attempts[0]!.reason).toMatch(/550/);

    const channel = (await api(t, a.owner.token, 'GET', `/api/v1/channels/${primary.id}`)).body;
    expect(channel).toMatchObject({ status: 'broken', statusReason: expect.stringMatching(/refused/) });
    const events = await t.deps.database.db.selectFrom('events').selectAll().where('type', '=', 'channel.broken').where('subject_key', '=', `channel:${primary.id}`).execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ channelId: primary.id, channelName: 'Owner email' });
    // The owner hears of it on the webhook, not on the broken email, and hears of it once.
    const told = await receiver.waitForRequests(2);
    expect(told.map((r) => r.json.type).sort()).toEqual(['channel.broken', 'renewal.due']);
    expect(smtp.messages).toHaveLength(0);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_type']).where('entity_id', '=', primary.id).execute();
    expect(audit).toContainEqual({ action: 'channel.broken', actor_type: 'system' });

    // A broken channel is skipped from then on; a successful test clears it.
    const next = await notify(t, renewalDue('skip.test'), { userId: a.owner.id });
    expect((await notificationOf(t, next.notificationId)).channel_id).toBe(fallback.id);
    await reachesStatus(t, next.notificationId, 'sent');
    smtp.reset();
    const tested = await api(t, a.owner.token, 'POST', `/api/v1/channels/${primary.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, channel: { status: 'ok', statusReason: null } });
    expect((await smtp.waitForMessages(1))[0]!.parsed.subject).toBe('Test message from Upkeep');
  });

  it('treats a webhook that answers 410 as gone: broken, and the message goes by email', async () => {
    receiver.gone(410);
    const hook = await webhookChannel(a.manager.token, 'Gone hook');
    const email = await emailChannel(a.manager.token, 'manager-fallback@agency.test', 'Fallback email');
    await prefer(a.manager.token, { primaryChannelId: hook.id, fallbackChannelId: email.id, locale: 'en' });
    const { notificationId } = await notify(t, renewalDue('gone.test'), { userId: a.manager.id });
    await reachesStatus(t, notificationId, 'sent');
    expect((await api(t, a.manager.token, 'GET', `/api/v1/channels/${hook.id}`)).body.status).toBe('broken');
    const mails = await smtp.waitForMessages(2);
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual(['Notification channel broken: Gone hook', 'Renewal due in 30 days: gone.test']);
  });

  it('switches to the fallback after three temporary failures and reports the channel as failing', async () => {
    receiver.fail(503);
    const hook = await webhookChannel(a.admin.token, 'Flaky hook');
    const email = await emailChannel(a.admin.token, 'admin-fallback@agency.test', 'Admin fallback');
    await prefer(a.admin.token, { primaryChannelId: hook.id, fallbackChannelId: email.id });
    const { notificationId } = await notify(t, renewalDue('flaky.test'), { userId: a.admin.id });
    await untilNextAttempt(t, notificationId, 1);
    await untilNextAttempt(t, notificationId, 2);
    const sent = await reachesStatus(t, notificationId, 'sent');
    expect(sent).toMatchObject({ channel_id: email.id, fallback_used: 1 });
    expect((await attemptsOf(t, notificationId)).map((d) => d.status)).toEqual(['failed', 'failed', 'failed', 'sent']);
    expect((await api(t, a.admin.token, 'GET', `/api/v1/channels/${hook.id}`)).body.status).toBe('failing');
    await waitFor('the failing notice', async () => smtp.messages.some((m) => m.parsed.subject === 'Notification channel broken: Flaky hook'));
  });
});

describe('the per-channel rate limit', () => {
  it('delays messages past the limit to the next minute and drops none', async () => {
    const hook = await created(t, a.viewer.token, '/api/v1/channels', { kind: 'webhook', name: 'Limited', config: { url: `${receiver.url}/limited`, secret: WEBHOOK_SECRET }, ratePerMinute: 2 });
    t.clock.now = new Date('2026-11-22T08:00:10Z');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await notify(t, renewalDue(`limited-${i}.test`), { channelId: hook.id }, `route:limited-${i}`)).notificationId);
    await receiver.waitForRequests(2);
    // The three are delivered side by side, so any one of them may be the one that waits.
    await waitFor('one of them to wait', async () => {
      const waiting = await Promise.all(ids.map(async (id) => (await notificationOf(t, id)).next_attempt_at === '2026-11-22T08:01:00.000Z'));
      return waiting.filter(Boolean).length === 1;
    });
    expect(receiver.requests).toHaveLength(2);
    // Jumping the clock past the leases of jobs still running would hand them to a second run.
    await waitFor('the first two jobs to finish', async () => {
      const busy = await t.deps.database.db.selectFrom('jobs').select('id').where('status', '=', 'running').execute();
      return busy.length === 0;
    });
    t.clock.now = new Date('2026-11-22T08:01:00.001Z');
    await receiver.waitForRequests(3);
    for (const id of ids) await reachesStatus(t, id, 'sent');
    expect(new Set(receiver.requests.map((r) => r.json.id)).size).toBe(3);
  });
});

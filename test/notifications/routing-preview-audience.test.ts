import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs.ts';
import type { NewEvent } from '../../src/notifications/events.ts';
import { SAMPLE_EVENTS } from '../../src/notifications/templates/samples.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { ok } from '../support/api.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/peers/smtp.ts';
import { publish } from './policies/support.ts';

/**
 * The routing preview lists who would be told, and a real dispatch then tells exactly them: for a
 * client's billing message, the client's portal users (reason `client-portal`, though no rule names
 * them) on their own channel — a chosen one, or the sign-in email the first message makes — and
 * whom a rule names; for a staff-only billing message, the owners and admins and no portal user.
 * Jobs run on a real worker and mail goes to a real SMTP server.
 */
let t: TestApp;
let a: Agency;
let smtp: SmtpPeer;
let worker: JobWorker;
let accountsChannel = '';
let billingUser = '';
let ruleId = '';

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url });
  t.clock.now = new Date('2026-11-24T10:00:00.000Z');
  a = await seedAgency(t);
  // A second portal user of client A, whose messages go to the client's accounts inbox.
  billingUser = (await ok(t, 'POST', '/api/v1/users', a.owner.token, { email: 'billing@client-a.test', name: 'Billing at A', role: 'client', clientId: a.clientA, password: 'correct horse battery' })).id;
  accountsChannel = (await ok(t, 'POST', '/api/v1/channels', a.owner.token, { kind: 'email', name: 'Accounts inbox', ownerUserId: billingUser, config: { address: 'accounts@client-a.test' }, ratePerMinute: null })).id;
  await ok(t, 'PUT', `/api/v1/users/${billingUser}/notification-preferences`, a.owner.token, { primaryChannelId: accountsChannel });
  // The manager looks after client A's failed payments too.
  ruleId = (await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Failed payments of A to the manager', eventTypes: ['payment.failed'], clientId: a.clientA, targets: [{ kind: 'user', userId: a.manager.id }] })).id;
  worker = new JobWorker({ database: t.deps.database, handlers: jobHandlers(t.deps), logger: createLogger('silent'), concurrency: 4, pollIntervalMs: 5, leaseMs: 5000, workerId: 'routing-preview-test', now: t.deps.now, random: () => 0 });
  worker.start();
});
afterAll(async () => {
  await worker?.stop(500);
  await smtp?.close();
  await t?.close();
});

type Listed = { recipient: string; name: string; email: string | null; reason: string; channel: { id: string | null; kind: string; name: string; fallback: boolean } | null };
type BillingType = 'payment.failed' | 'charge.awaiting-approval';

const preview = async (type: BillingType, clientId: string | null): Promise<{ audience: Listed[]; ruleIds: string[] }> =>
  ok(t, 'POST', '/api/v1/routing-rules/match', a.admin.token, { type, severity: SAMPLE_EVENTS[type].severity, clientId });

const dispatch = (type: BillingType, clientId: string | null) =>
  publish(t, { type, severity: SAMPLE_EVENTS[type].severity, clientId, data: SAMPLE_EVENTS[type].data as NewEvent['data'] });

/** Until no job is due: the event is routed and every message delivered (or given up). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const busy = await t.db.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running', 'failed']).where('run_at', '<=', t.clock.now.toISOString()).executeTakeFirst();
    if (!busy) return;
    if (Date.now() > deadline) throw new Error('Jobs did not settle');
    await sleep(20);
  }
}

/** What dispatch did with the event: each recipient, why, the channel it went out on and where that channel sends. */
async function delivered(eventId: string) {
  const rows = await t.db.db
    .selectFrom('notifications')
    .leftJoin('notification_channels', 'notification_channels.id', 'notifications.channel_id')
    .select(['notifications.recipient_user_id', 'notifications.recipient_channel_id', 'notifications.reason', 'notifications.status', 'notifications.channel_id', 'notification_channels.name as channel_name', 'notification_channels.config'])
    .where('notifications.event_id', '=', eventId)
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient_user_id ? `user:${r.recipient_user_id}` : `channel:${r.recipient_channel_id}`,
    reason: r.reason,
    status: r.status,
    channelId: r.channel_id,
    channelName: r.channel_name,
    address: r.config ? (JSON.parse(r.config) as { address?: string }).address : undefined,
  }));
}

const byRecipient = <T extends { recipient: string }>(list: T[]) => [...list].sort((x, y) => x.recipient.localeCompare(y.recipient));
const mailedTo = (address: string, subject: RegExp) => smtp.messages.some((m) => m.envelope.to.includes(address) && subject.test(m.parsed.subject ?? ''));

describe('the routing preview’s audience', () => {
  it('lists the client’s portal users for a failed payment, by name, email and channel, as dispatch then tells them', async () => {
    const listed = await preview('payment.failed', a.clientA);
    expect(listed.ruleIds).toEqual([ruleId]);
    // The client's portal users come first, always with the reason client-portal; then whom the rule names.
    expect(listed.audience.slice(0, 2).map((r) => r.reason)).toEqual(['client-portal', 'client-portal']);
    expect(byRecipient(listed.audience)).toEqual(
      byRecipient([
        { recipient: `user:${a.clientUser.id}`, kind: 'user', id: a.clientUser.id, name: 'portal-a', email: a.clientUser.email, clientId: a.clientA, reason: 'client-portal', channel: { id: null, kind: 'email', name: 'Sign-in email', fallback: false } },
        { recipient: `user:${billingUser}`, kind: 'user', id: billingUser, name: 'Billing at A', email: 'billing@client-a.test', clientId: a.clientA, reason: 'client-portal', channel: { id: accountsChannel, kind: 'email', name: 'Accounts inbox', fallback: false } },
        { recipient: `user:${a.manager.id}`, kind: 'user', id: a.manager.id, name: 'manager', email: a.manager.email, clientId: null, reason: `route:${ruleId}`, channel: { id: null, kind: 'email', name: 'Sign-in email', fallback: false } },
      ]),
    );

    const eventId = await dispatch('payment.failed', a.clientA);
    await settled();
    const told = await delivered(eventId);
    expect(byRecipient(told).map(({ recipient, reason }) => ({ recipient, reason }))).toEqual(byRecipient(listed.audience).map(({ recipient, reason }) => ({ recipient, reason })));
    for (const person of listed.audience) {
      const notification = told.find((n) => n.recipient === person.recipient)!;
      expect(notification.status, person.recipient).toBe('sent');
      // A chosen channel is the one used; the sign-in email is made for the person's own address.
      if (person.channel!.id) expect(notification.channelId).toBe(person.channel!.id);
      else expect([notification.channelName, notification.address]).toEqual(['Sign-in email', person.email]);
    }
    for (const address of [a.clientUser.email, 'accounts@client-a.test', a.manager.email]) expect(mailedTo(address, /./), address).toBe(true);
    expect(smtp.messages.filter((m) => [a.owner.email, a.admin.email, a.viewer.email, a.outsider.email, 'billing@client-a.test'].some((x) => m.envelope.to.includes(x)))).toEqual([]);

    // The sign-in email channels exist now: the preview names them as dispatch uses them.
    const again = await preview('payment.failed', a.clientA);
    for (const person of again.audience) expect(person.channel?.id, person.recipient).toBe(told.find((n) => n.recipient === person.recipient)!.channelId);
  });

  it('lists the other client’s own portal user only, and nobody for an event without a client', async () => {
    expect((await preview('payment.failed', a.clientB)).audience.map((r) => [r.recipient, r.reason])).toEqual([[`user:${a.outsider.id}`, 'client-portal']]);
    expect((await preview('payment.failed', null)).audience).toEqual([]);
  });

  it('lists no portal user for a staff-only billing message, as dispatch tells none', async () => {
    const listed = await preview('charge.awaiting-approval', a.clientA);
    expect(listed.audience.map((r) => [r.recipient, r.name, r.reason]).sort()).toEqual(
      [
        [`user:${a.owner.id}`, 'owner', 'route:default'],
        [`user:${a.admin.id}`, 'admin', 'route:default'],
      ].sort(),
    );
    const eventId = await dispatch('charge.awaiting-approval', a.clientA);
    await settled();
    const told = await delivered(eventId);
    expect(byRecipient(told).map(({ recipient, reason }) => ({ recipient, reason }))).toEqual(byRecipient(listed.audience).map(({ recipient, reason }) => ({ recipient, reason })));
    expect(told.some((n) => n.recipient === `user:${a.clientUser.id}` || n.recipient === `user:${billingUser}`)).toBe(false);
  });

  it('is for those who manage notifications only', async () => {
    const body = { type: 'payment.failed', severity: 'high', clientId: a.clientA };
    for (const who of [a.viewer, a.clientUser]) expect((await t.request('POST', '/api/v1/routing-rules/match', { token: who.token, body })).status).toBe(403);
  });
});

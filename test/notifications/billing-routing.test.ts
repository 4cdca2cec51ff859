import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../src/notifications/events.ts';
import { SAMPLE_EVENTS } from '../../src/notifications/templates/samples.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { eventOutcome, ok, publish, queued, runDueJobs } from './policies/support.ts';

/**
 * Whom billing's events reach, through the real dispatch job and database: the client's messages go
 * to that client's portal users without any rule and never to the staff by default; approvals and the
 * end of dunning go to the owners and admins (and the assignee).
 */
let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-11-21T10:00:00Z');
});
afterAll(async () => t?.close());

type BillingType = 'invoice.issued' | 'payment.received' | 'payment.failed' | 'payment-method.expiring' | 'charge.awaiting-approval' | 'payment.dunning-exhausted';
const billing = (type: BillingType, event: Partial<NewEvent> = {}, data: Record<string, unknown> = {}) =>
  publish(t, { type, severity: SAMPLE_EVENTS[type].severity, clientId: a.clientA, data: { ...SAMPLE_EVENTS[type].data, ...data } as NewEvent['data'], ...event });
const told = async (eventId: string) => (await queued(t, { eventId })).map((n) => [n.recipient, n.reason]).sort();
const staff = () => [a.owner, a.admin, a.manager, a.viewer].map((p) => `user:${p.id}`);

describe('billing messages for the client', () => {
  it('reach the client’s portal users without any rule, whatever the severity, and no staff', async () => {
    const ids = [
      await billing('invoice.issued'),
      await billing('payment.received'),
      await billing('payment.failed'),
      await billing('payment-method.expiring'),
      await billing('payment.failed', { severity: 'critical' }),
    ];
    await runDueJobs(t);
    for (const id of ids) {
      expect(await told(id), id).toEqual([[`user:${a.clientUser.id}`, 'client-portal']]);
      expect(await eventOutcome(t, id)).toBe('routed');
    }
  });

  it('never reach another client’s portal users, nor anyone for an event without a client', async () => {
    const other = await billing('payment.failed', { clientId: a.clientB });
    const agencyOwn = await billing('payment.received', { clientId: null });
    await runDueJobs(t);
    expect(await told(other)).toEqual([[`user:${a.outsider.id}`, 'client-portal']]);
    expect(await told(agencyOwn)).toEqual([]);
  });

  it('skip a disabled portal user and reach a new one', async () => {
    const second = await ok(t, 'POST', '/api/v1/users', a.owner.token, { email: 'billing@client-a.test', name: 'Billing at A', role: 'client', clientId: a.clientA, password: 'correct horse battery' });
    const gone = await ok(t, 'POST', '/api/v1/users', a.owner.token, { email: 'gone@client-a.test', name: 'Gone', role: 'client', clientId: a.clientA, password: 'correct horse battery' });
    await ok(t, 'PATCH', `/api/v1/users/${gone.id}`, a.owner.token, { disabled: true });
    const id = await billing('invoice.issued');
    await runDueJobs(t);
    expect(await told(id)).toEqual([[`user:${a.clientUser.id}`, 'client-portal'], [`user:${second.id}`, 'client-portal']].sort());
    await ok(t, 'PATCH', `/api/v1/users/${second.id}`, a.owner.token, { disabled: true });
  });

  it('still go where a rule sends them, such as the client’s own channel, and to the portal users as well', async () => {
    const channel = await ok(t, 'POST', '/api/v1/channels', a.owner.token, { kind: 'webhook', name: 'Client A accounts', ownerUserId: null, clientId: a.clientA, config: { url: 'https://hooks.example.test/client-a', secret: 'a-signing-secret-of-some-length' } });
    const rule = await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Client A billing to its accounts address', eventTypes: ['payment.*', 'invoice.*'], clientId: a.clientA, targets: [{ kind: 'channel', channelId: channel.id }] });
    const id = await billing('payment.failed');
    const other = await billing('payment.failed', { clientId: a.clientB });
    await runDueJobs(t);
    expect(await told(id)).toEqual([[`channel:${channel.id}`, `route:${rule.id}`], [`user:${a.clientUser.id}`, 'client-portal']].sort());
    expect(await told(other)).toEqual([[`user:${a.outsider.id}`, 'client-portal']]);
    await ok(t, 'PATCH', `/api/v1/routing-rules/${rule.id}`, a.owner.token, { enabled: false });
  });

  it('tell a portal user once when a rule names them too', async () => {
    const rule = await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Receipts to the portal user', eventTypes: ['payment.received'], targets: [{ kind: 'user', userId: a.clientUser.id }] });
    const id = await billing('payment.received');
    await runDueJobs(t);
    expect(await told(id)).toEqual([[`user:${a.clientUser.id}`, 'client-portal']]);
    await ok(t, 'PATCH', `/api/v1/routing-rules/${rule.id}`, a.owner.token, { enabled: false });
  });
});

describe('billing messages for the agency', () => {
  it('ask the owners and admins to approve a large charge, at medium severity, and not the client', async () => {
    const id = await billing('charge.awaiting-approval', { severity: 'medium' });
    await runDueJobs(t);
    expect(await told(id)).toEqual([[`user:${a.admin.id}`, 'route:default'], [`user:${a.owner.id}`, 'route:default']].sort());
  });

  it('tell the assignee, the owners and the admins that dunning ended, and not the client', async () => {
    const id = await billing('payment.dunning-exhausted', { severity: 'high' }, { assigneeId: a.manager.id });
    await runDueJobs(t);
    expect(await told(id)).toEqual([[`user:${a.admin.id}`, 'route:default'], [`user:${a.manager.id}`, 'addressed'], [`user:${a.owner.id}`, 'route:default']].sort());
  });

  it('leave every client-facing billing message out of the staff’s notifications', async () => {
    const rows = await t.db.db.selectFrom('notifications').innerJoin('events', 'events.id', 'notifications.event_id').select(['notifications.recipient_user_id', 'events.type']).execute();
    const clientFacing = rows.filter((r) => ['invoice.issued', 'payment.received', 'payment.failed', 'payment-method.expiring'].includes(r.type));
    expect(clientFacing.length).toBeGreaterThan(10);
    expect(clientFacing.filter((r) => staff().includes(`user:${r.recipient_user_id}`))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../src/notifications/events.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { startReceiver, type Receiver } from '../../support/peers/receiver.ts';
import { api, created, notify, reachesStatus, renewalDue, startDeliveryWorker, WEBHOOK_SECRET } from './support.ts';
import type { JobWorker } from '../../../src/platform/jobs/worker.ts';

/** Channels, preferences, the delivery log and templates through the HTTP API, bad input included. */

let t: TestApp;
let a: Agency;
let receiver: Receiver;
let worker: JobWorker;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T10:00:00Z');
  receiver = await startReceiver({ webhookSecret: WEBHOOK_SECRET, now: () => t.clock.now });
  a = await seedAgency(t);
  worker = startDeliveryWorker(t);
});
afterAll(async () => {
  await worker?.stop(500);
  await receiver?.close();
  await t?.close();
});

const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

describe('channels', () => {
  it('keeps secrets sealed: stored encrypted, never returned, audited without their values', async () => {
    const hook = await created(t, a.manager.token, '/api/v1/channels', { kind: 'webhook', name: 'Ops hook', config: { url: `${receiver.url}/hook?token=s3cr3t-in-query`, secret: WEBHOOK_SECRET } });
    expect(hook).toMatchObject({ kind: 'webhook', ownerUserId: a.manager.id, status: 'ok', config: {}, secretFields: ['url', 'secret'], ratePerMinute: 30 });
    expect(JSON.stringify(hook)).not.toContain(WEBHOOK_SECRET);
    expect(JSON.stringify(hook)).not.toContain('s3cr3t-in-query');
    const row = await t.deps.database.db.selectFrom('notification_channels').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
    expect(row.secret_config).toMatch(/^v1:/);
    expect(`${row.config}${row.secret_config}`).not.toContain(WEBHOOK_SECRET);
    const renamed = await api(t, a.manager.token, 'PATCH', `/api/v1/channels/${hook.id}`, { name: 'Ops webhook', config: { secret: 'another-signing-secret' } });
    expect(renamed.status, renamed.text).toBe(200);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', hook.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['channel.created', 'channel.updated']);
    expect(JSON.stringify(audit)).not.toMatch(/another-signing-secret|a-shared-signing-secret|s3cr3t/);
    // A secret left out of a change keeps its value: the URL with its query secret still works.
    expect((await api(t, a.manager.token, 'PATCH', `/api/v1/channels/${hook.id}`, { config: { secret: WEBHOOK_SECRET } })).status).toBe(200);
    expect((await api(t, a.manager.token, 'POST', `/api/v1/channels/${hook.id}/test`)).body).toMatchObject({ ok: true });
    expect(receiver.requests.at(-1)!.path).toBe('/hook?token=s3cr3t-in-query');
    expect(receiver.requests.at(-1)!.signatureValid).toBe(true);
  });

  it('lets people see and change only their own channels unless they manage notifications', async () => {
    const mine = await created(t, a.viewer.token, '/api/v1/channels', { kind: 'email', name: 'Viewer mail', config: { address: 'viewer@agency.test' } });
    expect((await api(t, a.manager.token, 'GET', `/api/v1/channels/${mine.id}`)).status).toBe(404);
    expect((await api(t, a.admin.token, 'GET', `/api/v1/channels/${mine.id}`)).status).toBe(200);
    expect((await api(t, a.viewer.token, 'POST', '/api/v1/channels', { kind: 'email', name: 'Team', config: { address: 'team@agency.test' }, ownerUserId: null })).status).toBe(403);
    const team = await created(t, a.admin.token, '/api/v1/channels', { kind: 'email', name: 'Team', config: { address: 'team@agency.test' }, ownerUserId: null });
    expect(team.ownerUserId).toBeNull();
    const seen = (await api(t, a.viewer.token, 'GET', '/api/v1/channels')).body.items.map((c: { name: string }) => c.name);
    expect(seen).toContain('Viewer mail');
    expect(seen).toContain('Team');
    expect(seen).not.toContain('Ops webhook');
    const portal = (await api(t, a.clientUser.token, 'GET', '/api/v1/channels')).body.items;
    expect(portal).toEqual([]);
    expect((await api(t, a.manager.token, 'DELETE', `/api/v1/channels/${mine.id}`)).status).toBe(404);
    expect((await api(t, a.viewer.token, 'DELETE', `/api/v1/channels/${mine.id}`)).status).toBe(204);
  });

  it('refuses bad settings at configuration time with the field and the reason', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await api(t, a.manager.token, 'POST', '/api/v1/channels', { name: 'Bad', ...body });
      expect(res.status, res.text).toBe(400);
      return res;
    };
    expect(fields(await bad({ kind: 'email', config: { address: 'not-an-address' } }))).toEqual(['body.config.address']);
    const sms = await bad({ kind: 'sms', config: { accountSid: 'AC' + '0'.repeat(32), authToken: 'x'.repeat(32), from: '+46701234567', to: '0701-23 45 67' } });
    expect(sms.body.errors).toContainEqual({ field: 'body.config.to', message: expect.stringContaining('E.164') });
    expect(fields(await bad({ kind: 'webhook', config: { url: 'ftp://hooks.example.com/x', secret: WEBHOOK_SECRET } }))).toEqual(['body.config.url']);
    expect(fields(await bad({ kind: 'pager', config: {} }))).toEqual(['body.kind']);
    expect(fields(await bad({ kind: 'email', config: { address: 'a@b.test', extra: 1 } }))).toEqual(['body.config']);
  });

  it('refuses a webhook to a private address when this server blocks them', async () => {
    const blocked = await startTestApp({ UPKEEP_BLOCK_PRIVATE_ADDRESSES: 'true' });
    try {
      const b = await seedAgency(blocked);
      for (const url of ['http://127.0.0.1:8080/hook', 'https://10.1.2.3/hook', 'http://169.254.169.254/latest', 'http://localhost/x', 'http://[::1]/x']) {
        const res = await blocked.request('POST', '/api/v1/channels', { token: b.manager.token, body: { kind: 'webhook', name: 'Internal', config: { url, secret: WEBHOOK_SECRET } } });
        expect(res.status, url).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'body.config.url', message: expect.stringContaining('private') }]);
      }
      const ok = await blocked.request('POST', '/api/v1/channels', { token: b.manager.token, body: { kind: 'webhook', name: 'Public', config: { url: 'https://hooks.example.com/x', secret: WEBHOOK_SECRET } } });
      expect(ok.status).toBe(201);
    } finally {
      await blocked.close();
    }
  });

  it('reports a failing test send with its reason and leaves the channel as it was', async () => {
    const hook = await created(t, a.manager.token, '/api/v1/channels', { kind: 'webhook', name: 'Broken test', config: { url: `${receiver.url}/gone`, secret: WEBHOOK_SECRET } });
    receiver.gone(410);
    try {
      const res = await api(t, a.manager.token, 'POST', `/api/v1/channels/${hook.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: false, failure: 'permanent', reason: expect.stringMatching(/410/), channel: { status: 'ok' } });
    } finally {
      receiver.reset();
    }
  });
});

describe('preferences', () => {
  it('sets my primary and fallback channel and language, and refuses what I may not use', async () => {
    const mail = await created(t, a.manager.token, '/api/v1/channels', { kind: 'email', name: 'Manager mail', config: { address: 'manager@agency.test' } });
    const hook = await created(t, a.manager.token, '/api/v1/channels', { kind: 'webhook', name: 'Manager hook', config: { url: `${receiver.url}/m`, secret: WEBHOOK_SECRET } });
    const saved = await api(t, a.manager.token, 'PUT', '/api/v1/me/notification-preferences', { primaryChannelId: hook.id, fallbackChannelId: mail.id, locale: 'da' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ userId: a.manager.id, primaryChannelId: hook.id, fallbackChannelId: mail.id, locale: 'da', effectiveLocale: 'da' });
    expect((await api(t, a.manager.token, 'GET', '/api/v1/me/notification-preferences')).body.locale).toBe('da');

    const unknownLocale = await api(t, a.manager.token, 'PUT', '/api/v1/me/notification-preferences', { locale: 'xx' });
    expect(unknownLocale.status).toBe(400);
    expect(fields(unknownLocale)).toEqual(['body.locale']);
    const same = await api(t, a.manager.token, 'PUT', '/api/v1/me/notification-preferences', { fallbackChannelId: hook.id });
    expect(fields(same)).toEqual(['body.fallbackChannelId']);
    const others = await created(t, a.viewer.token, '/api/v1/channels', { kind: 'email', name: 'Not yours', config: { address: 'v@agency.test' } });
    expect(fields(await api(t, a.manager.token, 'PUT', '/api/v1/me/notification-preferences', { primaryChannelId: others.id }))).toEqual(['body.primaryChannelId']);

    expect((await api(t, a.manager.token, 'GET', `/api/v1/users/${a.viewer.id}/notification-preferences`)).status).toBe(403);
    const set = await api(t, a.admin.token, 'PUT', `/api/v1/users/${a.viewer.id}/notification-preferences`, { primaryChannelId: others.id });
    expect(set.status, set.text).toBe(200);
    expect(set.body.primaryChannelId).toBe(others.id);
  });
});

describe('the delivery log', () => {
  it('lists notifications newest first with filters and cursor paging, and shows each one with its attempts', async () => {
    const hook = await created(t, a.owner.token, '/api/v1/channels', { kind: 'webhook', name: 'Log hook', config: { url: `${receiver.url}/log`, secret: WEBHOOK_SECRET }, ratePerMinute: null });
    await api(t, a.owner.token, 'PUT', '/api/v1/me/notification-preferences', { primaryChannelId: hook.id });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.now = new Date(Date.parse('2026-11-21T11:00:00Z') + i * 1000);
      const { notificationId } = await notify(t, renewalDue(`log-${i}.test`), { userId: a.owner.id });
      ids.push(notificationId);
    }
    for (const id of ids) await reachesStatus(t, id, 'sent');
    const first = await api(t, a.owner.token, 'GET', `/api/v1/notifications?userId=${a.owner.id}&limit=2`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({ status: 'sent', eventType: 'renewal.due', channelId: hook.id, subject: 'Renewal due in 30 days: log-2.test', attempts: 1 });
    const second = await api(t, a.owner.token, 'GET', `/api/v1/notifications?userId=${a.owner.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    expect((await api(t, a.owner.token, 'GET', '/api/v1/notifications?status=gave_up')).body.items.every((n: { status: string }) => n.status === 'gave_up')).toBe(true);
    expect((await api(t, a.owner.token, 'GET', '/api/v1/notifications?cursor=nonsense')).status).toBe(400);

    const detail = await api(t, a.owner.token, 'GET', `/api/v1/notifications/${ids[0]}`);
    expect(detail.body.deliveries).toEqual([expect.objectContaining({ attempt: 1, status: 'sent', channelId: hook.id, idempotencyKey: `upkeep:${ids[0]}:${hook.id}` })]);
    // Someone else's notifications are not theirs to read.
    expect((await api(t, a.viewer.token, 'GET', `/api/v1/notifications/${ids[0]}`)).status).toBe(404);
    expect((await api(t, a.viewer.token, 'GET', `/api/v1/notifications?userId=${a.owner.id}`)).body.items).toEqual([]);
  });

  it('records a person with no channel as given up, with the reason', async () => {
    const { notificationId } = await notify(t, renewalDue('nobody.test'), { userId: a.outsider.id });
    const row = await reachesStatus(t, notificationId, 'gave_up');
    expect(row.last_error).toMatch(/no working notification channel/);
  });
});

describe('templates', () => {
  const path = '/api/v1/notification-templates';

  it('lists and shows the built-in templates of every language', async () => {
    const all = await api(t, a.admin.token, 'GET', path);
    expect(all.body.items).toHaveLength(EVENT_TYPES.length * 2 * 6);
    const one = await api(t, a.admin.token, 'GET', `${path}/renewal.due/client/nl`);
    expect(one.body).toMatchObject({ overridden: false, subject: '{{reminderNotice}}: {{assetName}}', placeholders: expect.arrayContaining(['assetName', 'price', 'expiresOn', 'recipientName', 'reminderNotice', 'dueIn', 'lateNote']) });
    expect((await api(t, a.manager.token, 'GET', path)).status).toBe(403);
  });

  it('saves an override after checking its placeholders, uses it, and resets it', async () => {
    const unknown = await api(t, a.admin.token, 'PUT', `${path}/renewal.due/staff/en`, { subject: 'Renew {{assetName}}', text: 'It costs {{cost}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.text', message: expect.stringContaining('{{cost}}') }]);
    const badLocale = await api(t, a.admin.token, 'PUT', `${path}/renewal.due/staff/xx`, { subject: 's', text: 't' });
    expect(fields(badLocale)).toEqual(['params.locale']);
    expect(fields(await api(t, a.admin.token, 'GET', `${path}/nothing.happened/staff/en`))).toEqual(['params.eventType']);

    const saved = await api(t, a.admin.token, 'PUT', `${path}/renewal.due/staff/en`, { subject: 'Renew {{ assetName }} by {{expiresOn}}', text: '{{assetName}}: {{price}}, {{daysLeft}} days left.' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ overridden: true, builtIn: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}' } });
    const preview = await api(t, a.admin.token, 'POST', `${path}/preview`, { eventType: 'renewal.due', audience: 'staff', locale: 'en' });
    expect(preview.body.subject).toBe('Renew example.com hosting by December 21, 2026');
    expect(preview.body.text).toContain('€1,299.00, 30 days left.');

    const hook = await created(t, a.admin.token, '/api/v1/channels', { kind: 'webhook', name: 'Template hook', config: { url: `${receiver.url}/tpl`, secret: WEBHOOK_SECRET }, ratePerMinute: null });
    const { notificationId } = await notify(t, renewalDue('custom.test'), { channelId: hook.id });
    await reachesStatus(t, notificationId, 'sent');
    expect(receiver.requests.find((r) => r.path === '/tpl')!.json.subject).toBe('Renew custom.test by December 21, 2026');

    const reset = await api(t, a.admin.token, 'DELETE', `${path}/renewal.due/staff/en`);
    expect(reset.body).toMatchObject({ overridden: false, subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}' });
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'notification-template').execute();
    expect(audit.map((e) => e.action)).toEqual(['notification-template.saved', 'notification-template.reset']);
  });

  it('previews a sample event in a chosen language, and a draft before it is saved', async () => {
    const ru = await api(t, a.admin.token, 'POST', `${path}/preview`, { eventType: 'incident.opened', audience: 'client', locale: 'ru' });
    expect(ru.status, ru.text).toBe(200);
    expect(ru.body.subject).toBe('Сбой в работе: Shop front page');
    expect(ru.body.html).toContain('<html lang="ru">');
    const draft = await api(t, a.admin.token, 'POST', `${path}/preview`, { eventType: 'payment.received', audience: 'client', locale: 'sv', draft: { subject: 'Tack! {{amount}}', text: 'Faktura {{invoiceNumber}}' } });
    expect(draft.body.subject).toMatch(/^Tack! 1\s299,00\s€$/);
    const badDraft = await api(t, a.admin.token, 'POST', `${path}/preview`, { eventType: 'payment.received', audience: 'client', locale: 'sv', draft: { subject: '{{price}}', text: 'x' } });
    expect(fields(badDraft)).toEqual(['body.draft.subject']);
    expect(fields(await api(t, a.admin.token, 'POST', `${path}/preview`, { eventType: 'payment.received', audience: 'client', locale: 'de' }))).toEqual(['body.locale']);
  });
});

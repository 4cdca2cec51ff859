import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchEvent } from '../../../src/notifications/dispatch.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../../support/app.ts';
import { advance, eventOutcome, ok, publish, queued, runDueJobs } from './support.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  t.clock.now = new Date('2026-06-10T10:00:00Z');
  await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Outages to the admin', eventTypes: ['incident.*', 'heartbeat.late'], targets: [{ kind: 'user', userId: a.admin.id }] });
  await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Renewals to the manager', eventTypes: ['renewal.due'], targets: [{ kind: 'user', userId: a.manager.id }] });
});
afterAll(async () => t?.close());

describe('de-duplication', () => {
  it('does not repeat an open problem with nothing new, but tells a rise in severity and the resolution', async () => {
    const subjectKey = 'incident:inc_dedup';
    const first = await publish(t, { type: 'incident.opened', severity: 'high', subjectKey });
    const repeat = await publish(t, { type: 'incident.opened', severity: 'high', subjectKey });
    await runDueJobs(t);
    const worse = await publish(t, { type: 'incident.opened', severity: 'critical', subjectKey });
    await runDueJobs(t);
    const resolved = await publish(t, { type: 'incident.resolved', severity: 'info', subjectKey });
    await runDueJobs(t);
    expect(await queued(t, { eventId: first })).toHaveLength(1);
    expect(await queued(t, { eventId: repeat })).toEqual([]);
    expect(await eventOutcome(t, repeat)).toBe('deduplicated');
    expect(await queued(t, { eventId: worse })).toHaveLength(1);
    expect((await queued(t, { eventId: resolved })).map((n) => n.recipient)).toEqual([`user:${a.admin.id}`]);
  });

  it('dispatches an event once, however often its job runs', async () => {
    const id = await publish(t, { type: 'heartbeat.late', severity: 'high', subjectKey: 'heartbeat:mon_twice' });
    await runDueJobs(t);
    // As after a crash between the commit and recording the job done.
    expect(await dispatchEvent(t.deps, id)).toBe('already-dispatched');
    expect(await queued(t, { eventId: id })).toHaveLength(1);
    expect(await eventOutcome(t, id)).toBe('routed');
  });
});

describe('grouping', () => {
  it('folds a child outage under its notified parent: no message of its own, nor for its resolution', async () => {
    const parent = await publish(t, { type: 'incident.opened', severity: 'critical', subjectKey: 'incident:inc_server' });
    await runDueJobs(t);
    const child = await publish(t, { type: 'incident.opened', severity: 'critical', subjectKey: 'incident:inc_site', groupKey: 'incident:inc_server' });
    await runDueJobs(t);
    const childResolved = await publish(t, { type: 'incident.resolved', severity: 'info', subjectKey: 'incident:inc_site' });
    await runDueJobs(t);
    expect(await queued(t, { eventId: parent })).toHaveLength(1);
    expect(await queued(t, { eventId: child })).toEqual([]);
    expect(await eventOutcome(t, child)).toBe('grouped');
    expect(await queued(t, { eventId: childResolved })).toEqual([]);
  });

  it('tells about a child whose parent nobody was told about', async () => {
    const child = await publish(t, { type: 'incident.opened', severity: 'critical', subjectKey: 'incident:inc_orphan', groupKey: 'incident:inc_unknown_parent' });
    await runDueJobs(t);
    expect(await queued(t, { eventId: child })).toHaveLength(1);
  });
});

describe('digests', () => {
  it('collects twelve renewals due into one digest at the recipient’s digest time', async () => {
    t.clock.now = new Date('2026-06-10T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await publish(t, { type: 'renewal.due', severity: 'medium', subjectKey: `renewal:ast_${i}` }));
    await runDueJobs(t);
    const digestOf = async () => (await queued(t)).filter((n) => n.recipient === `user:${a.manager.id}` && n.digestEventIds);
    expect(await digestOf()).toEqual([]);
    for (const id of ids) expect(await queued(t, { eventId: id })).toEqual([]);

    t.clock.now = new Date('2026-06-11T07:59:00Z');
    await runDueJobs(t);
    expect(await digestOf()).toEqual([]);
    t.clock.now = new Date('2026-06-11T08:00:00Z'); // 08:00 in the manager's time zone (UTC)
    await runDueJobs(t);
    const digests = await digestOf();
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ eventId: null, reason: 'digest:2026-06-11T08:00:00.000Z' });
    expect([...digests[0]!.digestEventIds!].sort()).toEqual([...ids].sort());
  });

  it('sends a person’s digestable type at once when they chose not to digest it', async () => {
    await ok(t, 'PATCH', `/api/v1/users/${a.manager.id}/notification-schedule`, a.owner.token, { digest: { types: [] } });
    const id = await publish(t, { type: 'renewal.due', severity: 'medium', subjectKey: 'renewal:ast_now' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: id })).map((n) => n.recipient)).toEqual([`user:${a.manager.id}`]);
  });
});

describe('quiet hours', () => {
  it('hold a non-critical event until 07:00 local on the night clocks go forward, and let a critical one through', async () => {
    const schedule = await ok(t, 'PATCH', '/api/v1/me/notification-schedule', a.admin.token, {
      timeZone: 'Europe/Stockholm',
      quietHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '07:00' }],
    });
    expect(schedule).toMatchObject({ userId: a.admin.id, effectiveTimeZone: 'Europe/Stockholm', timeZone: 'Europe/Stockholm' });

    // 00:30 CET on 29 March 2026; at 02:00 the clocks go forward to 03:00 CEST, so 07:00 is 05:00 UTC.
    t.clock.now = new Date('2026-03-28T23:30:00Z');
    const high = await publish(t, { type: 'heartbeat.late', severity: 'high', subjectKey: 'heartbeat:mon_night' });
    const critical = await publish(t, { type: 'incident.opened', severity: 'critical', subjectKey: 'incident:inc_night' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: high })).map((n) => n.notBefore)).toEqual(['2026-03-29T05:00:00.000Z']);
    expect((await queued(t, { eventId: critical })).map((n) => n.notBefore)).toEqual(['2026-03-28T23:30:00.000Z']);
    const decisions = await t.db.db.selectFrom('notification_decisions').select(['outcome', 'not_before']).where('event_id', '=', high).where('recipient_key', '=', `user:${a.admin.id}`).execute();
    expect(decisions).toEqual([{ outcome: 'held', not_before: '2026-03-29T05:00:00.000Z' }]);
  });

  it('hold until 07:00 local on the night clocks go back, an hour later in UTC', async () => {
    t.clock.now = new Date('2026-10-24T22:30:00Z');
    const high = await publish(t, { type: 'heartbeat.late', severity: 'high', subjectKey: 'heartbeat:mon_autumn' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: high })).map((n) => n.notBefore)).toEqual(['2026-10-25T06:00:00.000Z']);
    advance(t, 60 * 12);
    const day = await publish(t, { type: 'heartbeat.late', severity: 'high', subjectKey: 'heartbeat:mon_day' });
    await runDueJobs(t);
    expect((await queued(t, { eventId: day })).map((n) => n.notBefore)).toEqual([t.clock.now.toISOString()]);
  });
});

describe('notification schedules', () => {
  const patch = (body: unknown, token = a.viewer.token) => t.request('PATCH', '/api/v1/me/notification-schedule', { token, body });
  const fields = (res: { body: { errors: { field: string }[] } }) => res.body.errors.map((e) => e.field);

  it('start with the defaults and the profile’s time zone', async () => {
    const mine = await ok(t, 'GET', '/api/v1/me/notification-schedule', a.viewer.token);
    expect(mine).toEqual({ userId: a.viewer.id, timeZone: null, effectiveTimeZone: 'UTC', quietHours: [], workingHours: null, digest: { types: ['renewal.due', 'renewal.task-assigned'], frequency: 'daily', time: '08:00', weekday: 1 }, updatedAt: null });
  });

  it('refuse an unknown time zone, nonsense windows and unknown digest types with the field at fault', async () => {
    let res = await patch({ timeZone: 'Europe/Stockholmm' });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['body.timeZone']);
    res = await patch({ quietHours: [{ days: [1], start: '22:00', end: '07:00' }, { days: [2], start: '06:00', end: '08:00' }] });
    expect(fields(res)).toEqual(['body.quietHours.1']);
    res = await patch({ quietHours: [{ days: [1], start: '09:00', end: '09:00' }] });
    expect(fields(res)).toEqual(['body.quietHours.0.end']);
    res = await patch({ quietHours: [{ days: [1], start: '9am', end: '10:00' }] });
    expect(fields(res)).toEqual(['body.quietHours.0.start']);
    res = await patch({ quietHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00' }] });
    expect(fields(res)).toEqual(['body.quietHours.0.end']);
    res = await patch({ quietHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00' }], workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] });
    expect(fields(res)).toEqual(['body.workingHours']);
    res = await patch({ digest: { types: ['renewal.overdue'] } });
    expect(fields(res)).toEqual(['body.digest.types.0']);
    expect((await ok(t, 'GET', '/api/v1/me/notification-schedule', a.viewer.token)).updatedAt).toBeNull();
  });

  it('are changed by their person, or by someone who manages notifications, and audited', async () => {
    const mine = await ok(t, 'PATCH', '/api/v1/me/notification-schedule', a.viewer.token, { workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }], digest: { frequency: 'weekly', weekday: 5 } });
    expect(mine.digest).toEqual({ types: ['renewal.due', 'renewal.task-assigned'], frequency: 'weekly', time: '08:00', weekday: 5 });
    expect((await t.request('GET', `/api/v1/users/${a.viewer.id}/notification-schedule`, { token: a.manager.token })).status).toBe(403);
    expect((await ok(t, 'GET', `/api/v1/users/${a.viewer.id}/notification-schedule`, a.admin.token)).workingHours).toHaveLength(1);
    expect((await t.request('GET', '/api/v1/users/usr_nobody/notification-schedule', { token: a.admin.token })).status).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.viewer.id).where('action', '=', 'notification-schedule.updated').execute();
    expect(audit).toHaveLength(1);
  });
});

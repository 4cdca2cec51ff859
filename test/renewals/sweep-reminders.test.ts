import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { asset, events, expectOk, person, reminderLog, reminders, sweepAt } from './sweep-support.ts';

/**
 * The sweep's reminders, end to end on a real database: at 08:00 in the assignee's time zone,
 * once however often it sweeps, one late reminder per kind after an outage, and per-client policies.
 */
describe('reminders at 08:00 in the assignee’s time zone', () => {
  let t: TestApp;
  let a: Agency;
  let newYork: { id: string };
  let beforeChange: string;
  let afterChange: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.now = new Date('2030-10-01T00:00:00Z');
    a = await seedAgency(t);
    newYork = await person(t, 'America/New_York');
    // New York leaves summer time on Sunday 3 November 2030: the 30-day reminders fall either side of it.
    beforeChange = await asset(t, { clientId: a.clientA, ownerId: newYork.id, expiresOn: '2030-12-01', renewalAmount: 1500 });
    afterChange = await asset(t, { clientId: a.clientA, ownerId: newYork.id, expiresOn: '2030-12-04' });
  });
  afterAll(async () => t?.close());

  it('tells a new asset where it stands on the first sweep, once, marked late', async () => {
    const sweep = await sweepAt(t, '2030-11-01T11:00:00Z');
    expect(sweep.counts).toMatchObject({ reminders: 2, late: 2 });
    expect(await reminderLog(t, beforeChange)).toEqual(['renewal 60 late']);
    expect(await reminderLog(t, afterChange)).toEqual(['renewal 60 late']);
  });

  it('sends the 30-day reminder at 08:00 New York summer time (12:00 UTC), not a second before', async () => {
    await sweepAt(t, '2030-11-01T11:59:59Z');
    expect(await reminderLog(t, beforeChange)).toEqual(['renewal 60 late']);
    const sweep = await sweepAt(t, '2030-11-01T12:00:00Z');
    expect(sweep.counts).toMatchObject({ reminders: 1, late: 0 });
    const sent = await reminders(t, beforeChange);
    expect(sent[1]).toMatchObject({ kind: 'renewal', offsetDays: 30, fireAt: '2030-11-01T12:00:00.000Z', late: false, recipientId: newYork.id });
  });

  it('sends it once however often it sweeps, with one event', async () => {
    for (let minute = 0; minute < 50; minute += 5) await sweepAt(t, `2030-11-01T12:${String(minute).padStart(2, '0')}:30Z`);
    expect(await reminderLog(t, beforeChange)).toEqual(['renewal 60 late', 'renewal 30']);
    const due = await events(t, { assetId: beforeChange, type: 'renewal.due' });
    expect(due).toHaveLength(2);
    const thirty = due[1]!;
    expect(thirty).toMatchObject({ severity: 'medium', clientId: a.clientA, assetId: beforeChange, subjectKey: `reminder:${beforeChange}/2030-12-01/renewal/30` });
    expect(thirty.data).toEqual({
      assetId: beforeChange,
      assetName: expect.any(String),
      expiresOn: '2030-12-01',
      daysLeft: 30,
      price: { amount: 1500, currency: 'EUR' },
      reminder: 'renewal',
      late: false,
      assigneeId: newYork.id,
    });
    expect((await reminders(t, beforeChange))[1]!.eventId).toBe(thirty.id);
  });

  it('sends the 30-day reminder after the clocks changed at 08:00 New York winter time (13:00 UTC)', async () => {
    await sweepAt(t, '2030-11-04T12:59:00Z');
    expect(await reminderLog(t, afterChange)).toEqual(['renewal 60 late']);
    await sweepAt(t, '2030-11-04T13:00:00Z');
    expect((await reminders(t, afterChange))[1]).toMatchObject({ offsetDays: 30, fireAt: '2030-11-04T13:00:00.000Z', late: false });
  });

  it('lists the sweeps, latest first, a page at a time', async () => {
    const first = await t.request('GET', '/api/v1/renewals/sweeps?limit=2', { token: a.viewer.token });
    expectOk(first);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].sweptAt).toBe('2030-11-04T13:00:00.000Z');
    expect(first.body.items[0].counts).toMatchObject({ reminders: 1, late: 0, ms: expect.any(Number) });
    const second = await t.request('GET', `/api/v1/renewals/sweeps?limit=2&cursor=${first.body.nextCursor}`, { token: a.viewer.token });
    expect(second.body.items[0].sweptAt).toBe('2030-11-01T12:45:30.000Z');
  });

  it('keeps 30 days of sweep history', async () => {
    await sweepAt(t, '2030-12-04T13:00:01Z');
    const listed = await t.request('GET', '/api/v1/renewals/sweeps?limit=100', { token: a.viewer.token });
    expectOk(listed);
    // Every earlier sweep (the last at 2030-11-04T13:00:00) is more than 30 days older: gone.
    expect(listed.body.items.map((s: { sweptAt: string }) => s.sweptAt)).toEqual(['2030-12-04T13:00:01.000Z']);
  });
});

describe('an outage', () => {
  let t: TestApp;
  let a: Agency;
  let paidByHand: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.now = new Date('2030-06-01T00:00:00Z');
    a = await seedAgency(t);
    const stockholm = await person(t, 'Europe/Stockholm');
    paidByHand = await asset(t, { clientId: a.clientA, ownerId: stockholm.id, expiresOn: '2030-06-20', autoRenew: false });
  });
  afterAll(async () => t?.close());

  it('brings one late reminder per kind for the days it missed, then carries on', async () => {
    await sweepAt(t, '2030-06-12T09:00:00Z');
    expect(await reminderLog(t, paidByHand)).toEqual(['renewal 14 late']);
    // Down for six days: the 7-day reminders (13 June) and the 3-day one (17 June) were missed.
    const back = await sweepAt(t, '2030-06-18T09:00:00Z');
    expect(back.counts).toMatchObject({ reminders: 2, late: 2 });
    expect(await reminderLog(t, paidByHand)).toEqual(['renewal 14 late', 'pay 7 late', 'renewal 3 late']);
    const late = await events(t, { assetId: paidByHand, type: 'renewal.due' });
    expect(late.slice(1).map((e) => `${e.data.reminder} ${e.data.daysLeft} days left${e.data.late ? ' late' : ''} ${e.severity}`).sort()).toEqual([
      'pay 2 days left late high',
      'renewal 2 days left late high',
    ]);
    await sweepAt(t, '2030-06-18T09:15:00Z');
    await sweepAt(t, '2030-06-19T05:59:00Z');
    expect(await reminderLog(t, paidByHand)).toHaveLength(3);
    await sweepAt(t, '2030-06-19T06:00:00Z');
    expect((await reminderLog(t, paidByHand)).slice(3)).toEqual(['pay 1', 'renewal 1']);
  });

  it('re-covers the range of a sweep that stopped half-way, without sending anything twice', async () => {
    await sweepAt(t, '2030-06-20T05:00:00Z');
    // The renewal day's reminder goes out at 06:00 UTC; this sweep sends it, then "crashes"
    // before finishing (its row stays unfinished) — after committing that page.
    const crashed = await sweepAt(t, '2030-06-20T06:10:00Z');
    await t.deps.database.db.updateTable('renewal_sweeps').set({ finished_at: null, counts: null }).where('id', '=', crashed.id).execute();
    expect(await reminderLog(t, paidByHand)).toContain('renewal 0');
    const again = await sweepAt(t, '2030-06-20T06:15:00Z');
    expect(again.counts).toMatchObject({ reminders: 0 });
    expect((await reminderLog(t, paidByHand)).filter((r) => r === 'renewal 0')).toHaveLength(1);
    expect(await events(t, { assetId: paidByHand, type: 'renewal.due' })).toHaveLength(6);
  });

  it('reminds daily once expired, as renewal.expired', async () => {
    await sweepAt(t, '2030-06-21T06:00:00Z');
    const [expired] = await events(t, { assetId: paidByHand, type: 'renewal.expired' });
    expect(expired).toMatchObject({ severity: 'high', subjectKey: `reminder:${paidByHand}/2030-06-20/expired/1` });
    expect(expired!.data).toMatchObject({ expiredOn: '2030-06-20', daysOverdue: 1, late: false });
  });
});

describe('policies and calendars', () => {
  let t: TestApp;
  let a: Agency;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.now = new Date('2031-01-01T00:00:00Z');
    a = await seedAgency(t);
  });
  afterAll(async () => t?.close());

  it('follows a client’s override of the reminder days and its notice period', async () => {
    const res = await t.request('PUT', `/api/v1/renewal-policies/client/${a.clientB}`, {
      token: a.admin.token,
      body: { reminderOffsets: [45, 10], cancellationNoticeDays: 30, cancellationReminderOffsets: [7] },
    });
    expectOk(res);
    const owner = await person(t, 'UTC');
    const ofA = await asset(t, { clientId: a.clientA, ownerId: owner.id, expiresOn: '2031-03-01', autoRenew: true });
    const ofB = await asset(t, { clientId: a.clientB, ownerId: owner.id, expiresOn: '2031-03-01', autoRenew: true });
    await sweepAt(t, '2031-01-14T09:00:00Z');
    expect(await reminderLog(t, ofA)).toEqual(['renewal 60 late']);
    expect(await reminderLog(t, ofB)).toEqual([]);
    await sweepAt(t, '2031-01-15T09:00:00Z');
    expect(await reminderLog(t, ofA)).toEqual(['renewal 60 late']);
    expect(await reminderLog(t, ofB)).toEqual(['renewal 45']);
    // Cancel by 30 January (30 days' notice), reminded 7 days before.
    await sweepAt(t, '2031-01-23T08:00:00Z');
    const [cancel] = await events(t, { assetId: ofB, type: 'renewal.cancel-deadline' });
    expect(cancel).toMatchObject({ severity: 'medium', clientId: a.clientB });
    expect(cancel!.data).toMatchObject({ renewalOn: '2031-03-01', cancelBy: '2031-01-30', daysLeft: 7, late: false, assigneeId: owner.id });
    expect(await events(t, { assetId: ofA, type: 'renewal.cancel-deadline' })).toEqual([]);
  });

  it('counts back across Feb 29: the 1-day reminder of a 1 March renewal in a leap year', async () => {
    const owner = await person(t, 'UTC');
    const leap = await asset(t, { clientId: a.clientA, ownerId: owner.id, expiresOn: '2032-03-01', autoRenew: true });
    await sweepAt(t, '2032-02-28T09:00:00Z');
    expect(await reminderLog(t, leap)).toEqual(['renewal 3 late']);
    await sweepAt(t, '2032-02-29T07:59:00Z');
    await sweepAt(t, '2032-02-29T08:00:00Z');
    const sent = await reminders(t, leap);
    expect(sent.map((r) => [r.offsetDays, r.fireAt])).toEqual([
      [3, '2032-02-27T08:00:00.000Z'],
      [1, '2032-02-29T08:00:00.000Z'],
    ]);
  });

  it('asks the agency’s time zone when nobody is responsible', async () => {
    const res = await t.request('PATCH', '/api/v1/agency', { token: a.owner.token, body: { timeZone: 'Asia/Tokyo' } });
    expectOk(res);
    const nobodys = await asset(t, { clientId: a.clientA, expiresOn: '2032-04-30' });
    await sweepAt(t, '2032-04-28T00:00:00Z');
    await sweepAt(t, '2032-04-28T23:00:00Z');
    // 1 day before is 29 April: 08:00 in Tokyo is 23:00 UTC on 28 April.
    expect((await reminders(t, nobodys)).map((r) => [r.offsetDays, r.fireAt, r.recipientId])).toContainEqual([1, '2032-04-28T23:00:00.000Z', null]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, auditOf, countRows, fieldsOf, ok, stockholmCalendar, WEEKDAYS_9_TO_18 } from './helpers.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T12:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
});
afterAll(async () => t?.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

describe('business calendars', () => {
  it("creates the default plan's support hours on first use, in the agency's time zone, by the system", async () => {
    const list = await ok(t, 'GET', '/api/v1/business-calendars', a.viewer.token);
    const support = list.items.find((c: { name: string }) => c.name === 'Support hours');
    expect(support).toMatchObject({ timeZone: 'Europe/Stockholm', week: WEEKDAYS_9_TO_18(), publicHolidays: null, closedDays: [], extraWorkingDays: [], planCount: 1 });
    // A second use does not make another.
    await ok(t, 'GET', '/api/v1/sla-plans', a.viewer.token);
    expect(await countRows(t, 'business_calendars')).toBe(1);
    const audit = await auditOf(t, support.id);
    expect(audit.map((e) => [e.action, e.actor_type])).toEqual([['business-calendar.created', 'system']]);
  });

  it('creates, shows, changes and deletes a calendar, audited with before and after', async () => {
    const created = await t.request('POST', '/api/v1/business-calendars', { token: a.admin.token, body: stockholmCalendar() });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Stockholm office', timeZone: 'Europe/Stockholm', closedDays: [], extraWorkingDays: [], planCount: 0 });
    const id = created.body.id;
    expect(id).toMatch(/^bcal_/);
    expect((await ok(t, 'GET', `/api/v1/business-calendars/${id}`, a.viewer.token)).publicHolidays).toEqual({ country: 'SE', region: null });
    const closed = [{ date: '2026-12-24', name: 'Christmas Eve', active: true }];
    t.clock.now = new Date('2026-11-21T12:01:00.000Z');
    const changed = await ok(t, 'PATCH', `/api/v1/business-calendars/${id}`, a.owner.token, { name: 'Office', closedDays: closed });
    expect(changed).toMatchObject({ name: 'Office', closedDays: closed, week: WEEKDAYS_9_TO_18() });
    expect((await t.request('DELETE', `/api/v1/business-calendars/${id}`, { token: a.admin.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/business-calendars/${id}`, { token: a.admin.token })).status).toBe(404);
    const audit = await auditOf(t, id);
    expect(audit.map((e) => e.action)).toEqual(['business-calendar.created', 'business-calendar.updated', 'business-calendar.deleted']);
    expect(audit[1]!.before).toEqual({ name: 'Stockholm office', closedDays: [], updatedAt: '2026-11-21T12:00:00.000Z' });
    expect(audit[1]!.after).toEqual({ name: 'Office', closedDays: closed, updatedAt: '2026-11-21T12:01:00.000Z' });
    expect(audit[2]!.before).toMatchObject({ name: 'Office', timeZone: 'Europe/Stockholm' });
  });

  const week = WEEKDAYS_9_TO_18();
  const bad: [string, Record<string, unknown>, string][] = [
    ['overlapping windows', { week: { ...week, mon: [{ start: '09:00', end: '12:00' }, { start: '11:30', end: '17:00' }] } }, 'body.week.mon.1'],
    ['an inverted window', { week: { ...week, tue: [{ start: '18:00', end: '09:00' }] } }, 'body.week.tue.0.end'],
    ['a time that is not HH:mm', { week: { ...week, wed: [{ start: '25:00', end: '26:00' }] } }, 'body.week.wed.0.start'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body.timeZone'],
    ['an unknown country', { publicHolidays: { country: 'XX', region: null } }, 'body.publicHolidays.country'],
    ['an unknown region', { publicHolidays: { country: 'SE', region: 'ZZ' } }, 'body.publicHolidays.region'],
    ['a week without any working window', { week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, 'body.week'],
    ['a closed day listed twice', { closedDays: [{ date: '2026-12-24', name: 'Eve', active: true }, { date: '2026-12-24', name: 'Again', active: true }] }, 'body.closedDays.1.date'],
    ['an extra working day without windows', { extraWorkingDays: [{ date: '2026-12-27', windows: [] }] }, 'body.extraWorkingDays.0.windows'],
    ['an unknown field', { colour: 'blue' }, 'body.colour'],
  ];
  for (const [what, change, field] of bad) {
    it(`refuses ${what} with the field path, storing nothing`, async () => {
      const before = await countRows(t, 'business_calendars');
      const res = await t.request('POST', '/api/v1/business-calendars', { token: a.admin.token, body: stockholmCalendar(change) });
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(res.body.errors.find((e: { field: string }) => e.field === field).message).not.toBe('');
      expect(await countRows(t, 'business_calendars')).toBe(before);
    });
  }

  it('refuses the same mistakes in a change and keeps the calendar as it was', async () => {
    const { id } = await ok(t, 'POST', '/api/v1/business-calendars', a.admin.token, stockholmCalendar({ name: 'Unchanged' }));
    const overlapping = await t.request('PATCH', `/api/v1/business-calendars/${id}`, { token: a.admin.token, body: { week: { ...week, fri: [{ start: '09:00', end: '12:00' }, { start: '10:00', end: '11:00' }] } } });
    expect(overlapping.status).toBe(400);
    expect(fieldsOf(overlapping.body)).toEqual(['body.week.fri.1']);
    const empty = await t.request('PATCH', `/api/v1/business-calendars/${id}`, { token: a.admin.token, body: { week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    expect(fieldsOf(empty.body)).toEqual(['body.week']);
    expect((await ok(t, 'GET', `/api/v1/business-calendars/${id}`, a.admin.token)).week).toEqual(week);
    expect((await auditOf(t, id)).map((e) => e.action)).toEqual(['business-calendar.created']);
  });

  it('keeps a calendar an SLA plan uses, and refuses a change that would leave the plan invalid', async () => {
    const calendar = await ok(t, 'POST', '/api/v1/business-calendars', a.admin.token, stockholmCalendar({ name: 'In use' }));
    // Low: next business day first response; resolution at least two support days (2 × 9 h = 1080 min).
    const low = { firstResponse: { kind: 'next-business-day' }, resolution: { kind: 'minutes', minutes: 1080 }, noResolutionTarget: null, measure: 'business' };
    const plan = await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, { name: 'Tight', calendarId: calendar.id, severities: { low } });
    const refused = await t.request('DELETE', `/api/v1/business-calendars/${calendar.id}`, { token: a.admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('1 SLA plan');
    // Ten-hour days would need 1200 minutes.
    const longer = await t.request('PATCH', `/api/v1/business-calendars/${calendar.id}`, { token: a.admin.token, body: { week: WEEKDAYS_9_TO_18('09:00', '19:00') } });
    expect(longer.status, longer.text).toBe(409);
    expect(longer.body.errors[0].message).toContain(plan.id);
    expect(longer.body.errors[0].message).toContain('severities.low.resolution.minutes');
    expect((await ok(t, 'GET', `/api/v1/business-calendars/${calendar.id}`, a.viewer.token)).week).toEqual(week);
    // Shorter days keep the plan valid.
    expect((await ok(t, 'PATCH', `/api/v1/business-calendars/${calendar.id}`, a.admin.token, { week: WEEKDAYS_9_TO_18('09:00', '17:00') })).planCount).toBe(1);
  });

  it('lets viewers and managers read but not manage; clients see only their own plan’s calendar', async () => {
    const body = stockholmCalendar({ name: 'Permissions' });
    expect((await t.request('POST', '/api/v1/business-calendars', { token: a.viewer.token, body })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/business-calendars', { token: a.manager.token, body })).status).toBe(403);
    const mine = await ok(t, 'POST', '/api/v1/business-calendars', a.owner.token, body);
    const other = await ok(t, 'POST', '/api/v1/business-calendars', a.owner.token, { ...body, name: 'Other' });
    expect((await t.request('PATCH', `/api/v1/business-calendars/${mine.id}`, { token: a.manager.token, body: { name: 'x' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/v1/business-calendars/${mine.id}`, { token: a.manager.token })).status).toBe(403);
    expect((await ok(t, 'GET', `/api/v1/business-calendars/${mine.id}`, a.manager.token)).id).toBe(mine.id);
    await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, { name: 'Client A plan', clientId: a.clientA, calendarId: mine.id });
    expect(ids(await ok(t, 'GET', '/api/v1/business-calendars?limit=200', a.clientUser.token))).toEqual([mine.id]);
    expect((await t.request('GET', `/api/v1/business-calendars/${other.id}`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/business-calendars/${mine.id}/preview`, { token: a.clientUser.token })).status).toBe(200);
    expect(ids(await ok(t, 'GET', '/api/v1/business-calendars?limit=200', a.outsider.token))).toEqual([]);
    expect((await t.request('GET', `/api/v1/business-calendars/${mine.id}`, { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('POST', '/api/v1/business-calendars', { token: a.clientUser.token, body })).status).toBe(403);
  });

  it('pages through calendars by name', async () => {
    const first = await ok(t, 'GET', '/api/v1/business-calendars?limit=2', a.viewer.token);
    expect(first.items).toHaveLength(2);
    const second = await ok(t, 'GET', `/api/v1/business-calendars?limit=200&cursor=${first.nextCursor}`, a.viewer.token);
    const names = [...first.items, ...second.items].map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    expect((await t.request('GET', '/api/v1/business-calendars?cursor=garbage', { token: a.viewer.token })).status).toBe(400);
  });
});

describe('the calendar preview', () => {
  it('shows Christmas 2026 in Stockholm: a closed Christmas Eve, public holidays by name, the weekend and an extra Sunday', async () => {
    const calendar = await ok(
      t,
      'POST',
      '/api/v1/business-calendars',
      a.admin.token,
      stockholmCalendar({
        name: 'Christmas',
        week: WEEKDAYS_9_TO_18('09:00', '17:00'),
        // Christmas Eve is a bank holiday in Sweden, not a public one: closed by hand.
        closedDays: [{ date: '2026-12-24', name: 'Christmas Eve', active: true }],
        extraWorkingDays: [{ date: '2026-12-27', windows: [{ start: '10:00', end: '12:00' }] }],
      }),
    );
    const res = await t.request('GET', `/api/v1/business-calendars/${calendar.id}/preview?from=2026-12-23&days=6`, { token: a.viewer.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ calendarId: calendar.id, timeZone: 'Europe/Stockholm', from: '2026-12-23' });
    const days = res.body.days.map((d: any) => [d.date, d.weekday, d.open, d.reason, d.name, d.publicHoliday, d.workingMinutes]);
    // Stockholm is UTC+1 in December: 09:00–17:00 local is 08:00–16:00Z.
    expect(days).toEqual([
      ['2026-12-23', 'wed', true, 'weekly-hours', null, null, 480],
      ['2026-12-24', 'thu', false, 'closed-day', 'Christmas Eve', null, 0],
      ['2026-12-25', 'fri', false, 'public-holiday', 'Christmas Day', 'Christmas Day', 0],
      ['2026-12-26', 'sat', false, 'public-holiday', 'Boxing Day', 'Boxing Day', 0],
      ['2026-12-27', 'sun', true, 'extra-working-day', null, null, 120],
      ['2026-12-28', 'mon', true, 'weekly-hours', null, null, 480],
    ]);
    expect(res.body.days[0].intervals).toEqual([{ start: '09:00', end: '17:00', startsAt: '2026-12-23T08:00:00.000Z', endsAt: '2026-12-23T16:00:00.000Z', minutes: 480 }]);
    expect(res.body.days[4].intervals).toEqual([{ start: '10:00', end: '12:00', startsAt: '2026-12-27T09:00:00.000Z', endsAt: '2026-12-27T11:00:00.000Z', minutes: 120 }]);
    expect(res.body.workingMinutes).toBe(1080);
  });

  it('starts today in the calendar’s zone by default and refuses unbounded or malformed ranges', async () => {
    const [support] = (await ok(t, 'GET', '/api/v1/business-calendars?limit=200', a.viewer.token)).items.filter((c: { name: string }) => c.name === 'Support hours');
    const preview = await ok(t, 'GET', `/api/v1/business-calendars/${support.id}/preview`, a.viewer.token);
    // Sat 2026-11-21 13:00 in Stockholm; 14 days by default.
    expect(preview.from).toBe('2026-11-21');
    expect(preview.days).toHaveLength(14);
    expect(preview.workingMinutes).toBe(10 * 9 * 60);
    for (const [query, field] of [['days=0', 'querystring.days'], ['days=63', 'querystring.days'], ['from=2026-13-01', 'querystring.from'], ['days=two', 'querystring.days']]) {
      const res = await t.request('GET', `/api/v1/business-calendars/${support.id}/preview?${query}`, { token: a.viewer.token });
      expect(res.status, query).toBe(400);
      expect(fieldsOf(res.body), query).toContain(field);
    }
    expect((await t.request('GET', '/api/v1/business-calendars/bcal_nothing/preview', { token: a.viewer.token })).status).toBe(404);
  });
});

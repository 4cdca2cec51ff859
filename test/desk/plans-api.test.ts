import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, auditOf, countRows, fieldsOf, ok, stockholmCalendar } from './helpers.ts';

let t: TestApp;
let a: Agency;
let calendarId: string;
let planA: any;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T12:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  calendarId = (await ok(t, 'POST', '/api/v1/business-calendars', a.admin.token, stockholmCalendar())).id;
});
afterAll(async () => t?.close());

const minutes = (n: number) => ({ kind: 'minutes', minutes: n });
const terms = (first: number, resolution: number | null, measure = 'business') => ({
  firstResponse: minutes(first),
  resolution: resolution === null ? null : minutes(resolution),
  noResolutionTarget: resolution === null ? 'work-queue' : null,
  measure,
});
const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);
const preview = (planId: string, severity: string, createdAt: string) => `/api/v1/sla-plans/${planId}/targets-preview?severity=${severity}&createdAt=${encodeURIComponent(createdAt)}`;

describe('the default plan', () => {
  it('is the shipped plan with Mon–Fri 09:00–18:00 support hours in the agency’s zone', async () => {
    const list = await ok(t, 'GET', '/api/v1/sla-plans', a.viewer.token);
    const plan = list.items.find((p: { isDefault: boolean }) => p.isDefault);
    expect(plan).toMatchObject({ name: 'Standard', clientId: null, clientName: null, channels: ['tickets', 'email', 'phone'], monthlyFee: null });
    expect(plan.severities.critical).toEqual({ firstResponse: minutes(15), resolution: minutes(120), noResolutionTarget: null, measure: 'around-the-clock' });
    expect(plan.severities.low).toEqual({ firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'business' });
    expect(plan.uptimeGuarantee.creditTiers).toEqual([
      { belowPercent: 99.9, creditPercent: 10 },
      { belowPercent: 99, creditPercent: 25 },
      { belowPercent: 95, creditPercent: 100 },
    ]);
    const hours = await ok(t, 'GET', `/api/v1/business-calendars/${plan.calendarId}`, a.viewer.token);
    expect(hours).toMatchObject({ name: 'Support hours', timeZone: 'Europe/Stockholm', week: { mon: [{ start: '09:00', end: '18:00' }], sat: [] } });
    expect((await auditOf(t, plan.id)).map((e) => [e.action, e.actor_type])).toEqual([['sla-plan.created', 'system']]);
  });

  it('cannot be deleted or given to a client, and is edited like any plan', async () => {
    const plan = (await ok(t, 'GET', '/api/v1/sla-plans', a.admin.token)).items.find((p: { isDefault: boolean }) => p.isDefault);
    const deleted = await t.request('DELETE', `/api/v1/sla-plans/${plan.id}`, { token: a.owner.token });
    expect(deleted.status).toBe(409);
    expect(deleted.body.detail).toContain('default');
    const given = await t.request('PATCH', `/api/v1/sla-plans/${plan.id}`, { token: a.owner.token, body: { clientId: a.clientB } });
    expect(given.status).toBe(400);
    expect(fieldsOf(given.body)).toEqual(['body.clientId']);
    const renamed = await ok(t, 'PATCH', `/api/v1/sla-plans/${plan.id}`, a.owner.token, { scope: { included: 'Hosting and updates', excluded: 'New features' } });
    expect(renamed).toMatchObject({ isDefault: true, scope: { included: 'Hosting and updates', excluded: 'New features' } });
  });
});

describe('SLA plans', () => {
  it('creates a client plan from the default, shows, changes and deletes it, audited', async () => {
    const created = await t.request('POST', '/api/v1/sla-plans', {
      token: a.admin.token,
      body: { name: 'Gold', clientId: a.clientA, calendarId, monthlyFee: { amount: 250_000, currency: 'SEK' }, severities: { high: terms(30, 240) } },
    });
    expect(created.status, created.text).toBe(201);
    planA = created.body;
    expect(planA).toMatchObject({ name: 'Gold', clientId: a.clientA, clientName: 'Client A', isDefault: false, calendarId, monthlyFee: { amount: 250_000, currency: 'SEK' } });
    expect(planA.id).toMatch(/^slp_/);
    // What was not given comes from the default, including its edited scope.
    expect(planA.severities.high).toEqual(terms(30, 240));
    expect(planA.severities.critical.firstResponse).toEqual(minutes(15));
    expect(planA.scope.included).toBe('Hosting and updates');
    expect((await ok(t, 'GET', `/api/v1/sla-plans/${planA.id}`, a.viewer.token)).name).toBe('Gold');

    t.clock.now = new Date('2026-11-21T12:05:00.000Z');
    const changed = await ok(t, 'PATCH', `/api/v1/sla-plans/${planA.id}`, a.owner.token, { severities: { medium: terms(120, 960) } });
    expect(changed.severities.medium).toEqual(terms(120, 960));
    expect(changed.severities.high).toEqual(terms(30, 240));
    planA = changed;

    const spare = await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, { name: 'Spare template' });
    expect(spare).toMatchObject({ clientId: null, isDefault: false });
    expect((await t.request('DELETE', `/api/v1/sla-plans/${spare.id}`, { token: a.admin.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/sla-plans/${spare.id}`, { token: a.admin.token })).status).toBe(404);

    const audit = await auditOf(t, planA.id);
    expect(audit.map((e) => e.action)).toEqual(['sla-plan.created', 'sla-plan.updated']);
    expect(audit[0]!.after).toMatchObject({ name: 'Gold', clientId: a.clientA, calendarId });
    expect(audit[1]!.before.severities.medium).toEqual({ firstResponse: minutes(240), resolution: null, noResolutionTarget: 'work-queue', measure: 'business' });
    expect(audit[1]!.after.severities.medium).toEqual(terms(120, 960));
    expect((await auditOf(t, spare.id)).map((e) => e.action)).toEqual(['sla-plan.created', 'sla-plan.deleted']);
  });

  it('keeps one plan per client: a second is a 409, moving one onto a client with a plan too', async () => {
    const before = await countRows(t, 'sla_plans');
    const second = await t.request('POST', '/api/v1/sla-plans', { token: a.admin.token, body: { name: 'Second', clientId: a.clientA } });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain('Client A already has an SLA plan');
    expect(fieldsOf(second.body)).toEqual(['body.clientId']);
    const template = await ok(t, 'POST', '/api/v1/sla-plans', a.admin.token, { name: 'Template' });
    expect((await t.request('PATCH', `/api/v1/sla-plans/${template.id}`, { token: a.admin.token, body: { clientId: a.clientA } })).status).toBe(409);
    expect(await countRows(t, 'sla_plans')).toBe(before + 1);
    await ok(t, 'DELETE', `/api/v1/sla-plans/${template.id}`, a.admin.token);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['a client that does not exist', { clientId: 'cli_nothing' }, 'body.clientId'],
    ['a calendar that does not exist', { calendarId: 'bcal_nothing' }, 'body.calendarId'],
    ['a zero-minute target', { severities: { high: terms(0, 480) } }, 'body.severities.high.firstResponse.minutes'],
    ['a negative target', { severities: { critical: terms(15, -5, 'around-the-clock') } }, 'body.severities.critical.resolution.minutes'],
    ['a fractional target', { severities: { medium: terms(12.5, null) } }, 'body.severities.medium.firstResponse.minutes'],
    ['a resolution due before the first response', { severities: { high: terms(120, 60) } }, 'body.severities.high.resolution.minutes'],
    ['next business day counted around the clock', { severities: { low: { firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'around-the-clock' } } }, 'body.severities.low.measure'],
    ['no resolution target without saying how it is handled', { severities: { medium: { ...terms(240, null), noResolutionTarget: null } } }, 'body.severities.medium.noResolutionTarget'],
    [
      'credit tiers whose thresholds do not fall',
      { uptimeGuarantee: { percent: 99.9, period: 'calendar-month', creditTiers: [{ belowPercent: 99.0, creditPercent: 10 }, { belowPercent: 99.5, creditPercent: 25 }] } },
      'body.uptimeGuarantee.creditTiers.1.belowPercent',
    ],
    [
      'credit tiers whose credits do not rise',
      { uptimeGuarantee: { percent: 99.9, period: 'calendar-month', creditTiers: [{ belowPercent: 99.9, creditPercent: 25 }, { belowPercent: 99.0, creditPercent: 10 }] } },
      'body.uptimeGuarantee.creditTiers.1.creditPercent',
    ],
    ['a tier above the guarantee', { uptimeGuarantee: { percent: 99.0, period: 'calendar-month', creditTiers: [{ belowPercent: 99.5, creditPercent: 10 }] } }, 'body.uptimeGuarantee.creditTiers.0.belowPercent'],
    ['a guarantee above 100 %', { uptimeGuarantee: { percent: 100.5, period: 'calendar-month', creditTiers: [] } }, 'body.uptimeGuarantee.percent'],
    ['no support channel', { channels: [] }, 'body.channels'],
    ['a fee in no currency', { monthlyFee: { amount: 100, currency: 'XYZ' } }, 'body.monthlyFee.currency'],
    ['an unknown severity', { severities: { urgent: terms(5, 10) } }, 'body.severities.urgent'],
  ];
  for (const [what, body, field] of bad) {
    it(`refuses ${what} with the field path, storing nothing`, async () => {
      const before = await countRows(t, 'sla_plans');
      const res = await t.request('POST', '/api/v1/sla-plans', { token: a.admin.token, body: { name: 'Bad', clientId: a.clientB, ...body } });
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await countRows(t, 'sla_plans')).toBe(before);
      const patched = await t.request('PATCH', `/api/v1/sla-plans/${planA.id}`, { token: a.admin.token, body });
      expect(patched.status, patched.text).toBe(400);
      expect(fieldsOf(patched.body)).toContain(field);
    });
  }

  it('left every refused change out of the plan', async () => {
    expect(await ok(t, 'GET', `/api/v1/sla-plans/${planA.id}`, a.admin.token)).toEqual(planA);
    expect((await auditOf(t, planA.id)).map((e) => e.action)).toEqual(['sla-plan.created', 'sla-plan.updated']);
  });
});

describe('who sees and changes plans', () => {
  it('lets viewers read only, and managers not manage', async () => {
    expect((await ok(t, 'GET', `/api/v1/sla-plans/${planA.id}`, a.viewer.token)).id).toBe(planA.id);
    expect((await ok(t, 'GET', `/api/v1/sla-plans/${planA.id}`, a.manager.token)).id).toBe(planA.id);
    for (const token of [a.viewer.token, a.manager.token]) {
      expect((await t.request('POST', '/api/v1/sla-plans', { token, body: { name: 'x' } })).status).toBe(403);
      expect((await t.request('PATCH', `/api/v1/sla-plans/${planA.id}`, { token, body: { name: 'x' } })).status).toBe(403);
      expect((await t.request('DELETE', `/api/v1/sla-plans/${planA.id}`, { token })).status).toBe(403);
    }
  });

  it("shows a client's portal user its own plan only, and an outsider nothing", async () => {
    const all = await ok(t, 'GET', '/api/v1/sla-plans?limit=200', a.admin.token);
    const theDefault = all.items.find((p: { isDefault: boolean }) => p.isDefault);
    expect(ids(await ok(t, 'GET', '/api/v1/sla-plans?limit=200', a.clientUser.token))).toEqual([planA.id]);
    expect((await t.request('GET', `/api/v1/sla-plans/${theDefault.id}`, { token: a.clientUser.token })).status).toBe(404);
    expect(ids(await ok(t, 'GET', '/api/v1/sla-plans?limit=200', a.outsider.token))).toEqual([]);
    expect(ids(await ok(t, 'GET', `/api/v1/sla-plans?clientId=${a.clientA}`, a.outsider.token))).toEqual([]);
    expect((await t.request('GET', `/api/v1/sla-plans/${planA.id}`, { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/clients/${a.clientA}/sla`, { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('GET', preview(planA.id, 'high', '2026-11-23T09:00:00Z'), { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('PATCH', `/api/v1/sla-plans/${planA.id}`, { token: a.clientUser.token, body: { name: 'Mine now' } })).status).toBe(403);
    expect(ids(await ok(t, 'GET', `/api/v1/sla-plans?clientId=${a.clientA}`, a.viewer.token))).toEqual([planA.id]);
  });
});

describe("a client's SLA", () => {
  it('renders the targets as durations, with the support hours and what the guarantee allows', async () => {
    const sla = await ok(t, 'GET', `/api/v1/clients/${a.clientA}/sla`, a.clientUser.token);
    expect(sla).toMatchObject({ clientId: a.clientA, clientName: 'Client A', planId: planA.id, name: 'Gold', channels: ['tickets', 'email', 'phone'], monthlyFee: { amount: 250_000, currency: 'SEK' } });
    expect(sla.severities.critical).toEqual({
      measure: 'around-the-clock',
      firstResponse: { kind: 'minutes', minutes: 15, duration: 'PT15M', text: '15 min' },
      resolution: { kind: 'minutes', minutes: 120, duration: 'PT2H', text: '2 h' },
      noResolutionTarget: null,
    });
    expect(sla.severities.medium.resolution).toEqual({ kind: 'minutes', minutes: 960, duration: 'PT16H', text: '16 h' });
    expect(sla.severities.low).toEqual({ measure: 'business', firstResponse: { kind: 'next-business-day', minutes: null, duration: null, text: 'next business day' }, resolution: null, noResolutionTarget: 'best-effort' });
    expect(sla.supportHours).toMatchObject({ id: calendarId, name: 'Stockholm office', timeZone: 'Europe/Stockholm', publicHolidays: { country: 'SE', region: null } });
    expect(sla.uptimeGuarantee).toMatchObject({ percent: 99.9, allowedDowntimePer30Days: { seconds: 2592, text: '43 min 12 s' } });
  });

  it('answers a client without a plan with a clear 404, and an unknown client with another', async () => {
    const none = await t.request('GET', `/api/v1/clients/${a.clientB}/sla`, { token: a.viewer.token });
    expect(none.status).toBe(404);
    expect(none.body.type).toBe('https://upkeep.dev/problems/no-sla-plan');
    expect(none.body.detail).toContain('Client B');
    expect(none.body.detail).toContain('has no SLA plan');
    expect((await t.request('GET', `/api/v1/clients/${a.clientB}/sla`, { token: a.outsider.token })).body.type).toBe('https://upkeep.dev/problems/no-sla-plan');
    const unknown = await t.request('GET', '/api/v1/clients/cli_nothing/sla', { token: a.viewer.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('https://upkeep.dev/problems/not-found');
  });
});

describe('the targets preview', () => {
  // Sun 2026-11-22 02:00 in Stockholm (UTC+1) is 01:00Z; the Gold plan counts high in Mon–Fri 09:00–18:00.
  const sundayNight = '2026-11-22T01:00:00Z';

  it('starts a critical ticket at 02:00 on a Sunday now, around the clock', async () => {
    const res = await t.request('GET', preview(planA.id, 'critical', sundayNight), { token: a.clientUser.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      planId: planA.id,
      severity: 'critical',
      measure: 'around-the-clock',
      firstResponse: { target: minutes(15), dueAt: '2026-11-22T01:15:00.000Z' },
      resolution: { target: minutes(120), dueAt: '2026-11-22T03:00:00.000Z' },
      noResolutionTarget: null,
      withinSupportHours: false,
      workStartsAt: '2026-11-22T01:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      local: { createdAt: '2026-11-22T02:00:00+01:00', firstResponseDueAt: '2026-11-22T02:15:00+01:00', resolutionDueAt: '2026-11-22T04:00:00+01:00', workStartsAt: '2026-11-22T02:00:00+01:00' },
    });
  });

  it('starts a high ticket from the same night at Monday’s opening', async () => {
    // Mon 09:00 = 08:00Z; Gold's high is 30 and 240 business minutes: 08:30Z and 12:00Z.
    const body = await ok(t, 'GET', preview(planA.id, 'high', sundayNight), a.viewer.token);
    expect(body).toMatchObject({ measure: 'business', withinSupportHours: false, workStartsAt: '2026-11-23T08:00:00.000Z' });
    expect(body.firstResponse.dueAt).toBe('2026-11-23T08:30:00.000Z');
    expect(body.resolution.dueAt).toBe('2026-11-23T12:00:00.000Z');
    expect(body.local.workStartsAt).toBe('2026-11-23T09:00:00+01:00');
  });

  it('counts over Christmas in business time, skipping the Swedish public holidays', async () => {
    // Wed 2026-12-23 17:00 local (16:00Z) + 4 h high resolution: 1 h on Wed, Thu 24th worked (bank holiday only),
    // so 3 h more from Thu 09:00 → Thu 12:00 local = 11:00Z. Friday 25th and Saturday 26th would be closed anyway.
    const high = await ok(t, 'GET', preview(planA.id, 'high', '2026-12-23T16:00:00Z'), a.viewer.token);
    expect(high.resolution.dueAt).toBe('2026-12-24T11:00:00.000Z');
    // The low severity of the default terms: next business day after Thu 24th is Mon 28th (25th, 26th holidays, 27th Sunday), at 18:00 = 17:00Z.
    const low = await ok(t, 'GET', preview(planA.id, 'low', '2026-12-24T10:00:00Z'), a.viewer.token);
    expect(low.firstResponse).toEqual({ target: { kind: 'next-business-day' }, dueAt: '2026-12-28T17:00:00.000Z' });
    expect(low.withinSupportHours).toBe(true);
  });

  it('refuses a severity or instant it does not know', async () => {
    const severity = await t.request('GET', preview(planA.id, 'urgent', sundayNight), { token: a.viewer.token });
    expect(severity.status).toBe(400);
    expect(fieldsOf(severity.body)).toEqual(['querystring.severity']);
    const instant = await t.request('GET', preview(planA.id, 'high', 'sunday night'), { token: a.viewer.token });
    expect(fieldsOf(instant.body)).toEqual(['querystring.createdAt']);
    expect((await t.request('GET', preview('slp_nothing', 'high', sundayNight), { token: a.viewer.token })).status).toBe(404);
  });
});

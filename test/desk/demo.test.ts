import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { createApiToken, createUser } from '../../src/accounts/service.ts';
import { loadDemo } from '../../src/demo.ts';
import { DEMO_CALENDAR_NAME, DEMO_TICKETS, demoInstant, demoSlaClients, demoSupportHours, loadDeskDemo } from '../../src/desk/demo.ts';
import { DEFAULT_SLA_PLAN } from '../../src/desk/plan.model.ts';
import { verifyAudit } from '../../src/platform/audit/store.ts';
import { DEMO_SEED } from '../../src/registry/demo/load.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ok } from './helpers.ts';

const now = new Date('2026-03-18T10:30:00Z'); // a Wednesday, 11:30 in Stockholm
const cli = { actor: CLI_ACTOR, requestId: null };
const chosen = demoSlaClients(DEMO_SEED);

let t: TestApp;
let owner: { id: string; token: string };
let loaded: Record<string, number>;

type Table = 'tickets' | 'ticket_messages' | 'ticket_events' | 'sla_plans' | 'business_calendars' | 'audit_log' | 'clients';
async function count(table: Table): Promise<number> {
  const row = await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo's tickets through the API, by title, with their detail. */
async function ticketsByTitle(): Promise<Map<string, any>> {
  const list = await ok(t, 'GET', '/api/v1/tickets?limit=50', owner.token);
  const details = await Promise.all(list.items.map((item: any) => ok(t, 'GET', `/api/v1/tickets/${item.id}`, owner.token)));
  return new Map(details.map((d: any) => [d.title, d]));
}

const story = (title: string) => DEMO_TICKETS.find((s) => s.title === title)!;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = now;
  // The owner of a fresh installation: no client yet, so the registry is empty.
  const user = await createUser(t.deps, cli, { email: 'owner@desk-demo.test', name: 'Owner', role: 'owner', password: 'correct horse battery' });
  owner = { id: user.id, token: (await createApiToken(t.deps, cli, { userId: user.id, name: 'test', scopes: ['admin'] })).token };
  const res = await t.request('POST', '/api/v1/demo', { token: owner.token });
  expect(res.status, res.text).toBe(201);
  loaded = res.body;
}, 120_000);
afterAll(async () => t?.close());

describe('the demo agency’s desk', () => {
  it('comes with the registry: support hours, a plan for a third of the clients and a handful of tickets', async () => {
    expect(loaded).toMatchObject({ clients: 12, users: 3, businessCalendars: 1, slaPlans: 4, tickets: DEMO_TICKETS.length });
    expect(loaded.assets).toBeGreaterThan(250);
    // The default plan and its "Support hours" are made on first use, besides the demo's.
    expect(await count('sla_plans')).toBe(5);
    expect(await count('business_calendars')).toBe(2);
    expect(await count('tickets')).toBe(5);
  });

  it('keeps its office hours in Stockholm with Swedish holidays when the agency has no time zone, else in the agency’s', async () => {
    const calendars = await ok(t, 'GET', '/api/v1/business-calendars', owner.token);
    const office = calendars.items.find((c: any) => c.name === DEMO_CALENDAR_NAME);
    expect(office).toMatchObject({ timeZone: 'Europe/Stockholm', publicHolidays: { country: 'SE', region: null }, planCount: 4 });
    expect(office.week.wed).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(office.week.sat).toEqual([]);
    expect(demoSupportHours('Europe/Amsterdam')).toMatchObject({ timeZone: 'Europe/Amsterdam', publicHolidays: { country: 'NL', region: null } });
    expect(demoSupportHours('America/Toronto')).toMatchObject({ timeZone: 'America/Toronto', publicHolidays: null });
  });

  it('gives the clients the seed picks Gold and Standard plans, priced in their own currency', async () => {
    expect(demoSlaClients(DEMO_SEED)).toEqual(chosen);
    expect(chosen.map((c) => c.tier)).toEqual(['gold', 'gold', 'standard', 'standard']);
    const office = (await ok(t, 'GET', '/api/v1/business-calendars', owner.token)).items.find((c: any) => c.name === DEMO_CALENDAR_NAME);
    const plans = (await ok(t, 'GET', '/api/v1/sla-plans?limit=50', owner.token)).items.filter((p: any) => p.clientId !== null);
    expect(plans.map((p: any) => [p.clientName, p.name]).sort()).toEqual(chosen.map((c) => [c.name, c.tier === 'gold' ? 'Gold' : 'Standard']).sort());
    for (const plan of plans) {
      const client = await ok(t, 'GET', `/api/v1/clients/${plan.clientId}`, owner.token);
      expect(plan.monthlyFee.currency).toBe(client.currency);
      expect(plan.monthlyFee.amount).toBeGreaterThan(0);
      expect(plan.calendarId).toBe(office.id);
      if (plan.name === 'Gold') {
        expect(plan.uptimeGuarantee).toMatchObject({ percent: 99.9, period: 'calendar-month' });
        expect(plan.severities.high.firstResponse).toEqual({ kind: 'minutes', minutes: 30 });
        expect(plan.monthlyReport).toBe(true);
      } else {
        expect(plan.severities).toEqual(DEFAULT_SLA_PLAN.severities);
        expect(plan.uptimeGuarantee).toEqual(DEFAULT_SLA_PLAN.uptimeGuarantee);
      }
    }
    const sla = await ok(t, 'GET', `/api/v1/clients/${plans[0].clientId}/sla`, owner.token);
    expect(sla.supportHours.timeZone).toBe('Europe/Stockholm');
  });

  it('dates older tickets on weekdays in office hours, and recent ones back from now', () => {
    const monday = new Date('2026-03-16T09:00:00Z');
    expect(demoInstant({ weekdaysAgo: 1, at: '09:40' }, monday, 'Europe/Stockholm').toISOString()).toBe('2026-03-13T08:40:00.000Z');
    expect(demoInstant({ weekdaysAgo: 6, at: '14:15' }, monday, 'Europe/Stockholm').toISOString()).toBe('2026-03-06T13:15:00.000Z');
    // Across the change to summer time (29 March 2026): the local time holds.
    expect(demoInstant({ weekdaysAgo: 1, at: '09:40' }, new Date('2026-03-30T09:00:00Z'), 'Europe/Stockholm').toISOString()).toBe('2026-03-27T08:40:00.000Z');
    expect(demoInstant({ weekdaysAgo: 2, at: '09:40' }, new Date('2026-04-01T09:00:00Z'), 'Europe/Stockholm').toISOString()).toBe('2026-03-30T07:40:00.000Z');
    expect(demoInstant({ minutesAgo: 35 }, monday, 'Europe/Stockholm').toISOString()).toBe('2026-03-16T08:25:00.000Z');
  });

  it('opens tickets of every severity in several states, each acknowledged with its targets', async () => {
    const tickets = await ticketsByTitle();
    expect([...tickets.keys()].sort()).toEqual(DEMO_TICKETS.map((s) => s.title).sort());
    expect(new Set([...tickets.values()].map((d) => d.severity))).toEqual(new Set(['critical', 'high', 'medium', 'low']));
    const statuses = Object.fromEntries([...tickets.values()].map((d) => [d.title, d.status]));
    expect(statuses).toEqual({
      'Contact form messages no longer arrive': 'open',
      'The browser says the site is not secure': 'resolved',
      'New opening hours on the website': 'waiting',
      'The site answers 502 Bad Gateway': 'open',
      'Add a new colleague to the team page': 'new',
    });
    const pm = await t.deps.database.db.selectFrom('users').select('id').where('email', '=', 'pm@demo.upkeep.test').executeTakeFirstOrThrow();
    for (const [title, d] of tickets) {
      const s = story(title);
      expect(d.clientName).toBe(chosen[s.client]!.name);
      expect(d.createdAt).toBe(demoInstant(s.opened, now, 'Europe/Stockholm').toISOString());
      expect(d.thread.map((m: any) => m.body)).toContain(s.body);
      const acknowledgement = d.thread.find((m: any) => m.authorKind === 'system');
      expect(acknowledgement.body).toContain(`We have received your ticket "${title}"`);
      expect(acknowledgement.body).toContain('Times are in Europe/Stockholm.');
    }
    // Opened at 07:30 in Stockholm, before the office opens at 08:00.
    expect(tickets.get('The browser says the site is not secure').thread.find((m: any) => m.authorKind === 'system').body).toContain('outside our support hours');
    expect(tickets.get('The site answers 502 Bad Gateway').assigneeId).toBe(pm.id);
    expect(tickets.get('Add a new colleague to the team page').assigneeId).toBeNull();
  });

  it('shows one old ticket breached, the resolved one met and the critical one running on time', async () => {
    const tickets = await ticketsByTitle();
    const old = tickets.get('Contact form messages no longer arrive');
    expect(old.clocks.firstResponse).toMatchObject({ met: true, breached: true });
    expect(old.clocks.resolution).toMatchObject({ met: false, breached: true });
    const resolved = tickets.get('The browser says the site is not secure');
    expect(resolved.clocks.firstResponse).toMatchObject({ met: true, breached: false });
    expect(resolved.clocks.resolution).toMatchObject({ met: true, breached: false });
    const critical = tickets.get('The site answers 502 Bad Gateway');
    expect(critical.clocks.firstResponse).toMatchObject({ met: true, breached: false });
    // Opened 35 minutes ago against 2 hours around the clock.
    expect(critical.clocks.resolution).toMatchObject({ met: false, breached: false, percentUsed: 29.2 });
    expect(tickets.get('New opening hours on the website').clocks.firstResponse).toMatchObject({ met: true, breached: false });
    const breached = await ok(t, 'GET', '/api/v1/tickets?breached=true', owner.token);
    expect(breached.items.map((i: any) => i.title)).toEqual(['Contact form messages no longer arrive']);
    expect(await ok(t, 'GET', '/api/v1/tickets/summary', owner.token)).toMatchObject({ breached: 1 });
  });

  it('keeps the internal notes from the client', async () => {
    const critical = (await ticketsByTitle()).get('The site answers 502 Bad Gateway');
    expect(critical.thread.filter((m: any) => m.visibility === 'internal')).toHaveLength(1);
    const portal = await createUser(t.deps, cli, { email: 'portal@desk-demo.test', name: 'Portal', role: 'client', clientId: critical.clientId, password: 'correct horse battery' });
    const { token } = await createApiToken(t.deps, cli, { userId: portal.id, name: 'test', scopes: ['read'] });
    const seen = await ok(t, 'GET', `/api/v1/tickets/${critical.id}`, token);
    expect(seen.thread.map((m: any) => m.visibility)).toEqual(seen.thread.map(() => 'public'));
    expect(seen.thread.length).toBe(critical.thread.length - 1);
  });

  it('audits every step as done by whoever loaded the demo, at the time of the step, in an intact chain', async () => {
    const db = t.deps.database.db;
    const desk = await db.selectFrom('audit_log').select(['action', 'at', 'entity_id']).where('actor_id', '=', owner.id).where('action', 'like', 'ticket.%').execute();
    const actions = desk.map((e) => e.action);
    expect(actions.filter((a) => a === 'ticket.created')).toHaveLength(5);
    expect(actions.filter((a) => a === 'ticket.message-added')).toHaveLength(DEMO_TICKETS.flatMap((s) => s.steps).filter((s) => !('status' in s)).length);
    expect(actions.filter((a) => a === 'ticket.updated')).toHaveLength(2);
    const tickets = await ticketsByTitle();
    for (const d of tickets.values()) expect(desk.find((e) => e.action === 'ticket.created' && e.entity_id === d.id)?.at).toBe(d.createdAt);
    const plans = await db.selectFrom('audit_log').select('actor_id').where('action', '=', 'sla-plan.created').execute();
    expect(plans.filter((e) => e.actor_id === owner.id)).toHaveLength(4);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('does nothing when loaded again', async () => {
    const tables: Table[] = ['clients', 'tickets', 'ticket_messages', 'ticket_events', 'sla_plans', 'business_calendars', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    expect(await loadDemo(t.deps)).toBeNull();
    expect(await loadDeskDemo(t.deps)).toBeNull();
    const again = await t.request('POST', '/api/v1/demo', { token: owner.token });
    expect(again.status).toBe(409);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});

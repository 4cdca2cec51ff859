import type { TestApp } from '../support/app.ts';
import { ok, stockholmCalendar } from './helpers.ts';

/** Shared set-up of the ticket tests: client A has a plan with Stockholm business hours, client B has none. */
const minutes = (n: number) => ({ kind: 'minutes', minutes: n });

export const GOLD_SEVERITIES = {
  critical: { firstResponse: minutes(15), resolution: minutes(120), noResolutionTarget: null, measure: 'around-the-clock' },
  high: { firstResponse: minutes(60), resolution: minutes(480), noResolutionTarget: null, measure: 'business' },
  medium: { firstResponse: minutes(240), resolution: null, noResolutionTarget: 'work-queue', measure: 'business' },
  low: { firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'business' },
};

export async function planForClient(t: TestApp, adminToken: string, clientId: string): Promise<{ planId: string; calendarId: string }> {
  const calendarId = (await ok(t, 'POST', '/api/v1/business-calendars', adminToken, stockholmCalendar())).id;
  const plan = await ok(t, 'POST', '/api/v1/sla-plans', adminToken, { name: 'Gold', clientId, calendarId, severities: GOLD_SEVERITIES });
  return { planId: plan.id, calendarId };
}

export async function countTickets(t: TestApp): Promise<{ tickets: number; messages: number; events: number }> {
  const db = t.deps.database.db;
  const n = async (table: 'tickets' | 'ticket_messages' | 'ticket_events') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { tickets: await n('tickets'), messages: await n('ticket_messages'), events: await n('ticket_events') };
}

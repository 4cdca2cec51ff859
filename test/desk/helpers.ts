import type { TestApp } from '../support/app.ts';
import { fieldsOf, ok } from '../support/api.ts';

export { fieldsOf, ok };

/** Shared set-up of the desk API tests. */
export const WEEKDAYS_9_TO_18 = (start = '09:00', end = '18:00') => ({
  mon: [{ start, end }],
  tue: [{ start, end }],
  wed: [{ start, end }],
  thu: [{ start, end }],
  fri: [{ start, end }],
  sat: [],
  sun: [],
});

export const stockholmCalendar = (extra: Record<string, unknown> = {}) => ({
  name: 'Stockholm office',
  timeZone: 'Europe/Stockholm',
  week: WEEKDAYS_9_TO_18(),
  publicHolidays: { country: 'SE', region: null },
  ...extra,
});

export async function auditOf(t: TestApp, entityId: string): Promise<{ action: string; actor_type: string; before: any; after: any }[]> {
  const rows = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_type', 'before', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
}

export async function countRows(t: TestApp, table: 'business_calendars' | 'sla_plans'): Promise<number> {
  const row = await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The agency works in Stockholm: set before the first use, which creates the default plan in that zone. */
export async function agencyInStockholm(t: TestApp, ownerToken: string): Promise<void> {
  await ok(t, 'PATCH', '/api/v1/agency', ownerToken, { timeZone: 'Europe/Stockholm' });
}

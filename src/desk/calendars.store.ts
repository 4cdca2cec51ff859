import type { Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { BusinessCalendar } from './calendar.model.ts';

type Q = Kysely<Schema>;

export interface BusinessCalendarRecord extends BusinessCalendar {
  id: string;
  name: string;
  /** How many SLA plans keep their support hours in this calendar; one in use cannot be deleted. */
  planCount: number;
  createdAt: string;
  updatedAt: string;
}

type CalendarRow = Row<'business_calendars'> & { plan_count: number | string | bigint };

function toCalendar(row: CalendarRow): BusinessCalendarRecord {
  const definition = JSON.parse(row.definition) as BusinessCalendar;
  return {
    id: row.id,
    name: row.name,
    timeZone: definition.timeZone,
    week: definition.week,
    publicHolidays: definition.publicHolidays,
    closedDays: definition.closedDays,
    extraWorkingDays: definition.extraWorkingDays,
    planCount: Number(row.plan_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The calendar part of a record, as stored and as the pure rules take it. */
export function definitionOf(c: BusinessCalendar): BusinessCalendar {
  return { timeZone: c.timeZone, week: c.week, publicHolidays: c.publicHolidays, closedDays: c.closedDays, extraWorkingDays: c.extraWorkingDays };
}

function selectCalendars(db: Q) {
  return db
    .selectFrom('business_calendars as c')
    .selectAll('c')
    .select((eb) => eb.selectFrom('sla_plans as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.calendar_id', '=', 'c.id').as('plan_count'));
}

export async function findCalendar(db: Q, id: string): Promise<BusinessCalendarRecord | null> {
  const row = await selectCalendars(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toCalendar(row as CalendarRow) : null;
}

export interface CalendarFilter {
  /** Client-portal users: only the calendar of this client's plan. */
  confinedTo?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** By name, then id. */
export async function listCalendars(db: Q, f: CalendarFilter): Promise<BusinessCalendarRecord[]> {
  let query = selectCalendars(db);
  if (f.confinedTo) query = query.where('c.id', 'in', db.selectFrom('sla_plans').select('calendar_id').where('client_id', '=', f.confinedTo));
  if (f.cursor) query = query.where(afterCursor('c.name', 'asc', f.cursor));
  const rows = await query.orderBy('c.name').orderBy('c.id').limit(f.limit + 1).execute();
  return rows.map((r) => toCalendar(r as CalendarRow));
}

/** True when a plan of this client keeps its support hours in the calendar. */
export async function calendarUsedByClient(db: Q, calendarId: string, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('sla_plans').select('id').where('calendar_id', '=', calendarId).where('client_id', '=', clientId).executeTakeFirst();
  return row !== undefined;
}

export async function insertCalendar(db: Q, c: Omit<BusinessCalendarRecord, 'planCount'>): Promise<void> {
  await db
    .insertInto('business_calendars')
    .values({ id: c.id, name: c.name, definition: JSON.stringify(definitionOf(c)), created_at: c.createdAt, updated_at: c.updatedAt })
    .execute();
}

export async function updateCalendar(db: Q, c: Omit<BusinessCalendarRecord, 'planCount'>): Promise<void> {
  await db
    .updateTable('business_calendars')
    .set({ name: c.name, definition: JSON.stringify(definitionOf(c)), updated_at: c.updatedAt })
    .where('id', '=', c.id)
    .execute();
}

export async function deleteCalendar(db: Q, id: string): Promise<void> {
  await db.deleteFrom('business_calendars').where('id', '=', id).execute();
}


import { DateTime } from 'luxon';
import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { calendarPreview, type PreviewDay } from './calendar-preview.model.ts';
import { businessCalendarSchema, type BusinessCalendar } from './calendar.model.ts';
import * as store from './calendars.store.ts';
import { defaultPlan } from './default-plan.service.ts';
import { planErrors, slaPlanOf } from './plans.service.ts';
import * as plans from './plans.store.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { BusinessCalendarRecord } from './calendars.store.ts';

/**
 * Business calendars: the support hours SLA plans count in. Whatever is stored passes
 * businessCalendarSchema; a change that would leave a plan using the calendar invalid (a
 * next-business-day target longer than the new days allow) is refused naming the plan, and a
 * calendar in use cannot be deleted. Client-portal users see only their own plan's calendar.
 */
export interface CalendarInput extends Partial<BusinessCalendar> {
  name?: string | undefined;
}

async function visibleCalendar(deps: Deps, actor: Actor, id: string): Promise<store.BusinessCalendarRecord> {
  const db = deps.database.db;
  const calendar = await store.findCalendar(db, id);
  const scope = clientScope(actor);
  if (!calendar || (scope !== null && !(await store.calendarUsedByClient(db, id, scope)))) throw notFound('business calendar', id);
  return calendar;
}

export const getCalendar = visibleCalendar;

export interface CalendarListFilter {
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listCalendars(deps: Deps, ctx: Ctx, filter: CalendarListFilter): Promise<Page<store.BusinessCalendarRecord>> {
  await defaultPlan(deps, ctx.requestId);
  const rows = await store.listCalendars(deps.database.db, { ...filter, confinedTo: clientScope(ctx.actor) ?? undefined });
  return toPage(rows, filter.limit, (c) => ({ value: c.name, id: c.id }), (c) => c);
}

/** The calendar validated as a whole (the route checked each field): `body.week` and so on. */
function checkedDefinition(c: BusinessCalendar): BusinessCalendar {
  const parsed = businessCalendarSchema.safeParse(store.definitionOf(c));
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), message: issue.message })));
}

const EMPTY: Omit<BusinessCalendar, 'timeZone' | 'week'> = { publicHolidays: null, closedDays: [], extraWorkingDays: [] };

export async function createCalendar(deps: Deps, ctx: Ctx, input: CalendarInput & Pick<BusinessCalendar, 'timeZone' | 'week'> & { name: string }): Promise<store.BusinessCalendarRecord> {
  const definition = checkedDefinition({ ...EMPTY, ...withoutUndefined(input) } as BusinessCalendar);
  const now = deps.now().toISOString();
  const calendar: store.BusinessCalendarRecord = { id: newId('businessCalendar'), name: input.name, ...definition, planCount: 0, createdAt: now, updatedAt: now };
  return change(deps, ctx, async (trx, audit) => {
    await store.insertCalendar(trx, calendar);
    await audit({ action: 'business-calendar.created', entityType: 'business-calendar', entityId: calendar.id, after: createdRecord(audited(calendar)) });
    return calendar;
  });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What the audit log keeps: the calendar itself, not how many plans use it. */
function audited(c: store.BusinessCalendarRecord): Omit<store.BusinessCalendarRecord, 'planCount'> {
  const { planCount: _count, ...rest } = c;
  return rest;
}

/** The plans the changed calendar would leave invalid, as 409 field errors naming each plan. */
async function brokenPlans(deps: Deps, calendarId: string, definition: BusinessCalendar): Promise<FieldError[]> {
  const using = await plans.plansUsingCalendar(deps.database.db, calendarId);
  return using.flatMap((plan) =>
    planErrors(slaPlanOf(plan, definition)).map((e) => ({
      field: 'body.week',
      message: `would make SLA plan "${plan.name}" (${plan.id}) invalid: ${e.field.replace(/^body\./, '')} ${e.message}`,
    })),
  );
}

export async function updateCalendar(deps: Deps, ctx: Ctx, id: string, input: CalendarInput): Promise<store.BusinessCalendarRecord> {
  const before = await visibleCalendar(deps, ctx.actor, id);
  const { name, ...fields } = withoutUndefined(input);
  const definition = checkedDefinition({ ...store.definitionOf(before), ...fields });
  const broken = await brokenPlans(deps, id, definition);
  if (broken.length > 0) throw conflict('The change would leave SLA plans that count in this calendar with targets it cannot hold; change those plans first.', broken);
  const after: store.BusinessCalendarRecord = { ...before, name: name ?? before.name, ...definition, updatedAt: deps.now().toISOString() };
  return change(deps, ctx, async (trx, audit) => {
    await store.updateCalendar(trx, after);
    await audit({ action: 'business-calendar.updated', entityType: 'business-calendar', entityId: id, ...changedFields(audited(before), audited(after)) });
    return after;
  });
}

export async function deleteCalendar(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await visibleCalendar(deps, ctx.actor, id);
  if (before.planCount > 0) {
    throw conflict(`The calendar holds the support hours of ${before.planCount} SLA plan${before.planCount === 1 ? '' : 's'}; give ${before.planCount === 1 ? 'it' : 'them'} another calendar first.`);
  }
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteCalendar(trx, id);
    await audit({ action: 'business-calendar.deleted', entityType: 'business-calendar', entityId: id, before: createdRecord(audited(before)) });
  });
}

export interface CalendarPreviewView {
  calendarId: string;
  timeZone: string;
  from: string;
  days: PreviewDay[];
  workingMinutes: number;
}

/** The calendar's working time day by day from `from` (default: today where the calendar is). */
export async function previewCalendar(deps: Deps, actor: Actor, id: string, from: string | undefined, days: number): Promise<CalendarPreviewView> {
  const calendar = await visibleCalendar(deps, actor, id);
  const start = from ?? DateTime.fromJSDate(deps.now(), { zone: calendar.timeZone }).toISODate()!;
  const list = calendarPreview(store.definitionOf(calendar), start, days);
  return { calendarId: id, timeZone: calendar.timeZone, from: start, days: list, workingMinutes: list.reduce((sum, d) => sum + d.workingMinutes, 0) };
}

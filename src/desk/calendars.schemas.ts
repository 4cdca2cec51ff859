import { z } from 'zod';
import { MAX_PREVIEW_DAYS } from './calendar-preview.model.ts';
import { businessCalendarSchema, WEEKDAYS } from './calendar.model.ts';

/**
 * Request and response shapes of the business calendar API; they also make the OpenAPI document.
 * Requests reuse the pure model's field schemas, so each field is checked where it is sent; the
 * service then checks the calendar as a whole (at least one working window in the week).
 */
const id = z.string().min(1).max(64);
const shape = businessCalendarSchema.shape;
const name = z.string().trim().min(1, 'must not be empty').max(100, 'can be at most 100 characters').describe('What the calendar is called, e.g. "Support hours"');

export const idParams = z.strictObject({ id });

const fields = {
  timeZone: shape.timeZone.describe('IANA time zone the windows are read in, e.g. Europe/Stockholm'),
  week: shape.week.describe('Working windows per weekday, HH:mm to HH:mm (24:00 for midnight); several a day, none overlapping'),
  publicHolidays: shape.publicHolidays.describe('Close the public holidays of this country (and region); null: none'),
  closedDays: shape.closedDays.describe('Custom closed days; active false keeps one listed but works it'),
  extraWorkingDays: shape.extraWorkingDays.describe('Dates worked with their own windows, whatever else the date is'),
};

export const calendarBody = z
  .strictObject({
    name,
    timeZone: fields.timeZone,
    week: fields.week,
    publicHolidays: fields.publicHolidays.optional(),
    closedDays: fields.closedDays.optional(),
    extraWorkingDays: fields.extraWorkingDays.optional(),
  })
  .meta({ id: 'NewBusinessCalendar', description: 'A business calendar: time zone, weekly windows, public holidays, closed and extra days' });

export const calendarPatch = z.strictObject({
  name: name.optional(),
  timeZone: fields.timeZone.optional(),
  week: fields.week.optional(),
  publicHolidays: fields.publicHolidays.optional(),
  closedDays: fields.closedDays.optional(),
  extraWorkingDays: fields.extraWorkingDays.optional(),
});

export const listQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const previewQuery = z.strictObject({
  from: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional().describe("First local date; default today in the calendar's time zone"),
  days: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(MAX_PREVIEW_DAYS, `can be at most ${MAX_PREVIEW_DAYS}`)
    .default(14)
    .describe(`How many days, 1 to ${MAX_PREVIEW_DAYS}; default 14`),
});

// Responses: lenient `z.object`, naming every field.

const instant = z.string().describe('An instant, ISO 8601 in UTC');
const windowView = z.object({ start: z.string(), end: z.string() });
export const weekView = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(windowView)])) as Record<(typeof WEEKDAYS)[number], z.ZodArray<typeof windowView>>);

export const calendarFieldsView = {
  timeZone: z.string(),
  week: weekView,
  publicHolidays: z.object({ country: z.string(), region: z.string().nullable() }).nullable(),
  closedDays: z.array(z.object({ date: z.string(), name: z.string(), active: z.boolean() })),
  extraWorkingDays: z.array(z.object({ date: z.string(), windows: z.array(windowView) })),
};

export const calendarView = z
  .object({
    id: z.string(),
    name: z.string(),
    ...calendarFieldsView,
    planCount: z.number().int().describe('SLA plans keeping their support hours in this calendar; a calendar in use cannot be deleted'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'BusinessCalendar', description: 'When the agency works, in its own time zone: the support hours SLA targets are counted in' });

export const calendarPage = z
  .object({ items: z.array(calendarView), nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null on the last page') })
  .meta({ id: 'BusinessCalendarPage', description: 'One page of business calendars, by name' });

const previewInterval = z.object({
  start: z.string().describe('Local time, HH:mm'),
  end: z.string().describe('Local time, HH:mm; 24:00 is midnight'),
  startsAt: instant,
  endsAt: instant,
  minutes: z.number(),
});

export const previewView = z
  .object({
    calendarId: z.string(),
    timeZone: z.string(),
    from: z.string().describe('The first local date, YYYY-MM-DD'),
    workingMinutes: z.number().describe('Working minutes over all the days shown'),
    days: z.array(
      z.object({
        date: z.string(),
        weekday: z.enum(WEEKDAYS),
        open: z.boolean(),
        reason: z.enum(['weekly-hours', 'extra-working-day', 'closed-day', 'public-holiday', 'no-hours']).describe('The rule that decided the day'),
        name: z.string().nullable().describe("The closed day's or public holiday's name, when one decided the day"),
        publicHoliday: z.string().nullable().describe('The public holiday on this date, if any'),
        intervals: z.array(previewInterval),
        workingMinutes: z.number(),
      }),
    ),
  })
  .meta({ id: 'BusinessCalendarPreview', description: 'The working time of a calendar day by day, as SLA clocks count it' });

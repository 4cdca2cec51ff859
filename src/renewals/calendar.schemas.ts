import { z } from 'zod';
import { page, streamed } from '../platform/http/responses.ts';
import { isCalendarDate } from '../registry/assets.model.ts';

/** Request and response shapes of the calendar feeds and the calendar page; they also make the OpenAPI document. */
const id = z.string().min(1).max(64);
const instant = z.string().describe('An instant, ISO 8601 in UTC');
const calendarDate = z.string().refine(isCalendarDate, 'must be a real calendar date as YYYY-MM-DD').describe('YYYY-MM-DD');

export const idParams = z.strictObject({ id });

export const feedBody = z
  .strictObject({
    ownerType: z.enum(['user', 'client']).describe("Whose calendar: a user's (renewals they are responsible for and their tasks) or a client's (its renewal dates)"),
    ownerId: id.optional().describe('The user or client id; for a user feed it defaults to the caller'),
  })
  .meta({ id: 'NewCalendarFeed', description: 'Whose calendar feed to create' });

export const feedView = z
  .object({
    id: z.string(),
    ownerType: z.enum(['user', 'client']),
    ownerId: z.string(),
    ownerName: z.string(),
    url: z.string().describe('The secret iCalendar URL to subscribe to; anyone who has it can read the feed until it is revoked'),
    createdAt: instant,
  })
  .meta({ id: 'CalendarFeed', description: 'A secret calendar URL of a user or a client' });

export const feedPage = page(feedView, 'CalendarFeedPage', 'calendar feeds, newest first');

export const feedQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// The token is checked for shape before any lookup; a longer path part is no token of ours.
export const tokenParams = z.strictObject({ token: z.string().max(200) });

export const icsFile = streamed(
  'The iCalendar feed: all-day events for renewal dates (and, in a user feed, task due dates)',
  { 'text/calendar': z.string().describe('RFC 5545 iCalendar, UTF-8') },
  {
    etag: { type: 'string', description: 'A hash of the content; send it back as If-None-Match to get a 304 when nothing changed' },
    'cache-control': { type: 'string', description: 'private, max-age=300' },
  },
);

export const notModified = z.undefined().describe('Not modified since the ETag given in If-None-Match');

export const entryQuery = z.strictObject({
  from: calendarDate.describe('First day, YYYY-MM-DD'),
  to: calendarDate.describe('Last day (inclusive), YYYY-MM-DD; at most 92 days after from'),
  clientId: id.optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe("Only what the caller is responsible for: assets they own, manage through a project or have an open task for, and tasks assigned to them"),
});

const money = z.object({ amount: z.number().int(), currency: z.string() });

export const calendarEntry = z
  .object({
    uid: z.string().describe('The same UID as the event in the calendar feeds'),
    kind: z.enum(['renewal', 'task']),
    date: z.string().describe('The renewal date, or the due date of a task, YYYY-MM-DD'),
    asset: z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() }),
    client: z.object({ id: z.string(), name: z.string() }),
    price: money.nullable().describe('For a renewal: what it will cost, when known'),
    autoRenew: z.boolean().nullable(),
    task: z.object({ id: z.string(), state: z.string(), renewalOn: z.string(), assigneeId: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'CalendarEntry', description: 'A renewal date or a renewal task due date' });

export const entryList = z
  .object({
    items: z.array(calendarEntry),
    truncated: z.boolean().describe('True when the range held more than 2,000 renewals or tasks and only the first were returned'),
  })
  .meta({ id: 'CalendarEntries', description: 'Renewal dates and task due dates in a date range, by date' });

import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { toDecimalString } from '../platform/money.ts';
import { addDays } from './reminders.model.ts';

/**
 * What a renewal calendar shows: one all-day event per asset on its next renewal date, and one
 * per open renewal task on its due date. Pure: the facts come in, entries and iCalendar text go out.
 *
 * UIDs are derived from the asset and the task only (`renewal-<assetId>@upkeep`,
 * `task-<taskId>@upkeep`), never from the date, so when an asset is renewed or its date corrected,
 * a subscribed calendar app moves the event instead of keeping the old one next to a new one.
 * Only the next renewal of an asset is shown, not the ones after it: whether it renews again,
 * and at what price, is only known once this renewal is done.
 */

/** How far a feed looks back and ahead: late renewals stay visible, the far future is not needed. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 730;
/**
 * At most this many events in one feed (the earliest first). Calendar apps fetch a feed every few
 * minutes to hours and choke on huge ones, and writing one costs about half a millisecond of CPU
 * per event (2.3 MB and a couple of seconds at the cap, written in pieces and kept by ETag):
 * an agency with more renewals in 27 months than this subscribes per client.
 */
export const FEED_MAX_EVENTS = 5000;

export type FeedOwnerType = 'user' | 'client';

export interface RenewalFact {
  assetId: string;
  assetName: string;
  identifier: string;
  kind: string;
  clientId: string;
  clientName: string;
  expiresOn: string;
  autoRenew: boolean;
  /** What the renewal will cost: the renewal price, else the current cost; null when unknown. */
  price: { amount: number; currency: string } | null;
  updatedAt: string;
}

export interface TaskFact {
  taskId: string;
  assetId: string;
  assetName: string;
  clientId: string;
  clientName: string;
  renewalOn: string;
  dueOn: string;
  state: string;
  assigneeId: string | null;
  updatedAt: string;
}

export interface CalendarEntry {
  uid: string;
  kind: 'renewal' | 'task';
  /** The all-day date, YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
  url: string;
  /** When what the event says last changed: DTSTAMP and LAST-MODIFIED, so an unchanged feed is byte-identical. */
  changedAt: string;
  assetId: string;
  clientId: string;
}

/** The dates a feed covers on `today` (the agency's local date): [from, to], both inclusive. */
export function feedWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -FEED_DAYS_BACK), to: addDays(today, FEED_DAYS_AHEAD) };
}

export const renewalUid = (assetId: string) => `renewal-${assetId}@upkeep`;
export const taskUid = (taskId: string) => `task-${taskId}@upkeep`;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

// One formatter per currency: making an Intl.NumberFormat costs more than formatting thousands of amounts.
const priceFormats = new Map<string, Intl.NumberFormat>();
function formatPrice(amount: number, currency: string): string {
  let format = priceFormats.get(currency);
  if (!format) priceFormats.set(currency, (format = new Intl.NumberFormat('en', { style: 'currency', currency })));
  return format.format(toDecimalString(amount, currency) as Intl.StringNumericLiteral);
}

export function renewalEntry(fact: RenewalFact, owner: FeedOwnerType, appUrl: string): CalendarEntry {
  // A client's own calendar need not repeat the client's name on every event.
  const summary = owner === 'client' ? `Renewal: ${fact.assetName}` : `Renewal: ${fact.assetName} (${fact.clientName})`;
  const url = `${appUrl}/assets/${fact.assetId}`;
  const lines = [
    `${fact.identifier} (${fact.kind}) renews on ${fact.expiresOn}.`,
    `Price: ${fact.price ? formatPrice(fact.price.amount, fact.price.currency) : 'not recorded'}`,
    `Auto-renew: ${yesNo(fact.autoRenew)}`,
    `Open in Upkeep: ${url}`,
  ];
  return { uid: renewalUid(fact.assetId), kind: 'renewal', date: fact.expiresOn, summary, description: lines.join('\n'), url, changedAt: fact.updatedAt, assetId: fact.assetId, clientId: fact.clientId };
}

export function taskEntry(fact: TaskFact, appUrl: string): CalendarEntry {
  const url = `${appUrl}/renewals/tasks/${fact.taskId}`;
  const lines = [`Renew ${fact.assetName} for ${fact.clientName} before ${fact.renewalOn}.`, `State: ${fact.state.replace('_', ' ')}`, `Open in Upkeep: ${url}`];
  return { uid: taskUid(fact.taskId), kind: 'task', date: fact.dueOn, summary: `Task due: renew ${fact.assetName} (${fact.clientName})`, description: lines.join('\n'), url, changedAt: fact.updatedAt, assetId: fact.assetId, clientId: fact.clientId };
}

export interface FeedFacts {
  renewals: readonly RenewalFact[];
  /** Ignored for a client feed. */
  tasks: readonly TaskFact[];
}

/**
 * The entries of a feed, by date, within the window and at most `FEED_MAX_EVENTS`.
 * A user's feed has their renewals and the due dates of their open tasks. A client's feed has
 * the renewal dates only: tasks are the agency's internal work (who does it, by when, snoozed or
 * escalated), which a client has no use for and the agency may not want to show.
 */
export function feedEntries(owner: FeedOwnerType, facts: FeedFacts, window: { from: string; to: string }, appUrl: string): CalendarEntry[] {
  const inWindow = (date: string) => date >= window.from && date <= window.to;
  const entries = facts.renewals.filter((r) => inWindow(r.expiresOn)).map((r) => renewalEntry(r, owner, appUrl));
  if (owner === 'user') entries.push(...facts.tasks.filter((t) => inWindow(t.dueOn)).map((t) => taskEntry(t, appUrl)));
  return sortEntries(entries).slice(0, FEED_MAX_EVENTS);
}

export function sortEntries(entries: CalendarEntry[]): CalendarEntry[] {
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

export interface FeedMeta {
  name: string;
  /** The agency's IANA time zone, as a hint for apps: every event is an all-day date. */
  timeZone: string;
}

function calendarOf(entries: readonly CalendarEntry[], meta: FeedMeta) {
  // No calendar-level time zone: ical-generator would then read the dates in the process's
  // zone and shift all-day events by a day; X-WR-TIMEZONE alone tells apps the agency's zone.
  const calendar = ical({
    name: meta.name,
    prodId: { company: 'upkeep', product: 'renewal-calendar' },
    ttl: 60 * 60,
    x: { 'X-WR-TIMEZONE': meta.timeZone },
  });
  for (const e of entries) {
    calendar.createEvent({
      id: e.uid,
      start: e.date,
      // DTEND of an all-day event is the day after (exclusive); some apps want it said.
      end: addDays(e.date, 1),
      allDay: true,
      summary: e.summary,
      description: e.description,
      url: e.url,
      stamp: e.changedAt,
      lastModified: e.changedAt,
    });
  }
  return calendar;
}

/** Events written per piece: ical-generator's cost per event grows with the size of the text it folds. */
const EVENTS_PER_PIECE = 250;
const CALENDAR_END = 'END:VCALENDAR';
const EVENT_END = 'END:VEVENT\r\n';

/**
 * The iCalendar text of a feed in pieces that join to the whole: the calendar's properties,
 * the events a few hundred at a time, the end. A caller can yield between pieces, so a large
 * feed does not hold up other requests for the whole time it takes to write.
 */
export function* feedPieces(entries: readonly CalendarEntry[], meta: FeedMeta): Generator<string> {
  const head = calendarOf([], meta).toString();
  yield head.slice(0, head.lastIndexOf(CALENDAR_END));
  for (let i = 0; i < entries.length; i += EVENTS_PER_PIECE) {
    const text = calendarOf(entries.slice(i, i + EVENTS_PER_PIECE), meta).toString();
    yield text.slice(text.indexOf('BEGIN:VEVENT'), text.lastIndexOf(EVENT_END) + EVENT_END.length);
  }
  yield CALENDAR_END;
}

/** The iCalendar text of a feed. */
export function renderFeed(entries: readonly CalendarEntry[], meta: FeedMeta): string {
  return [...feedPieces(entries, meta)].join('');
}

/**
 * A strong ETag of the feed: a hash of its entries and name, of which the text is a pure function.
 * It is known before the text is made, so a 304 costs no rendering (ical-generator takes
 * roughly 0.15 ms per event to write and fold the text).
 */
export function feedEtag(entries: readonly CalendarEntry[], meta: FeedMeta): string {
  const hash = createHash('sha256').update(JSON.stringify(meta));
  for (const e of entries) hash.update(JSON.stringify(e));
  return `"${hash.digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (weak or strong, a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import { clientScope, permissionsOf } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { hashToken, randomToken } from '../platform/crypto/tokens.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { forbidden, invalid, notFound } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { feedEntries, feedEtag, feedPieces, feedWindow, FEED_MAX_EVENTS, renewalUid, taskUid, type CalendarEntry, type FeedMeta, type FeedOwnerType, type RenewalFact, type TaskFact } from './calendar.model.ts';
import * as store from './calendar.store.ts';

type Ctx = ChangeContext & { actor: Actor };

/**
 * Secret calendar feeds (iCalendar URLs a person pastes into Google Calendar, Outlook or Apple
 * Calendar) and the entries of the renewal calendar page. The token in the URL is the only
 * credential of a feed: it is kept hashed (to find the feed) and sealed (to show the URL again),
 * and it never goes to the audit log or the logs. A feed is computed on every request, so it
 * follows the registry as it changes.
 */
export interface CalendarFeedView {
  id: string;
  ownerType: FeedOwnerType;
  ownerId: string;
  ownerName: string;
  url: string;
  createdAt: string;
}

/** 32 random bytes (256 bits), like API tokens. */
const TOKEN_BYTES = 32;
const TOKEN_PREFIX = 'cal';
const aad = (feedId: string) => [feedId, 'calendarFeedToken'];

export function feedUrl(deps: Deps, token: string): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;
}

function viewOf(deps: Deps, feed: store.CalendarFeedRecord, ownerName: string): CalendarFeedView {
  const token = deps.secrets.decrypt(feed.tokenSealed, aad(feed.id));
  return { id: feed.id, ownerType: feed.ownerType, ownerId: feed.ownerId, ownerName, url: feedUrl(deps, token), createdAt: feed.createdAt };
}

/**
 * Who may subscribe to whose calendar: anyone who may change things (not a read-only token) to
 * their own; user managers to anyone's; staff who work renewals to any client's; a client-portal
 * user to their own client's (they see those renewal dates in the portal anyway).
 * Returns the owner id, or throws. A client the actor may not see answers like one that does not exist.
 */
function checkMayCreate(actor: Actor, ownerType: FeedOwnerType, ownerId: string | undefined): string {
  const granted = permissionsOf(actor);
  const scope = clientScope(actor);
  if (ownerType === 'user') {
    const target = ownerId ?? actor.id;
    if (!target) throw forbidden('Only a user has a calendar of their own.');
    if (target === actor.id) {
      if (scope !== null) throw forbidden("A client-portal user subscribes to their client's calendar (ownerType client).");
      if (!granted.has('profile')) throw forbidden('A read-only token cannot create a calendar feed.');
      return target;
    }
    if (!granted.has('users:manage')) throw forbidden("Only owners and admins may create a calendar feed for another user.");
    return target;
  }
  if (!ownerId) throw invalid([{ field: 'body.ownerId', message: 'is required for a client feed' }]);
  if (scope !== null) {
    if (scope !== ownerId) throw invalid([{ field: 'body.ownerId', message: `No client with id ${ownerId}` }]);
    if (!granted.has('profile')) throw forbidden('A read-only token cannot create a calendar feed.');
    return ownerId;
  }
  if (!granted.has('renewals:write')) throw forbidden("Creating a client's calendar feed needs the renewals:write permission.");
  return ownerId;
}

export async function createFeed(deps: Deps, ctx: Ctx, input: { ownerType: FeedOwnerType; ownerId?: string | undefined }): Promise<CalendarFeedView> {
  const ownerId = checkMayCreate(ctx.actor, input.ownerType, input.ownerId);
  const owner = await store.findOwner(deps.database.db, input.ownerType, ownerId);
  if (!owner?.active) throw invalid([{ field: 'body.ownerId', message: `No ${input.ownerType === 'user' ? 'active user' : 'client'} with id ${ownerId}` }]);
  if (input.ownerType === 'user' && owner.role === 'client') throw invalid([{ field: 'body.ownerId', message: "is a client-portal user: subscribe to their client's calendar instead" }]);
  const id = newId('calendarFeed');
  const token = randomToken(TOKEN_PREFIX, TOKEN_BYTES);
  const feed: store.CalendarFeedRecord = {
    id,
    ownerType: input.ownerType,
    ownerId,
    tokenSealed: deps.secrets.encrypt(token, aad(id)),
    createdBy: ctx.actor.id,
    createdAt: deps.now().toISOString(),
    revokedAt: null,
  };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertFeed(trx, {
      id,
      owner_type: feed.ownerType,
      owner_id: feed.ownerId,
      token_hash: hashToken(token),
      token_sealed: feed.tokenSealed,
      created_by: feed.createdBy,
      created_at: feed.createdAt,
      revoked_at: null,
    });
    // The record names whose calendar it is; the token (and so the URL) stays out of the log.
    await audit({ action: 'calendar-feed.created', entityType: 'calendar-feed', entityId: id, after: { ownerType: feed.ownerType, ownerId } });
  });
  return viewOf(deps, feed, owner.name);
}

function visibilityOf(actor: Actor): store.FeedVisibility {
  const granted = permissionsOf(actor);
  const staff = clientScope(actor) === null;
  return { all: granted.has('users:manage'), clientFeeds: staff && granted.has('renewals:write'), userId: actor.id ?? '' };
}

function maySee(actor: Actor, feed: store.CalendarFeedRecord): boolean {
  const v = visibilityOf(actor);
  return v.all || (feed.ownerType === 'user' && feed.ownerId === v.userId) || feed.createdBy === v.userId || (v.clientFeeds && feed.ownerType === 'client');
}

export async function listFeeds(deps: Deps, actor: Actor, page: { cursor?: Cursor | undefined; limit: number }): Promise<Page<CalendarFeedView>> {
  const rows = await store.listFeeds(deps.database.db, visibilityOf(actor), page.cursor, page.limit);
  const names = await store.ownerNames(deps.database.db, rows);
  return toPage(rows, page.limit, (f) => ({ value: f.createdAt, id: f.id }), (f) => viewOf(deps, f, names.get(`${f.ownerType}:${f.ownerId}`) ?? ''));
}

export async function revokeFeed(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const feed = await store.findFeed(deps.database.db, id);
  if (!feed || !maySee(ctx.actor, feed)) throw notFound('calendar feed', id);
  await change(deps, ctx, async (trx, audit) => {
    await store.revokeFeed(trx, id, deps.now().toISOString());
    await audit({ action: 'calendar-feed.revoked', entityType: 'calendar-feed', entityId: id, before: { ownerType: feed.ownerType, ownerId: feed.ownerId } });
  });
}

/** The agency's local date today, in its time zone, which is when a renewal date is "today". */
function todayIn(zone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

export interface RenderedFeed {
  etag: string;
  /** The iCalendar text; made only when asked for (a 304 needs none). */
  body(): Promise<string>;
}

/**
 * Feed texts already made, by ETag. The ETag hashes everything the text is made from, so an
 * entry is never stale: a changed registry gives another ETag. Calendar apps poll the same
 * unchanged feed all day, often without If-None-Match; this spares re-rendering it each time.
 * Bounded by total size; the oldest go first.
 */
class RenderedFeeds {
  private readonly texts = new Map<string, string>();
  private size = 0;
  constructor(private readonly maxChars: number) {}

  async get(etag: string, render: () => Promise<string>): Promise<string> {
    const known = this.texts.get(etag);
    if (known !== undefined) return known;
    const text = await render();
    this.texts.set(etag, text);
    this.size += text.length;
    for (const [key, old] of this.texts) {
      if (this.size <= this.maxChars || key === etag) break;
      this.texts.delete(key);
      this.size -= old.length;
    }
    return text;
  }
}

const rendered = new RenderedFeeds(32 * 1024 * 1024);

/** Writes the text piece by piece, letting other requests run in between (5,000 events take a few seconds of CPU). */
async function writeFeed(entries: readonly CalendarEntry[], meta: FeedMeta): Promise<string> {
  const pieces: string[] = [];
  for (const piece of feedPieces(entries, meta)) {
    pieces.push(piece);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return pieces.join('');
}

/** The feed with this token, or null for an unknown, revoked or orphaned one. */
export async function feedFor(deps: Deps, token: string): Promise<RenderedFeed | null> {
  const db = deps.database.db;
  const feed = await store.findFeedByTokenHash(db, hashToken(token));
  if (!feed) return null;
  const owner = await store.findOwner(db, feed.ownerType, feed.ownerId);
  if (!owner?.active) return null;
  const agency = await readAgency(deps);
  const window = feedWindow(todayIn(agency.timeZone, deps.now()));
  const filter: store.EntryFilter = feed.ownerType === 'user' ? { ...window, responsibleUserId: feed.ownerId } : { ...window, clientId: feed.ownerId };
  const renewals = await store.renewalFacts(db, filter, FEED_MAX_EVENTS);
  const tasks = feed.ownerType === 'user' ? await store.taskFacts(db, { ...window, assigneeId: feed.ownerId }, FEED_MAX_EVENTS) : [];
  const entries = feedEntries(feed.ownerType, { renewals, tasks }, window, appUrl(deps));
  const meta = { name: `${agency.name} renewals – ${owner.name}`, timeZone: agency.timeZone };
  const etag = feedEtag(entries, meta);
  return { etag, body: () => rendered.get(etag, () => writeFeed(entries, meta)) };
}

const appUrl = (deps: Deps) => deps.config.publicUrl.replace(/\/+$/, '');

/** The calendar page shows at most this many days at once (a month grid is six weeks). */
export const ENTRY_RANGE_DAYS = 92;
/** And at most this many renewals and as many tasks: a page, not an export. */
export const ENTRY_LIMIT = 2000;

export interface EntryQuery {
  from: string;
  to: string;
  clientId?: string | undefined;
  mine?: boolean | undefined;
}

export interface PageEntry {
  uid: string;
  kind: 'renewal' | 'task';
  date: string;
  asset: { id: string; name: string; kind: string | null };
  client: { id: string; name: string };
  price: { amount: number; currency: string } | null;
  autoRenew: boolean | null;
  task: { id: string; state: string; renewalOn: string; assigneeId: string | null } | null;
}

function renewalItem(r: RenewalFact): PageEntry {
  return { uid: renewalUid(r.assetId), kind: 'renewal', date: r.expiresOn, asset: { id: r.assetId, name: r.assetName, kind: r.kind }, client: { id: r.clientId, name: r.clientName }, price: r.price, autoRenew: r.autoRenew, task: null };
}

function taskItem(t: TaskFact): PageEntry {
  return {
    uid: taskUid(t.taskId),
    kind: 'task',
    date: t.dueOn,
    asset: { id: t.assetId, name: t.assetName, kind: null },
    client: { id: t.clientId, name: t.clientName },
    price: null,
    autoRenew: null,
    task: { id: t.taskId, state: t.state, renewalOn: t.renewalOn, assigneeId: t.assigneeId },
  };
}

/** Renewal dates and task due dates in a range, for the calendar page; `truncated` when capped. */
export async function listEntries(deps: Deps, actor: Actor, q: EntryQuery): Promise<{ items: PageEntry[]; truncated: boolean }> {
  if (q.to < q.from) throw invalid([{ field: 'querystring.to', message: 'must not be before from' }]);
  const days = DateTime.fromISO(q.to, { zone: 'utc' }).diff(DateTime.fromISO(q.from, { zone: 'utc' }), 'days').days;
  if (days > ENTRY_RANGE_DAYS) throw invalid([{ field: 'querystring.to', message: `must be at most ${ENTRY_RANGE_DAYS} days after from` }]);
  const scope = clientScope(actor);
  if (scope !== null && q.clientId && q.clientId !== scope) return { items: [], truncated: false };
  const clientId = scope ?? q.clientId;
  const me = q.mine ? (actor.id ?? '') : undefined;
  const db = deps.database.db;
  const renewals = await store.renewalFacts(db, { from: q.from, to: q.to, clientId, responsibleUserId: me }, ENTRY_LIMIT + 1);
  // Tasks are the agency's internal work: not for client-portal users.
  const tasks = scope === null ? await store.taskFacts(db, { from: q.from, to: q.to, clientId, assigneeId: me }, ENTRY_LIMIT + 1) : [];
  const truncated = renewals.length > ENTRY_LIMIT || tasks.length > ENTRY_LIMIT;
  const items = [...renewals.slice(0, ENTRY_LIMIT).map(renewalItem), ...tasks.slice(0, ENTRY_LIMIT).map(taskItem)];
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
  return { items, truncated };
}

import { readAgency, type Agency } from '../../accounts/agency.ts';
import type { Locale } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { ackUrl } from '../ack-links.ts';
import type { ChannelMessage } from '../channels/channel.ts';
import type { ChannelRecord } from '../channels.store.ts';
import { SEVERITIES, type EventType, type Severity } from '../events.ts';
import type { Notification } from '../outbox.store.ts';
import { findPreferences, findRecipientProfile } from '../recipients.store.ts';
import { isEventType, templateLocale, type Audience } from './model.ts';
import { renderDigest, renderEvent, renderTest, type RenderableEvent, type RenderContext } from './render.ts';
import { resolveTemplate } from './service.ts';

/**
 * Builds the message one notification sends: whom it is for decides the wording (staff or
 * client) and the language (theirs; a client's for client-facing messages; English when unknown),
 * then the event — or a digest's events — is rendered with the template of its type.
 */
interface Reader {
  audience: Audience;
  locale: Locale;
  name: string;
  timeZone: string;
  userId: string | null;
}

/**
 * Acknowledging these stops an escalation; a resolution, a receipt or a task handed to someone
 * (it is theirs to do, not a problem to take in hand) has nothing to stop.
 */
const ACKNOWLEDGEABLE: ReadonlySet<EventType> = new Set<EventType>([
  'incident.opened',
  'incident.updated',
  'heartbeat.late',
  'certificate.expiring',
  'domain.expiring',
  'renewal.due',
  'renewal.expired',
  'renewal.cancel-deadline',
  'renewal.task-escalated',
  'renewal.auto-renew-failed',
  'ticket.sla-warning',
  'ticket.sla-breached',
  'payment.dunning-exhausted',
  'charge.awaiting-approval',
  'channel.broken',
]);

interface StoredEvent extends RenderableEvent {
  id: string;
  subjectKey: string;
}

export async function composeMessage(deps: Deps, n: Notification, channel: ChannelRecord, idempotencyKey: string): Promise<ChannelMessage> {
  const agency = await readAgency(deps);
  const reader = await readerOf(deps, n, channel, agency);
  const agencyName = agency.name;
  const events = await loadEvents(deps, n.eventId ? [n.eventId] : (n.digestEventIds ?? []));
  if (events.length === 0) throw new Error(`Notification ${n.id} has no event to tell about.`);
  const base: Omit<RenderContext, 'links'> = { locale: reader.locale, timeZone: reader.timeZone, recipientName: reader.name, agencyName };
  const db = deps.database.db;
  if (n.eventId) {
    const event = events[0]!;
    const template = await resolveTemplate(db, event.type, reader.audience, reader.locale);
    const links = {
      acknowledge: reader.audience === 'staff' && ACKNOWLEDGEABLE.has(event.type) ? ackUrl(deps, event.subjectKey, reader.userId) : null,
      open: openUrl(deps, event, reader.audience),
    };
    const rendered = renderEvent(event, template, { ...base, links });
    return { ...rendered, severity: event.severity, eventType: event.type, idempotencyKey, links, data: { eventId: event.id, ...event.data } };
  }
  const items = await Promise.all(events.map(async (event) => ({ event, template: await resolveTemplate(db, event.type, reader.audience, reader.locale) })));
  const links = { acknowledge: null, open: `${publicBase(deps)}/` };
  const rendered = renderDigest(items, { ...base, links });
  const severity = SEVERITIES.find((s) => events.some((e) => e.severity === s)) ?? 'info';
  const data = { events: events.map((e) => ({ id: e.id, type: e.type, severity: e.severity, ...e.data })) };
  return { ...rendered, severity, eventType: 'digest', idempotencyKey, links, data };
}

/** The "send test" message of a channel, in its owner's language. */
export async function composeTestMessage(deps: Deps, channel: ChannelRecord, idempotencyKey: string): Promise<ChannelMessage> {
  const agency = await readAgency(deps);
  const reader = await channelReader(deps, channel, agency);
  const agencyName = agency.name;
  const links = { acknowledge: null, open: `${publicBase(deps)}/` };
  const rendered = renderTest(channel.name, { locale: reader.locale, timeZone: reader.timeZone, recipientName: reader.name, agencyName, links });
  return { ...rendered, severity: 'info', eventType: 'channel.test', idempotencyKey, links, data: { channelId: channel.id } };
}

async function readerOf(deps: Deps, n: Notification, channel: ChannelRecord, agency: Agency): Promise<Reader> {
  if (n.recipientUserId) {
    const reader = await userReader(deps, n.recipientUserId);
    if (reader) return reader;
  }
  return channelReader(deps, channel, agency);
}

async function userReader(deps: Deps, userId: string): Promise<Reader | null> {
  const db = deps.database.db;
  const [profile, prefs] = await Promise.all([findRecipientProfile(db, userId), findPreferences(db, userId)]);
  if (!profile) return null;
  const audience: Audience = profile.role === 'client' ? 'client' : 'staff';
  // Client-facing messages speak the client's language unless the person chose their own.
  const language = prefs.locale ?? (audience === 'client' ? (profile.clientLocale ?? profile.userLocale) : profile.userLocale);
  return { audience, locale: templateLocale(language), name: profile.name, timeZone: profile.timeZone, userId };
}

/** A channel addressed directly: a client's own address speaks to the client, any other to the agency's staff. */
async function channelReader(deps: Deps, channel: ChannelRecord, agency: Agency): Promise<Reader> {
  if (channel.ownerUserId) {
    const reader = await userReader(deps, channel.ownerUserId);
    if (reader) return reader;
  }
  if (channel.clientId) {
    const client = await deps.database.db.selectFrom('clients').select(['name', 'locale']).where('id', '=', channel.clientId).executeTakeFirst();
    if (client) return { audience: 'client', locale: templateLocale(client.locale), name: client.name, timeZone: agency.timeZone, userId: null };
  }
  return { audience: 'staff', locale: templateLocale(agency.locale), name: channel.name, timeZone: agency.timeZone, userId: null };
}

async function loadEvents(deps: Deps, ids: readonly string[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  const rows = await deps.database.db.selectFrom('events').selectAll().where('id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row || !isEventType(row.type)) return [];
    return [{ id: row.id, type: row.type, severity: row.severity as Severity, subjectKey: row.subject_key, data: JSON.parse(row.data) as Record<string, unknown> }];
  });
}

function publicBase(deps: Deps): string {
  return deps.config.publicUrl.replace(/\/+$/, '');
}

/** The page a billing event carries: the invoice (to pay, for a failed payment), or the client's payment methods. */
const BILLING_PAGES: Partial<Record<EventType, string>> = {
  'invoice.issued': 'url',
  'payment.received': 'url',
  'payment.failed': 'payUrl',
  'payment.dunning-exhausted': 'url',
  'charge.awaiting-approval': 'url',
  'payment-method.expiring': 'methodsUrl',
};

/**
 * Where in Upkeep the event's subject is shown; renewal tasks are the staff's own pages. A ticket,
 * a monthly report and a billing event carry their own page (the same address for staff and the
 * client's portal).
 */
function openUrl(deps: Deps, event: StoredEvent, audience: Audience): string | null {
  const d = event.data;
  const base = publicBase(deps);
  if ((typeof d.ticketId === 'string' || event.type === 'sla.report-ready') && typeof d.url === 'string') return d.url;
  const billingPage = BILLING_PAGES[event.type];
  if (billingPage) {
    const page = d[billingPage];
    return typeof page === 'string' ? page : `${base}/`;
  }
  if (typeof d.incidentId === 'string') return `${base}/incidents/${d.incidentId}`;
  if (typeof d.taskId === 'string' && audience === 'staff') return `${base}/renewals/tasks/${d.taskId}`;
  if (typeof d.assetId === 'string') return `${base}/assets/${d.assetId}`;
  if (typeof d.monitorId === 'string') return `${base}/monitors/${d.monitorId}`;
  if (typeof d.channelId === 'string') return `${base}/settings/notifications`;
  return `${base}/`;
}

import type { Kysely } from 'kysely';
import { enqueueJob } from '../platform/jobs/queue.ts';
import type { Schema } from '../platform/db/schema.ts';
import { newId } from '../platform/ids.ts';

/**
 * The events other capabilities publish for notifications to deliver. Publishing is part of the
 * publisher's transaction: the event row and the job that routes it land with the change, or not at all.
 * Routing, de-duplication, grouping and delivery happen later, in the `notifications.dispatch` job.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Money {
  amount: number; // minor units
  currency: string;
}

/** What each event type carries: the template of that type may use exactly these fields. */
export interface EventData {
  'incident.opened': { incidentId: string; monitorId: string; monitorName: string; target: string; cause: string; startedAt: string; parentIncidentId: string | null; flapping: boolean };
  'incident.updated': { incidentId: string; monitorId: string; monitorName: string; target: string; message: string };
  'incident.resolved': { incidentId: string; monitorId: string; monitorName: string; target: string; startedAt: string; resolvedAt: string; downtimeSeconds: number };
  'certificate.expiring': { monitorId: string; monitorName: string; host: string; validTo: string; daysLeft: number; issuer: string };
  'domain.expiring': { monitorId: string | null; assetId: string | null; domain: string; expiresOn: string; daysLeft: number; registrar: string | null };
  'heartbeat.late': { monitorId: string; monitorName: string; lastPingAt: string | null; expectedBy: string };
  'renewal.due': { assetId: string; assetName: string; expiresOn: string; daysLeft: number; price: Money | null };
  'payment.received': { invoiceNumber: string; amount: Money; paidAt: string };
  'channel.broken': { channelId: string; channelName: string; reason: string };
}
export type EventType = keyof EventData;
export const EVENT_TYPES = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'certificate.expiring',
  'domain.expiring',
  'heartbeat.late',
  'renewal.due',
  'payment.received',
  'channel.broken',
] as const satisfies readonly EventType[];

export interface NewEvent<T extends EventType = EventType> {
  type: T;
  severity: Severity;
  clientId: string | null;
  projectId: string | null;
  assetId: string | null;
  /**
   * The open problem this event is about, e.g. `incident:inc_01J…` or `certificate:mon_01J…`.
   * Repeats with the same subject are de-duplicated, and acknowledging a subject stops its escalation.
   */
  subjectKey: string;
  /** A parent the event belongs under (`incident:<parent>` for a site on a server that is down), or null. */
  groupKey: string | null;
  data: EventData[T];
}

export interface PublishedEvent<T extends EventType = EventType> extends NewEvent<T> {
  id: string;
  occurredAt: string;
}

export const DISPATCH_JOB = 'notifications.dispatch';

/** Records an event and queues its routing, inside the caller's transaction. Returns the event id. */
export async function publishEvent<T extends EventType>(db: Kysely<Schema>, event: NewEvent<T>, now: Date): Promise<string> {
  const id = newId('event');
  const at = now.toISOString();
  await db
    .insertInto('events')
    .values({
      id,
      type: event.type,
      severity: event.severity,
      client_id: event.clientId,
      project_id: event.projectId,
      asset_id: event.assetId,
      subject_key: event.subjectKey,
      group_key: event.groupKey,
      data: JSON.stringify(event.data),
      occurred_at: at,
      created_at: at,
    })
    .execute();
  await enqueueJob(db, { name: DISPATCH_JOB, payload: { eventId: id }, idempotencyKey: `event:${id}`, now });
  return id;
}

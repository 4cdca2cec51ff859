import type { Kysely } from 'kysely';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { DEFAULT_MAX_ATTEMPTS } from '../platform/jobs/model.ts';
import type { NewRow } from '../platform/db/schema.ts';
import type { Schema } from '../platform/db/schema.ts';
import { newId } from '../platform/ids.ts';

/**
 * The events other capabilities publish for notifications to deliver. Publishing is part of the
 * publisher's transaction: the event row and the job that routes it land with the change, or not at all.
 * Routing, de-duplication, grouping and delivery happen later, in the `notifications.dispatch` job.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type TicketSeverity = 'critical' | 'high' | 'medium' | 'low';
export type TicketClock = 'first-response' | 'resolution';

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
  // Renewal reminders and tasks carry the person responsible (`assigneeId`): they are told besides whoever routing names.
  // `late`: the reminder's day passed while the service was down; it comes once, marked late.
  'renewal.due': { assetId: string; assetName: string; expiresOn: string; daysLeft: number; price: Money | null; reminder: 'renewal' | 'pay'; late: boolean; assigneeId: string | null };
  'renewal.expired': { assetId: string; assetName: string; expiredOn: string; daysOverdue: number; price: Money | null; late: boolean; assigneeId: string | null };
  'renewal.cancel-deadline': { assetId: string; assetName: string; renewalOn: string; cancelBy: string; daysLeft: number; price: Money | null; late: boolean; assigneeId: string | null };
  'renewal.task-assigned': { taskId: string; assetId: string; assetName: string; renewalOn: string; dueOn: string; assigneeId: string | null; assigneeName: string | null };
  'renewal.task-escalated': { taskId: string; assetId: string; assetName: string; renewalOn: string; dueOn: string; daysLeft: number; assigneeId: string | null; assigneeName: string | null };
  // A task sent to an external tracker through one webhook channel; recorded, never routed (see recordEvent).
  'renewal.task-pushed': { taskId: string; assetId: string; assetName: string; assetKind: string; assetIdentifier: string; clientId: string; clientName: string; renewalOn: string; dueOn: string; assigneeId: string | null; assigneeName: string | null; url: string };
  'renewal.auto-renew-failed': { assetId: string; assetName: string; renewalOn: string; graceEndedOn: string; provider: string | null; assigneeId: string | null };
  // The SLA desk. `assigneeId` addresses staff-facing ones to the ticket's assignee; `url` opens the ticket.
  // `ticket.created` and `ticket.replied` (a public staff reply) are for the client; the rest for the agency.
  'ticket.created': { ticketId: string; title: string; severity: TicketSeverity; source: 'portal' | 'staff' | 'api' | 'incident'; clientName: string; firstResponseDue: string | null; resolutionDue: string | null; workStartsAt: string | null; timeZone: string; assigneeId: string | null; url: string };
  'ticket.replied': { ticketId: string; title: string; severity: TicketSeverity; authorName: string; excerpt: string; url: string };
  'ticket.client-replied': { ticketId: string; title: string; severity: TicketSeverity; clientName: string; authorName: string; excerpt: string; assigneeId: string | null; url: string };
  'ticket.assigned': { ticketId: string; title: string; severity: TicketSeverity; clientName: string; assigneeId: string | null; assigneeName: string | null; url: string };
  'ticket.sla-warning': { ticketId: string; title: string; severity: TicketSeverity; clientName: string; clock: TicketClock; dueAt: string; percentUsed: number; assigneeId: string | null; url: string };
  'ticket.sla-breached': { ticketId: string; title: string; severity: TicketSeverity; clientName: string; clock: TicketClock; dueAt: string; assigneeId: string | null; url: string };
  // A client's monthly SLA report is ready (sent on the 1st when the plan says so); for the client.
  'sla.report-ready': { clientName: string; month: string; uptimePercent: number | null; guaranteePercent: number | null; credit: Money | null; url: string; pdfUrl: string };
  // Billing. Dates (`dueOn`, `chargeOn`, …) are YYYY-MM-DD; `url` opens the invoice (for a client, in the
  // portal with Pay now; the same address for staff).
  // The client-facing ones (invoice.issued, payment.received, payment.failed, payment-method.expiring)
  // reach the client's portal users without any rule (see CLIENT_AUDIENCE_TYPES in routing.model.ts).
  // A dunning step is news each time: give each failed attempt its own subjectKey
  // (`payment-failed:<invoiceId>:<attempt>`), or a repeat of the same subject is dropped as noise.
  'invoice.issued': { invoiceId: string; invoiceNumber: string; clientName: string; total: Money; amountDue: Money; dueOn: string; autoCharge: boolean; chargeOn: string | null; url: string; pdfUrl: string };
  // `method`: how it was paid, as the client knows it ("Visa ·· 4242"), or null (a bank transfer recorded by hand).
  'payment.received': { invoiceId: string; invoiceNumber: string; amount: Money; paidAt: string; method: string | null; url: string; receiptUrl: string | null };
  // `reason`: the gateway's message. No automatic retry when `nextRetryOn` is null or `hardDecline`.
  'payment.failed': { invoiceId: string; invoiceNumber: string; clientName: string; amount: Money; reason: string; hardDecline: boolean; attempt: number; nextRetryOn: string | null; payUrl: string; methodsUrl: string };
  // For the agency, published with severity 'high': the owners and admins hear it, and the assignee when set.
  'payment.dunning-exhausted': { invoiceId: string; invoiceNumber: string; clientName: string; amountDue: Money; attempts: number; lastReason: string; assigneeId: string | null; url: string };
  // For the agency, published with severity 'medium': the charge is days away, so it may wait for the
  // morning (quiet hours apply), yet it always reaches the owners and admins (see STAFF_BY_DEFAULT_TYPES).
  'charge.awaiting-approval': { invoiceId: string; invoiceNumber: string; clientName: string; amount: Money; threshold: Money | null; chargeOn: string; url: string };
  // `validThrough`: the method's last valid day (a card valid through 12/27 → 2027-12-31).
  'payment-method.expiring': { clientName: string; methodLabel: string; validThrough: string; nextChargeOn: string; methodsUrl: string };
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
  'renewal.expired',
  'renewal.cancel-deadline',
  'renewal.task-assigned',
  'renewal.task-escalated',
  'renewal.task-pushed',
  'renewal.auto-renew-failed',
  'ticket.created',
  'ticket.replied',
  'ticket.client-replied',
  'ticket.assigned',
  'ticket.sla-warning',
  'ticket.sla-breached',
  'sla.report-ready',
  'invoice.issued',
  'payment.received',
  'payment.failed',
  'payment.dunning-exhausted',
  'charge.awaiting-approval',
  'payment-method.expiring',
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

function eventRow(id: string, event: NewEvent, at: string): NewRow<'events'> {
  return {
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
  };
}

/**
 * Records an event without routing it: for a message the publisher addresses itself (a task pushed
 * to one tracker), so routing rules never see it and nobody else is told. Returns the event id.
 */
export async function recordEvent<T extends EventType>(db: Kysely<Schema>, event: NewEvent<T>, now: Date): Promise<string> {
  const id = newId('event');
  await db.insertInto('events').values(eventRow(id, event, now.toISOString())).execute();
  return id;
}

/** Records an event and queues its routing, inside the caller's transaction. Returns the event id. */
export async function publishEvent<T extends EventType>(db: Kysely<Schema>, event: NewEvent<T>, now: Date): Promise<string> {
  const id = await recordEvent(db, event, now);
  await enqueueJob(db, { name: DISPATCH_JOB, payload: { eventId: id }, idempotencyKey: `event:${id}`, now });
  return id;
}

// Rows per multi-row insert: 11 columns each stays far below SQLite's and PostgreSQL's parameter limits.
const BATCH_ROWS = 500;

/**
 * publishEvent for many events at once, in the caller's transaction: the same rows and dispatch
 * jobs, written with a few multi-row inserts instead of two statements per event. A sweep that
 * finds a hundred thousand reminders due depends on it. Returns the event ids in order.
 */
export async function publishEvents(db: Kysely<Schema>, events: readonly NewEvent[], now: Date): Promise<string[]> {
  const at = now.toISOString();
  const ids = events.map(() => newId('event'));
  for (let i = 0; i < events.length; i += BATCH_ROWS) {
    const chunk = ids.slice(i, i + BATCH_ROWS);
    await db.insertInto('events').values(chunk.map((id, j) => eventRow(id, events[i + j]!, at))).execute();
    const jobs: NewRow<'jobs'>[] = chunk.map((id) => ({
      id: newId('job'),
      name: DISPATCH_JOB,
      payload: JSON.stringify({ eventId: id }),
      idempotency_key: `event:${id}`,
      status: 'queued',
      attempts: 0,
      max_attempts: DEFAULT_MAX_ATTEMPTS,
      run_at: at,
      created_at: at,
      updated_at: at,
    }));
    await db.insertInto('jobs').values(jobs).execute();
  }
  return ids;
}

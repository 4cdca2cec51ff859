import { LOCALES, type Locale } from '../../accounts/model.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { EVENT_TYPES, type EventData, type EventType } from '../events.ts';

/**
 * Templates are plain text with `{{name}}` placeholders. Each event type may use exactly the
 * fields its events carry (see EventData), plus a few every message knows (who it is for, the
 * agency). An agency's own wording is checked against the same list when it is saved, so a typo
 * is a 400 then rather than a blank in a message at 3 a.m.
 */
export const AUDIENCES = ['staff', 'client'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TEMPLATE_LOCALES = LOCALES;

/**
 * `severity`: a ticket's severity, worded in the reader's language; `percent`: 99.95 → "99.95 %";
 * `month`: `2026-10` → "October 2026".
 */
export type FieldKind = 'text' | 'instant' | 'date' | 'money' | 'number' | 'percent' | 'month' | 'severity' | 'boolean' | 'id';
type FieldsOf<T extends EventType> = { readonly [K in keyof EventData[T]]-?: FieldKind };

/** Every field of every event type, and how it is shown. */
export const EVENT_FIELDS: { readonly [T in EventType]: FieldsOf<T> } = {
  'incident.opened': { incidentId: 'id', monitorId: 'id', monitorName: 'text', target: 'text', cause: 'text', startedAt: 'instant', parentIncidentId: 'id', flapping: 'boolean' },
  'incident.updated': { incidentId: 'id', monitorId: 'id', monitorName: 'text', target: 'text', message: 'text' },
  'incident.resolved': { incidentId: 'id', monitorId: 'id', monitorName: 'text', target: 'text', startedAt: 'instant', resolvedAt: 'instant', downtimeSeconds: 'number' },
  'certificate.expiring': { monitorId: 'id', monitorName: 'text', host: 'text', validTo: 'instant', daysLeft: 'number', issuer: 'text' },
  'domain.expiring': { monitorId: 'id', assetId: 'id', domain: 'text', expiresOn: 'date', daysLeft: 'number', registrar: 'text' },
  'heartbeat.late': { monitorId: 'id', monitorName: 'text', lastPingAt: 'instant', expectedBy: 'instant' },
  'renewal.due': { assetId: 'id', assetName: 'text', expiresOn: 'date', daysLeft: 'number', price: 'money', reminder: 'text', late: 'boolean', assigneeId: 'id' },
  'renewal.expired': { assetId: 'id', assetName: 'text', expiredOn: 'date', daysOverdue: 'number', price: 'money', late: 'boolean', assigneeId: 'id' },
  'renewal.cancel-deadline': { assetId: 'id', assetName: 'text', renewalOn: 'date', cancelBy: 'date', daysLeft: 'number', price: 'money', late: 'boolean', assigneeId: 'id' },
  'renewal.task-assigned': { taskId: 'id', assetId: 'id', assetName: 'text', renewalOn: 'date', dueOn: 'date', assigneeId: 'id', assigneeName: 'text' },
  'renewal.task-escalated': { taskId: 'id', assetId: 'id', assetName: 'text', renewalOn: 'date', dueOn: 'date', daysLeft: 'number', assigneeId: 'id', assigneeName: 'text' },
  'renewal.task-pushed': { taskId: 'id', assetId: 'id', assetName: 'text', assetKind: 'text', assetIdentifier: 'text', clientId: 'id', clientName: 'text', renewalOn: 'date', dueOn: 'date', assigneeId: 'id', assigneeName: 'text', url: 'text' },
  'renewal.auto-renew-failed': { assetId: 'id', assetName: 'text', renewalOn: 'date', graceEndedOn: 'date', provider: 'text', assigneeId: 'id' },
  'ticket.created': { ticketId: 'id', title: 'text', severity: 'severity', source: 'text', clientName: 'text', firstResponseDue: 'instant', resolutionDue: 'instant', workStartsAt: 'instant', timeZone: 'text', assigneeId: 'id', url: 'text' },
  'ticket.replied': { ticketId: 'id', title: 'text', severity: 'severity', authorName: 'text', excerpt: 'text', url: 'text' },
  'ticket.client-replied': { ticketId: 'id', title: 'text', severity: 'severity', clientName: 'text', authorName: 'text', excerpt: 'text', assigneeId: 'id', url: 'text' },
  'ticket.assigned': { ticketId: 'id', title: 'text', severity: 'severity', clientName: 'text', assigneeId: 'id', assigneeName: 'text', url: 'text' },
  'ticket.sla-warning': { ticketId: 'id', title: 'text', severity: 'severity', clientName: 'text', clock: 'text', dueAt: 'instant', percentUsed: 'percent', assigneeId: 'id', url: 'text' },
  'ticket.sla-breached': { ticketId: 'id', title: 'text', severity: 'severity', clientName: 'text', clock: 'text', dueAt: 'instant', assigneeId: 'id', url: 'text' },
  'sla.report-ready': { clientName: 'text', month: 'month', uptimePercent: 'percent', guaranteePercent: 'percent', credit: 'money', url: 'text', pdfUrl: 'text' },
  'invoice.issued': { invoiceId: 'id', invoiceNumber: 'text', clientName: 'text', total: 'money', amountDue: 'money', dueOn: 'date', autoCharge: 'boolean', chargeOn: 'date', url: 'text', pdfUrl: 'text' },
  'payment.received': { invoiceId: 'id', invoiceNumber: 'text', amount: 'money', paidAt: 'instant', method: 'text', url: 'text', receiptUrl: 'text' },
  'payment.failed': { invoiceId: 'id', invoiceNumber: 'text', clientName: 'text', amount: 'money', reason: 'text', hardDecline: 'boolean', attempt: 'number', nextRetryOn: 'date', payUrl: 'text', methodsUrl: 'text' },
  'payment.dunning-exhausted': { invoiceId: 'id', invoiceNumber: 'text', clientName: 'text', amountDue: 'money', attempts: 'number', lastReason: 'text', assigneeId: 'id', url: 'text' },
  'charge.awaiting-approval': { invoiceId: 'id', invoiceNumber: 'text', clientName: 'text', amount: 'money', threshold: 'money', chargeOn: 'date', url: 'text' },
  'payment-method.expiring': { clientName: 'text', methodLabel: 'text', validThrough: 'date', nextChargeOn: 'date', methodsUrl: 'text' },
  'channel.broken': { channelId: 'id', channelName: 'text', reason: 'text' },
};

/**
 * Placeholders every event template may use besides its event's fields. `severity` is the event's,
 * except in ticket events, whose own `severity` field (the ticket's) takes its place.
 */
export const COMMON_PLACEHOLDERS = ['recipientName', 'agencyName', 'severity'] as const;
/**
 * Values worked out from an event's fields, where the raw field reads badly: `downtime` (1 hour 5 minutes),
 * `dueIn` (in 30 days, tomorrow, today), `expiredAgo` (3 days ago, yesterday), `reminderLabel` and
 * `reminderNotice` (a renewal or a payment reminder, short for staff and polite for clients), and
 * `lateNote` (a line saying the reminder comes late, or nothing). The desk's: `clockName` (first
 * response or resolution), `workStart` (work starts now, or when support hours open), `resolutionNote`
 * (the resolution target, or that the severity has none), and in a monthly report `uptimeLine` and
 * `creditLine` (each a line of its own, or nothing when there is no figure or no credit). Billing's:
 * `chargeLine` (when an invoice is charged automatically, or nothing), `retryNote` (when a failed
 * payment is tried again, or that it is not), `methodLine` and `receiptLine` (the method paid with and
 * the receipt, or nothing), `thresholdLine` (the approval threshold a charge is above, or nothing).
 */
export const DERIVED_PLACEHOLDERS: Partial<Record<EventType, readonly string[]>> = {
  'incident.resolved': ['downtime'],
  'renewal.due': ['reminderLabel', 'reminderNotice', 'dueIn', 'lateNote'],
  'renewal.expired': ['expiredAgo', 'lateNote'],
  'renewal.cancel-deadline': ['dueIn', 'lateNote'],
  'renewal.task-escalated': ['dueIn'],
  'ticket.created': ['workStart', 'resolutionNote'],
  'ticket.sla-warning': ['clockName'],
  'ticket.sla-breached': ['clockName'],
  'sla.report-ready': ['uptimeLine', 'creditLine'],
  'invoice.issued': ['chargeLine'],
  'payment.received': ['methodLine', 'receiptLine'],
  'payment.failed': ['retryNote'],
  'charge.awaiting-approval': ['thresholdLine'],
};

export function placeholdersFor(eventType: EventType): string[] {
  return [...COMMON_PLACEHOLDERS, ...Object.keys(EVENT_FIELDS[eventType]), ...(DERIVED_PLACEHOLDERS[eventType] ?? [])];
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** `sv-SE`, `SV`, `sv_se` → `sv`; anything we have no templates for → `en`. */
export function templateLocale(raw: string | null | undefined): Locale {
  const language = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : 'en';
}

export interface TemplateText {
  subject: string;
  text: string;
  /** Null: the HTML part is made from the text. */
  html: string | null;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholder names a template uses, and any `{{` that is not a well-formed placeholder. */
export function scanPlaceholders(template: string): { names: string[]; malformed: boolean } {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const rest = template.replace(PLACEHOLDER, '');
  return { names, malformed: rest.includes('{{') || rest.includes('}}') };
}

/** Field errors for a template of `eventType`: unknown placeholders, broken braces, empty parts. */
export function validateTemplate(allowed: readonly string[], template: TemplateText, prefix = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  const parts: [keyof TemplateText, string | null][] = [['subject', template.subject], ['text', template.text], ['html', template.html]];
  for (const [part, value] of parts) {
    if (value === null) continue;
    if (part !== 'html' && value.trim() === '') errors.push({ field: `${prefix}.${part}`, message: 'must not be empty' });
    const { names, malformed } = scanPlaceholders(value);
    const unknown = [...new Set(names.filter((n) => !allowed.includes(n)))];
    if (unknown.length > 0) {
      errors.push({ field: `${prefix}.${part}`, message: `uses unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')}; known: ${allowed.join(', ')}` });
    }
    if (malformed) errors.push({ field: `${prefix}.${part}`, message: 'has a "{{" or "}}" that is not a placeholder such as {{monitorName}}' });
  }
  return errors;
}

/** Fills the placeholders; `escape` is applied to every value (HTML), never to the template. */
export function fill(template: string, values: Readonly<Record<string, string>>, escape: (v: string) => string = (v) => v): string {
  return template.replace(PLACEHOLDER, (_, name: string) => escape(values[name] ?? ''));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

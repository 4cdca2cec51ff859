import type { PolicyField, RenewalPolicy } from './api.ts';

/**
 * The policy form holds text as typed. Blank means "inherited" in an override (and "none" for
 * the fields that may be null in the default); what cannot be read as a number is sent as typed,
 * so the server's message lands at the field instead of the form guessing.
 */
export type PolicyDraft = Record<PolicyField, string>;

export const LIST_FIELDS: PolicyField[] = ['reminderOffsets', 'cancellationReminderOffsets', 'paymentReminderOffsets'];
export const NUMBER_FIELDS: PolicyField[] = ['expiredReminderDays', 'taskLeadDays', 'escalateDaysBefore', 'cancellationNoticeDays', 'autoRenewGraceDays'];
export const NULLABLE_FIELDS: PolicyField[] = ['fallbackAssigneeId', 'escalateDaysBefore', 'cancellationNoticeDays'];
/** Typed into a nullable field of an override to set it to "never" / "none" rather than inherit. */
export const NONE = 'none';

export function draftOf(policy: Partial<RenewalPolicy>): PolicyDraft {
  const draft = {} as PolicyDraft;
  for (const field of [...LIST_FIELDS, ...NUMBER_FIELDS, 'reminderTime', 'fallbackAssigneeId'] as PolicyField[]) {
    const value = policy[field];
    draft[field] = value === undefined ? '' : value === null ? NONE : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return draft;
}

const number = (text: string): number | string => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());

function valueOf(field: PolicyField, text: string): unknown {
  if (text.trim() === NONE) return null;
  if (LIST_FIELDS.includes(field)) return text.split(/[\s,;]+/).filter(Boolean).map(number);
  if (NUMBER_FIELDS.includes(field)) return number(text);
  return text.trim();
}

/** The whole default policy: a blank nullable field is "none", a blank list is an empty list. */
export function policyFromDraft(draft: PolicyDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(draft) as [PolicyField, string][]) {
    body[field] = text.trim() === '' ? (NULLABLE_FIELDS.includes(field) ? null : LIST_FIELDS.includes(field) ? [] : '') : valueOf(field, text);
  }
  return body;
}

/** Only the fields filled in: the rest are inherited. */
export function overrideFromDraft(draft: PolicyDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(draft) as [PolicyField, string][]) if (text.trim() !== '') body[field] = valueOf(field, text);
  return body;
}

/** `date` plus `days` (negative for earlier), `YYYY-MM-DD`. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface DraftPreview {
  reminders: string[];
  taskOn: string | null;
  escalateOn: string | null;
}

/** What the policy being edited would do for a renewal on `renewalOn` (an asset paid by hand, no notice period). */
export function previewOf(policy: Record<string, unknown>, renewalOn: string): DraftPreview {
  const offsets = Array.isArray(policy.reminderOffsets) ? policy.reminderOffsets.filter((n): n is number => typeof n === 'number') : [];
  const lead = typeof policy.taskLeadDays === 'number' ? policy.taskLeadDays : null;
  const escalate = typeof policy.escalateDaysBefore === 'number' ? policy.escalateDaysBefore : null;
  return {
    reminders: [...new Set(offsets)].sort((a, b) => b - a).map((n) => shiftDate(renewalOn, -n)),
    taskOn: lead === null ? null : shiftDate(renewalOn, -lead),
    escalateOn: escalate === null ? null : shiftDate(renewalOn, -escalate),
  };
}

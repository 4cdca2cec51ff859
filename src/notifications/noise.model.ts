import type { Severity } from './events.ts';
import { isResolution, severityRank } from './routing.model.ts';

/**
 * Noise control: what the dispatcher does with an event before routing it. A repeat of an open
 * problem with nothing new is dropped, a problem under a parent that was already told about is
 * folded under the parent, a resolution always goes out; digestable types wait for the digest.
 */
export interface SubjectState {
  subjectKey: string;
  state: 'open' | 'resolved';
  groupKey: string | null;
  /** Folded under its parent: nobody was told about this subject itself. */
  grouped: boolean;
  lastType: string;
  lastSeverity: Severity;
  notifiedAt: string | null;
}

export interface NoisyEvent {
  type: string;
  severity: Severity;
  groupKey: string | null;
}

export type Verdict =
  | { kind: 'resolution' }
  | { kind: 'repeat' }
  | { kind: 'grouped'; parentKey: string }
  | { kind: 'new' };

/**
 * Types where each event is news: an update carries something a person wrote, and renewal reminders
 * and tasks are sent once each by their publisher (the 30-day, 7-day and 1-day reminders of one
 * renewal share its subject, so acknowledging the renewal covers them all, yet each must go out).
 */
const ALWAYS_NEW: readonly string[] = [
  'incident.updated',
  // Each dunning step is news to the client, whatever key a publisher gives it.
  'payment.failed',
  'renewal.due',
  'renewal.expired',
  'renewal.cancel-deadline',
  'renewal.task-assigned',
  'renewal.task-escalated',
  'renewal.auto-renew-failed',
];

/**
 * A repeat says nothing new: the subject is still open, it was not folded under a parent (then
 * nobody heard of it yet), the type is the same and the severity did not rise.
 */
export function isRepeat(subject: SubjectState | null, event: NoisyEvent): boolean {
  if (!subject || subject.state !== 'open' || subject.grouped) return false;
  if (ALWAYS_NEW.includes(event.type) || subject.lastType !== event.type) return false;
  return severityRank(event.severity) <= severityRank(subject.lastSeverity);
}

/** The parent was told about and is still open: its children ride along in its message. */
export function foldsUnder(parent: SubjectState | null): boolean {
  return parent !== null && parent.state === 'open' && parent.notifiedAt !== null;
}

export function classify(event: NoisyEvent, subject: SubjectState | null, parent: SubjectState | null): Verdict {
  if (isResolution(event.type)) return { kind: 'resolution' };
  if (event.groupKey && foldsUnder(parent)) return { kind: 'grouped', parentKey: event.groupKey };
  if (isRepeat(subject, event)) return { kind: 'repeat' };
  return { kind: 'new' };
}

/**
 * Collected into digests unless a person chose otherwise: reminders weeks ahead and renewal tasks
 * handed out a month before they are due (a sweep may hand out dozens at once), not lapses,
 * escalations or failed auto-renewals, which want doing now.
 */
export const DEFAULT_DIGEST_TYPES: readonly string[] = ['renewal.due', 'renewal.task-assigned'];

/** A critical event never waits for a digest or for quiet hours to end. */
export function isUrgent(severity: Severity): boolean {
  return severity === 'critical';
}

export function goesToDigest(digestTypes: readonly string[], event: { type: string; severity: Severity; data?: unknown }): boolean {
  return digestTypes.includes(event.type) && !isUrgent(event.severity) && !dueWithinADay(event.data);
}

/**
 * A daily digest can come a day later (a reminder sent at 08:00 misses the 08:00 digest): what is
 * due today or tomorrow (`daysLeft` ≤ 1) cannot wait for it.
 */
function dueWithinADay(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const daysLeft = (data as { daysLeft?: unknown }).daysLeft;
  return typeof daysLeft === 'number' && daysLeft <= 1;
}

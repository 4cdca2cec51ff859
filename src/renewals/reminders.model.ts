import { DateTime } from 'luxon';
import { monthsPerCycle, type Asset, type BillingCycle } from '../registry/assets.model.ts';
import type { RenewalPolicy } from './policy.model.ts';

/**
 * The reminder schedule of one renewal: which reminders are due at an instant, the date after a
 * renewal, when the renewal task exists and when it is escalated. Reminder days are calendar
 * dates counted from the renewal date; each fires at the policy's local time in the recipient's
 * IANA time zone, so 08:00 stays 08:00 across DST. Pure functions of (facts, policy, now).
 */
export type RenewalFacts = Pick<Asset, 'id' | 'status' | 'expiresOn' | 'autoRenew'>;

/** renewal: before the date; expired: daily after it; cancel: before the notice deadline; pay: before the date. */
export type ReminderKind = 'renewal' | 'expired' | 'cancel' | 'pay';

export interface DueReminder {
  /** Stable across sweeps: asset, renewal date, kind and offset. The sweep stores it to send once. */
  key: string;
  assetId: string;
  kind: ReminderKind;
  renewalOn: string;
  /** Days before the reminder's target date (renewal or cancellation deadline); for `expired`, days after the renewal date. */
  offsetDays: number;
  /** The local date the reminder belongs to. */
  remindOn: string;
  /** The instant it was meant to go out (ISO, UTC). */
  fireAt: string;
  /** Its day had passed by the time it came: the service was down on that day. */
  late: boolean;
  /** For `cancel`: the last day the contract can be cancelled. */
  cancelBy?: string;
}

/** One reminder day of a renewal. */
export interface ReminderSlot {
  kind: ReminderKind;
  offsetDays: number;
  remindOn: string;
  /** Past this local date a missed reminder has nothing left to say and is dropped. */
  staleAfter: string;
  cancelBy?: string;
}

/** Statuses that still call for reminders; renewing, cancelled and retired assets are dealt with. */
const REMINDED_STATUSES: readonly Asset['status'][] = ['active', 'expiring', 'expired'];

const twoDigits = (v: number) => (v < 10 ? `0${v}` : `${v}`);

/**
 * `date` plus `n` calendar days (negative for earlier), as `YYYY-MM-DD`. Plain UTC date arithmetic
 * rather than Luxon or ISO parsing and formatting: a sweep calls this millions of times.
 */
export function addDays(date: string, n: number): string {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + n));
  return `${day.getUTCFullYear()}-${twoDigits(day.getUTCMonth() + 1)}-${twoDigits(day.getUTCDate())}`;
}

/**
 * The renewal date after `expiresOn`, one billing cycle later; null for a one-off purchase.
 * Months are added clamping to the month end: Jan 31 + 1 month is Feb 28 (29 in a leap year),
 * a yearly renewal on Feb 29 falls on Feb 28 in a non-leap year.
 */
export function nextRenewalDate(expiresOn: string, billingCycle: BillingCycle, cycleMonths: number | null): string | null {
  const months = monthsPerCycle(billingCycle, cycleMonths);
  if (months === null) return null;
  // Luxon clamps an overflowing day to the last day of the target month, which is the rule we want.
  return DateTime.fromISO(expiresOn, { zone: 'utc' }).plus({ months }).toISODate();
}

/** Reminder days of one kind, each `offset` days before `target`. */
function before(kind: ReminderKind, offsets: readonly number[], target: string, extra: Partial<ReminderSlot> = {}): ReminderSlot[] {
  return offsets.map((offsetDays) => ({ kind, offsetDays, remindOn: addDays(target, -offsetDays), staleAfter: target, ...extra }));
}

/** "Daily while expired", as an explicit, capped list: 1..N days after the renewal date. */
function expiredSlots(renewalOn: string, daysAfter: number): ReminderSlot[] {
  const last = addDays(renewalOn, daysAfter);
  return Array.from({ length: daysAfter }, (_, i) => ({ kind: 'expired' as const, offsetDays: i + 1, remindOn: addDays(renewalOn, i + 1), staleAfter: last }));
}

/**
 * Every reminder day of the renewal on `renewalOn`. Cancellation reminders only concern
 * auto-renewing contracts (the others end by themselves when nobody pays); pay reminders only
 * those that are not paid automatically.
 */
export function reminderSchedule(facts: Pick<RenewalFacts, 'autoRenew'>, renewalOn: string, policy: RenewalPolicy): ReminderSlot[] {
  const slots = [...before('renewal', policy.reminderOffsets, renewalOn), ...expiredSlots(renewalOn, policy.expiredReminderDays)];
  if (facts.autoRenew && policy.cancellationNoticeDays !== null) {
    const cancelBy = addDays(renewalOn, -policy.cancellationNoticeDays);
    slots.push(...before('cancel', policy.cancellationReminderOffsets, cancelBy, { cancelBy }));
  }
  if (!facts.autoRenew) slots.push(...before('pay', policy.paymentReminderOffsets, renewalOn));
  return slots;
}

// Thousands of assets share a reminder day and a time zone; Luxon's zone arithmetic is the costly part.
const localInstants = new Map<string, DateTime>();

/** The instant local date `date` reaches wall-clock `clock` in `zone`; a time in a DST gap moves forward, as clocks do. */
export function localInstant(date: string, clock: string, zone: string): DateTime {
  const cacheKey = `${date}|${clock}|${zone}`;
  const cached = localInstants.get(cacheKey);
  if (cached) return cached;
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const instant = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (localInstants.size >= 10_000) localInstants.clear();
  localInstants.set(cacheKey, instant);
  return instant;
}

// A sweep asks for the same few (instant, zone) pairs once per asset; converting is the costly part.
const localNows = new Map<string, DateTime>();

/** `now` in `zone`; an unknown zone is a bug upstream (zones are validated on input), not a day to skip silently. */
function localNow(now: Date, zone: string): DateTime {
  const cacheKey = `${now.getTime()}|${zone}`;
  const cached = localNows.get(cacheKey);
  if (cached) return cached;
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  if (localNows.size >= 1000) localNows.clear();
  localNows.set(cacheKey, local);
  return local;
}

function reminderKey(assetId: string, renewalOn: string, kind: ReminderKind, offsetDays: number): string {
  return `${assetId}/${renewalOn}/${kind}/${offsetDays}`;
}

/**
 * The reminders due at `now` that no earlier sweep produced: those whose firing instant lies
 * in (lastSweepAt, now]. After an outage only the most recent missed reminder of each kind
 * comes, marked late — a burst of "60 days left", "30 days left" a week too late helps nobody —
 * and none whose target date has passed. With no earlier sweep, the most recent passed one of
 * each kind comes, so a newly added asset starts with where it stands.
 */
export function dueReminders(facts: RenewalFacts, policy: RenewalPolicy, lastSweepAt: Date | null, now: Date, timeZone: string): DueReminder[] {
  if (!facts.expiresOn || !REMINDED_STATUSES.includes(facts.status)) return [];
  const local = localNow(now, timeZone);
  const today = local.toISODate()!;
  // A reminder fires on its local day (or just after, out of a DST gap): days after today, or over
  // a day before the last sweep's local day, cannot be in the window. Dropping them by date first
  // spares the costly time-zone arithmetic for all but a few days.
  const since = lastSweepAt === null ? null : addDays(localNow(lastSweepAt, timeZone).toISODate()!, -1);
  const candidates = reminderSchedule(facts, facts.expiresOn, policy)
    .filter((slot) => slot.remindOn <= today && today <= slot.staleAfter && (since === null || slot.remindOn >= since))
    // Latest day first: the first of a kind that has fired is the one to send (same clock time, later day, later instant).
    .sort((a, b) => (a.remindOn < b.remindOn ? 1 : a.remindOn > b.remindOn ? -1 : 0));
  const latest = new Map<ReminderKind, { slot: ReminderSlot; fireAt: DateTime }>();
  for (const slot of candidates) {
    if (latest.has(slot.kind)) continue;
    const fireAt = localInstant(slot.remindOn, policy.reminderTime, timeZone);
    if (fireAt > local || (lastSweepAt !== null && fireAt.toMillis() <= lastSweepAt.getTime())) continue;
    latest.set(slot.kind, { slot, fireAt });
  }
  return [...latest.values()].map(({ slot, fireAt }) => toReminder(facts.id, facts.expiresOn!, slot, fireAt, today));
}

function toReminder(assetId: string, renewalOn: string, slot: ReminderSlot, fireAt: DateTime, today: string): DueReminder {
  const reminder: DueReminder = {
    key: reminderKey(assetId, renewalOn, slot.kind, slot.offsetDays),
    assetId,
    kind: slot.kind,
    renewalOn,
    offsetDays: slot.offsetDays,
    remindOn: slot.remindOn,
    fireAt: fireAt.toUTC().toISO()!,
    late: slot.remindOn < today,
  };
  if (slot.cancelBy) reminder.cancelBy = slot.cancelBy;
  return reminder;
}

export interface RenewalTaskDue {
  /** Stable per renewal, so the sweep creates one task per renewal date. */
  key: string;
  renewalOn: string;
  /** The local date the task is created on: lead-time days before it is due. */
  createOn: string;
  /** When the decision must be made: the cancellation deadline if that comes first, else the renewal date. */
  dueOn: string;
}

/** Statuses for which a renewal task is wanted: renewing is the task being worked on. */
const TASK_STATUSES: readonly Asset['status'][] = ['active', 'expiring', 'expired', 'renewing'];

/**
 * The renewal task that should exist at `now`, or null (no date, not yet within the lead time,
 * or the asset is cancelled or retired). It stays wanted after the date has passed, until the
 * renewal moves `expiresOn` on.
 */
export function taskDue(facts: RenewalFacts, policy: RenewalPolicy, now: Date, timeZone = 'UTC'): RenewalTaskDue | null {
  if (!facts.expiresOn || !TASK_STATUSES.includes(facts.status)) return null;
  const renewalOn = facts.expiresOn;
  const cancelBy = facts.autoRenew && policy.cancellationNoticeDays !== null ? addDays(renewalOn, -policy.cancellationNoticeDays) : null;
  const dueOn = cancelBy !== null && cancelBy < renewalOn ? cancelBy : renewalOn;
  // The lead time counts back from when the decision is due, so a long notice period still leaves time to decide.
  const createOn = addDays(dueOn, -policy.taskLeadDays);
  if (localNow(now, timeZone).toISODate()! < createOn) return null;
  return { key: `${facts.id}/${renewalOn}/task`, renewalOn, createOn, dueOn };
}

export interface RenewalTaskState {
  assetId: string;
  renewalOn: string;
  /** As given by `taskDue`. */
  dueOn: string;
  open: boolean;
}

export interface EscalationDue {
  /** Stable per renewal: a task is escalated once. */
  key: string;
  escalateOn: string;
}

/** Whether a still-open renewal task is to be escalated at `now`: from N days before it is due. */
export function escalationDue(task: RenewalTaskState, policy: RenewalPolicy, now: Date, timeZone = 'UTC'): EscalationDue | null {
  if (!task.open || policy.escalateDaysBefore === null) return null;
  const escalateOn = addDays(task.dueOn, -policy.escalateDaysBefore);
  if (localNow(now, timeZone).toISODate()! < escalateOn) return null;
  return { key: `${task.assetId}/${task.renewalOn}/escalation`, escalateOn };
}

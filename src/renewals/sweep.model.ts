import { DateTime } from 'luxon';
import type { Asset, AssetKind, AssetStatus } from '../registry/assets.model.ts';
import { effectivePolicy, type PolicyLayer, type RenewalPolicy } from './policy.model.ts';
import { addDays, dueReminders, escalationDue, reminderSchedule, taskDue, type DueReminder, type RenewalTaskDue } from './reminders.model.ts';

/**
 * The renewal sweep's pure rules: which expiry dates it must read, the policy of each asset
 * (resolved from an index, since a million assets cannot each filter every override), a cheap
 * test of whether a reminder can be due at all, and what the sweep does with one asset or one
 * open task. Reminder days, tasks and escalations themselves are decided by reminders.model.ts.
 */
export interface SweepCounts {
  /** Assets read inside the window. */
  assets: number;
  /** Reminders sent (each once), of which `late` came after their day. */
  reminders: number;
  late: number;
  /** Renewal tasks created. */
  tasks: number;
  escalations: number;
  /** Snoozed tasks whose day came, back to open. */
  snoozesEnded: number;
  autoRenewFailed: number;
  /** Failed auto-renewals resolved because the expiry moved on after all. */
  autoRenewVerified: number;
  /** Open tasks of auto-renewing assets closed as renewed. */
  tasksClosed: number;
  ms: number;
}

export function emptyCounts(): SweepCounts {
  return { assets: 0, reminders: 0, late: 0, tasks: 0, escalations: 0, snoozesEnded: 0, autoRenewFailed: 0, autoRenewVerified: 0, tasksClosed: 0, ms: 0 };
}

/** Statuses the sweep reads: the ones with reminders, and renewing (its task may be escalated). */
export const SWEPT_STATUSES: readonly AssetStatus[] = ['active', 'expiring', 'expired', 'renewing'];

/** Task states still being worked on. */
export const WORKING_TASK_STATES = ['open', 'in_progress', 'snoozed'] as const;

/** A person's local date is at most a day off the UTC date (UTC−12 … UTC+14); one more day of slack for DST gaps. */
export const LOCAL_DAY_MARGIN = 2;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(date) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const maxOf = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), 0);

/**
 * The expiry dates (UTC calendar dates) any policy could still act on today: back as far as the
 * daily "expired" reminders and the auto-renew grace reach, ahead as far as the earliest reminder,
 * the task's lead time before a notice deadline, or a cancellation reminder before it. Fields are
 * maximised one by one over the default and every override, since overrides of a client and of a
 * kind combine (one may lengthen the lead time, the other the notice period).
 */
export function sweepWindow(policies: readonly RenewalPolicy[], today: string): { from: string; to: string } {
  let back = 0;
  let reminder = 0;
  let lead = 0;
  let notice = 0;
  let cancel = 0;
  for (const p of policies) {
    back = Math.max(back, p.expiredReminderDays, p.autoRenewGraceDays + 1);
    reminder = Math.max(reminder, maxOf(p.reminderOffsets), maxOf(p.paymentReminderOffsets));
    lead = Math.max(lead, p.taskLeadDays);
    notice = Math.max(notice, p.cancellationNoticeDays ?? 0);
    cancel = Math.max(cancel, maxOf(p.cancellationReminderOffsets));
  }
  const ahead = Math.max(reminder, lead + notice, notice + cancel);
  return { from: addDays(today, -back - LOCAL_DAY_MARGIN), to: addDays(today, ahead + LOCAL_DAY_MARGIN) };
}

/** Every policy an asset could be under: the default, and the default with each override laid over it. */
export function policiesInForce(base: RenewalPolicy, layers: readonly PolicyLayer[]): RenewalPolicy[] {
  return [base, ...layers.map((layer) => effectivePolicy(base, [layer]))];
}

export type PolicyFor = (asset: Pick<Asset, 'id' | 'clientId' | 'kind'>) => RenewalPolicy;

/**
 * `effectivePolicy(base, layersFor(asset, layers))`, answered from maps by client, kind and asset,
 * and remembered per combination of overrides that applies: most assets share a handful.
 */
export function policyResolver(base: RenewalPolicy, layers: readonly PolicyLayer[]): PolicyFor {
  const byClient = new Map<string, PolicyLayer[]>();
  const byKind = new Map<AssetKind, PolicyLayer[]>();
  const byAsset = new Map<string, PolicyLayer[]>();
  const add = <K>(map: Map<K, PolicyLayer[]>, key: K, layer: PolicyLayer) => map.set(key, [...(map.get(key) ?? []), layer]);
  for (const layer of layers) {
    const { target } = layer;
    if (target.scope === 'client') add(byClient, target.clientId, layer);
    else if (target.scope === 'kind') add(byKind, target.kind, layer);
    else add(byAsset, target.assetId, layer);
  }
  const combined = new Map<string, RenewalPolicy>();
  return (asset) => {
    const client = byClient.get(asset.clientId);
    const kind = byKind.get(asset.kind);
    const own = byAsset.get(asset.id);
    if (!client && !kind && !own) return base;
    const key = `${client ? asset.clientId : ''}|${kind ? asset.kind : ''}|${own ? asset.id : ''}`;
    let policy = combined.get(key);
    if (!policy) {
      policy = effectivePolicy(base, [...(client ?? []), ...(kind ?? []), ...(own ?? [])]);
      combined.set(key, policy);
    }
    return policy;
  };
}

// Days relative to the renewal date (negative before it) on which a policy has reminders, per policy object.
const reminderDayCache = new WeakMap<RenewalPolicy, { autoRenew: number[]; byHand: number[] }>();
const REFERENCE_DAY = '2000-01-01';

/** The days, counted from the renewal date, on which `policy` has a reminder for such an asset. */
export function reminderDays(policy: RenewalPolicy, autoRenew: boolean): number[] {
  let days = reminderDayCache.get(policy);
  if (!days) {
    const of = (auto: boolean) => [...new Set(reminderSchedule({ autoRenew: auto }, REFERENCE_DAY, policy).map((slot) => daysBetween(REFERENCE_DAY, slot.remindOn)))].sort((a, b) => a - b);
    days = { autoRenew: of(true), byHand: of(false) };
    reminderDayCache.set(policy, days);
  }
  return autoRenew ? days.autoRenew : days.byHand;
}

/**
 * Whether a reminder of the renewal on day `renewalDay` can fall on a day in [fromDay, toDay]
 * (day numbers; `fromDay` null: no lower bound). A necessary condition only: the sweep asks
 * dueReminders about the assets that pass, and skips the costly zone arithmetic for the rest.
 */
export function mayRemind(renewalDay: number, days: readonly number[], fromDay: number | null, toDay: number): boolean {
  for (const d of days) {
    const day = renewalDay + d;
    if (day > toDay) return false;
    if (fromDay === null || day >= fromDay) return true;
  }
  return false;
}

/** Local dates of one instant, per time zone, remembered: a sweep meets few zones. */
export function localDates(now: Date): (zone: string) => string {
  const dates = new Map<string, string>();
  return (zone) => {
    let date = dates.get(zone);
    if (date === undefined) {
      const local = DateTime.fromJSDate(now, { zone });
      if (!local.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
      date = local.toISODate()!;
      dates.set(zone, date);
    }
    return date;
  };
}

/** The facts about one asset inside the window that the sweep decides on. */
export interface SweptAsset {
  id: string;
  clientId: string;
  kind: AssetKind;
  name: string;
  status: AssetStatus;
  expiresOn: string;
  autoRenew: boolean;
  ownerId: string | null;
  providerId: string | null;
  currency: string;
  renewalAmount: number | null;
  costAmount: number | null;
}

export interface SweepMoment {
  now: Date;
  lastSweepAt: Date | null;
  /** Day numbers of the UTC dates bounding when a reminder can fall due in (lastSweepAt, now]. */
  fromDay: number | null;
  toDay: number;
}

export function sweepMoment(now: Date, lastSweepAt: Date | null): SweepMoment {
  const utcDay = (at: Date) => Math.floor(at.getTime() / DAY_MS);
  return { now, lastSweepAt, fromDay: lastSweepAt === null ? null : utcDay(lastSweepAt) - LOCAL_DAY_MARGIN, toDay: utcDay(now) + LOCAL_DAY_MARGIN };
}

export interface AssetVerdict {
  reminders: DueReminder[];
  /** The renewal task that should exist by now (the sweep creates it unless it does). */
  task: RenewalTaskDue | null;
  /** The auto-renewal whose grace ended with the expiry unmoved. */
  autoRenewFailed: { renewalOn: string; graceEndedOn: string } | null;
}

/** What the sweep does about one asset under `policy`, with its reminders in `timeZone` (whose date is `today`). */
export function judgeAsset(asset: SweptAsset, policy: RenewalPolicy, moment: SweepMoment, timeZone: string, today: string): AssetVerdict {
  const facts = { id: asset.id, status: asset.status, expiresOn: asset.expiresOn, autoRenew: asset.autoRenew };
  const canRemind = mayRemind(dayNumber(asset.expiresOn), reminderDays(policy, asset.autoRenew), moment.fromDay, moment.toDay);
  const reminders = canRemind ? dueReminders(facts, policy, moment.lastSweepAt, moment.now, timeZone) : [];
  const graceEndedOn = addDays(asset.expiresOn, policy.autoRenewGraceDays);
  // Past the grace period with the expiry unmoved: the registrar or vendor did not renew.
  const autoRenewFailed = asset.autoRenew && graceEndedOn < today ? { renewalOn: asset.expiresOn, graceEndedOn } : null;
  return { reminders, task: taskDue(facts, policy, moment.now, timeZone), autoRenewFailed };
}

/** An open task with what the sweep needs of its asset. */
export interface WorkingTask {
  id: string;
  renewalOn: string;
  dueOn: string;
  state: (typeof WORKING_TASK_STATES)[number];
  snoozedUntil: string | null;
  escalatedAt: string | null;
  asset: Pick<SweptAsset, 'id' | 'clientId' | 'kind'> & { status: AssetStatus; expiresOn: string | null; autoRenew: boolean };
}

export interface TaskVerdict {
  /** The snooze day came: back to open. */
  wake: boolean;
  escalate: boolean;
}

/**
 * What an open task needs today. Only a task still standing for the asset's current renewal is
 * escalated: once the expiry has moved on, the renewal it was about has happened.
 */
export function judgeTask(task: WorkingTask, policy: RenewalPolicy, now: Date, timeZone: string, today: string): TaskVerdict {
  const wake = task.state === 'snoozed' && (task.snoozedUntil === null || task.snoozedUntil <= today);
  const current = task.asset.expiresOn === task.renewalOn && SWEPT_STATUSES.includes(task.asset.status);
  const escalation = task.escalatedAt === null && current ? escalationDue({ assetId: task.asset.id, renewalOn: task.renewalOn, dueOn: task.dueOn, open: true }, policy, now, timeZone) : null;
  return { wake, escalate: escalation !== null };
}

/** An auto-renewing asset whose expiry moved past the renewal date: the renewal happened. */
export function autoRenewVerified(asset: { autoRenew: boolean; expiresOn: string | null }, renewalOn: string): boolean {
  return asset.autoRenew && asset.expiresOn !== null && asset.expiresOn > renewalOn;
}

import { escalationDue, reminderSchedule, taskDue, type ReminderSlot } from './reminders.model.ts';
import { effectivePolicy, type PolicyLayer, type PolicyScope, type RenewalPolicy } from './policy.model.ts';

/**
 * What a person sees of a policy in force: each field with the layer it came from, and the
 * schedule it produces for one renewal. Pure: the same rules the sweep applies, read back.
 */
export type PolicySource = 'default' | PolicyScope;

export type PolicySources = Record<keyof RenewalPolicy, PolicySource>;

const ORDER: readonly PolicyScope[] = ['client', 'kind', 'asset'];

/** For each field, the most specific layer that sets it, else `default`. */
export function policySources(base: RenewalPolicy, layers: readonly PolicyLayer[]): PolicySources {
  const sources = Object.fromEntries(Object.keys(base).map((field) => [field, 'default'])) as PolicySources;
  const ordered = [...layers].sort((a, b) => ORDER.indexOf(a.target.scope) - ORDER.indexOf(b.target.scope));
  for (const { target, override } of ordered) {
    for (const [field, value] of Object.entries(override)) {
      if (value !== undefined && field in sources) sources[field as keyof RenewalPolicy] = target.scope;
    }
  }
  return sources;
}

export interface SchedulePreview {
  renewalOn: string;
  reminders: Pick<ReminderSlot, 'kind' | 'offsetDays' | 'remindOn' | 'cancelBy'>[];
  /** The local date the renewal task is created. */
  taskCreateOn: string;
  /** When the decision is due: the cancellation deadline when it comes first, else the renewal date. */
  taskDueOn: string;
  /** Null when the policy never escalates. */
  escalateOn: string | null;
}

/**
 * The schedule of the renewal on `renewalOn` under `policy`, in date order. Asks the sweep's own
 * rules at an instant where they must answer (the renewal day itself), so the preview cannot
 * drift from what the sweep does.
 */
export function schedulePreview(autoRenew: boolean, renewalOn: string, policy: RenewalPolicy): SchedulePreview {
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  const task = taskDue({ id: 'preview', status: 'active', expiresOn: renewalOn, autoRenew }, policy, noon(renewalOn))!;
  const escalation = escalationDue({ assetId: 'preview', renewalOn, dueOn: task.dueOn, open: true }, policy, noon(task.dueOn));
  const reminders = reminderSchedule({ autoRenew }, renewalOn, policy)
    .map(({ kind, offsetDays, remindOn, cancelBy }) => (cancelBy ? { kind, offsetDays, remindOn, cancelBy } : { kind, offsetDays, remindOn }))
    .sort((a, b) => a.remindOn.localeCompare(b.remindOn) || a.kind.localeCompare(b.kind));
  return { renewalOn, reminders, taskCreateOn: task.createOn, taskDueOn: task.dueOn, escalateOn: escalation?.escalateOn ?? null };
}

/** The policy in force for a target and where each field comes from. */
export function explainPolicy(base: RenewalPolicy, layers: readonly PolicyLayer[]): { policy: RenewalPolicy; sources: PolicySources } {
  return { policy: effectivePolicy(base, layers), sources: policySources(base, layers) };
}


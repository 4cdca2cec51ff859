import { z } from 'zod';
import type { Asset, AssetKind } from '../registry/assets.model.ts';
import type { Project } from '../registry/clients.model.ts';

/**
 * Renewal policies: when reminders go out before a renewal, when the renewal task is created,
 * who gets it and when it is escalated. The agency has one default policy; a client, an asset
 * kind or a single asset may override any field of it, and the most specific override wins,
 * field by field. Pure rules, no I/O.
 */
export interface RenewalPolicy {
  /** Days before the renewal date a reminder goes out (0 = on the day); largest first. */
  reminderOffsets: number[];
  /** Once the date has passed unrenewed: one reminder a day for this many days (0 = none). */
  expiredReminderDays: number;
  /** `HH:mm`: reminders go out at this local time in the recipient's time zone. */
  reminderTime: string;
  /** Days before the renewal date the renewal task is created. */
  taskLeadDays: number;
  /** Who gets the task when the asset has no owner and its project no manager. */
  fallbackAssigneeId: string | null;
  /** Escalate a task still open this many days before the renewal date; null: never. */
  escalateDaysBefore: number | null;
  /**
   * Notice period of an auto-renewing contract: it can only be cancelled up to this many days
   * before renewal. Null: it can be cancelled any time, so no "decide whether to cancel" reminders.
   */
  cancellationNoticeDays: number | null;
  /** Days before the cancellation deadline a "decide whether to cancel" reminder goes out. */
  cancellationReminderOffsets: number[];
  /** Days before the renewal date a "pay" reminder goes out, for assets not renewed automatically. */
  paymentReminderOffsets: number[];
  /**
   * Days after the renewal date an auto-renewing asset's expiry must have moved on (seen by a
   * domain or TLS check, or confirmed by a person) before "auto-renew failed" is raised. Small,
   * so the alert comes while the registrar's or provider's own grace period still saves the service.
   */
  autoRenewGraceDays: number;
}

export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = Object.freeze({
  reminderOffsets: [60, 30, 14, 7, 3, 1, 0],
  expiredReminderDays: 30,
  reminderTime: '08:00',
  taskLeadDays: 30,
  fallbackAssigneeId: null,
  escalateDaysBefore: 7,
  cancellationNoticeDays: null,
  cancellationReminderOffsets: [14, 7, 1, 0],
  paymentReminderOffsets: [7, 1],
  autoRenewGraceDays: 3,
}) as RenewalPolicy;

/** An override: a field left out (undefined) is inherited from the less specific layers. */
export type PolicyOverride = Partial<RenewalPolicy>;

export const POLICY_SCOPES = ['client', 'kind', 'asset'] as const;
export type PolicyScope = (typeof POLICY_SCOPES)[number];

/** Where an override applies: to every asset of a client, of a kind, or to one asset. */
export type PolicyTarget = { scope: 'client'; clientId: string } | { scope: 'kind'; kind: AssetKind } | { scope: 'asset'; assetId: string };

export interface PolicyLayer {
  target: PolicyTarget;
  override: PolicyOverride;
}

/** Least specific first: a later scope overrides an earlier one. */
const SPECIFICITY: Record<PolicyScope, number> = { client: 0, kind: 1, asset: 2 };

/** The overrides among `layers` that apply to `asset`. */
export function layersFor(asset: Pick<Asset, 'id' | 'clientId' | 'kind'>, layers: readonly PolicyLayer[]): PolicyLayer[] {
  return layers.filter(({ target }) => {
    switch (target.scope) {
      case 'client':
        return target.clientId === asset.clientId;
      case 'kind':
        return target.kind === asset.kind;
      case 'asset':
        return target.assetId === asset.id;
    }
  });
}

/**
 * The policy in force: the default with each layer's fields laid over it, most specific last.
 * Layers may come in any order; an explicit null (e.g. "never escalate") overrides too.
 */
export function effectivePolicy(base: RenewalPolicy, layers: readonly PolicyLayer[]): RenewalPolicy {
  const ordered = [...layers].sort((a, b) => SPECIFICITY[a.target.scope] - SPECIFICITY[b.target.scope]);
  const policy: RenewalPolicy = { ...base };
  for (const { override } of ordered) {
    for (const [field, value] of Object.entries(override) as [keyof RenewalPolicy, unknown][]) {
      if (value !== undefined) (policy as unknown as Record<string, unknown>)[field] = value;
    }
  }
  return policy;
}

/** The person the renewal task goes to: the asset's owner, else the project manager, else the fallback. */
export function taskAssignee(asset: Pick<Asset, 'ownerId'>, project: Pick<Project, 'managerId'> | null, policy: Pick<RenewalPolicy, 'fallbackAssigneeId'>): string | null {
  return asset.ownerId ?? project?.managerId ?? policy.fallbackAssigneeId;
}

// Validation, for the API. Two years covers the longest notice periods and multi-year plans.
export const MAX_OFFSET_DAYS = 730;
export const MAX_EXPIRED_REMINDER_DAYS = 365;

const days = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_OFFSET_DAYS, `${what} can be at most ${MAX_OFFSET_DAYS} days`);

/** Days before a date, each 0..730, no day twice; handed on largest first (the order they fire in). */
const offsets = (what: string) =>
  z
    .array(days(what))
    .refine((list) => new Set(list).size === list.length, 'lists the same day twice')
    // `overwrite` keeps the type, unlike `transform`, so the schema still describes itself as JSON Schema.
    .overwrite((list) => [...list].sort((a, b) => b - a));

const fields = {
  reminderOffsets: offsets('a reminder'),
  expiredReminderDays: z
    .number()
    .int('must be a whole number of days')
    .min(0, 'cannot be negative; 0 turns the reminders after expiry off')
    .max(MAX_EXPIRED_REMINDER_DAYS, `can be at most ${MAX_EXPIRED_REMINDER_DAYS} days`),
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm'),
  taskLeadDays: days('the task lead time'),
  fallbackAssigneeId: z.string().min(1, 'must name a person, or be null').nullable(),
  escalateDaysBefore: days('the escalation').nullable(),
  cancellationNoticeDays: days('the notice period').nullable(),
  cancellationReminderOffsets: offsets('a cancellation reminder'),
  paymentReminderOffsets: offsets('a payment reminder'),
  autoRenewGraceDays: z.number().int('must be a whole number of days').min(0, 'cannot be negative').max(90, 'can be at most 90 days'),
};

/** Escalating before the task even exists would escalate at once; almost surely a typing mistake. */
function checkEscalation(policy: PolicyOverride, ctx: z.RefinementCtx): void {
  const { escalateDaysBefore, taskLeadDays } = policy;
  if (escalateDaysBefore == null || taskLeadDays === undefined || escalateDaysBefore < taskLeadDays) return;
  ctx.addIssue({ code: 'custom', path: ['escalateDaysBefore'], message: 'must be fewer days than the task lead time, or the task is escalated as soon as it is created' });
}

/** A whole policy (the agency default). */
export const renewalPolicySchema = z.strictObject(fields).superRefine(checkEscalation);

/** An override: any subset of the fields. */
export const policyOverrideSchema = z.strictObject(fields).partial().superRefine(checkEscalation);

import { z } from 'zod';
import { ASSET_KINDS } from '../registry/assets.model.ts';
import { POLICY_SCOPES, policyOverrideSchema, renewalPolicySchema } from './policy.model.ts';

/** Request and response shapes of the renewal policy API; they also make the OpenAPI document. */
const days = z.number().int();
const date = z.string().describe('A calendar date, YYYY-MM-DD');

export const policyView = z
  .object({
    reminderOffsets: z.array(days).describe('Days before the renewal date a reminder goes out, largest first'),
    expiredReminderDays: days.describe('Daily reminders for this many days after an unrenewed date'),
    reminderTime: z.string().describe('Local time of day reminders go out, HH:mm'),
    taskLeadDays: days.describe('Days before the decision is due the renewal task is created'),
    fallbackAssigneeId: z.string().nullable().describe('Who gets tasks of assets with no owner and no project manager'),
    escalateDaysBefore: days.nullable().describe('Escalate an open task this many days before it is due; null: never'),
    cancellationNoticeDays: days.nullable().describe('Notice period of auto-renewing contracts; null: cancel any time'),
    cancellationReminderOffsets: z.array(days),
    paymentReminderOffsets: z.array(days),
    autoRenewGraceDays: days,
  })
  .meta({ id: 'RenewalPolicy', description: 'When reminders go out, when the renewal task is created, who gets it and when it is escalated' });

export const overrideView = z
  .object({
    id: z.string(),
    scope: z.enum(POLICY_SCOPES),
    target: z.string().describe('The client id, the asset kind or the asset id'),
    targetName: z.string().describe('The client name, the kind, or the asset name'),
    override: policyView.partial().describe('Only the fields this override sets; the others are inherited'),
    updatedAt: z.string(),
  })
  .meta({ id: 'RenewalPolicyOverride', description: 'Fields of the policy set for one client, asset kind or asset' });

export const policiesView = z
  .object({
    default: policyView.describe("The agency's default: the shipped policy with the agency's changes"),
    overrides: z.array(overrideView),
    nextCursor: z.string().nullable().describe('Pass it as `cursor` for the next page of overrides; null on the last page'),
  })
  .meta({ id: 'RenewalPolicies', description: 'The default policy and one page of overrides' });

export const policiesQuery = z.strictObject({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const overrideParams = z.strictObject({
  scope: z.enum(POLICY_SCOPES),
  target: z.string().min(1).max(64),
});

export const defaultBody = renewalPolicySchema;

export const overrideBody = policyOverrideSchema.refine((o) => Object.values(o).some((v) => v !== undefined), 'must set at least one field');

export const assetParams = z.strictObject({ id: z.string().min(1).max(64) });

const source = z.enum(['default', ...POLICY_SCOPES]);

export const effectivePolicyView = z
  .object({
    assetId: z.string(),
    clientId: z.string(),
    kind: z.enum(ASSET_KINDS),
    policy: policyView,
    sources: z.record(z.string(), source).describe('For each field of the policy, where it comes from: default, client, kind or asset'),
    preview: z
      .object({
        renewalOn: date,
        reminders: z.array(z.object({ kind: z.enum(['renewal', 'expired', 'cancel', 'pay']), offsetDays: days, remindOn: date, cancelBy: date.optional() })),
        taskCreateOn: date,
        taskDueOn: date,
        escalateOn: date.nullable(),
      })
      .nullable()
      .describe("The schedule of the asset's next renewal; null when it has no expiry date"),
  })
  .meta({ id: 'EffectiveRenewalPolicy', description: 'The policy in force for one asset, where each field comes from, and what it will do' });

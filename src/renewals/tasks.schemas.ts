import { z } from 'zod';
import { page } from '../platform/http/responses.ts';
import { ASSET_KINDS, isCalendarDate } from '../registry/assets.model.ts';
import { TASK_OUTCOMES, TASK_STATES, WORKING_STATES } from './tasks.model.ts';

/** Request and response shapes of renewal tasks and cost history; they also make the OpenAPI document. */
const id = z.string().min(1).max(64);
const calendarDate = z.string().refine(isCalendarDate, 'must be a real calendar date as YYYY-MM-DD').describe('YYYY-MM-DD');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').describe('ISO 4217');
const minorUnits = z.number().int('must be a whole number of minor units').min(0).max(1e12).describe('Minor units (cents)');
const person = z.object({ id: z.string(), name: z.string() });
const money = z.object({ amount: z.number().int(), currency: z.string() });

export const idParams = z.strictObject({ id });

const csvStates = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.enum(TASK_STATES)));

export const taskQuery = z.strictObject({
  assignee: z.string().min(1).max(64).optional().describe('`me`, `none` (the unassigned tasks) or a user id; everyone’s when left out'),
  state: csvStates.optional().describe('One or more states, comma-separated; default open,in_progress,snoozed'),
  clientId: id.optional(),
  dueBefore: calendarDate.optional().describe('Only tasks due before this day'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only tasks whose due day has passed'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const taskView = z
  .object({
    id: z.string(),
    asset: z.object({ id: z.string(), name: z.string(), kind: z.enum(ASSET_KINDS), identifier: z.string(), expiresOn: z.string().nullable(), autoRenew: z.boolean(), currency: z.string(), renewalAmount: z.number().nullable() }),
    client: person,
    projectId: z.string().nullable(),
    renewalOn: z.string(),
    dueOn: z.string().describe('When the decision must be made: the cancellation deadline if earlier, else the renewal date'),
    daysLeft: z.number().int().describe('Days until the due day; negative when overdue'),
    state: z.enum(TASK_STATES).describe('As of today: a snooze that has ended reads as open'),
    snoozedUntil: z.string().nullable(),
    assignee: person.nullable(),
    escalated: z.boolean(),
    escalatedAt: z.string().nullable(),
    outcome: z.enum(TASK_OUTCOMES).nullable(),
    renewedUntil: z.string().nullable(),
    paid: money.nullable(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    pushed: z.array(z.object({ channelId: z.string(), at: z.string(), notificationId: z.string() })),
    commentCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RenewalTask', description: 'The task of renewing (or cancelling) one asset for one renewal date' });

export const taskPage = page(taskView, 'RenewalTaskPage', 'renewal tasks, soonest due first');

export const assigneeList = z
  .object({ items: z.array(person) })
  .meta({ id: 'RenewalTaskAssignees', description: 'Active owners, admins and managers, by name (at most 500)' });

export const taskSummary = z
  .object({ overdue: z.number().int(), dueThisWeek: z.number().int(), mine: z.number().int(), unassigned: z.number().int() })
  .meta({ id: 'RenewalTaskSummary', description: 'Counts of the tasks still to do' });

export const commentView = z
  .object({ id: z.string(), taskId: z.string(), author: person.nullable(), body: z.string(), createdAt: z.string() })
  .meta({ id: 'RenewalTaskComment', description: 'A comment on a renewal task' });

export const costView = z
  .object({
    id: z.string(),
    assetId: z.string(),
    clientId: z.string(),
    paidOn: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    renewalOn: z.string().nullable().describe('The expiry this payment renewed from'),
    renewedUntil: z.string().nullable().describe('The expiry it bought'),
    taskId: z.string().nullable(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AssetCost', description: 'One payment for an asset' });

export const costPage = page(costView, 'AssetCostPage', 'payments for an asset, newest first');

export const taskDetail = taskView
  .extend({ comments: z.array(commentView), costs: z.array(costView).describe("The asset's latest payments, newest first") })
  .meta({ id: 'RenewalTaskDetail', description: 'A renewal task with its comments and the asset’s cost history' });

export const taskPatch = z.strictObject({
  state: z.enum(WORKING_STATES).optional().describe('Done comes from completing the task'),
  snoozedUntil: calendarDate.nullable().optional().describe('Required to snooze: after today, at most 14 days past the renewal date'),
  assigneeId: id.nullable().optional().describe('An owner, admin or manager; null to unassign'),
});

export const commentBody = z.strictObject({ body: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters') });

const paid = z.strictObject({ amount: minorUnits, currency: currencyCode });

export const completeBody = z
  .discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('renewed'),
      renewedUntil: calendarDate.optional().describe('The new expiry; after the renewal date'),
      expiryFrom: z.enum(['entered', 'check']).optional().describe('`check`: take the new expiry the latest domain or certificate check put on the asset'),
      paid: paid.optional().describe('What was paid, in the asset’s currency; recorded in the cost history'),
    }),
    z.strictObject({ outcome: z.literal('cancelled'), note: z.string().trim().max(5000).optional().describe('Why; kept as a comment') }),
  ])
  .meta({ id: 'RenewalTaskCompletion', description: 'Renewed (with the new expiry and what was paid) or cancelled (the asset is retired)' });

export const pushBody = z.strictObject({ channelId: id.describe('A webhook channel') });

export const costQuery = z.strictObject({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const costBody = z.strictObject({
  paidOn: calendarDate,
  amount: minorUnits,
  currency: currencyCode,
  renewedUntil: calendarDate.nullable().optional().describe('The expiry this payment bought, if any'),
});

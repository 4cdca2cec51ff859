import { z } from 'zod';
import { money, moneyView } from '../registry/schemas.ts';
import { calendarFieldsView } from './calendars.schemas.ts';
import { SEVERITIES, SUPPORT_CHANNELS, slaPlanSchema } from './plan.model.ts';

/**
 * Request and response shapes of the SLA plan API. Requests reuse the pure model's field schemas;
 * the service checks the plan as a whole with its support hours (credit tiers in order,
 * resolution not before first response, …) and answers with the same field paths.
 */
const id = z.string().min(1).max(64);
const shape = slaPlanSchema.shape;
const instant = z.string().describe('An instant, ISO 8601 in UTC');

export const idParams = z.strictObject({ id });

const planFields = {
  name: shape.name.optional(),
  clientId: id.nullable().optional().describe('The client the plan is agreed with; null or left out: a template'),
  calendarId: id.optional().describe("The business calendar of the support hours; default: the default plan's"),
  scope: shape.scope.optional().describe('Included and excluded services, as text shown to the client'),
  severities: shape.severities.partial().optional().describe('Terms per severity; each one given replaces that severity as a whole'),
  channels: shape.channels.optional(),
  uptimeGuarantee: shape.uptimeGuarantee.optional().describe('Uptime promised per calendar month and the credit tiers, highest threshold first; null: none'),
  monthlyFee: money.nullable().optional().describe('What the client pays a month; credits are a share of it'),
  monthlyReport: z.boolean().optional().describe('E-mail the client its monthly SLA report on the 1st; default false'),
};

export const planBody = z
  .strictObject(planFields)
  .meta({ id: 'NewSlaPlan', description: "An SLA plan: every field left out is taken from the agency's default plan" });

export const planPatch = z.strictObject(planFields);

export const listQuery = z.strictObject({
  clientId: id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const clientParams = z.strictObject({ id });

export const previewQuery = z.strictObject({
  severity: z.enum(SEVERITIES),
  createdAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant such as 2030-01-31T09:00:00Z' }).describe('When the ticket would be created'),
});

// Responses: lenient `z.object`, naming every field.

const target = z.discriminatedUnion('kind', [z.object({ kind: z.literal('minutes'), minutes: z.number() }), z.object({ kind: z.literal('next-business-day') })]);
const measure = z.enum(['business', 'around-the-clock']);
const noResolution = z.enum(['work-queue', 'best-effort']).nullable();
const terms = z.object({ firstResponse: target, resolution: target.nullable(), noResolutionTarget: noResolution, measure });
const severities = <T extends z.ZodType>(of: T) => z.object(Object.fromEntries(SEVERITIES.map((s) => [s, of])) as Record<(typeof SEVERITIES)[number], T>);
const tier = z.object({ belowPercent: z.number(), creditPercent: z.number() });
const guarantee = { percent: z.number(), period: z.literal('calendar-month'), creditTiers: z.array(tier) };

export const planView = z
  .object({
    id: z.string(),
    name: z.string(),
    clientId: z.string().nullable(),
    clientName: z.string().nullable(),
    isDefault: z.boolean().describe("The agency's default: new plans start from it; it cannot be deleted"),
    calendarId: z.string(),
    scope: z.object({ included: z.string(), excluded: z.string() }),
    severities: severities(terms),
    channels: z.array(z.enum(SUPPORT_CHANNELS)),
    uptimeGuarantee: z.object(guarantee).nullable(),
    monthlyFee: moneyView.nullable(),
    monthlyReport: z.boolean().default(false).describe('The monthly SLA report is e-mailed to the client on the 1st'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'SlaPlan', description: 'What a client was promised: targets per severity, support hours, channels, uptime guarantee and credits' });

export const planPage = z
  .object({ items: z.array(planView), nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null on the last page') })
  .meta({ id: 'SlaPlanPage', description: 'One page of SLA plans, by name' });

const targetView = z.object({
  kind: z.enum(['minutes', 'next-business-day']),
  minutes: z.number().nullable(),
  duration: z.string().nullable().describe('ISO 8601 duration, e.g. PT1H30M; null for next business day'),
  text: z.string().describe('e.g. "15 min", "2 h", "next business day"'),
});

export const clientSlaView = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    planId: z.string(),
    name: z.string(),
    scope: z.object({ included: z.string(), excluded: z.string() }),
    severities: severities(z.object({ measure, firstResponse: targetView, resolution: targetView.nullable(), noResolutionTarget: noResolution })),
    supportHours: z.object({ id: z.string(), name: z.string(), ...calendarFieldsView }),
    channels: z.array(z.enum(SUPPORT_CHANNELS)),
    uptimeGuarantee: z
      .object({ ...guarantee, allowedDowntimePer30Days: z.object({ seconds: z.number(), text: z.string() }).describe('Downtime the guarantee allows in a 30-day month') })
      .nullable(),
    monthlyFee: moneyView.nullable(),
  })
  .meta({ id: 'ClientSla', description: "A client's SLA as the client reads it: targets as durations, support hours, channels, guarantee" });

const due = z.object({ target, dueAt: instant });

export const targetsPreviewView = z
  .object({
    planId: z.string(),
    severity: z.enum(SEVERITIES),
    measure,
    firstResponse: due,
    resolution: due.nullable(),
    noResolutionTarget: noResolution,
    withinSupportHours: z.boolean().describe('The ticket would come in during support hours'),
    workStartsAt: instant.describe('Now, or the next opening of support hours (a severity counted around the clock starts now)'),
    timeZone: z.string(),
    local: z.object({ createdAt: z.string(), firstResponseDueAt: z.string(), resolutionDueAt: z.string().nullable(), workStartsAt: z.string() }).describe("The same instants on the support hours' wall clock, with offset"),
  })
  .meta({ id: 'SlaTargetsPreview', description: 'What the automatic acknowledgement of a new ticket would promise' });

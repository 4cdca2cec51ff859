import { z } from 'zod';
import { page } from '../platform/http/responses.ts';
import { ACKNOWLEDGEMENT_VIAS } from './acknowledgements.store.ts';
import { DIGEST_FREQUENCIES } from './digests.model.ts';
import { ESCALATION_STATES, MAX_STEP_MINUTES, MAX_STEPS } from './escalation.model.ts';
import { SEVERITIES } from './events.ts';
import { TARGET_ROLES } from './routing.model.ts';

/** Request and response shapes of routing, escalation, acknowledgements and schedules; they make the OpenAPI document. */
const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const subjectKey = z.string().min(3).max(300).regex(/^[a-z][a-z-]*:\S+$/, 'must look like incident:inc_… (a kind, a colon, an id)');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm').describe('HH:mm, local time');

export const targetBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: id }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(TARGET_ROLES) }),
  z.strictObject({ kind: z.literal('project-manager') }),
  z.strictObject({ kind: z.literal('asset-owner') }),
  z.strictObject({ kind: z.literal('on-call') }),
  z.strictObject({ kind: z.literal('channel'), channelId: id }),
]);

export const targetView = z
  .object({
    kind: z.enum(['user', 'role', 'project-manager', 'asset-owner', 'on-call', 'channel']),
    userId: z.string().optional(),
    role: z.enum(TARGET_ROLES).optional(),
    channelId: z.string().optional(),
  })
  .meta({ id: 'NotificationTarget', description: "Whom to tell: a user, everyone with a role, the event's project manager or asset owner, the on-call people, or a channel" });

const targets = z.array(targetBody).max(50, 'at most 50 targets');

export const ruleBody = z.strictObject({
  name,
  eventTypes: z.array(z.string().min(1).max(100)).max(20).default([]).describe('Event types or prefixes such as incident.*; empty matches every type'),
  minSeverity: z.enum(SEVERITIES).nullable().default(null),
  clientId: id.nullable().default(null),
  projectId: id.nullable().default(null),
  targets: targets.default([]),
  escalationPolicyId: id.nullable().default(null),
  enabled: z.boolean().default(true),
});
export const rulePatch = z.strictObject({
  name: name.optional(),
  eventTypes: z.array(z.string().min(1).max(100)).max(20).optional(),
  minSeverity: z.enum(SEVERITIES).nullable().optional(),
  clientId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  targets: targets.optional(),
  escalationPolicyId: id.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const ruleView = z
  .object({
    id: z.string(),
    name: z.string(),
    eventTypes: z.array(z.string()),
    minSeverity: z.enum(SEVERITIES).nullable(),
    clientId: z.string().nullable(),
    projectId: z.string().nullable(),
    targets: z.array(targetView),
    escalationPolicyId: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RoutingRule', description: 'Who is told about events of these types, at least this severity, for this client or project' });
export const rulePage = page(ruleView, 'RoutingRulePage', 'routing rules');

export const routingProbe = z.strictObject({
  type: z.string().min(1).max(100),
  severity: z.enum(SEVERITIES),
  clientId: id.nullable().default(null),
  projectId: id.nullable().default(null),
});
const previewRecipient = z.object({
  recipient: z.string().describe('user:<id> or channel:<id>'),
  kind: z.enum(['user', 'channel']),
  id: z.string(),
  name: z.string(),
  email: z.string().nullable().describe('A person’s sign-in email'),
  clientId: z.string().nullable(),
  reason: z.string().describe('client-portal, addressed, route:<rule id> or route:default'),
  channel: z
    .object({ id: z.string().nullable().describe('Null: the sign-in email channel the first message creates'), kind: z.string(), name: z.string(), fallback: z.boolean() })
    .nullable()
    .describe('The channel the message would start on; null: none'),
});
export const routingPreview = z
  .object({
    ruleIds: z.array(z.string()),
    usedDefault: z.boolean().describe('No rule matched: the default routing applies'),
    targets: z.array(z.object({ target: targetView, reason: z.string() })),
    escalationPolicyIds: z.array(z.string()),
    audience: z.array(previewRecipient).describe('Who would be told at once, as dispatch resolves it: the client’s portal users for its billing messages, then whom the rules name'),
  })
  .meta({ id: 'RoutingPreview', description: 'The rules an event like this would match, whom they name, and who would be told' });

const step = z.strictObject({
  afterMinutes: z.number().int('must be whole minutes').min(0).max(MAX_STEP_MINUTES).describe('Minutes after the escalation started'),
  targets: z.array(targetBody).min(1, 'give at least one target').max(50),
});
export const policyBody = z.strictObject({ name, steps: z.array(step).min(1, 'give at least one step').max(MAX_STEPS) });
export const policyPatch = policyBody.partial().strict();
export const policyView = z
  .object({
    id: z.string(),
    name: z.string(),
    steps: z.array(z.object({ afterMinutes: z.number().int(), targets: z.array(targetView) })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EscalationPolicy', description: 'Steps that tell more people the longer a problem stays unacknowledged' });
export const policyPage = page(policyView, 'EscalationPolicyPage', 'escalation policies');

export const escalationView = z
  .object({
    subjectKey: z.string(),
    policyId: z.string(),
    policyName: z.string(),
    eventId: z.string(),
    state: z.enum(ESCALATION_STATES),
    nextStep: z.number().int(),
    nextAt: z.string().nullable(),
    startedAt: z.string(),
    stoppedAt: z.string().nullable(),
  })
  .meta({ id: 'Escalation', description: 'An escalation policy running (or stopped) for one open problem' });
export const escalationPage = page(escalationView, 'EscalationPage', 'escalations');
export const escalationQuery = z.strictObject({
  state: z.enum(ESCALATION_STATES).optional(),
  subjectKey: subjectKey.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const acknowledgeBody = z.strictObject({ subjectKey });
export const acknowledgementView = z
  .object({
    subjectKey: z.string(),
    userId: z.string().nullable(),
    via: z.enum(ACKNOWLEDGEMENT_VIAS),
    acknowledgedAt: z.string(),
  })
  .meta({ id: 'Acknowledgement', description: 'Someone took an open problem in hand; its escalation stopped' });
export const acknowledgementOutcome = acknowledgementView
  .extend({
    created: z.boolean().describe('False when it had been acknowledged before; the first acknowledgement stands'),
    stoppedPolicyIds: z.array(z.string()),
  })
  .meta({ id: 'AcknowledgementOutcome' });

const windowBody = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).describe('ISO weekdays the window starts on: 1 = Monday … 7 = Sunday'),
  start: clock,
  end: clock.describe('HH:mm; at or before start runs into the next day'),
});
const windowView = z.object({ days: z.array(z.number().int()), start: z.string(), end: z.string() }).meta({ id: 'TimeWindow' });

export const schedulePatch = z.strictObject({
  timeZone: z.string().max(100).nullable().optional().describe('IANA time zone; null for the profile’s'),
  quietHours: z.array(windowBody).max(20).optional(),
  workingHours: z.array(windowBody).max(20).nullable().optional(),
  digest: z
    .strictObject({
      types: z.array(z.string().max(100)).max(20).optional(),
      frequency: z.enum(DIGEST_FREQUENCIES).optional(),
      time: clock.optional(),
      weekday: z.number().int().min(1).max(7).optional(),
    })
    .optional(),
});
export const scheduleView = z
  .object({
    userId: z.string(),
    timeZone: z.string().nullable(),
    effectiveTimeZone: z.string(),
    quietHours: z.array(windowView),
    workingHours: z.array(windowView).nullable(),
    digest: z.object({ types: z.array(z.string()), frequency: z.enum(DIGEST_FREQUENCIES), time: z.string(), weekday: z.number().int() }),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationSchedule', description: 'Quiet hours, working hours and digest choice of one person; critical events always go through' });

export const onCallBody = z.strictObject({ userIds: z.array(id).max(50) });
export const onCallView = z.object({ userIds: z.array(z.string()) }).meta({ id: 'OnCall', description: 'Who `on-call` targets reach' });

export const idParams = z.strictObject({ id });
export const listQuery = z.strictObject({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

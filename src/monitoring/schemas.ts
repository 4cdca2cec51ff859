import { z } from 'zod';
import { isValidTimeZone } from '../accounts/model.ts';
import { page } from '../platform/http/responses.ts';
import { isCalendarDate } from '../registry/assets.model.ts';
import { MIN_INTERVAL_SECONDS, MONITOR_CONFIGS, MONITOR_KINDS, type MonitorKind } from './probes/configs.ts';

/** Request and response shapes of the monitoring API; they also make the OpenAPI document. */
const id = z.string().min(1).max(64);
const instant = z.string().describe('An instant, ISO 8601 in UTC');
const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant such as 2030-01-31T09:00:00Z' });

export const MONITOR_STATES = ['pending', 'up', 'down'] as const;
/** States a list can be filtered by: the stored ones, and paused (a monitor with paused_at). */
export const MONITOR_FILTER_STATES = [...MONITOR_STATES, 'paused'] as const;
export const MAX_INTERVAL_SECONDS = 7 * 86_400;
export const MAX_TIMEOUT_MS = 120_000;

export const idParams = z.strictObject({ id });

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

// ---------------------------------------------------------------------------------------------
// Monitors: requests

const location = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a location name: lower-case letters, digits and dashes');

/** Everything of a monitor but its kind and config; all optional, with defaults filled by the service. */
export const monitorSettings = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200).optional().describe('Shown in lists and on status pages; the target when left out'),
  intervalSeconds: z
    .number()
    .int()
    .min(MIN_INTERVAL_SECONDS, `must be at least ${MIN_INTERVAL_SECONDS} seconds`)
    .max(MAX_INTERVAL_SECONDS, `must be at most ${MAX_INTERVAL_SECONDS} seconds (a week)`)
    .optional()
    .describe('Seconds between checks; default 60'),
  timeoutMs: z.number().int().min(100, 'must be at least 100 ms').max(MAX_TIMEOUT_MS, `must be at most ${MAX_TIMEOUT_MS} ms`).optional().describe('Default: the interval, at most 10 s'),
  clientId: id.nullable().optional().describe("Taken from the asset when left out"),
  projectId: id.nullable().optional(),
  assetId: id.nullable().optional().describe('The asset the monitor watches; domain and TLS checks keep its expiry date up to date'),
  parentId: id.nullable().optional().describe('The monitor this one depends on (the server a site runs on)'),
  failureThreshold: z.number().int().min(1).max(20).optional().describe('Failed checks in a row before the monitor is down; default 2'),
  recoveryThreshold: z.number().int().min(1).max(20).optional().describe('Good checks in a row before it is up again; default 1'),
  locations: z.array(location).min(1).max(10).optional().describe('Where it is checked from; default ["main"]'),
  quorum: z.number().int().min(1).max(10).optional().describe('How many locations must agree it is down; default 1'),
});

function monitorBodyOf<K extends MonitorKind>(kind: K) {
  return monitorSettings.extend({ kind: z.literal(kind), config: MONITOR_CONFIGS[kind] });
}

export const monitorBody = z
  .discriminatedUnion('kind', [
    monitorBodyOf('http'),
    monitorBodyOf('tcp'),
    monitorBodyOf('dns'),
    monitorBodyOf('tls'),
    monitorBodyOf('domain'),
    monitorBodyOf('heartbeat'),
  ])
  .meta({ id: 'NewMonitor', description: 'A monitor to set up: its kind, the settings of that kind (config) and how often to check' });
export type MonitorBody = z.output<typeof monitorBody>;

export const monitorPatch = monitorSettings
  .extend({
    config: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Settings of the monitor\'s kind to change; merged over the current ones. A masked header value or a basicAuth without password keeps the stored secret'),
  })
  .strict();
export type MonitorPatch = z.output<typeof monitorPatch>;

export const monitorQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Text the name contains (any case)'),
  kind: csvOf(MONITOR_KINDS).optional().describe('one or more kinds, comma-separated'),
  state: csvOf(MONITOR_FILTER_STATES).optional().describe('pending, up, down or paused, comma-separated'),
  clientId: id.optional(),
  projectId: id.optional(),
  assetId: id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const rangeQuery = z.strictObject({
  from: isoInstant.optional().describe('Start of the period; default 30 days before `to`'),
  to: isoInstant.optional().describe('End of the period; default now'),
});

export const resultsQuery = z.strictObject({
  before: isoInstant.optional().describe('Only results checked before this instant (the previous page)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const assetMonitorsBody = z.strictObject({
  monitors: z.array(monitorBody).min(1, 'choose at least one monitor').max(20),
});

// ---------------------------------------------------------------------------------------------
// Monitors: responses (lenient `z.object`, naming every field: the serializer drops unnamed ones)

const uptimeFigure = z.number().nullable().describe('Share of the period the monitor was up, 0..1; null with no data');

export const monitorView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(MONITOR_KINDS),
    config: z.record(z.string(), z.unknown()).describe('The settings of the kind, without secrets: header values that are credentials show as ********, basicAuth has passwordSet instead of the password'),
    intervalSeconds: z.number().int(),
    timeoutMs: z.number().int(),
    clientId: z.string().nullable(),
    projectId: z.string().nullable(),
    assetId: z.string().nullable(),
    parentId: z.string().nullable(),
    failureThreshold: z.number().int(),
    recoveryThreshold: z.number().int(),
    locations: z.array(z.string()),
    quorum: z.number().int(),
    state: z.enum(MONITOR_STATES),
    paused: z.boolean(),
    flapping: z.boolean(),
    stateChangedAt: instant.nullable(),
    pausedAt: instant.nullable(),
    lastCheckedAt: instant.nullable(),
    lastOk: z.boolean().nullable(),
    lastMessage: z.string().nullable(),
    lastResponseMs: z.number().int().nullable(),
    checkRequestedAt: instant.nullable().describe('Set by "check now" until the check has run'),
    hasPingUrl: z.boolean().describe('Heartbeat monitors: the ping URL can be revealed'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Monitor', description: 'A monitor: what it checks, how often, and its current state' });

export const monitorListItem = monitorView
  .extend({ uptime: z.object({ last24h: uptimeFigure, last30d: uptimeFigure }) })
  .meta({ id: 'MonitorWithUptime', description: 'A monitor with its uptime over the last 24 hours and 30 days' });

export const createdMonitor = monitorView
  .extend({ pingUrl: z.string().nullable().describe('Heartbeat monitors: the URL the job pings. Shown once here; later only through the audited reveal') })
  .meta({ id: 'CreatedMonitor', description: 'A monitor just set up' });

export const monitorPage = page(monitorListItem, 'MonitorPage', 'monitors, by name');

export const pingUrlView = z
  .object({ pingUrl: z.string().describe('The heartbeat URL; also /start, /fail and /<exit code> after it') })
  .meta({ id: 'PingUrl', description: "A heartbeat monitor's ping URL, revealed (audited)" });

export const uptimeView = z
  .object({
    from: instant,
    to: instant,
    uptime: uptimeFigure,
    downSeconds: z.number(),
    observedSeconds: z.number().describe('Time the monitor was watched in the period, maintenance left out'),
    maintenanceSeconds: z.number().describe('Time in maintenance windows, left out of the other figures'),
  })
  .meta({ id: 'MonitorUptime', description: 'Uptime of one monitor over a period' });

const ms = z.number().nullable();
const timingsView = z.object({ dnsMs: ms, connectMs: ms, tlsMs: ms, firstByteMs: ms, totalMs: z.number() }).describe('HTTP phases in ms; null for a phase that did not happen');
const certificateView = z
  .object({
    subject: z.string(),
    issuer: z.string(),
    validFrom: instant,
    validTo: instant,
    daysLeft: z.number(),
    altNames: z.array(z.string()),
    hostnameMatches: z.boolean(),
    chainValid: z.boolean(),
    chainError: z.string().nullable(),
    selfSigned: z.boolean(),
  })
  .describe('What a TLS check found');
const domainView = z
  .object({
    domain: z.string(),
    expiresOn: z.string().nullable(),
    expiryPublished: z.boolean(),
    daysLeft: z.number().nullable(),
    registrar: z.string().nullable(),
    statuses: z.array(z.string()),
    source: z.string(),
  })
  .describe('What a domain (RDAP) check found');

export const resultView = z
  .object({
    checkedAt: instant,
    location: z.string(),
    ok: z.boolean(),
    responseMs: z.number().nullable(),
    statusCode: z.number().int().nullable(),
    message: z.string(),
    timings: timingsView.nullable(),
    certificate: certificateView.nullable(),
    domain: domainView.nullable(),
    details: z.record(z.string(), z.unknown()).nullable().describe('DNS answers, the address dialled and the like, as the probe reported them'),
    warning: z.boolean().describe('A warning threshold is crossed (a certificate expiring soon) though the check passed'),
  })
  .meta({ id: 'CheckResult', description: 'One check: when, where from, whether it passed and what it found' });

export const resultsView = z
  .object({ items: z.array(resultView), nextBefore: instant.nullable().describe('Pass it as `before` for older results; null at the end') })
  .meta({ id: 'MonitorResults', description: 'Raw check results, newest first' });

export const responseTimesView = z
  .object({
    from: instant,
    to: instant,
    points: z.array(
      z.object({
        at: instant.describe('Start of the bucket'),
        p50: z.number().nullable(),
        p95: z.number().nullable(),
        max: z.number().nullable(),
        checks: z.number().int(),
        failures: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ResponseTimes', description: 'Response-time percentiles over a period, oldest first, for a chart' });

export const suggestionView = z
  .object({
    kind: z.enum(MONITOR_KINDS),
    name: z.string(),
    reason: z.string().describe('Why it is offered'),
    body: z.record(z.string(), z.unknown()).describe('The request body to create it, as POST /assets/{id}/monitors takes it'),
    exists: z.boolean().describe('A monitor of this kind already watches this target for the asset'),
  })
  .meta({ id: 'MonitorSuggestion', description: 'A monitor offered for an asset' });

export const suggestionsView = z.object({ assetId: z.string(), items: z.array(suggestionView) }).meta({ id: 'MonitorSuggestions', description: 'The monitors offered for an asset' });

export const createdMonitors = z.object({ items: z.array(createdMonitor) }).meta({ id: 'CreatedMonitors', description: 'Monitors created in one step, all or none' });

// ---------------------------------------------------------------------------------------------
// Incidents

export const INCIDENT_STATES = ['open', 'resolved'] as const;

export const incidentQuery = z.strictObject({
  state: z.enum(INCIDENT_STATES).optional(),
  clientId: id.optional(),
  monitorId: id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const incidentPatch = z.strictObject({
  rootCause: z.string().trim().max(5000).nullable().describe('What caused it, once known; null clears it'),
});

export const incidentUpdateBody = z.strictObject({
  message: z.string().trim().min(1, 'must not be empty').max(5000),
  public: z.boolean().default(false).describe('Shown on status pages when true; an internal note otherwise'),
});

export const incidentView = z
  .object({
    id: z.string(),
    monitorId: z.string(),
    monitorName: z.string(),
    clientId: z.string().nullable(),
    projectId: z.string().nullable(),
    parentIncidentId: z.string().nullable(),
    state: z.enum(INCIDENT_STATES),
    flapping: z.boolean(),
    inMaintenance: z.boolean(),
    cause: z.string(),
    rootCause: z.string().nullable(),
    startedAt: instant,
    confirmedAt: instant,
    notifiedAt: instant.nullable(),
    acknowledgedAt: instant.nullable(),
    acknowledgedBy: z.string().nullable(),
    resolvedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'Incident', description: 'A time a monitor was down' });

export const incidentUpdateView = z
  .object({ id: z.string(), kind: z.string(), message: z.string(), public: z.boolean(), byUserId: z.string().nullable(), at: instant })
  .meta({ id: 'IncidentUpdate', description: 'One entry of an incident timeline' });

export const incidentDetail = incidentView
  .extend({ timeline: z.array(incidentUpdateView).describe('Oldest first'), children: z.array(incidentView).describe('Incidents grouped under this one') })
  .meta({ id: 'IncidentDetail', description: 'An incident with its timeline and the incidents grouped under it' });

export const incidentPage = page(incidentView, 'IncidentPage', 'incidents, newest first');

export const incidentSummary = z
  .object({
    open: z.number().int(),
    unacknowledged: z.number().int().describe('Open and nobody has acknowledged them'),
    inMaintenance: z.number().int().describe('Open, but opened during maintenance'),
    byClient: z.array(z.object({ clientId: z.string().nullable(), open: z.number().int() })).describe('Open incidents per client, most first'),
  })
  .meta({ id: 'IncidentSummary', description: 'Open incidents, for the dashboard tile' });

// ---------------------------------------------------------------------------------------------
// Maintenance windows

export const SCOPE_TYPES = ['monitor', 'asset', 'project', 'client'] as const;

export const recurrence = z
  .strictObject({
    weekdays: z
      .array(z.number().int().min(1, 'weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'weekdays are 1 (Monday) to 7 (Sunday)'))
      .min(1, 'choose at least one weekday')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'lists a weekday twice'),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm'),
    minutes: z.number().int().min(1, 'must be more than 0').max(7 * 24 * 60, 'must be at most a week'),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Stockholm'),
    until: z.string().refine(isCalendarDate, 'must be a real calendar date as YYYY-MM-DD').nullable().default(null),
  })
  .describe('Repeats on the given weekdays at a local time, for a number of minutes, until a date (inclusive) or for ever');

export const maintenanceBody = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: id,
  startsAt: isoInstant.describe('One-off: when it starts. Recurring: from when the repetition applies'),
  endsAt: isoInstant.optional().describe('One-off: required, when it ends. Recurring: derived from until (or open-ended) when left out'),
  recurrence: recurrence.nullable().default(null),
});
export const maintenancePatch = z.strictObject({
  title: maintenanceBody.shape.title.optional(),
  scopeType: z.enum(SCOPE_TYPES).optional(),
  scopeId: id.optional(),
  startsAt: isoInstant.optional(),
  endsAt: isoInstant.optional(),
  recurrence: recurrence.nullable().optional(),
});
export type MaintenanceBody = z.output<typeof maintenanceBody>;
export type MaintenancePatch = z.output<typeof maintenancePatch>;

export const maintenanceQuery = z.strictObject({
  scopeType: z.enum(SCOPE_TYPES).optional(),
  scopeId: id.optional(),
  when: z.enum(['current', 'upcoming', 'past']).optional().describe('current: in effect now; upcoming: not started; past: over'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const maintenanceView = z
  .object({
    id: z.string(),
    title: z.string(),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: z.string(),
    startsAt: instant,
    endsAt: instant,
    recurrence: z
      .object({ weekdays: z.array(z.number().int()), start: z.string(), minutes: z.number().int(), timeZone: z.string(), until: z.string().nullable() })
      .nullable(),
    createdBy: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'MaintenanceWindow', description: 'Planned work: checks go on, but alerts are held and downtime does not count against SLAs' });

export const maintenancePage = page(maintenanceView, 'MaintenancePage', 'maintenance windows, latest start first');

import { z } from 'zod';
import { moneyView } from '../registry/schemas.ts';
import { SEVERITIES } from './plan.model.ts';

/**
 * Request and response shapes of the monthly SLA reports. The month's format is checked here;
 * whether it has begun is the service's check (it needs the clock). Responses are lenient
 * `z.object`s naming every field (see reports.types.ts for what each means).
 */
const id = z.string().min(1).max(64);
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, e.g. 2026-10')
  .describe('A calendar month, YYYY-MM, in the time zone of the plan’s support hours');
const instant = z.string().describe('An instant, ISO 8601 in UTC');

export const clientParams = z.strictObject({ id });
export const reportParams = z.strictObject({ id, month });
export const overviewQuery = z.strictObject({ month });

const tier = z.object({ belowPercent: z.number(), creditPercent: z.number() });
const targetStats = z.object({ counted: z.number(), met: z.number(), percentMet: z.number().nullable() });
const severityStats = z.object({
  tickets: z.number(),
  firstResponse: targetStats,
  resolution: targetStats,
  medianMinutesToFirstResponse: z.number().nullable(),
  medianMinutesToResolve: z.number().nullable(),
});

const siteUptime = z.object({
  monitorId: z.string(),
  name: z.string(),
  target: z.string(),
  uptimePercent: z.number().nullable(),
  downtimeSeconds: z.number(),
  maintenanceSeconds: z.number(),
  monitoredSeconds: z.number().default(0),
  meetsGuarantee: z.boolean().nullable(),
  daily: z.array(z.object({ date: z.string(), uptimePercent: z.number().nullable() })),
});

const incident = z.object({
  id: z.string(),
  monitorName: z.string(),
  startedAt: instant,
  resolvedAt: instant.nullable(),
  durationSeconds: z.number().describe('Within the month only'),
  cause: z.string(),
  ticketId: z.string().nullable(),
});

export const monthlyReportView = z
  .object({
    client: z.object({ id: z.string(), name: z.string(), language: z.string() }),
    month: z.string(),
    period: z.object({ from: instant, to: instant, timeZone: z.string(), days: z.number() }),
    generatedAt: instant,
    complete: z.boolean().describe('False while the month is still running: figures so far'),
    plan: z.object({ id: z.string(), name: z.string(), guaranteePercent: z.number().nullable(), creditTiers: z.array(tier), monthlyFee: moneyView.nullable() }),
    convention: z.string().describe('How allowed downtime is computed, as printed on the report'),
    allowedDowntimeSeconds: z.number().nullable(),
    uptime: z.object({ overallPercent: z.number().nullable(), downtimeSeconds: z.number(), monitoredSeconds: z.number().default(0), sites: z.array(siteUptime) }),
    credit: z.object({ tier: tier.nullable(), amount: moneyView }).nullable(),
    tickets: z.object({ all: severityStats, bySeverity: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, severityStats])) as Record<(typeof SEVERITIES)[number], typeof severityStats>) }),
    incidents: z.array(incident),
    incidentsNotListed: z.number().default(0).describe('Incidents of the month beyond the 500 listed'),
  })
  .meta({ id: 'MonthlySlaReport', description: "A client's month against its SLA: uptime per site and overall, credit owed, tickets against targets, incidents" });

export const reportSummary = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    month: z.string(),
    overallPercent: z.number().nullable(),
    guaranteePercent: z.number().nullable(),
    credit: moneyView.nullable(),
    tickets: z.number(),
    firstResponsePercentMet: z.number().nullable(),
    resolutionPercentMet: z.number().nullable(),
    incidents: z.number(),
  })
  .meta({ id: 'SlaReportSummary', description: "One client's line of the month's overview" });

export const overviewView = z.object({ month: z.string(), items: z.array(reportSummary) }).meta({ id: 'SlaReportOverview', description: 'Every client with an SLA plan, by name' });

export const reportMonthsView = z
  .object({ items: z.array(z.object({ month: z.string(), complete: z.boolean() })) })
  .meta({ id: 'SlaReportMonths', description: 'The months a client has reports for, newest first, at most 24' });

import { DateTime } from 'luxon';
import type { Money } from '../platform/money.ts';
import { uptimeOver, type Span, type StateInterval } from '../monitoring/uptime.model.ts';
import { clockStatus } from './clock.model.ts';
import { allowedDowntime, creditFor, DOWNTIME_CONVENTION, uptimeAgainstGuarantee } from './credits.model.ts';
import type { CreditTier, Severity } from './plan.model.ts';
import { outcomeOf, ticketStats, type TicketOutcome } from './report.model.ts';
import type { MonthlyReport, ReportIncident, ReportSummary, SiteUptime } from './reports.types.ts';
import { clockFactsOf, measureFor } from './ticket-clocks.model.ts';
import { planOfSnapshot, statusChanges, ticketClocksAt, type TicketSla, type TicketStatus } from './tickets.model.ts';

/**
 * The monthly SLA report as pure assembly: what the service gathered (state intervals and
 * maintenance of the client's sites, the month's tickets with their status history, the
 * incidents) in, a MonthlyReport out. No I/O; every figure is a function of (source, now).
 */

/** Kinds whose up and down is a site's availability; certificate and domain expiry and heartbeats of jobs are not. */
export const SITE_KINDS = ['http', 'tcp', 'dns'] as const;

export const FIRST_REPORT_MONTH = '2000-01';
export const MAX_LISTED_MONTHS = 24;
/** A flapping site can open hundreds of incidents in a month; the report lists the first ones and counts the rest. */
export const MAX_LISTED_INCIDENTS = 500;

/** The first time zone to start a day (UTC+14): no month has begun anywhere before it begins there. */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

/** Null for a month a report can be asked for; otherwise why not. */
export function monthProblem(month: string, now: Date): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return 'must be a month as YYYY-MM, e.g. 2026-10';
  if (month < FIRST_REPORT_MONTH) return `must be ${FIRST_REPORT_MONTH} or later`;
  if (month > monthIn(now, EARLIEST_ZONE)) return `${month} has not begun yet`;
  return null;
}

/** The month (`YYYY-MM`) an instant falls in, on a time zone's wall clock. */
export function monthIn(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM');
}

/**
 * The months a client has reports for, newest first: from `firstMonth` to the current month in
 * the plan's zone, at most MAX_LISTED_MONTHS; a month is complete once it has ended.
 */
export function reportMonths(firstMonth: string, now: Date, timeZone: string): { month: string; complete: boolean }[] {
  const current = monthIn(now, timeZone);
  const out: { month: string; complete: boolean }[] = [];
  let month = DateTime.fromISO(`${current}-01`, { zone: timeZone });
  const first = firstMonth < FIRST_REPORT_MONTH ? FIRST_REPORT_MONTH : firstMonth;
  while (out.length < MAX_LISTED_MONTHS && month.toFormat('yyyy-MM') >= first) {
    out.push({ month: month.toFormat('yyyy-MM'), complete: month.plus({ months: 1 }).toMillis() <= now.getTime() });
    month = month.minus({ months: 1 });
  }
  return out;
}

/**
 * A percentage as reports print it: four decimals, rounded down so a report never shows more
 * than was achieved (99.89996 reads 99.8999, never 99.9). The float noise of a division
 * (99.89999999999999 for an exact 99.9) is rounded off first.
 */
export function reportPercent(fraction: number): number {
  const clean = Math.round(fraction * 1e11) / 1e9;
  return Math.floor(clean * 1e4 + 1e-7) / 1e4;
}

/** What the site check points at, as the report names it. */
export function siteTarget(kind: string, config: Record<string, unknown>): string {
  if (kind === 'http') return String(config.url ?? '');
  if (kind === 'tcp') return `${String(config.host ?? '')}:${String(config.port ?? '')}`;
  return String(config.host ?? '');
}

export interface Period {
  start: Date;
  end: Date;
  timeZone: string;
}

/** The local days of the period (a DST day is 23 or 25 hours long). */
export function localDays(period: Period): { date: string; start: number; end: number }[] {
  const days: { date: string; start: number; end: number }[] = [];
  let day = DateTime.fromJSDate(period.start, { zone: period.timeZone }).startOf('day');
  while (day.toMillis() < period.end.getTime()) {
    const next = day.plus({ days: 1 });
    days.push({ date: day.toISODate()!, start: day.toMillis(), end: next.toMillis() });
    day = next;
  }
  return days;
}

export interface SiteSource {
  monitorId: string;
  name: string;
  target: string;
  intervals: readonly StateInterval[];
  /** Maintenance of the site inside the period, merged (see maintenanceSpans). */
  maintenance: readonly Span[];
}

/** A site's month with the seconds it was monitored (maintenance left out), which the overall figure adds up. */
export interface SiteFigures extends SiteUptime {
  monitoredSeconds: number;
}

/** `days` are the period's local days (localDays), passed in so a report with many sites works them out once. */
export function siteUptime(site: SiteSource, period: Period, guaranteePercent: number | null, now: Date, days = localDays(period)): SiteFigures {
  const from = period.start.getTime();
  const to = period.end.getTime();
  const month = uptimeOver(site.intervals, site.maintenance, from, to, now.getTime());
  const against = guaranteePercent === null ? null : uptimeAgainstGuarantee(month.downSeconds, month.observedSeconds, guaranteePercent);
  const daily = days.map((d) => {
    const figures = d.start < now.getTime() ? uptimeOver(site.intervals, site.maintenance, d.start, d.end, now.getTime()) : null;
    return { date: d.date, uptimePercent: figures === null || figures.uptime === null ? null : reportPercent(figures.uptime) };
  });
  return {
    monitorId: site.monitorId,
    name: site.name,
    target: site.target,
    uptimePercent: month.uptime === null ? null : reportPercent(month.uptime),
    downtimeSeconds: month.downSeconds,
    maintenanceSeconds: month.maintenanceSeconds,
    monitoredSeconds: month.observedSeconds,
    meetsGuarantee: against?.met ?? null,
    daily,
  };
}

/** All sites together: total time up over total time monitored; exact, for the credit. */
export function overallUptime(sites: readonly SiteFigures[]): { percent: number | null; downtimeSeconds: number; monitoredSeconds: number } {
  const monitoredSeconds = sites.reduce((sum, s) => sum + s.monitoredSeconds, 0);
  const downtimeSeconds = sites.reduce((sum, s) => sum + s.downtimeSeconds, 0);
  return { percent: monitoredSeconds > 0 ? ((monitoredSeconds - downtimeSeconds) / monitoredSeconds) * 100 : null, downtimeSeconds, monitoredSeconds };
}

export interface PlanTerms {
  id: string;
  name: string;
  guaranteePercent: number | null;
  creditTiers: CreditTier[];
  monthlyFee: Money | null;
}

/**
 * The credit for the overall uptime. Null without a guarantee or a fee; nothing monitored (no
 * uptime to judge) owes nothing.
 */
export function creditOwed(exactPercent: number | null, plan: PlanTerms): MonthlyReport['credit'] {
  if (plan.guaranteePercent === null || plan.monthlyFee === null) return null;
  if (exactPercent === null) return { tier: null, amount: { amount: 0, currency: plan.monthlyFee.currency } };
  const owed = creditFor(exactPercent, plan.creditTiers, plan.monthlyFee);
  return { tier: owed.tier, amount: owed.credit };
}

/** A ticket as the report needs it: the SLA it was opened under and its status history. */
export interface TicketFacts {
  severity: Severity;
  sla: TicketSla;
  createdAt: string;
  firstResponseAt: string | null;
  history: readonly { at: string; status: TicketStatus }[];
}

/**
 * How the ticket's targets turned out at `now`, and its counting minutes (pauses left out) to first
 * response and to resolution. A severity without a resolution target still has a time to resolve,
 * counted in the severity's measure.
 */
export function ticketOutcome(ticket: TicketFacts, now: Date): TicketOutcome {
  const clocks = ticketClocksAt(ticket, now);
  const facts = clockFactsOf(statusChanges(ticket.history));
  let minutesToResolve: number | null = null;
  if (clocks.resolution) minutesToResolve = clocks.resolution.met ? clocks.resolution.elapsedMinutes : null;
  else if (facts.resolvedAt !== null && Date.parse(facts.resolvedAt) <= now.getTime()) {
    const measure = measureFor(planOfSnapshot(ticket.sla), ticket.severity);
    minutesToResolve = clockStatus({ startedAt: ticket.createdAt, targetMinutes: 1, measure, pauses: facts.pauses, stoppedAt: facts.resolvedAt }, now).elapsedMinutes;
  }
  return {
    severity: ticket.severity,
    firstResponse: outcomeOf(clocks.firstResponse),
    resolution: clocks.resolution ? outcomeOf(clocks.resolution) : 'none',
    minutesToFirstResponse: clocks.firstResponse.met ? clocks.firstResponse.elapsedMinutes : null,
    minutesToResolve,
  };
}

export interface IncidentFacts {
  id: string;
  monitorName: string;
  startedAt: string;
  resolvedAt: string | null;
  cause: string;
  ticketId: string | null;
}

/** An incident with the part of it inside the period (and before now), oldest first. */
export function reportIncidents(incidents: readonly IncidentFacts[], period: Period, now: Date): ReportIncident[] {
  const end = Math.min(period.end.getTime(), now.getTime());
  return incidents
    .map((i) => {
      const from = Math.max(Date.parse(i.startedAt), period.start.getTime());
      const to = Math.min(i.resolvedAt === null ? end : Date.parse(i.resolvedAt), end);
      return { ...i, durationSeconds: Math.max(0, Math.round((to - from) / 1000)) };
    })
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

export interface ReportSource {
  client: { id: string; name: string; language: string };
  month: string;
  period: Period;
  plan: PlanTerms;
  sites: readonly SiteSource[];
  tickets: readonly TicketFacts[];
  incidents: readonly IncidentFacts[];
}

export function assembleReport(source: ReportSource, now: Date): MonthlyReport {
  const { period, plan } = source;
  const days = localDays(period);
  const sites = source.sites.map((s) => siteUptime(s, period, plan.guaranteePercent, now, days)).sort((a, b) => a.name.localeCompare(b.name) || a.monitorId.localeCompare(b.monitorId));
  const overall = overallUptime(sites);
  const stats = ticketStats(source.tickets.map((t) => ticketOutcome(t, now)));
  const incidents = reportIncidents(source.incidents, period, now);
  return {
    client: source.client,
    month: source.month,
    period: { from: period.start.toISOString(), to: period.end.toISOString(), timeZone: period.timeZone, days: days.length },
    generatedAt: now.toISOString(),
    complete: now.getTime() >= period.end.getTime(),
    plan: { id: plan.id, name: plan.name, guaranteePercent: plan.guaranteePercent, creditTiers: plan.creditTiers, monthlyFee: plan.monthlyFee },
    convention: DOWNTIME_CONVENTION,
    allowedDowntimeSeconds: plan.guaranteePercent === null ? null : allowedDowntime(period.start, period.end, plan.guaranteePercent),
    uptime: {
      overallPercent: overall.percent === null ? null : reportPercent(overall.percent / 100),
      downtimeSeconds: overall.downtimeSeconds,
      monitoredSeconds: overall.monitoredSeconds,
      sites,
    },
    credit: creditOwed(overall.percent, plan),
    tickets: stats,
    incidents: incidents.slice(0, MAX_LISTED_INCIDENTS),
    incidentsNotListed: Math.max(0, incidents.length - MAX_LISTED_INCIDENTS),
  };
}

/** The report's line in the agency's overview of a month. */
export function summaryOf(report: MonthlyReport): ReportSummary {
  return {
    clientId: report.client.id,
    clientName: report.client.name,
    month: report.month,
    overallPercent: report.uptime.overallPercent,
    guaranteePercent: report.plan.guaranteePercent,
    credit: report.credit?.amount ?? null,
    tickets: report.tickets.all.tickets,
    firstResponsePercentMet: report.tickets.all.firstResponse.percentMet,
    resolutionPercentMet: report.tickets.all.resolution.percentMet,
    incidents: report.incidents.length + (report.incidentsNotListed ?? 0),
  };
}

import type { Money } from '../platform/money.ts';
import type { CreditTier, Severity } from './plan.model.ts';
import type { SeverityStats } from './report.model.ts';

/**
 * A client's monthly SLA report: what the API returns as JSON and what the PDF and CSV are drawn
 * from. Built by reports.service.ts from the state intervals and maintenance windows monitoring
 * keeps (one row per change of state, so a month costs a handful of rows per site) and from the
 * month's tickets.
 */
export interface MonthlyReport {
  client: { id: string; name: string; language: string };
  /** `YYYY-MM`, a calendar month in `period.timeZone` (the plan's support-hours zone). */
  month: string;
  period: { from: string; to: string; timeZone: string; days: number };
  generatedAt: string;
  /** False while the month is still running: figures so far. */
  complete: boolean;
  plan: { id: string; name: string; guaranteePercent: number | null; creditTiers: CreditTier[]; monthlyFee: Money | null };
  /** How allowed downtime is computed, printed on the report (credits.model DOWNTIME_CONVENTION). */
  convention: string;
  /** Downtime the guarantee allows over the whole month; null without a guarantee. */
  allowedDowntimeSeconds: number | null;
  uptime: {
    /** Over all sites together: monitored time up / monitored time, maintenance left out; null if nothing was monitored. */
    overallPercent: number | null;
    downtimeSeconds: number;
    /** Seconds of monitoring over all sites together, maintenance left out: what overallPercent is a share of (always set by reports.service). */
    monitoredSeconds?: number;
    sites: SiteUptime[];
  };
  /** Owed for the overall uptime against the plan's tiers; null without a guarantee or a monthly fee. */
  credit: { tier: CreditTier | null; amount: Money } | null;
  tickets: { all: SeverityStats; bySeverity: Record<Severity, SeverityStats> };
  /** The month's incidents, oldest first, at most MAX_LISTED_INCIDENTS (reports.model.ts). */
  incidents: ReportIncident[];
  /** Incidents of the month beyond those listed (always set by reports.service). */
  incidentsNotListed?: number;
}

export interface SiteUptime {
  monitorId: string;
  name: string;
  target: string;
  uptimePercent: number | null;
  downtimeSeconds: number;
  maintenanceSeconds: number;
  /** Seconds the site was monitored in the month, maintenance left out (always set by reports.service). */
  monitoredSeconds?: number;
  /** Null when the site was not monitored in the month or the plan has no guarantee. */
  meetsGuarantee: boolean | null;
  /** One per day of the month (local dates), for the chart; null for a day without monitoring. */
  daily: { date: string; uptimePercent: number | null }[];
}

export interface ReportIncident {
  id: string;
  monitorName: string;
  startedAt: string;
  resolvedAt: string | null;
  /** Within the month only. */
  durationSeconds: number;
  cause: string;
  ticketId: string | null;
}

/** One line of the agency's overview of a month: every client with a plan. */
export interface ReportSummary {
  clientId: string;
  clientName: string;
  month: string;
  overallPercent: number | null;
  guaranteePercent: number | null;
  credit: Money | null;
  tickets: number;
  firstResponsePercentMet: number | null;
  resolutionPercentMet: number | null;
  incidents: number;
}

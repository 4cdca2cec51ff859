import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../api/client.ts';
import type { MonthlyReport, ReportSummary } from '../../../../../src/desk/reports.types.ts';

export type { MonthlyReport, ReportIncident, ReportSummary, SiteUptime } from '../../../../../src/desk/reports.types.ts';
export type { SeverityStats } from '../../../../../src/desk/report.model.ts';

/** One of a client's months, as the list of its reports gives it. */
export interface ReportMonth {
  month: string;
  complete: boolean;
}

/** The agency's overview of a month: every client with a plan (a portal user: their own). */
export const useMonthOverview = (month: string, enabled = true) =>
  useQuery({ queryKey: ['sla-reports', month], enabled, queryFn: () => api<{ month: string; items: ReportSummary[] }>('GET', `/sla-reports${query({ month })}`) });

/** A client's months with a report, newest first. */
export const useClientMonths = (clientId: string | null | undefined) =>
  useQuery({
    queryKey: ['sla-reports', 'client', clientId],
    enabled: Boolean(clientId),
    retry: false,
    queryFn: () => api<{ items: ReportMonth[] }>('GET', `/clients/${clientId}/sla-reports`),
  });

export const useMonthlyReport = (clientId: string, month: string) =>
  useQuery({
    queryKey: ['sla-report', clientId, month],
    retry: false,
    queryFn: () => api<MonthlyReport>('GET', `/clients/${encodeURIComponent(clientId)}/sla-reports/${encodeURIComponent(month)}`),
  });

/** A plain address, so the download goes through the browser with the session cookie. */
export const reportFileUrl = (clientId: string, month: string, kind: 'pdf' | 'csv') =>
  `/api/v1/clients/${encodeURIComponent(clientId)}/sla-reports/${encodeURIComponent(month)}/report.${kind}`;

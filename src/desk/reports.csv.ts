import { stringify } from 'csv-stringify/sync';
import { toDecimalString } from '../platform/money.ts';
import { SEVERITIES } from './plan.model.ts';
import type { SeverityStats } from './report.model.ts';
import type { MonthlyReport } from './reports.types.ts';

/**
 * The monthly report as CSV a spreadsheet opens: one section per part (the summary as field and
 * value, then sites, tickets by severity and incidents, each with its own header row), a blank
 * row between sections. RFC 4180 quoting (csv-stringify), CRLF line ends, UTF-8. Durations are
 * seconds and percentages plain numbers, so they can be summed and charted.
 */
type Cell = string | number | null;

/**
 * Text a person typed (a site's name, an incident's cause) that starts like a formula is opened as
 * text: a spreadsheet would otherwise run `=HYPERLINK(…)` from a site's name.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

function summaryRows(r: MonthlyReport): Cell[][] {
  const fee = r.plan.monthlyFee;
  const credit = r.credit;
  return [
    ['SLA report', text(r.client.name)],
    ['Client id', r.client.id],
    ['Month', r.month],
    ['Period from', r.period.from],
    ['Period to', r.period.to],
    ['Time zone', r.period.timeZone],
    ['Days', r.period.days],
    ['Complete', yesNo(r.complete)],
    ['Generated at', r.generatedAt],
    ['Plan', text(r.plan.name)],
    ['Uptime guarantee (%)', r.plan.guaranteePercent],
    ['Allowed downtime (s)', r.allowedDowntimeSeconds],
    ['Overall uptime (%)', r.uptime.overallPercent],
    ['Downtime (s)', r.uptime.downtimeSeconds],
    ['Monitored (s)', r.uptime.monitoredSeconds ?? null],
    ['Monthly fee', fee ? toDecimalString(fee.amount, fee.currency) : null],
    ['Credit tier: below (%)', credit?.tier?.belowPercent ?? null],
    ['Credit tier: credit (%)', credit?.tier?.creditPercent ?? null],
    ['Credit owed', credit ? toDecimalString(credit.amount.amount, credit.amount.currency) : null],
    ['Currency', credit?.amount.currency ?? fee?.currency ?? null],
    ['Convention', r.convention],
  ];
}

function siteRows(r: MonthlyReport): Cell[][] {
  return [
    ['Sites'],
    ['Monitor id', 'Site', 'Target', 'Uptime (%)', 'Downtime (s)', 'Maintenance (s)', 'Monitored (s)', 'Meets guarantee'],
    ...r.uptime.sites.map((s) => [s.monitorId, text(s.name), text(s.target), s.uptimePercent, s.downtimeSeconds, s.maintenanceSeconds, s.monitoredSeconds ?? null, yesNo(s.meetsGuarantee)]),
  ];
}

function statsRow(label: string, s: SeverityStats): Cell[] {
  return [label, s.tickets, s.firstResponse.counted, s.firstResponse.met, s.firstResponse.percentMet, s.resolution.counted, s.resolution.met, s.resolution.percentMet, s.medianMinutesToFirstResponse, s.medianMinutesToResolve];
}

function ticketRows(r: MonthlyReport): Cell[][] {
  return [
    ['Tickets'],
    ['Severity', 'Tickets', 'First response decided', 'First response met', 'First response met (%)', 'Resolution decided', 'Resolution met', 'Resolution met (%)', 'Median minutes to first response', 'Median minutes to resolve'],
    ...SEVERITIES.map((severity) => statsRow(severity, r.tickets.bySeverity[severity])),
    statsRow('all', r.tickets.all),
  ];
}

function incidentRows(r: MonthlyReport): Cell[][] {
  const rows: Cell[][] = [
    ['Incidents'],
    ['Incident id', 'Site', 'Started at', 'Resolved at', 'Duration in month (s)', 'Cause', 'Ticket id'],
    ...r.incidents.map((i) => [i.id, text(i.monitorName), i.startedAt, i.resolvedAt, i.durationSeconds, text(i.cause), i.ticketId]),
  ];
  if ((r.incidentsNotListed ?? 0) > 0) rows.push([`${r.incidentsNotListed} more incidents not listed`]);
  return rows;
}

export function reportCsvRows(r: MonthlyReport): Cell[][] {
  return [...summaryRows(r), [], ...siteRows(r), [], ...ticketRows(r), [], ...incidentRows(r)];
}

export function reportCsv(r: MonthlyReport): string {
  return stringify(reportCsvRows(r), { record_delimiter: 'windows' });
}

/** `sla-report-client-a-2026-11.csv`: the client's name as a safe file name part. */
export function reportFileName(r: MonthlyReport, extension: 'csv' | 'pdf'): string {
  const slug = r.client.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sla-report-${slug || r.client.id}-${r.month}.${extension}`;
}

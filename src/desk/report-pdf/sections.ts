import { COLOURS, ensureRoom, line, PAGE, paragraph, sectionTitle } from '../../platform/pdf/layout.ts';
import { table, type Cell } from '../../platform/pdf/table.ts';
import { DOWNTIME_CONVENTION } from '../credits.model.ts';
import { SEVERITIES } from '../plan.model.ts';
import type { SeverityStats } from '../report.model.ts';
import type { MonthlyReport } from '../reports.types.ts';
import { dailyAcrossSites } from './figures.ts';
import { dailyUptimeChart, ticketTargetChart } from './charts.ts';
import type { Sheet } from './sheet.ts';
import { uptimeText } from './summary.ts';

/** The report's body, section by section, each starting where the previous one ended. */

const continued = (sheet: Sheet, title: string) => `${title} (${sheet.texts.continued})`;

export function drawUptime(sheet: Sheet, report: MonthlyReport): void {
  const { texts, format } = sheet;
  const sites = report.uptime.sites;
  if (sites.length === 0) return;
  sectionTitle(sheet, texts.dailyUptime, 190);
  dailyUptimeChart(sheet, dailyAcrossSites(sites), report.plan.guaranteePercent);

  sectionTitle(sheet, texts.sites, 80);
  const rows: Cell[][] = sites.map((site) => [
    { text: site.name, detail: site.target },
    site.uptimePercent === null ? { text: texts.notMonitored, colour: COLOURS.muted } : uptimeText(sheet, report, site.uptimePercent),
    format.duration(site.downtimeSeconds),
    format.duration(site.maintenanceSeconds),
    site.meetsGuarantee === null ? { text: '—', colour: COLOURS.muted } : { text: site.meetsGuarantee ? texts.metShort : texts.missedShort, met: site.meetsGuarantee },
  ]);
  const columns = [
    { label: texts.site, width: 175 },
    { label: texts.uptime, width: 75, align: 'right' as const },
    { label: texts.downtime, width: 75, align: 'right' as const },
    { label: texts.maintenance, width: 75, align: 'right' as const },
    { label: texts.guarantee, width: PAGE.width - 400 },
  ];
  table(sheet, report.plan.guaranteePercent === null ? columns.slice(0, 4) : columns, rows, { continuedTitle: continued(sheet, texts.sites), rowHeight: 26 });
}

function ticketRow(sheet: Sheet, label: string, stats: SeverityStats): Cell[] {
  const { format } = sheet;
  const share = (percent: number | null) => (percent === null ? '—' : format.percent(percent));
  const minutes = (value: number | null) => (value === null ? '—' : format.duration(value * 60));
  return [
    label,
    format.number(stats.tickets),
    share(stats.firstResponse.percentMet),
    share(stats.resolution.percentMet),
    minutes(stats.medianMinutesToFirstResponse),
    minutes(stats.medianMinutesToResolve),
  ];
}

export function drawTickets(sheet: Sheet, report: MonthlyReport): void {
  const { texts } = sheet;
  const { all, bySeverity } = report.tickets;
  sectionTitle(sheet, texts.tickets, all.tickets === 0 ? 20 : 120);
  if (all.tickets === 0) {
    paragraph(sheet, texts.noTickets, { size: 9, colour: COLOURS.muted, gap: 14 });
    return;
  }
  const rows = [...SEVERITIES.map((s) => ticketRow(sheet, texts.severities[s], bySeverity[s])), ticketRow(sheet, texts.allSeverities, all)];
  const columns = [
    { label: texts.severity, width: 95 },
    { label: texts.ticketCount, width: 60, align: 'right' as const },
    { label: texts.withinResponse, width: 85, align: 'right' as const },
    { label: texts.withinResolution, width: 85, align: 'right' as const },
    { label: texts.medianResponse, width: 85, align: 'right' as const },
    { label: texts.medianResolution, width: PAGE.width - 410, align: 'right' as const },
  ];
  table(sheet, columns, rows, { continuedTitle: continued(sheet, texts.tickets), totalRows: 1 });
  ticketTargetChart(sheet, bySeverity);
}

export function drawIncidents(sheet: Sheet, report: MonthlyReport): void {
  const { texts, format } = sheet;
  sectionTitle(sheet, texts.incidents, report.incidents.length === 0 ? 20 : 80);
  if (report.incidents.length === 0) {
    paragraph(sheet, texts.noIncidents, { size: 9, colour: COLOURS.muted, gap: 14 });
    return;
  }
  const rows: Cell[][] = [...report.incidents]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((incident) => [
      format.instant(incident.startedAt),
      incident.monitorName,
      incident.resolvedAt === null
        ? { text: `${format.duration(incident.durationSeconds)}, ${texts.ongoing}`, colour: COLOURS.bad }
        : format.duration(incident.durationSeconds),
      incident.cause,
    ]);
  const columns = [
    { label: texts.started, width: 88 },
    { label: texts.site, width: 120 },
    { label: texts.duration, width: 82, align: 'right' as const, wrap: true },
    { label: texts.cause, width: PAGE.width - 290, wrap: true },
  ];
  table(sheet, columns, rows, { continuedTitle: continued(sheet, texts.incidents) });
  const notListed = report.incidentsNotListed ?? 0;
  if (notListed > 0) paragraph(sheet, texts.moreIncidents(format.number(notListed)), { size: 8.5, colour: COLOURS.muted, gap: 14 });
}

/** How downtime is counted (in the client's language when the report carries the standard wording) and, mid-month, that figures will change. */
export function drawNotes(sheet: Sheet, report: MonthlyReport): void {
  const { texts } = sheet;
  if (!report.complete) {
    ensureRoom(sheet, 40);
    const top = sheet.y;
    sheet.doc.roundedRect(PAGE.left, top, PAGE.width, 26, 4).fillAndStroke(COLOURS.noticePanel, COLOURS.notice);
    line(sheet, `${texts.figuresSoFar}${texts.colon}${texts.figuresSoFarNote}`, PAGE.left + 10, top + 8.5, { size: 8, colour: COLOURS.ink, width: PAGE.width - 20 });
    sheet.y = top + 36;
  }
  const convention = report.convention === DOWNTIME_CONVENTION ? texts.convention : report.convention;
  if (!convention) return;
  ensureRoom(sheet, 60);
  line(sheet, texts.howCounted, PAGE.left, sheet.y, { size: 8.5, bold: true, colour: COLOURS.muted });
  sheet.y += 13;
  paragraph(sheet, convention, { size: 7.8, colour: COLOURS.muted });
}

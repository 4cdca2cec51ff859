import { A4, COLOURS, line, mark, PAGE, paragraph, textWidth } from '../../platform/pdf/layout.ts';
import type { MonthlyReport } from '../reports.types.ts';
import { decimalsOf } from './format.ts';
import { meetsGuarantee } from './figures.ts';
import type { Sheet } from './sheet.ts';

/** The first things a client reads: whose report, which month, and whether the promise was kept. */

/** "Service report — November 2026", also the footer's words. */
export function reportTitle(sheet: Sheet, report: MonthlyReport): string {
  return `${sheet.texts.title} — ${sheet.format.month(report.month)}`;
}

/** Uptime shown at least as finely as the guarantee is written (99.95 % needs two decimals, 99.995 % three). */
export function uptimeText(sheet: Sheet, report: MonthlyReport, percent: number): string {
  return sheet.format.uptime(percent, Math.max(2, decimalsOf(report.plan.guaranteePercent ?? 0)));
}

function badge(sheet: Sheet, text: string, right: number, y: number): void {
  const width = textWidth(sheet, text, { size: 8, bold: true }) + 16;
  sheet.doc.roundedRect(right - width, y, width, 17, 8.5).fillAndStroke(COLOURS.noticePanel, COLOURS.notice);
  line(sheet, text, right - width + 8, y + 4.5, { size: 8, bold: true, colour: COLOURS.notice });
}

export function drawHeader(sheet: Sheet, report: MonthlyReport): void {
  const { doc, texts, format } = sheet;
  doc.rect(0, 0, A4.width, 8).fill(COLOURS.accent);
  // Above the title, in the margin, so a long title in any language keeps the full width.
  if (!report.complete) badge(sheet, texts.figuresSoFar, PAGE.right, 20);
  line(sheet, reportTitle(sheet, report), PAGE.left, 46, { size: 20, bold: true, colour: COLOURS.ink, width: PAGE.width });
  line(sheet, report.client.name, PAGE.left, 74, { size: 13, colour: COLOURS.muted, width: PAGE.width });
  const facts = [
    [texts.period, format.period(report.period.from, report.period.to)],
    [texts.timeZone, report.period.timeZone],
    [texts.plan, report.plan.name],
    [texts.generated, format.instant(report.generatedAt)],
  ].map(([label, value]) => `${label}${texts.colon}${value}`);
  line(sheet, facts.join('   ·   '), PAGE.left, 96, { size: 7.8, colour: COLOURS.muted, width: PAGE.width });
  sheet.y = 116;
}

interface Figure {
  label: string;
  value: string;
  colour?: string;
}

const LEAD_WIDTH = 170;
const ROW_HEIGHT = 40;

function figureCell(sheet: Sheet, figure: Figure, x: number, y: number, width: number): void {
  line(sheet, figure.label, x, y, { size: 7.5, bold: true, colour: COLOURS.muted, width });
  line(sheet, figure.value, x, y + 12, { size: 13, bold: true, colour: figure.colour ?? COLOURS.ink, width });
}

function creditValue(sheet: Sheet, report: MonthlyReport): Figure {
  const label = sheet.texts.serviceCredit;
  if (report.credit === null) return { label, value: report.uptime.overallPercent === null ? '—' : sheet.texts.noFee, colour: COLOURS.muted };
  if (report.credit.tier === null) return { label, value: sheet.texts.noCredit };
  return { label, value: sheet.format.money(report.credit.amount), colour: COLOURS.bad };
}

/** The figures beside the overall uptime, two by two: the guarantee's terms, the downtime, the credit. */
function figures(sheet: Sheet, report: MonthlyReport): Figure[] {
  const { texts, format } = sheet;
  const overall = report.uptime.overallPercent;
  const downtime: Figure = { label: texts.actualDowntime, value: overall === null ? '—' : format.duration(report.uptime.downtimeSeconds, 3) };
  const guarantee = report.plan.guaranteePercent;
  if (guarantee === null) return [downtime];
  const allowed = report.allowedDowntimeSeconds === null ? '—' : format.duration(report.allowedDowntimeSeconds, 3);
  return [{ label: texts.guarantee, value: format.percent(guarantee) }, { label: texts.allowedDowntime, value: allowed }, downtime, creditValue(sheet, report)];
}

/** The one line under the box: what is missing, or which credit tier was hit. */
function summaryNote(sheet: Sheet, report: MonthlyReport): string | null {
  const { texts, format } = sheet;
  if (report.uptime.overallPercent === null) return report.plan.guaranteePercent === null ? `${texts.noMonitoring} ${texts.noGuarantee}` : texts.noMonitoring;
  if (report.plan.guaranteePercent === null) return texts.noGuarantee;
  const tier = report.credit?.tier;
  return tier ? `${texts.serviceCredit}${texts.colon}${texts.creditTier(format.percent(tier.creditPercent), format.percent(tier.belowPercent))}.` : null;
}

export function drawSummary(sheet: Sheet, report: MonthlyReport): void {
  const { doc, texts } = sheet;
  const top = sheet.y;
  const overall = report.uptime.overallPercent;
  const met = meetsGuarantee(overall, report.plan.guaranteePercent);
  const shown = figures(sheet, report);
  // Room for the rows of figures, and under the big uptime for the met/missed line when there is one.
  const height = Math.max(Math.ceil(shown.length / 2) * ROW_HEIGHT + 22, met === null ? 72 : 102);
  doc.roundedRect(PAGE.left, top, PAGE.width, height, 6).fill(COLOURS.panel);
  line(sheet, texts.overallUptime, PAGE.left + 16, top + 16, { size: 7.5, bold: true, colour: COLOURS.muted, width: LEAD_WIDTH - 24 });
  line(sheet, overall === null ? '—' : uptimeText(sheet, report, overall), PAGE.left + 16, top + 31, { size: 26, bold: true, colour: COLOURS.ink, width: LEAD_WIDTH - 24 });
  if (met !== null) {
    mark(sheet, met, PAGE.left + 22, top + 78, 5.5);
    line(sheet, met ? texts.met : texts.missed, PAGE.left + 32, top + 73.5, { size: 8.5, bold: true, colour: met ? COLOURS.good : COLOURS.bad, width: LEAD_WIDTH - 40 });
  }
  const gridLeft = PAGE.left + LEAD_WIDTH;
  doc.moveTo(gridLeft - 12, top + 14).lineTo(gridLeft - 12, top + height - 14).lineWidth(0.6).strokeColor(COLOURS.rule).stroke();
  const cellWidth = (PAGE.right - gridLeft - 12) / 2;
  shown.forEach((figure, i) => {
    figureCell(sheet, figure, gridLeft + (i % 2) * cellWidth, top + 16 + Math.floor(i / 2) * ROW_HEIGHT, cellWidth - 12);
  });
  sheet.y = top + height + 8;
  const note = summaryNote(sheet, report);
  if (note) paragraph(sheet, note, { size: 8.5, colour: COLOURS.muted, gap: 4 });
  sheet.y += 6;
}

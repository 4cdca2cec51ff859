import { COLOURS, ensureRoom, line, PAGE, textWidth } from '../../platform/pdf/layout.ts';
import { SEVERITIES, type Severity } from '../plan.model.ts';
import type { SeverityStats } from '../report.model.ts';
import { meetsGuarantee, uptimeAxis, type DailyUptime } from './figures.ts';
import type { Sheet } from './sheet.ts';

/** The report's two charts, drawn with pdfkit's vector primitives: crisp at any zoom and tiny in size. */

const AXIS_WIDTH = 36;

function legendItem(sheet: Sheet, colour: string, label: string, x: number, y: number): number {
  sheet.doc.rect(x, y + 1, 8, 8).fill(colour);
  line(sheet, label, x + 12, y + 1, { size: 7.5, colour: COLOURS.muted });
  return x + 12 + textWidth(sheet, label, { size: 7.5 }) + 16;
}

function dayLabel(date: string): string {
  return String(Number(date.slice(8, 10)));
}

/** Bars of uptime per day, bars under the guarantee in red, the guarantee as a dashed line. */
export function dailyUptimeChart(sheet: Sheet, days: readonly DailyUptime[], guaranteePercent: number | null): void {
  const { doc, format } = sheet;
  const height = 150;
  ensureRoom(sheet, height + 40);
  const top = sheet.y + 4;
  const left = PAGE.left + AXIS_WIDTH;
  const width = PAGE.right - left;
  const axis = uptimeAxis(days, guaranteePercent);
  const yOf = (percent: number) => top + height - ((percent - axis.floor) / (100 - axis.floor)) * height;

  for (const tick of axis.ticks) {
    const y = yOf(tick);
    doc.moveTo(left, y).lineTo(PAGE.right, y).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
    line(sheet, format.percent(tick), PAGE.left, y - 4, { size: 7, colour: COLOURS.muted, width: AXIS_WIDTH - 6, align: 'right' });
  }

  const slot = width / Math.max(days.length, 1);
  const barWidth = Math.max(2, slot * 0.68);
  const labelEvery = slot >= 11 ? 1 : 2;
  days.forEach((day, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    if (day.uptimePercent === null) {
      doc.rect(x, top + height - 3, barWidth, 3).fill(COLOURS.noData);
    } else {
      const met = meetsGuarantee(day.uptimePercent, guaranteePercent);
      const y = yOf(day.uptimePercent);
      doc.rect(x, y, barWidth, Math.max(top + height - y, 0.8)).fill(met === false ? COLOURS.bad : met === true ? COLOURS.good : COLOURS.accent);
    }
    if (i % labelEvery === 0) line(sheet, dayLabel(day.date), left + i * slot, top + height + 4, { size: 6.5, colour: COLOURS.muted, width: slot, align: 'center' });
  });
  doc.moveTo(left, top + height).lineTo(PAGE.right, top + height).lineWidth(0.8).strokeColor(COLOURS.faint).stroke();

  if (guaranteePercent !== null) {
    const y = yOf(guaranteePercent);
    doc.moveTo(left, y).lineTo(PAGE.right, y).lineWidth(0.9).dash(3, { space: 2 }).strokeColor(COLOURS.ink).stroke().undash();
  }

  dailyLegend(sheet, days, guaranteePercent, left, top + height + 16);
  sheet.y = top + height + 40;
}

function dailyLegend(sheet: Sheet, days: readonly DailyUptime[], guaranteePercent: number | null, left: number, y: number): void {
  const { doc, texts, format } = sheet;
  let x = left;
  if (guaranteePercent !== null) {
    const label = `${texts.guarantee} ${format.percent(guaranteePercent)}`;
    doc.moveTo(x, y + 5).lineTo(x + 14, y + 5).lineWidth(0.9).dash(3, { space: 2 }).strokeColor(COLOURS.ink).stroke().undash();
    line(sheet, label, x + 18, y + 1, { size: 7.5, colour: COLOURS.muted });
    x += 18 + textWidth(sheet, label, { size: 7.5 }) + 16;
    x = legendItem(sheet, COLOURS.good, texts.atOrAboveGuarantee, x, y);
    x = legendItem(sheet, COLOURS.bad, texts.belowGuarantee, x, y);
  }
  if (days.some((d) => d.uptimePercent === null)) legendItem(sheet, COLOURS.noData, texts.noData, x, y);
}

const BAR_HEIGHT = 7;

function shareBar(sheet: Sheet, percent: number | null, colour: string, x: number, y: number, width: number): void {
  sheet.doc.rect(x, y, width, BAR_HEIGHT).fill(COLOURS.panel);
  if (percent === null) {
    line(sheet, sheet.texts.noTarget, x + 4, y - 0.5, { size: 6.5, colour: COLOURS.faint });
    return;
  }
  if (percent > 0) sheet.doc.rect(x, y, (width * percent) / 100, BAR_HEIGHT).fill(colour);
  line(sheet, sheet.format.percent(percent), x + width + 6, y - 0.5, { size: 7, colour: COLOURS.ink });
}

/** Per severity with tickets, two horizontal bars: share answered and share resolved within target. */
export function ticketTargetChart(sheet: Sheet, bySeverity: Record<Severity, SeverityStats>): void {
  const { texts } = sheet;
  const shown = SEVERITIES.filter((s) => bySeverity[s].tickets > 0);
  const rowHeight = 24;
  ensureRoom(sheet, 34 + shown.length * rowHeight);
  line(sheet, texts.withinTarget, PAGE.left, sheet.y, { size: 9, bold: true, colour: COLOURS.ink });
  let x = PAGE.left + 260;
  x = legendItem(sheet, COLOURS.accent, texts.firstResponse, x, sheet.y - 1);
  legendItem(sheet, COLOURS.accentLight, texts.resolution, x, sheet.y - 1);
  sheet.y += 20;
  const barLeft = PAGE.left + 100;
  const barWidth = PAGE.width - 100 - 40;
  for (const severity of shown) {
    const stats = bySeverity[severity];
    line(sheet, texts.severities[severity], PAGE.left, sheet.y + 4, { size: 8.5, colour: COLOURS.ink, width: 95 });
    shareBar(sheet, stats.firstResponse.percentMet, COLOURS.accent, barLeft, sheet.y, barWidth);
    shareBar(sheet, stats.resolution.percentMet, COLOURS.accentLight, barLeft, sheet.y + BAR_HEIGHT + 3, barWidth);
    sheet.y += rowHeight;
  }
  sheet.y += 8;
}

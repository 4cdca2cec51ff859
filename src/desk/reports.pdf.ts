import { drawFooters, openDocument } from '../platform/pdf/document.ts';
import { PAGE, registerFonts } from '../platform/pdf/layout.ts';
import { reportFormat } from './report-pdf/format.ts';
import { drawIncidents, drawNotes, drawTickets, drawUptime } from './report-pdf/sections.ts';
import type { Sheet } from './report-pdf/sheet.ts';
import { drawHeader, drawSummary, reportTitle } from './report-pdf/summary.ts';
import { reportLanguage, reportTexts } from './report-pdf/texts.ts';
import type { MonthlyReport } from './reports.types.ts';

/** The monthly SLA report as a PDF a client is happy to receive: in the client's language, with charts. */
export async function renderReportPdf(report: MonthlyReport): Promise<Buffer> {
  const language = reportLanguage(report.client.language);
  const texts = reportTexts(language);
  const format = reportFormat(language, report.period.timeZone, texts);
  const { doc, pdf } = openDocument(language);
  const sheet: Sheet = { doc, texts, format, fonts: registerFonts(doc), y: PAGE.top };
  const title = reportTitle(sheet, report);
  doc.info.Title = `${title} — ${report.client.name}`;
  doc.info.Subject = texts.title;

  drawHeader(sheet, report);
  drawSummary(sheet, report);
  drawUptime(sheet, report);
  drawTickets(sheet, report);
  drawIncidents(sheet, report);
  drawNotes(sheet, report);
  drawFooters(sheet, {
    label: `${report.client.name}  ·  ${title}`,
    pageOf: (page, pages) => texts.page(format.number(page), format.number(pages)),
  });
  doc.end();
  return pdf;
}

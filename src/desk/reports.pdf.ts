import PDFDocument from 'pdfkit';
import { reportFormat } from './report-pdf/format.ts';
import { COLOURS, line, PAGE, registerFonts, type Sheet } from './report-pdf/layout.ts';
import { drawIncidents, drawNotes, drawTickets, drawUptime } from './report-pdf/sections.ts';
import { drawHeader, drawSummary, reportTitle } from './report-pdf/summary.ts';
import { reportLanguage, reportTexts } from './report-pdf/texts.ts';
import type { MonthlyReport } from './reports.types.ts';

/** The monthly SLA report as a PDF a client is happy to receive: in the client's language, with charts. */
export async function renderReportPdf(report: MonthlyReport): Promise<Buffer> {
  const language = reportLanguage(report.client.language);
  const texts = reportTexts(language);
  const format = reportFormat(language, report.period.timeZone, texts);
  // Pages are kept until the end so each footer can say "page 2 of 5".
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, lang: language, displayTitle: true });
  const sheet: Sheet = { doc, texts, format, fonts: registerFonts(doc), y: PAGE.top };
  const title = reportTitle(sheet, report);
  doc.info.Title = `${title} — ${report.client.name}`;
  doc.info.Subject = texts.title;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(sheet, report);
  drawSummary(sheet, report);
  drawUptime(sheet, report);
  drawTickets(sheet, report);
  drawIncidents(sheet, report);
  drawNotes(sheet, report);
  drawFooters(sheet, `${report.client.name}  ·  ${title}`);
  doc.end();
  return done;
}

function drawFooters(sheet: Sheet, label: string): void {
  const { doc, texts, format } = sheet;
  const range = doc.bufferedPageRange();
  const y = PAGE.bottom + 30;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.moveTo(PAGE.left, y - 8).lineTo(PAGE.right, y - 8).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    const page = texts.page(format.number(i + 1), format.number(range.count));
    line(sheet, label, PAGE.left, y, { size: 7.5, colour: COLOURS.faint, width: PAGE.width - 110 });
    line(sheet, page, PAGE.right - 110, y, { size: 7.5, colour: COLOURS.muted, width: 110, align: 'right' });
  }
}

import PDFDocument from 'pdfkit';
import { A4, COLOURS, line, PAGE } from '../desk/report-pdf/layout.ts';
import { invoiceFormat } from './invoice-pdf/format.ts';
import { drawHeader, kindTitle } from './invoice-pdf/header.ts';
import { drawLines } from './invoice-pdf/lines.ts';
import { drawNotices } from './invoice-pdf/notices.ts';
import { invoiceSheet, type InvoiceSheet } from './invoice-pdf/sheet.ts';
import { drawTotals } from './invoice-pdf/totals.ts';
import { invoiceLanguage, invoiceTexts } from './invoice-pdf/texts.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** An invoice or credit note as an A4 PDF in the client's language, numbered pages, "Draft" across an unissued one. */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const language = invoiceLanguage(invoice.language);
  const texts = invoiceTexts(language);
  // Pages are kept until the end so each footer can say "page 2 of 5".
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, lang: language, displayTitle: true });
  const kind = kindTitle({ texts }, invoice);
  const title = invoice.number ? `${kind} ${invoice.number}` : `${kind} (${texts.draft})`;
  const sheet = invoiceSheet(doc, texts, invoiceFormat(language, invoice.currency), title);
  doc.info.Title = `${title} — ${invoice.buyer.name}`;
  doc.info.Author = invoice.seller.name;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(sheet, invoice);
  drawLines(sheet, invoice);
  drawTotals(sheet, invoice);
  drawNotices(sheet, invoice);
  drawPageMarks(sheet, invoice);
  doc.end();
  return done;
}

/** Footer on every page, and the draft mark across each page of an invoice not yet issued. */
function drawPageMarks(sheet: InvoiceSheet, invoice: InvoiceDocument): void {
  const { page, texts, format } = sheet;
  const range = page.doc.bufferedPageRange();
  const y = PAGE.bottom + 30;
  for (let i = range.start; i < range.start + range.count; i++) {
    page.doc.switchToPage(i);
    if (invoice.number === null) drawDraftMark(sheet);
    page.doc.moveTo(PAGE.left, y - 8).lineTo(PAGE.right, y - 8).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    line(page, `${invoice.seller.name}  ·  ${sheet.title}`, PAGE.left, y, { size: 7.5, colour: COLOURS.faint, width: PAGE.width - 110 });
    line(page, texts.page(format.number(i + 1), format.number(range.count)), PAGE.right - 110, y, { size: 7.5, colour: COLOURS.muted, width: 110, align: 'right' });
  }
}

function drawDraftMark(sheet: InvoiceSheet): void {
  const { doc } = sheet.page;
  const text = sheet.texts.draft.toUpperCase();
  doc.save();
  doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
  doc.font(sheet.page.fonts.bold).fontSize(96).fillColor(COLOURS.notice).fillOpacity(0.12);
  const width = doc.widthOfString(text);
  doc.text(text, (A4.width - width) / 2, A4.height / 2 - 48, { lineBreak: false });
  doc.restore();
}

import { drawFooters, openDocument } from '../platform/pdf/document.ts';
import { A4, COLOURS } from '../platform/pdf/layout.ts';
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
  const { doc, pdf } = openDocument(language);
  const kind = kindTitle({ texts }, invoice);
  const title = invoice.number ? `${kind} ${invoice.number}` : `${kind} (${texts.draft})`;
  const sheet = invoiceSheet(doc, texts, invoiceFormat(language, invoice.currency), title);
  doc.info.Title = `${title} — ${invoice.buyer.name}`;
  doc.info.Author = invoice.seller.name;

  drawHeader(sheet, invoice);
  drawLines(sheet, invoice);
  drawTotals(sheet, invoice);
  drawNotices(sheet, invoice);
  drawPageMarks(sheet, invoice);
  doc.end();
  return pdf;
}

/** Footer on every page, and the draft mark across each page of an invoice not yet issued. */
function drawPageMarks(sheet: InvoiceSheet, invoice: InvoiceDocument): void {
  const { texts, format } = sheet;
  drawFooters(sheet.page, {
    label: `${invoice.seller.name}  ·  ${sheet.title}`,
    pageOf: (page, pages) => texts.page(format.number(page), format.number(pages)),
    eachPage: invoice.number === null ? () => drawDraftMark(sheet) : undefined,
  });
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

/**
 * What the PDF is saved as: `invoice-2026-0001.pdf`, `credit-note-CN-2026-0001.pdf`, and a draft by
 * its id, `invoice-draft-inv_01J….pdf`. Numbers and ids are letters, digits, `-` and `_`: safe in a header.
 */
export function invoiceFileName(invoice: Pick<InvoiceDocument, 'id' | 'kind' | 'number'>): string {
  const kind = invoice.kind === 'credit-note' ? 'credit-note' : 'invoice';
  return invoice.number ? `${kind}-${invoice.number}.pdf` : `${kind}-draft-${invoice.id}.pdf`;
}

import { PAGE, registerFonts, type Sheet } from '../../desk/report-pdf/layout.ts';
import type { InvoiceFormat } from './format.ts';
import type { InvoiceTexts } from './texts.ts';

/** What every drawing function of the invoice is handed: the page to draw on, and the words and formats of the client's language. */
export interface InvoiceSheet {
  /** The document, its fonts and the cursor, in the shape the shared drawing helpers take. */
  page: Sheet;
  texts: InvoiceTexts;
  format: InvoiceFormat;
  /** "Invoice 2026-0042", "Credit note", repeated above a continued table and in the footer. */
  title: string;
}

export function invoiceSheet(doc: PDFKit.PDFDocument, texts: InvoiceTexts, format: InvoiceFormat, title: string): InvoiceSheet {
  // The line, block and table helpers read only the document, the fonts and the cursor of a Sheet;
  // the report's own words and formats are no part of an invoice, so they are left out here.
  const page = { doc, fonts: registerFonts(doc), y: PAGE.top } as Omit<Sheet, 'texts' | 'format'> as Sheet;
  return { page, texts, format, title };
}

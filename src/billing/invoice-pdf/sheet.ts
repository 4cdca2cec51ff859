import { PAGE, registerFonts, type PdfPage } from '../../platform/pdf/layout.ts';
import type { InvoiceFormat } from './format.ts';
import type { InvoiceTexts } from './texts.ts';

/** What every drawing function of the invoice is handed: the page to draw on, and the words and formats of the client's language. */
export interface InvoiceSheet {
  /** The document, its fonts and the cursor, in the shape the shared drawing helpers take. */
  page: PdfPage;
  texts: InvoiceTexts;
  format: InvoiceFormat;
  /** "Invoice 2026-0042", "Credit note", repeated above a continued table and in the footer. */
  title: string;
}

export function invoiceSheet(doc: PDFKit.PDFDocument, texts: InvoiceTexts, format: InvoiceFormat, title: string): InvoiceSheet {
  return { page: { doc, fonts: registerFonts(doc), y: PAGE.top }, texts, format, title };
}

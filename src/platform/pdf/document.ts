import PDFDocument from 'pdfkit';
import { COLOURS, line, PAGE, type PdfPage } from './layout.ts';

/**
 * An A4 document and the PDF it becomes. Pages are kept until the end so each footer can say
 * "page 2 of 5"; `pdf` settles once `doc.end()` has been called and the last byte is written.
 */
export function openDocument(language: string): { doc: PDFKit.PDFDocument; pdf: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, lang: language, displayTitle: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const pdf = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, pdf };
}

export interface Footer {
  /** Left, faint: whose document and what it is. */
  label: string;
  /** Right: "Page 2 of 5" in the document's language, from the page's number and the count. */
  pageOf: (page: number, pages: number) => string;
  /** Anything else every page carries, drawn first (under the footer). */
  eachPage?: () => void;
}

/** The footer on every page, drawn once all pages are known: a rule, the label, the page number. */
export function drawFooters(page: PdfPage, { label, pageOf, eachPage }: Footer): void {
  const { doc } = page;
  const range = doc.bufferedPageRange();
  const y = PAGE.bottom + 30;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    eachPage?.();
    doc.moveTo(PAGE.left, y - 8).lineTo(PAGE.right, y - 8).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    line(page, label, PAGE.left, y, { size: 7.5, colour: COLOURS.faint, width: PAGE.width - 110 });
    line(page, pageOf(i + 1, range.count), PAGE.right - 110, y, { size: 7.5, colour: COLOURS.muted, width: 110, align: 'right' });
  }
}

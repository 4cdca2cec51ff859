import { COLOURS, line, PAGE } from '../../platform/pdf/layout.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import type { InvoiceSheet } from './sheet.ts';

/**
 * The top of the first page: who sends it (left), what it is and when it is due (right), then who
 * it is for beside the amount to pay, the figure a client looks for first.
 */

const META_WIDTH = 220;
const PANEL_WIDTH = 270;

/** "Invoice" or "Credit note", without the number. */
export function kindTitle(sheet: Pick<InvoiceSheet, 'texts'>, doc: InvoiceDocument): string {
  return doc.kind === 'credit-note' ? sheet.texts.creditNote : sheet.texts.invoice;
}

export function drawHeader(sheet: InvoiceSheet, doc: InvoiceDocument): void {
  const top = sheet.page.y;
  const sellerBottom = drawSeller(sheet, doc, top);
  const metaBottom = drawMeta(sheet, doc, top);
  sheet.page.y = Math.max(sellerBottom, metaBottom) + 24;
  drawBuyerAndAmount(sheet, doc);
}

function drawSeller(sheet: InvoiceSheet, doc: InvoiceDocument, top: number): number {
  const { page } = sheet;
  const width = PAGE.width - META_WIDTH - 20;
  line(page, doc.seller.name, PAGE.left, top + 4, { size: 15, bold: true, colour: COLOURS.accent, width });
  let y = top + 26;
  const details = [...doc.seller.address, ...sellerNumbers(sheet, doc.seller), doc.seller.email];
  for (const detail of details) {
    if (!detail) continue;
    line(page, detail, PAGE.left, y, { size: 8.5, colour: COLOURS.muted, width });
    y += 12;
  }
  return y;
}

/** The seller's VAT and registration numbers as labelled lines, those it has. Shared with the receipt. */
export function sellerNumbers(sheet: Pick<InvoiceSheet, 'texts'>, seller: InvoiceDocument['seller']): string[] {
  const { texts } = sheet;
  const numbers: string[] = [];
  if (seller.vatNumber) numbers.push(`${texts.vatNumber}${texts.colon}${seller.vatNumber}`);
  if (seller.registrationNumber) numbers.push(`${texts.registrationNumber}${texts.colon}${seller.registrationNumber}`);
  return numbers;
}

function drawMeta(sheet: InvoiceSheet, doc: InvoiceDocument, top: number): number {
  const { page, texts, format } = sheet;
  const left = PAGE.right - META_WIDTH;
  line(page, kindTitle(sheet, doc), left, top, { size: 24, bold: true, colour: COLOURS.ink, width: META_WIDTH, align: 'right' });
  let y = top + 36;
  const rows: [string, string][] = [];
  rows.push([texts.number, doc.number ?? texts.draft]);
  if (doc.issuedOn) rows.push([texts.issued, format.date(doc.issuedOn)]);
  if (doc.dueOn && doc.kind === 'invoice') rows.push([texts.due, format.date(doc.dueOn)]);
  for (const [label, value] of rows) {
    const isDraft = doc.number === null && label === texts.number;
    line(page, label, left, y, { size: 8.5, colour: COLOURS.muted, width: 100 });
    line(page, value, left + 100, y, { size: 9, bold: true, colour: isDraft ? COLOURS.notice : COLOURS.ink, width: META_WIDTH - 100, align: 'right' });
    y += 14;
  }
  if (doc.kind === 'credit-note' && doc.correcting) {
    line(page, texts.corrects(doc.correcting), left, y + 2, { size: 8.5, colour: COLOURS.accent, width: META_WIDTH, align: 'right' });
    y += 16;
  }
  return y;
}

function drawBuyerAndAmount(sheet: InvoiceSheet, doc: InvoiceDocument): void {
  const { page, texts } = sheet;
  const buyerLines = [...doc.buyer.address, doc.buyer.vatNumber ? `${texts.vatNumber}${texts.colon}${doc.buyer.vatNumber}` : null].filter((l): l is string => !!l);
  const height = Math.max(78, 44 + buyerLines.length * 12);
  const top = page.y;
  page.doc.roundedRect(PAGE.left, top, PANEL_WIDTH, height, 4).fill(COLOURS.panel);
  line(page, texts.billedTo.toUpperCase(), PAGE.left + 14, top + 12, { size: 7, bold: true, colour: COLOURS.muted, width: PANEL_WIDTH - 28 });
  line(page, doc.buyer.name, PAGE.left + 14, top + 25, { size: 10.5, bold: true, width: PANEL_WIDTH - 28 });
  buyerLines.forEach((text, i) => line(page, text, PAGE.left + 14, top + 42 + i * 12, { size: 8.5, colour: COLOURS.muted, width: PANEL_WIDTH - 28 }));
  drawAmountBox(sheet, doc, top, height);
  page.y = top + height + 26;
}

/** The figure to pay (or credited), white on the accent colour, with the due date under it. */
function drawAmountBox(sheet: InvoiceSheet, doc: InvoiceDocument, top: number, height: number): void {
  const { page, texts, format } = sheet;
  const width = PAGE.width - PANEL_WIDTH - 16;
  const left = PAGE.right - width;
  const isCredit = doc.kind === 'credit-note';
  page.doc.roundedRect(left, top, width, height, 4).fill(COLOURS.accent);
  const label = isCredit ? texts.totalCredited : texts.amountDue;
  line(page, label.toUpperCase(), left + 14, top + 12, { size: 7, bold: true, colour: '#dce8f4', width: width - 28 });
  line(page, format.money(isCredit ? doc.totals.total : doc.amountDue), left + 14, top + 27, { size: 20, bold: true, colour: '#ffffff', width: width - 28 });
  if (doc.dueOn && !isCredit) {
    line(page, `${texts.due}${texts.colon}${format.date(doc.dueOn)}`, left + 14, top + height - 20, { size: 8.5, colour: '#dce8f4', width: width - 28 });
  }
}

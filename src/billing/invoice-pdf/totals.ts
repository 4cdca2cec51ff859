import { COLOURS, ensureRoom, line, PAGE } from '../../platform/pdf/layout.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import type { InvoiceSheet } from './sheet.ts';

/**
 * The totals under the lines, on the right: subtotal, one tax line per rate with the base it is
 * taken on, the total, and for an invoice what is paid and what is still due. Kept on one page.
 */

const WIDTH = 270;
const ROW = 17;

interface TotalRow {
  label: string;
  value: string;
  strong?: boolean;
}

function rows(sheet: InvoiceSheet, doc: InvoiceDocument): TotalRow[] {
  const { texts, format } = sheet;
  const { totals } = doc;
  const list: TotalRow[] = [{ label: texts.subtotal, value: format.money(totals.subtotal) }];
  for (const tax of totals.taxes) {
    list.push({ label: texts.taxOn(format.rateLabel(tax.rate), format.amount(tax.base)), value: format.money(tax.tax) });
  }
  const isCredit = doc.kind === 'credit-note';
  list.push({ label: isCredit ? texts.totalCredited : texts.total, value: format.money(totals.total), strong: true });
  if (!isCredit && doc.paid !== 0) list.push({ label: texts.paid, value: format.money(-doc.paid) });
  return list;
}

export function drawTotals(sheet: InvoiceSheet, doc: InvoiceDocument): void {
  const { page, texts, format } = sheet;
  const list = rows(sheet, doc);
  const showDue = doc.kind === 'invoice';
  ensureRoom(page, list.length * ROW + (showDue ? 34 : 0) + 10);
  const left = PAGE.right - WIDTH;
  for (const { label, value, strong } of list) {
    if (strong) {
      page.doc.moveTo(left, page.y - 3).lineTo(PAGE.right, page.y - 3).lineWidth(0.8).strokeColor(COLOURS.ink).stroke();
      page.y += 3;
    }
    line(page, label, left + 8, page.y, { size: strong ? 10 : 9, bold: strong, colour: strong ? COLOURS.ink : COLOURS.muted, width: WIDTH - 118 });
    line(page, value, PAGE.right - 110, page.y, { size: strong ? 10 : 9, bold: strong, width: 102, align: 'right' });
    page.y += ROW;
  }
  if (showDue) {
    page.doc.rect(left, page.y, WIDTH, 28).fill(COLOURS.panel);
    line(page, texts.amountDue, left + 8, page.y + 8, { size: 11, bold: true, colour: COLOURS.accent, width: WIDTH - 130 });
    line(page, format.money(doc.amountDue), PAGE.right - 122, page.y + 8, { size: 11, bold: true, colour: COLOURS.accent, width: 114, align: 'right' });
    page.y += 28;
  }
  page.y += 22;
}

import { COLOURS, ensureRoom, line, PAGE, printable } from '../../platform/pdf/layout.ts';
import { printedIban } from '../seller/bank.model.ts';
import type { BankTransfer } from '../seller/seller.model.ts';
import type { InvoiceSheet } from './sheet.ts';

/**
 * Where to pay by transfer, in a panel: the account (IBAN in groups of four, as a person types it
 * into a bank's form), free instructions for accounts without an IBAN, and the reference to
 * quote — the invoice number — in bold, since that is what matches the money to the invoice.
 */
const LABEL_WIDTH = 120;
const ROW = 14;
const PADDING = 12;

export function drawBankTransfer(sheet: InvoiceSheet, transfer: BankTransfer): void {
  const { page, texts } = sheet;
  const rows = transferRows(sheet, transfer);
  const instructionsWidth = PAGE.width - 2 * PADDING;
  const instructionsHeight = transfer.instructions ? instructionsTextHeight(sheet, transfer.instructions, instructionsWidth) + 4 : 0;
  const quote = transfer.reference !== null;
  const height = PADDING + 18 + rows.length * ROW + instructionsHeight + (quote ? ROW : 0) + PADDING - 4;
  ensureRoom(page, height + 20);
  const top = page.y;
  page.doc.roundedRect(PAGE.left, top, PAGE.width, height, 4).lineWidth(0.8).strokeColor(COLOURS.accentLight).stroke();
  const x = PAGE.left + PADDING;
  line(page, texts.payByTransfer, x, top + PADDING, { size: 9.5, bold: true, colour: COLOURS.accent, width: instructionsWidth });
  let y = top + PADDING + 18;
  for (const { label, value, strong } of rows) {
    line(page, label, x, y, { size: 8.5, colour: COLOURS.muted, width: LABEL_WIDTH - 8 });
    line(page, value, x + LABEL_WIDTH, y, { size: 9, bold: strong, colour: COLOURS.ink, width: instructionsWidth - LABEL_WIDTH });
    y += ROW;
  }
  if (transfer.instructions) {
    page.doc.font(page.fonts.regular).fontSize(8.5).fillColor(COLOURS.ink);
    page.doc.text(printable(page, transfer.instructions), x, y + 2, { width: instructionsWidth, lineGap: 1.5 });
    y += instructionsHeight;
  }
  if (quote) line(page, texts.quoteReference, x, y + 2, { size: 8, colour: COLOURS.muted, width: instructionsWidth });
  page.y = top + height + 20;
}

function transferRows(sheet: InvoiceSheet, transfer: BankTransfer): { label: string; value: string; strong?: boolean }[] {
  const { texts } = sheet;
  const rows: { label: string; value: string; strong?: boolean }[] = [{ label: texts.accountHolder, value: transfer.accountHolder }];
  if (transfer.iban) rows.push({ label: texts.iban, value: printedIban(transfer.iban), strong: true });
  if (transfer.bic) rows.push({ label: texts.bic, value: transfer.bic });
  if (transfer.reference) rows.push({ label: texts.reference, value: transfer.reference, strong: true });
  return rows;
}

function instructionsTextHeight(sheet: InvoiceSheet, text: string, width: number): number {
  const { page } = sheet;
  page.doc.font(page.fonts.regular).fontSize(8.5);
  return page.doc.heightOfString(printable(page, text), { width, lineGap: 1.5 });
}

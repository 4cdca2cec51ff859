import { COLOURS, ensureRoom, line, PAGE, paragraph } from '../../platform/pdf/layout.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { drawBankTransfer } from './bank-transfer.ts';
import type { InvoiceSheet } from './sheet.ts';

/** What follows the totals: the reverse-charge notice the law asks for, where to pay by transfer and online, and the notes. */
export function drawNotices(sheet: InvoiceSheet, doc: InvoiceDocument): void {
  if (doc.totals.reverseCharge) drawReverseCharge(sheet);
  if (doc.bankTransfer && doc.kind === 'invoice') drawBankTransfer(sheet, doc.bankTransfer);
  if (doc.paymentLink && doc.kind === 'invoice') drawPaymentLink(sheet, doc.paymentLink);
  if (doc.notes?.trim()) drawNotes(sheet, doc.notes.trim());
}

function drawReverseCharge(sheet: InvoiceSheet): void {
  const { page, texts } = sheet;
  const width = PAGE.width - 28;
  page.doc.font(page.fonts.bold).fontSize(9);
  const height = page.doc.heightOfString(texts.reverseCharge, { width, lineGap: 1.5 }) + 34;
  ensureRoom(page, height);
  page.doc.rect(PAGE.left, page.y, PAGE.width, height).fill(COLOURS.noticePanel);
  page.doc.rect(PAGE.left, page.y, 3, height).fill(COLOURS.notice);
  page.y += 10;
  paragraph(page, texts.reverseCharge, { size: 9, bold: true, x: PAGE.left + 14, width, gap: 2 });
  line(page, texts.reverseChargeLaw, PAGE.left + 14, page.y, { size: 8.5, colour: COLOURS.muted, width });
  // The law's line, the panel's padding under it, then the gap to what follows.
  page.y += 12 + 10 + 20;
}

function drawPaymentLink(sheet: InvoiceSheet, link: string): void {
  const { page, texts } = sheet;
  ensureRoom(page, 34);
  line(page, texts.payOnline, PAGE.left, page.y, { size: 9, bold: true, colour: COLOURS.ink });
  page.y += 13;
  line(page, link, PAGE.left, page.y, { size: 9, colour: COLOURS.accent, width: PAGE.width });
  page.doc.link(PAGE.left, page.y, Math.min(PAGE.width, page.doc.widthOfString(link)), 11, link);
  page.y += 24;
}

function drawNotes(sheet: InvoiceSheet, notes: string): void {
  const { page, texts } = sheet;
  ensureRoom(page, 40);
  line(page, texts.notes, PAGE.left, page.y, { size: 9, bold: true, colour: COLOURS.ink });
  page.y += 14;
  paragraph(page, notes, { size: 9, colour: COLOURS.muted });
}

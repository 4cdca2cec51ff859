import { COLOURS, line, PAGE, type PdfPage } from '../../platform/pdf/layout.ts';
import type { InvoiceFormat } from '../invoice-pdf/format.ts';
import { sellerNumbers } from '../invoice-pdf/header.ts';
import type { InvoiceTexts } from '../invoice-pdf/texts.ts';
import type { ReceiptDocument } from './receipt.types.ts';
import { methodName, type ReceiptTexts } from './texts.ts';

/**
 * A receipt is one page: who issued it and what it is (top), who paid beside the amount (the
 * figure a client looks for), then the invoice it was for and where that stood right after it.
 */
export interface ReceiptSheet {
  page: PdfPage;
  texts: ReceiptTexts;
  /** The words a receipt shares with the invoice: the colon, "VAT number", "Invoice", "Page 1 of 1". */
  invoiceTexts: InvoiceTexts;
  format: InvoiceFormat;
  /** "Receipt" or "Refund". */
  title: string;
}

const META_WIDTH = 240;
const PANEL_WIDTH = 270;
const ROW = 20;

const isRefund = (receipt: ReceiptDocument) => receipt.kind === 'refund';

export function drawTop(sheet: ReceiptSheet, receipt: ReceiptDocument): void {
  const { page, texts, invoiceTexts: words, format } = sheet;
  const top = page.y;
  const sellerWidth = PAGE.width - META_WIDTH - 20;
  line(page, receipt.seller.name, PAGE.left, top + 4, { size: 15, bold: true, colour: COLOURS.accent, width: sellerWidth });
  const details = [...receipt.seller.address, ...sellerNumbers({ texts: words }, receipt.seller), receipt.seller.email];
  let sellerY = top + 26;
  for (const detail of details.filter((d): d is string => !!d)) {
    line(page, detail, PAGE.left, sellerY, { size: 8.5, colour: COLOURS.muted, width: sellerWidth });
    sellerY += 12;
  }
  const left = PAGE.right - META_WIDTH;
  line(page, sheet.title, left, top, { size: 24, bold: true, colour: COLOURS.ink, width: META_WIDTH, align: 'right' });
  const rows: [string, string][] = [
    [isRefund(receipt) ? texts.refundDate : texts.receiptDate, format.date(receipt.receivedOn)],
    [words.invoice, receipt.invoice.number ?? words.draft],
  ];
  let metaY = top + 36;
  for (const [label, value] of rows) {
    line(page, label, left, metaY, { size: 8.5, colour: COLOURS.muted, width: 120 });
    line(page, value, left + 120, metaY, { size: 9, bold: true, width: META_WIDTH - 120, align: 'right' });
    metaY += 14;
  }
  page.y = Math.max(sellerY, metaY) + 24;
}

/** The client on the left, the amount on the right in white on the accent colour. */
export function drawPayerAndAmount(sheet: ReceiptSheet, receipt: ReceiptDocument): void {
  const { page, texts, invoiceTexts: words, format } = sheet;
  const { buyer } = receipt;
  const buyerLines = [...buyer.address, buyer.vatNumber ? `${words.vatNumber}${words.colon}${buyer.vatNumber}` : null].filter((l): l is string => !!l);
  const height = Math.max(78, 44 + buyerLines.length * 12);
  const top = page.y;
  page.doc.roundedRect(PAGE.left, top, PANEL_WIDTH, height, 4).fill(COLOURS.panel);
  const party = isRefund(receipt) ? texts.refundedTo : texts.receivedFrom;
  line(page, party.toUpperCase(), PAGE.left + 14, top + 12, { size: 7, bold: true, colour: COLOURS.muted, width: PANEL_WIDTH - 28 });
  line(page, buyer.name, PAGE.left + 14, top + 25, { size: 10.5, bold: true, width: PANEL_WIDTH - 28 });
  buyerLines.forEach((text, i) => line(page, text, PAGE.left + 14, top + 42 + i * 12, { size: 8.5, colour: COLOURS.muted, width: PANEL_WIDTH - 28 }));

  const width = PAGE.width - PANEL_WIDTH - 16;
  const left = PAGE.right - width;
  page.doc.roundedRect(left, top, width, height, 4).fill(COLOURS.accent);
  const label = isRefund(receipt) ? texts.amountRefunded : texts.amountReceived;
  line(page, label.toUpperCase(), left + 14, top + 12, { size: 7, bold: true, colour: '#dce8f4', width: width - 28 });
  line(page, format.money(receipt.amount), left + 14, top + 27, { size: 20, bold: true, colour: '#ffffff', width: width - 28 });
  if (receipt.invoice.number) line(page, texts.forInvoice(receipt.invoice.number), left + 14, top + height - 20, { size: 8.5, colour: '#dce8f4', width: width - 28 });
  page.y = top + height + 30;
}

/** The invoice as it stood right after this payment, and how and under which id the money moved. */
export function drawDetails(sheet: ReceiptSheet, receipt: ReceiptDocument): void {
  const { page, texts, format } = sheet;
  const { invoice } = receipt;
  const rows: { label: string; value: string; strong?: boolean }[] = [{ label: texts.invoiceTotal, value: format.money(invoice.total) }];
  if (invoice.credited !== 0) rows.push({ label: texts.credited, value: format.money(-invoice.credited) });
  rows.push({ label: texts.paidToDate, value: format.money(invoice.paid) });
  rows.push({ label: isRefund(receipt) ? texts.dueAfterRefund : texts.dueAfterPayment, value: format.money(invoice.dueAfter), strong: true });
  rows.push({ label: texts.method, value: methodName(texts, receipt.gateway, receipt.methodLabel) });
  rows.push({ label: texts.paymentId, value: receipt.paymentId });
  for (const { label, value, strong } of rows) {
    if (strong) page.doc.rect(PAGE.left, page.y - 6, PAGE.width, ROW).fill(COLOURS.panel);
    line(page, label, PAGE.left + 8, page.y, { size: 9.5, bold: strong, colour: strong ? COLOURS.accent : COLOURS.muted, width: PAGE.width / 2 });
    line(page, value, PAGE.left + PAGE.width / 2, page.y, { size: 9.5, bold: true, colour: strong ? COLOURS.accent : COLOURS.ink, width: PAGE.width / 2 - 8, align: 'right' });
    page.y += ROW;
    page.doc.moveTo(PAGE.left, page.y - 6).lineTo(PAGE.right, page.y - 6).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
  }
  page.y += 16;
  if (!isRefund(receipt) && invoice.dueAfter === 0 && invoice.number) {
    line(page, texts.paidInFull(invoice.number), PAGE.left, page.y, { size: 10, bold: true, colour: COLOURS.good, width: PAGE.width });
    page.y += 20;
  }
}

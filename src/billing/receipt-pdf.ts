import { drawFooters, openDocument } from '../platform/pdf/document.ts';
import { PAGE, registerFonts } from '../platform/pdf/layout.ts';
import { invoiceFormat } from './invoice-pdf/format.ts';
import { invoiceLanguage, invoiceTexts } from './invoice-pdf/texts.ts';
import { drawDetails, drawPayerAndAmount, drawTop, type ReceiptSheet } from './receipt-pdf/layout.ts';
import type { ReceiptDocument } from './receipt-pdf/receipt.types.ts';
import { receiptTexts } from './receipt-pdf/texts.ts';

export type { ReceiptDocument } from './receipt-pdf/receipt.types.ts';

/** A payment's receipt (or a refund's) as a one-page A4 PDF in the client's language, in the invoice's look. */
export async function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const language = invoiceLanguage(receipt.language);
  const texts = receiptTexts(language);
  const { doc, pdf } = openDocument(language);
  const title = receipt.kind === 'refund' ? texts.refund : texts.receipt;
  const sheet: ReceiptSheet = { page: { doc, fonts: registerFonts(doc), y: PAGE.top }, texts, invoiceTexts: invoiceTexts(language), format: invoiceFormat(language, receipt.currency), title };
  doc.info.Title = `${title} — ${receipt.buyer.name}`;
  doc.info.Author = receipt.seller.name;

  drawTop(sheet, receipt);
  drawPayerAndAmount(sheet, receipt);
  drawDetails(sheet, receipt);
  drawFooters(sheet.page, {
    label: [receipt.seller.name, title, receipt.invoice.number ? `${sheet.invoiceTexts.invoice} ${receipt.invoice.number}` : null].filter(Boolean).join('  ·  '),
    pageOf: (page, pages) => sheet.invoiceTexts.page(sheet.format.number(page), sheet.format.number(pages)),
  });
  doc.end();
  return pdf;
}

/** `receipt-2026-0001-pay_01J….pdf`, `refund-…`: the invoice it was for and the payment, safe in a header. */
export function receiptFileName(receipt: Pick<ReceiptDocument, 'kind' | 'paymentId' | 'invoice'>): string {
  const invoice = receipt.invoice.number ? `${receipt.invoice.number}-` : '';
  return `${receipt.kind === 'refund' ? 'refund' : 'receipt'}-${invoice}${receipt.paymentId}.pdf`;
}

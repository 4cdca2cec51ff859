import type { InvoiceLanguage } from '../invoice-pdf/texts.ts';

/**
 * The fixed words of a receipt, in the languages invoices are written in. Words a receipt shares
 * with the invoice (the colon, "VAT number", "Page 1 of 1") come from the invoice's texts.
 */
export interface ReceiptTexts {
  receipt: string;
  /** The title of a refund's receipt, in place of "Receipt". */
  refund: string;
  receiptDate: string;
  refundDate: string;
  receivedFrom: string;
  refundedTo: string;
  amountReceived: string;
  amountRefunded: string;
  forInvoice: (invoiceNumber: string) => string;
  invoiceTotal: string;
  credited: string;
  paidToDate: string;
  dueAfterPayment: string;
  dueAfterRefund: string;
  method: string;
  /** The method of money a person recorded by hand: a bank transfer, cash. */
  direct: string;
  paymentId: string;
  paidInFull: (invoiceNumber: string) => string;
}

const en: ReceiptTexts = {
  receipt: 'Receipt',
  refund: 'Refund',
  receiptDate: 'Receipt date',
  refundDate: 'Refund date',
  receivedFrom: 'Received from',
  refundedTo: 'Refunded to',
  amountReceived: 'Amount received',
  amountRefunded: 'Amount refunded',
  forInvoice: (n) => `For invoice ${n}`,
  invoiceTotal: 'Invoice total',
  credited: 'Credited',
  paidToDate: 'Paid to date',
  dueAfterPayment: 'Still due after this payment',
  dueAfterRefund: 'Still due after this refund',
  method: 'Payment method',
  direct: 'Direct payment, recorded by hand',
  paymentId: 'Payment ID',
  paidInFull: (n) => `Invoice ${n} is paid in full. Thank you.`,
};

const fr: ReceiptTexts = {
  receipt: 'Reçu',
  refund: 'Remboursement',
  receiptDate: 'Date du reçu',
  refundDate: 'Date du remboursement',
  receivedFrom: 'Reçu de',
  refundedTo: 'Remboursé à',
  amountReceived: 'Montant reçu',
  amountRefunded: 'Montant remboursé',
  forInvoice: (n) => `Pour la facture ${n}`,
  invoiceTotal: 'Total de la facture',
  credited: 'Avoirs',
  paidToDate: 'Réglé à ce jour',
  dueAfterPayment: 'Reste à payer après ce paiement',
  dueAfterRefund: 'Reste à payer après ce remboursement',
  method: 'Moyen de paiement',
  direct: 'Paiement direct, enregistré manuellement',
  paymentId: 'Identifiant du paiement',
  paidInFull: (n) => `La facture ${n} est entièrement réglée. Merci.`,
};

const sv: ReceiptTexts = {
  receipt: 'Kvitto',
  refund: 'Återbetalning',
  receiptDate: 'Kvittodatum',
  refundDate: 'Återbetalningsdatum',
  receivedFrom: 'Mottaget från',
  refundedTo: 'Återbetalt till',
  amountReceived: 'Mottaget belopp',
  amountRefunded: 'Återbetalt belopp',
  forInvoice: (n) => `Avser faktura ${n}`,
  invoiceTotal: 'Fakturans summa',
  credited: 'Krediterat',
  paidToDate: 'Betalt hittills',
  dueAfterPayment: 'Kvar att betala efter denna betalning',
  dueAfterRefund: 'Kvar att betala efter denna återbetalning',
  method: 'Betalningssätt',
  direct: 'Direktbetalning, registrerad manuellt',
  paymentId: 'Betalnings-ID',
  paidInFull: (n) => `Faktura ${n} är betald i sin helhet. Tack!`,
};

const nl: ReceiptTexts = {
  receipt: 'Betalingsbewijs',
  refund: 'Terugbetaling',
  receiptDate: 'Datum van ontvangst',
  refundDate: 'Datum van terugbetaling',
  receivedFrom: 'Ontvangen van',
  refundedTo: 'Terugbetaald aan',
  amountReceived: 'Ontvangen bedrag',
  amountRefunded: 'Terugbetaald bedrag',
  forInvoice: (n) => `Voor factuur ${n}`,
  invoiceTotal: 'Factuurtotaal',
  credited: 'Gecrediteerd',
  paidToDate: 'Tot nu toe betaald',
  dueAfterPayment: 'Nog te betalen na deze betaling',
  dueAfterRefund: 'Nog te betalen na deze terugbetaling',
  method: 'Betaalmethode',
  direct: 'Rechtstreekse betaling, handmatig geboekt',
  paymentId: 'Betalings-ID',
  paidInFull: (n) => `Factuur ${n} is volledig betaald. Hartelijk dank.`,
};

const da: ReceiptTexts = {
  receipt: 'Kvittering',
  refund: 'Tilbagebetaling',
  receiptDate: 'Kvitteringsdato',
  refundDate: 'Tilbagebetalingsdato',
  receivedFrom: 'Modtaget fra',
  refundedTo: 'Tilbagebetalt til',
  amountReceived: 'Modtaget beløb',
  amountRefunded: 'Tilbagebetalt beløb',
  forInvoice: (n) => `Vedrørende faktura ${n}`,
  invoiceTotal: 'Fakturabeløb',
  credited: 'Krediteret',
  paidToDate: 'Betalt indtil nu',
  dueAfterPayment: 'Restbeløb efter denne betaling',
  dueAfterRefund: 'Restbeløb efter denne tilbagebetaling',
  method: 'Betalingsmetode',
  direct: 'Direkte betaling, registreret manuelt',
  paymentId: 'Betalings-ID',
  paidInFull: (n) => `Faktura ${n} er betalt fuldt ud. Tak!`,
};

const ru: ReceiptTexts = {
  receipt: 'Квитанция',
  refund: 'Возврат',
  receiptDate: 'Дата получения',
  refundDate: 'Дата возврата',
  receivedFrom: 'Плательщик',
  refundedTo: 'Получатель возврата',
  amountReceived: 'Получено',
  amountRefunded: 'Возвращено',
  forInvoice: (n) => `По счёту ${n}`,
  invoiceTotal: 'Сумма счёта',
  credited: 'Скорректировано',
  paidToDate: 'Оплачено всего',
  dueAfterPayment: 'Остаток к оплате после этого платежа',
  dueAfterRefund: 'Остаток к оплате после этого возврата',
  method: 'Способ оплаты',
  direct: 'Прямой платёж, внесён вручную',
  paymentId: 'Идентификатор платежа',
  paidInFull: (n) => `Счёт ${n} оплачен полностью. Спасибо!`,
};

const TEXTS: Record<InvoiceLanguage, ReceiptTexts> = { en, fr, sv, nl, da, ru };

export function receiptTexts(language: InvoiceLanguage): ReceiptTexts {
  return TEXTS[language];
}

/** Gateways by the names their clients know them by. */
const GATEWAY_NAMES: Record<string, string> = { stripe: 'Stripe', paypal: 'PayPal' };

/** "Stripe · Visa ·· 4242", "PayPal", or the words for money recorded by hand. */
export function methodName(texts: ReceiptTexts, gateway: string | null, label: string | null): string {
  if (!gateway) return label ?? texts.direct;
  const name = GATEWAY_NAMES[gateway] ?? gateway;
  return label ? `${name} · ${label}` : name;
}

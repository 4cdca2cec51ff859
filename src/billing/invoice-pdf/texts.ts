import { pickLanguage } from '../../platform/pdf/language.ts';
import { da } from './locales/da.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';
import { nl } from './locales/nl.ts';
import { ru } from './locales/ru.ts';
import { sv } from './locales/sv.ts';

/** Every fixed word of an invoice or credit note, in one language. Figures are formatted with Intl, not here. */
export interface InvoiceTexts {
  invoice: string;
  creditNote: string;
  /** Printed instead of a number, and across the page, until the invoice is issued. */
  draft: string;
  /** Between a label and its value: ": ", in French " : ". */
  colon: string;
  number: string;
  issued: string;
  due: string;
  billedTo: string;
  vatNumber: string;
  /** The seller's company registration number, as its country calls it. */
  registrationNumber: string;
  description: string;
  quantity: string;
  unitPrice: string;
  tax: string;
  net: string;
  /** Above the lines table, whose figures carry no currency sign. */
  amountsIn: (currency: string) => string;
  subtotal: string;
  /** One tax line per rate: "VAT 25 % on 199.00". */
  taxOn: (rate: string, base: string) => string;
  total: string;
  totalCredited: string;
  paid: string;
  amountDue: string;
  /** The notice Article 226(11a) of Directive 2006/112/EC asks for, as the client's language words it… */
  reverseCharge: string;
  /** …and the provision it rests on, printed on its own line so "2006/112/EC" is never split at a slash. */
  reverseChargeLaw: string;
  corrects: (invoiceNumber: string) => string;
  payOnline: string;
  /** The bank transfer panel: its title, the account's labels, and the reference (the invoice number) to quote. */
  payByTransfer: string;
  accountHolder: string;
  iban: string;
  bic: string;
  reference: string;
  quoteReference: string;
  notes: string;
  /** Above the repeated table header on a continuation page: "Invoice 2026-0042 (continued)". */
  continued: (title: string) => string;
  page: (page: string, pages: string) => string;
}

/** English first: an invoice for a client reading any other language is written in it. */
export const INVOICE_LANGUAGES = ['en', 'fr', 'sv', 'nl', 'da', 'ru'] as const;
export type InvoiceLanguage = (typeof INVOICE_LANGUAGES)[number];

const TEXTS: Record<InvoiceLanguage, InvoiceTexts> = { en, fr, sv, nl, da, ru };

/** `sv-SE`, `SV`, `sv_se` → `sv`; a language invoices are not written in → `en`. */
export function invoiceLanguage(raw: string | null | undefined): InvoiceLanguage {
  return pickLanguage(raw, INVOICE_LANGUAGES);
}

export function invoiceTexts(language: InvoiceLanguage): InvoiceTexts {
  return TEXTS[language];
}

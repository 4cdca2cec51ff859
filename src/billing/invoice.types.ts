import type { InvoiceState } from './invoice-states.model.ts';
import type { InvoiceTotals, TaxRate } from './invoice.model.ts';
import type { BankTransfer } from './seller/seller.model.ts';

/**
 * An invoice or credit note as a document: what its PDF shows and what the API returns for it.
 * Amounts are minor units of `currency`; quantities are thousandths (QUANTITY_SCALE).
 */
export interface InvoiceDocument {
  id: string;
  kind: 'invoice' | 'credit-note';
  /** Null while a draft: the number is taken when it is issued. */
  number: string | null;
  state: InvoiceState;
  issuedOn: string | null;
  dueOn: string | null;
  currency: string;
  /** The client's language (en, fr, sv, nl, da, ru): the PDF is written in it. */
  language: string;
  seller: Party & { email: string | null; registrationNumber?: string | null };
  buyer: Party & { clientId: string };
  lines: InvoiceDocumentLine[];
  totals: InvoiceTotals;
  /** Paid so far and still owed. */
  paid: number;
  amountDue: number;
  /** A credit note: the number of the invoice it corrects. */
  correcting: string | null;
  notes: string | null;
  /** Where the client can pay online, if a gateway is set up. */
  paymentLink: string | null;
  /** Where to pay by transfer while something is owed and no automatic charge is coming; absent or null: not asked. */
  bankTransfer?: BankTransfer | null;
}

export interface Party {
  name: string;
  /** Address lines as printed. */
  address: string[];
  vatNumber: string | null;
}

export interface InvoiceDocumentLine {
  description: string;
  /** The service period this line pays for, `YYYY-MM-DD`; null for a one-off line. */
  periodFrom: string | null;
  periodTo: string | null;
  quantity: number;
  unitPrice: number;
  taxRate: TaxRate | null;
  net: number;
}

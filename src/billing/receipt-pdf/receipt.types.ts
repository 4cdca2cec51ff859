import type { InvoiceDocument } from '../invoice.types.ts';

/**
 * A payment or refund as its receipt shows it: who paid whom, how much, when, how, and where the
 * invoice stood right after it. Amounts are positive minor units of `currency`.
 */
export interface ReceiptDocument {
  paymentId: string;
  kind: 'payment' | 'refund';
  amount: number;
  currency: string;
  /** The day the money arrived (or went back), in the agency's calendar: `YYYY-MM-DD`. */
  receivedOn: string;
  /** Null for money a person recorded by hand. */
  gateway: string | null;
  /** The saved method's label, such as "Visa ·· 4242", when known. */
  methodLabel: string | null;
  /** The client's language, as on its invoices. */
  language: string;
  seller: InvoiceDocument['seller'];
  buyer: InvoiceDocument['buyer'];
  invoice: {
    id: string;
    number: string | null;
    total: number;
    /** By the time of this payment: credit notes issued, payments less refunds, and what was still owed. */
    credited: number;
    paid: number;
    dueAfter: number;
  };
}

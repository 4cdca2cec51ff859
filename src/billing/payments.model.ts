import { amountDue } from './invoice-states.model.ts';

/**
 * An invoice's money over time: payments and refunds as received, credit notes as issued. A
 * receipt shows the invoice as it stood right after its payment, so what counts is everything
 * received or credited up to that moment, not what came later. Pure.
 */
export interface LedgerPayment {
  id: string;
  kind: 'payment' | 'refund';
  /** Minor units, always positive; a refund takes it back. */
  amount: number;
  receivedAt: string;
  /** When it was recorded: orders two received at the same instant. */
  createdAt: string;
}

export interface LedgerCredit {
  /** What the credit note gives back, as a positive amount. */
  amount: number;
  issuedAt: string;
}

export interface Standing {
  /** Payments less refunds up to and including the one asked about. */
  paid: number;
  credited: number;
  /** What was still owed then; never negative. */
  due: number;
}

/**
 * Oldest first: by when the money arrived, then by when it was recorded, then by id. Instants are
 * compared as times, not as text: `…12:00:00Z` and `…12:00:00.000Z` are the same moment.
 */
export function inLedgerOrder<P extends LedgerPayment>(payments: readonly P[]): P[] {
  const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  return [...payments].sort((a, b) => byTime(a.receivedAt, b.receivedAt) || byTime(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The invoice right after `paymentId`: what had been paid and credited by then and what was still due. */
export function standingAfter(invoiceTotal: number, payments: readonly LedgerPayment[], credits: readonly LedgerCredit[], paymentId: string): Standing {
  const ordered = inLedgerOrder(payments);
  const upTo = ordered.findIndex((p) => p.id === paymentId);
  if (upTo < 0) throw new Error(`payment ${paymentId} is not in this ledger`);
  const at = Date.parse(ordered[upTo]!.receivedAt);
  const paid = ordered.slice(0, upTo + 1).reduce((sum, p) => sum + (p.kind === 'refund' ? -p.amount : p.amount), 0);
  const credited = credits.filter((c) => Date.parse(c.issuedAt) <= at).reduce((sum, c) => sum + c.amount, 0);
  return { paid, credited, due: amountDue(invoiceTotal - credited, paid) };
}

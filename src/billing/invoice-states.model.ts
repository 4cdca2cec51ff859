/**
 * An invoice's life. A draft can be edited and has no number; issuing it gives it the next number
 * and makes it open. Payments move it to partially paid or paid; a person can void an open
 * invoice (never a paid one: a credit note corrects that) or write it off as uncollectible, which a
 * late payment can still settle. Gateways report the truth, so a payment is accepted in any state
 * that can still owe money.
 */
export const INVOICE_STATES = ['draft', 'open', 'partially-paid', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** What a person (or a billing run) may do; payments and refunds follow stateAfterPayments instead. */
const MOVES: Record<InvoiceState, readonly InvoiceState[]> = {
  draft: ['open', 'void'],
  open: ['partially-paid', 'paid', 'void', 'uncollectible'],
  'partially-paid': ['paid', 'uncollectible'],
  uncollectible: ['partially-paid', 'paid'],
  paid: [],
  void: [],
};

export function allowedMoves(from: InvoiceState): readonly InvoiceState[] {
  return MOVES[from];
}

export function canMove(from: InvoiceState, to: InvoiceState): boolean {
  return MOVES[from].includes(to);
}

/** The state after payments total `paid` of `total` (minor units); refunds lower `paid`. */
export function stateAfterPayments(current: InvoiceState, total: number, paid: number): InvoiceState {
  if (current === 'draft' || current === 'void') return current;
  if (paid >= total) return 'paid';
  if (paid > 0) return 'partially-paid';
  return current === 'uncollectible' ? 'uncollectible' : 'open';
}

/** What is still owed; never negative (an overpayment is the gateway's to refund, shown separately). */
export function amountDue(total: number, paid: number): number {
  return Math.max(0, total - paid);
}

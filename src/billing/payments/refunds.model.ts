import { refundRefPrefix } from './webhooks.model.ts';

/**
 * The rules of a refund a person makes from Upkeep, with no I/O. Only a payment (never a refund)
 * can be refunded, by more than nothing and at most what remains unrefunded of it, in its own
 * currency. A refund through a gateway is recorded under the reference the gateway's own webhook
 * would give it (see webhooks.model.ts `refundToRecord`), so that webhook, arriving later, finds
 * it recorded and counts nothing twice.
 */
export interface RefundablePayment {
  kind: 'payment' | 'refund';
  /** Minor units. */
  amount: number;
  currency: string;
}

export interface RefundAsk {
  /** Minor units; left out: all that remains. */
  amount?: number | undefined;
  currency?: string | undefined;
}

/** A broken rule, with the request field it is about (`paymentId` is the path's). */
export class RefundRuleError extends Error {
  constructor(
    readonly field: 'paymentId' | 'amount' | 'currency',
    message: string,
  ) {
    super(message);
  }
}

/** What is left to give back of a payment once `refunded` (recorded or under way) is taken off. */
export const remainingOf = (payment: RefundablePayment, refunded: number): number => (payment.kind === 'payment' ? Math.max(0, payment.amount - refunded) : 0);

/** The amount to refund for `ask`; throws RefundRuleError when a rule is broken. */
export function refundAmount(payment: RefundablePayment, refunded: number, ask: RefundAsk): number {
  if (payment.kind !== 'payment') throw new RefundRuleError('paymentId', 'is a refund: only a payment can be refunded');
  if (ask.currency !== undefined && ask.currency !== payment.currency) throw new RefundRuleError('currency', `must be the payment's currency, ${payment.currency}`);
  const remaining = remainingOf(payment, refunded);
  if (remaining === 0) throw new RefundRuleError('amount', 'nothing of this payment remains to refund');
  const amount = ask.amount ?? remaining;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RefundRuleError('amount', 'must be a whole number of minor units above 0');
  if (amount > remaining) throw new RefundRuleError('amount', `must be at most ${remaining}, what remains unrefunded of this payment`);
  return amount;
}

/** The idempotency key a refund is sent under: the same request sent again is the same refund. */
export const refundKey = (paymentId: string, requestKey: string): string => `refund:${paymentId}:${requestKey}`;

/**
 * The ledger reference of a refund made through a gateway, in the webhook's shape. Stripe reports a
 * charge's refunded total so far, recorded under that total: the refunds of the charge recorded
 * before, plus this one. PayPal reports each refund by its id.
 */
export function ledgerRefOf(gateway: 'stripe' | 'paypal', chargeRef: string, recordedOfCharge: number, amount: number, refundRef: string): string {
  return gateway === 'stripe' ? cumulativeRefOf(chargeRef, recordedOfCharge, amount) : `${refundRefPrefix(chargeRef)}${refundRef}`;
}

/**
 * The reference a cumulative webhook (Stripe's, or PayPal's when it carries the total refunded)
 * records this refund under when it arrives before the gateway's answer was recorded: the total
 * refunded of the charge when the refund was asked for, plus its amount. Finding it recorded means
 * the webhook came first, and the refund is not recorded again.
 */
export const cumulativeRefOf = (chargeRef: string, refundedBefore: number, amount: number): string => `${refundRefPrefix(chargeRef)}${refundedBefore + amount}`;

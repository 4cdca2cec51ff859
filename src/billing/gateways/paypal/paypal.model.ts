import { createHash } from 'node:crypto';
import type { Order, PaymentTokenResponse } from '@paypal/paypal-server-sdk';
import { toDecimalString, type Money } from '../../../platform/money.ts';
import { declineKind } from '../declines.ts';
import type { ChargeOutcome, SavedMethod } from '../gateway.ts';

/**
 * PayPal's answers turned into billing's words, with no I/O: which vault customer a client is,
 * what a saved payment token is called on screen, and what an order or an error means for a charge.
 */

/**
 * PayPal's vault has no "create customer" call: a customer comes into being with its first setup
 * token, under an id we choose (1–22 characters of `[0-9A-Za-z_-]`). Deriving it from our client
 * id makes `ensureCustomer` idempotent without storing anything at PayPal first.
 */
export function vaultCustomerId(clientId: string): string {
  return `up${createHash('sha256').update(clientId).digest('hex').slice(0, 20)}`;
}

/**
 * A saved method's ref names its kind too (`card:<token>`, `paypal:<token>`), because an order
 * charging a vaulted token has to say which kind of payment source it is.
 */
export type MethodKind = 'card' | 'paypal';

export function methodRef(kind: MethodKind, tokenId: string): string {
  return `${kind}:${tokenId}`;
}

export function parseMethodRef(ref: string): { kind: MethodKind; tokenId: string } | null {
  const match = /^(card|paypal):([A-Za-z0-9_-]+)$/.exec(ref);
  return match ? { kind: match[1] as MethodKind, tokenId: match[2]! } : null;
}

export function savedMethod(token: PaymentTokenResponse): SavedMethod | null {
  if (!token.id) return null;
  const card = token.paymentSource?.card;
  if (card) {
    const [year, month] = (card.expiry ?? '').split('-').map(Number);
    const brand = card.brand ? titleCase(card.brand) : 'Card';
    return {
      ref: methodRef('card', token.id),
      kind: 'card',
      label: card.lastDigits ? `${brand} ·· ${card.lastDigits}` : brand,
      expMonth: month || null,
      expYear: year || null,
    };
  }
  const paypal = token.paymentSource?.paypal;
  if (paypal) {
    const label = paypal.emailAddress ? `PayPal · ${paypal.emailAddress}` : 'PayPal';
    return { ref: methodRef('paypal', token.id), kind: 'paypal', label, expMonth: null, expYear: null };
  }
  return null;
}

function titleCase(text: string): string {
  return text.charAt(0) + text.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** PayPal amounts are decimal strings in the currency's own minor digits (`9.99`, `1200`). */
export function paypalAmount(money: Money): { currencyCode: string; value: string } {
  return { currencyCode: money.currency, value: toDecimalString(money.amount, money.currency) };
}

/** What an order created with intent CAPTURE says about the charge. */
export function orderOutcome(order: Order): ChargeOutcome {
  const capture = order.purchaseUnits?.[0]?.payments?.captures?.[0];
  if (order.status === 'PAYER_ACTION_REQUIRED') {
    return declined(order.id ?? null, 'PAYER_ACTION_REQUIRED', 'The payer has to approve this payment at PayPal.');
  }
  if (!capture?.id) return { status: 'pending', chargeRef: order.id ?? '' };
  if (capture.status === 'COMPLETED') return { status: 'succeeded', chargeRef: capture.id };
  if (capture.status === 'PENDING') return { status: 'pending', chargeRef: capture.id };
  const code = capture.processorResponse?.responseCode ?? capture.status ?? 'DECLINED';
  return declined(capture.id, code, `The capture was ${String(capture.status ?? 'not completed').toLowerCase()}.`);
}

/** PayPal's error body: a name, a message and issues such as INSTRUMENT_DECLINED. */
export interface PaypalErrorBody {
  name?: string;
  message?: string;
  /** The OAuth token endpoint's shape (`invalid_client`) instead of a name. */
  error?: string;
  details?: { issue?: string; description?: string }[];
}

/**
 * A 422 whose issue is about the payer's instrument is a decline, not a failure; anything else is
 * for the caller to treat as an error.
 */
export function declineFromError(status: number, body: PaypalErrorBody | undefined): ChargeOutcome | null {
  if (status !== 422) return null;
  const detail = body?.details?.find((item) => item.issue && declineKind(item.issue) !== 'soft') ?? body?.details?.[0];
  const issue = detail?.issue;
  if (!issue || (!DECLINE_ISSUES.has(issue) && declineKind(issue) === 'soft')) return null;
  return declined(null, issue, detail?.description ?? body?.message ?? issue);
}

/** Issues PayPal reports on an order that are about the money, not about our request. */
const DECLINE_ISSUES: ReadonlySet<string> = new Set([
  'INSTRUMENT_DECLINED', 'PAYER_ACTION_REQUIRED', 'TRANSACTION_REFUSED', 'PAYER_CANNOT_PAY',
  'PAYEE_BLOCKED_TRANSACTION', 'COMPLIANCE_VIOLATION', 'MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED',
  'PAYER_ACCOUNT_RESTRICTED', 'PAYER_ACCOUNT_LOCKED_OR_CLOSED', 'CARD_CLOSED', 'CARD_EXPIRED',
]);

function declined(chargeRef: string | null, code: string, message: string): ChargeOutcome {
  return { status: 'declined', chargeRef, decline: declineKind(code), code, message };
}

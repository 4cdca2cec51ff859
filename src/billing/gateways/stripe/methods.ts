import type Stripe from 'stripe';
import type { SavedMethod } from '../gateway.ts';

/** Card brands as Stripe spells them, as people know them. */
const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  cartes_bancaires: 'Cartes Bancaires',
  eftpos_au: 'eftpos',
  interac: 'Interac',
};

/** Other saved method kinds by their usual names; the rest by Stripe's type name. */
const METHOD_NAMES: Record<string, string> = {
  sepa_debit: 'SEPA Direct Debit',
  us_bank_account: 'US bank account',
  bacs_debit: 'Bacs Direct Debit',
  au_becs_debit: 'BECS Direct Debit',
  acss_debit: 'Pre-authorized debit',
  link: 'Link',
};

/**
 * A saved method as people see it: brand and last four digits ("Visa ·· 4242"), never more.
 * Stripe itself never hands out more than the last four; the label is built from those fields
 * only, so nothing else it might send could end up on a page.
 */
export function methodOfPaymentMethod(method: Stripe.PaymentMethod): SavedMethod {
  if (method.type === 'card' && method.card) {
    const brand = BRANDS[method.card.brand] ?? capitalised(method.card.brand);
    return { ref: method.id, kind: 'card', label: `${brand} ·· ${lastFour(method.card.last4)}`, expMonth: method.card.exp_month, expYear: method.card.exp_year };
  }
  if (method.type === 'paypal') return { ref: method.id, kind: 'paypal', label: 'PayPal', expMonth: null, expYear: null };
  const name = METHOD_NAMES[method.type] ?? capitalised(method.type.replace(/_/g, ' '));
  const details = (method as unknown as Record<string, { last4?: string | null } | undefined>)[method.type];
  const last4 = details?.last4 ? lastFour(details.last4) : '';
  return { ref: method.id, kind: 'other', label: last4 ? `${name} ·· ${last4}` : name, expMonth: null, expYear: null };
}

function lastFour(digits: string): string {
  return digits.replace(/\D/g, '').slice(-4);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

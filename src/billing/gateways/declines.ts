import type { DeclineKind } from '../dunning.model.ts';

/**
 * Gateways' decline codes sorted into what dunning can do about them. Stripe's codes are its
 * `decline_code` (or `code` when there is none); PayPal's are its processor response and issue
 * names. Anything unknown is soft: a retry costs little, while giving up on a good card loses a
 * renewal.
 */
const HARD: ReadonlySet<string> = new Set([
  // Stripe
  'stolen_card', 'lost_card', 'pickup_card', 'fraudulent', 'restricted_card', 'card_not_supported',
  'currency_not_supported', 'invalid_account', 'new_account_information_available', 'do_not_try_again',
  'revocation_of_all_authorizations', 'revocation_of_authorization', 'security_violation',
  'service_not_allowed', 'stop_payment_order', 'transaction_not_allowed', 'incorrect_number',
  'invalid_number', 'expired_card',
  // PayPal
  'INSTRUMENT_DECLINED', 'PAYER_ACCOUNT_RESTRICTED', 'PAYER_ACCOUNT_LOCKED_OR_CLOSED', 'CARD_CLOSED', 'CARD_EXPIRED',
]);

const NEEDS_CUSTOMER: ReadonlySet<string> = new Set(['authentication_required', 'PAYER_ACTION_REQUIRED']);

export function declineKind(code: string | null | undefined): DeclineKind {
  if (!code) return 'soft';
  if (HARD.has(code)) return 'hard';
  if (NEEDS_CUSTOMER.has(code)) return 'needs-customer';
  return 'soft';
}

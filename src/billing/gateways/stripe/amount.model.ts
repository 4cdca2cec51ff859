import type { Money } from '../../../platform/money.ts';

/**
 * Stripe takes amounts in minor units like we store them, with one exception: the Icelandic
 * króna has no minor unit (ISO 4217, and so our Money), but Stripe's API still expects it in
 * hundredths for backwards compatibility. Three-decimal currencies (BHD, KWD, …) are three-decimal
 * on both sides; Stripe refuses those whose last digit is not 0, which surfaces as a 400.
 */
const TWO_DECIMAL_AT_STRIPE: ReadonlySet<string> = new Set(['ISK']);

export function toStripeAmount(money: Money): { amount: number; currency: string } {
  const factor = TWO_DECIMAL_AT_STRIPE.has(money.currency) ? 100 : 1;
  return { amount: money.amount * factor, currency: money.currency.toLowerCase() };
}

/** An amount Stripe reports (a refund, a charge) back in our minor units. */
export function fromStripeAmount(amount: number, currency: string): { amount: number; currency: string } {
  const code = currency.toUpperCase();
  const factor = TWO_DECIMAL_AT_STRIPE.has(code) ? 100 : 1;
  return { amount: Math.round(amount / factor), currency: code };
}

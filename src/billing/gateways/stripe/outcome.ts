import Stripe from 'stripe';
import { declineKind } from '../declines.ts';
import { GatewayError, type ChargeOutcome } from '../gateway.ts';

/**
 * Stripe's answers in billing's terms. A PaymentIntent's status says where a charge stands; a card
 * error says why the bank said no; everything else is a failure to talk to Stripe, worth retrying
 * when the fault is on the way or on Stripe's side, and not when Stripe understood and refused us.
 */
export function outcomeOfPaymentIntent(intent: Stripe.PaymentIntent): ChargeOutcome {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', chargeRef: intent.id };
    case 'processing':
    case 'requires_capture':
    case 'requires_confirmation':
      return { status: 'pending', chargeRef: intent.id };
    case 'requires_action':
      // Off-session nobody is there to pass 3-D Secure: the card holder must pay themselves.
      return { status: 'declined', chargeRef: intent.id, decline: 'needs-customer', code: 'authentication_required', message: 'The card holder must confirm this payment.' };
    default: {
      const error = intent.last_payment_error;
      const code = error?.decline_code ?? error?.code ?? (intent.status === 'canceled' ? 'canceled' : 'card_declined');
      return { status: 'declined', chargeRef: intent.id, decline: declineKind(code), code, message: error?.message ?? `The payment is ${intent.status}.` };
    }
  }
}

/** A charge that threw: a decline is an outcome, anything else a GatewayError. */
export function outcomeOfChargeError(err: unknown): ChargeOutcome {
  if (err instanceof Stripe.errors.StripeCardError) {
    const code = err.decline_code ?? err.code ?? 'card_declined';
    return { status: 'declined', chargeRef: err.payment_intent?.id ?? null, decline: declineKind(code), code, message: err.message };
  }
  throw gatewayError(err, 'charge');
}

/** Stripe codes that mean "busy, ask again" even though they come with a 4xx. */
const TEMPORARY_CODES: ReadonlySet<string> = new Set(['lock_timeout', 'rate_limit']);

export function gatewayError(err: unknown, doing: string): GatewayError {
  if (err instanceof GatewayError) return err;
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new GatewayError(`Stripe ${doing} failed: ${err instanceof Error ? err.message : String(err)}`, true);
  }
  const status = err.statusCode;
  const said = `${err.message}${status ? ` (HTTP ${status}${err.code ? `, ${err.code}` : ''})` : ''}`;
  if (err instanceof Stripe.errors.StripeConnectionError) return new GatewayError(`Stripe could not be reached for ${doing}: ${said}`, true);
  const retryable = status === undefined || status >= 500 || status === 429 || status === 409 || TEMPORARY_CODES.has(err.code ?? '');
  return new GatewayError(retryable ? `Stripe failed ${doing} for now: ${said}` : `Stripe refused ${doing}: ${said}`, retryable);
}

import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway.ts';
import { gatewayError, outcomeOfChargeError, outcomeOfPaymentIntent } from './outcome.ts';

const intent = (status: string, lastPaymentError: Record<string, string> | null = null) =>
  ({ id: 'pi_1', object: 'payment_intent', status, last_payment_error: lastPaymentError }) as unknown as Stripe.PaymentIntent;

describe('outcomeOfPaymentIntent', () => {
  it('reads where a PaymentIntent stands', () => {
    expect(outcomeOfPaymentIntent(intent('succeeded'))).toEqual({ status: 'succeeded', chargeRef: 'pi_1' });
    expect(outcomeOfPaymentIntent(intent('processing'))).toEqual({ status: 'pending', chargeRef: 'pi_1' });
    expect(outcomeOfPaymentIntent(intent('requires_action'))).toMatchObject({ status: 'declined', decline: 'needs-customer', code: 'authentication_required' });
  });

  it('sorts the last payment error by its decline code, falling back to its code', () => {
    expect(outcomeOfPaymentIntent(intent('requires_payment_method', { code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.' }))).toEqual({
      status: 'declined',
      chargeRef: 'pi_1',
      decline: 'hard',
      code: 'lost_card',
      message: 'Your card was declined.',
    });
    expect(outcomeOfPaymentIntent(intent('requires_payment_method', { code: 'expired_card', message: 'Your card has expired.' }))).toMatchObject({ decline: 'hard', code: 'expired_card' });
    expect(outcomeOfPaymentIntent(intent('canceled'))).toMatchObject({ status: 'declined', decline: 'soft', code: 'canceled' });
  });
});

describe('outcomeOfChargeError', () => {
  it('turns a card error into a decline carrying the PaymentIntent', () => {
    const err = new Stripe.errors.StripeCardError({ message: 'Your card has insufficient funds.', statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds', payment_intent: intent('requires_payment_method') } as never);
    expect(outcomeOfChargeError(err)).toEqual({ status: 'declined', chargeRef: 'pi_1', decline: 'soft', code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });

  it('throws anything else as a GatewayError', () => {
    expect(() => outcomeOfChargeError(new Stripe.errors.StripeAPIError({ message: 'boom', statusCode: 500 } as never))).toThrow(GatewayError);
  });
});

describe('gatewayError', () => {
  const raw = (statusCode: number, code?: string) => ({ message: 'said Stripe', statusCode, ...(code ? { code } : {}) }) as never;

  it('retries what went wrong on the way or at Stripe', () => {
    expect(gatewayError(new Stripe.errors.StripeConnectionError({ message: 'timed out' } as never), 'charge').retryable).toBe(true);
    expect(gatewayError(new Stripe.errors.StripeAPIError(raw(503)), 'charge').retryable).toBe(true);
    expect(gatewayError(new Stripe.errors.StripeRateLimitError(raw(429)), 'charge').retryable).toBe(true);
    expect(gatewayError(new Stripe.errors.StripeInvalidRequestError(raw(409)), 'charge').retryable).toBe(true);
    expect(gatewayError(new Stripe.errors.StripeInvalidRequestError(raw(400, 'lock_timeout')), 'charge').retryable).toBe(true);
    expect(gatewayError(new Error('socket hang up'), 'charge').retryable).toBe(true);
  });

  it('does not retry what Stripe understood and refused', () => {
    const refused = gatewayError(new Stripe.errors.StripeInvalidRequestError(raw(400, 'parameter_invalid_integer')), 'charge');
    expect(refused.retryable).toBe(false);
    expect(refused.message).toBe('Stripe refused charge: said Stripe (HTTP 400, parameter_invalid_integer)');
    expect(gatewayError(new Stripe.errors.StripeAuthenticationError(raw(401)), 'charge').retryable).toBe(false);
    expect(gatewayError(new Stripe.errors.StripePermissionError(raw(403)), 'charge').retryable).toBe(false);
    expect(gatewayError(new Stripe.errors.StripeIdempotencyError(raw(400)), 'charge').retryable).toBe(false);
  });
});

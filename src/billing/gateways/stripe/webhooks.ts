import Stripe from 'stripe';
import type { Money } from '../../../platform/money.ts';
import { IDEMPOTENCY_METADATA_KEY } from './adapter.ts';
import type { ChargeOutcome } from '../gateway.ts';
import { fromStripeAmount } from './amount.model.ts';
import { outcomeOfPaymentIntent } from './outcome.ts';

/** Stripe's own default: an event signed more than five minutes ago is a replay, not a delivery. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The request is not from Stripe (unsigned, tampered, stale, or signed with another secret): answer 400. */
export class StripeSignatureError extends Error {}

export interface StripeWebhookOptions {
  /**
   * The endpoint's signing secrets (`whsec_…`). More than one while a secret is being rolled:
   * Stripe then signs with the old and the new one, and either is enough.
   */
  secrets: readonly string[];
  toleranceSeconds?: number;
  /** When the request arrived, for the tolerance; now unless told. */
  receivedAt?: Date;
}

/**
 * A webhook request checked with the SDK's signature scheme (HMAC-SHA256 over `timestamp.body`
 * in the `Stripe-Signature` header, any of several `v1` signatures may match) and parsed into
 * the SDK's typed event. The body must be the raw bytes as received: re-serialised JSON no
 * longer matches the signature.
 */
export function verifyStripeWebhook(rawBody: Buffer | string, signatureHeader: string | string[] | undefined, options: StripeWebhookOptions): Stripe.Event {
  const header = Array.isArray(signatureHeader) ? signatureHeader.join(',') : signatureHeader;
  if (!header || !header.trim()) throw new StripeSignatureError('The request carries no Stripe-Signature header.');
  if (options.secrets.length === 0) throw new StripeSignatureError('No Stripe webhook secret is configured.');
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const receivedAt = (options.receivedAt ?? new Date()).getTime();
  let refusal = 'The Stripe signature does not verify.';
  for (const secret of options.secrets) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, header, secret, tolerance, undefined, receivedAt);
    } catch (err) {
      if (!(err instanceof Stripe.errors.StripeSignatureVerificationError)) throw err;
      refusal = err.message;
    }
  }
  throw new StripeSignatureError(refusal);
}

/**
 * What a verified event means for billing, for the events it follows. `eventId` is what makes
 * processing once possible (replays carry the same id); `occurredAt` orders events that arrive
 * out of order; `idempotencyKey` ties a PaymentIntent back to our charge attempt, and `outcome`
 * is read the same way as a charge's answer, so a webhook and a charge can never disagree on
 * what a status means.
 */
export type StripeBillingEvent =
  | { kind: 'charge-updated'; eventId: string; occurredAt: Date; outcome: ChargeOutcome; customerRef: string | null; idempotencyKey: string | null; metadata: Record<string, string> }
  | { kind: 'charge-refunded'; eventId: string; occurredAt: Date; chargeRef: string; refunded: Money }
  | { kind: 'method-saved' | 'method-removed' | 'method-updated'; eventId: string; occurredAt: Date; methodRef: string; customerRef: string | null }
  | { kind: 'ignored'; eventId: string; occurredAt: Date; type: string };

export function billingEventOf(event: Stripe.Event): StripeBillingEvent {
  const base = { eventId: event.id, occurredAt: new Date(event.created * 1000) };
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.processing':
    case 'payment_intent.requires_action':
    case 'payment_intent.canceled': {
      const intent = event.data.object;
      const metadata = { ...(intent.metadata ?? {}) };
      return { ...base, kind: 'charge-updated', outcome: outcomeOfPaymentIntent(intent), customerRef: refOf(intent.customer), idempotencyKey: metadata[IDEMPOTENCY_METADATA_KEY] ?? null, metadata };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const chargeRef = refOf(charge.payment_intent) ?? charge.id;
      return { ...base, kind: 'charge-refunded', chargeRef, refunded: fromStripeAmount(charge.amount_refunded, charge.currency) };
    }
    case 'payment_method.attached':
    case 'payment_method.detached':
    case 'payment_method.updated':
    case 'payment_method.automatically_updated': {
      const method = event.data.object;
      const kind = event.type === 'payment_method.attached' ? 'method-saved' : event.type === 'payment_method.detached' ? 'method-removed' : 'method-updated';
      return { ...base, kind, methodRef: method.id, customerRef: refOf(method.customer) };
    }
    default:
      return { ...base, kind: 'ignored', type: event.type };
  }
}

function refOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

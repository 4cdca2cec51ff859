import { toMinorUnits, type Money } from '../../platform/money.ts';
import { declineKind } from '../gateways/declines.ts';
import type { ChargeOutcome } from '../gateways/gateway.ts';
import type { PaypalWebhookEvent } from '../gateways/paypal/webhooks.ts';
import { methodRef } from '../gateways/paypal/paypal.model.ts';
import type { StripeBillingEvent } from '../gateways/stripe/webhooks.ts';

/**
 * What a verified webhook event means for billing, the same for every gateway, with no I/O:
 * a charge's answer, a refund, a change to a customer's saved methods, or something billing
 * does not follow. The service applies it; these rules decide what it says.
 */

/**
 * A refund as the gateway reports it. Stripe reports the charge's refunded total so far
 * (`cumulative`); PayPal reports each refund with its own id.
 */
export type RefundNotice =
  | { chargeRef: string; cumulative: Money }
  | { chargeRef: string; refundRef: string; amount: Money };

export type BillingEvent =
  | { kind: 'charge-updated'; eventId: string; type: string; outcome: ChargeOutcome; idempotencyKey: string | null }
  | { kind: 'charge-refunded'; eventId: string; type: string; refund: RefundNotice }
  /** The customer's saved methods changed at the gateway; `methodRefs` name the method as we would store it. */
  | { kind: 'methods-changed'; eventId: string; type: string; customerRef: string | null; methodRefs: string[] }
  | { kind: 'ignored'; eventId: string; type: string };

export function fromStripe(event: StripeBillingEvent, type: string): BillingEvent {
  const base = { eventId: event.eventId, type };
  switch (event.kind) {
    case 'charge-updated':
      return { ...base, kind: 'charge-updated', outcome: event.outcome, idempotencyKey: event.idempotencyKey };
    case 'charge-refunded':
      return { ...base, kind: 'charge-refunded', refund: { chargeRef: event.chargeRef, cumulative: event.refunded } };
    case 'method-saved':
    case 'method-removed':
    case 'method-updated':
      return { ...base, kind: 'methods-changed', customerRef: event.customerRef, methodRefs: [event.methodRef] };
    default:
      return { ...base, kind: 'ignored' };
  }
}

type Json = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const object = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

/**
 * PayPal's events billing follows: a capture's fate (the capture carries our idempotency key as
 * its `custom_id`, copied from the order's purchase unit), a capture's refund, and vaulted
 * payment tokens saved or deleted.
 */
export function fromPaypal(event: PaypalWebhookEvent): BillingEvent {
  const base = { eventId: event.id, type: event.event_type };
  const resource = object(event.resource);
  switch (event.event_type) {
    case 'PAYMENT.CAPTURE.COMPLETED':
    case 'PAYMENT.CAPTURE.PENDING':
    case 'PAYMENT.CAPTURE.DENIED':
    case 'PAYMENT.CAPTURE.DECLINED': {
      const outcome = captureOutcome(resource, event.event_type);
      return outcome ? { ...base, kind: 'charge-updated', outcome, idempotencyKey: text(resource.custom_id) } : { ...base, kind: 'ignored' };
    }
    case 'PAYMENT.CAPTURE.REFUNDED': {
      const refund = refundNotice(resource);
      return refund ? { ...base, kind: 'charge-refunded', refund } : { ...base, kind: 'ignored' };
    }
    case 'VAULT.PAYMENT-TOKEN.CREATED':
    case 'VAULT.PAYMENT-TOKEN.DELETED': {
      const tokenId = text(resource.id);
      if (!tokenId) return { ...base, kind: 'ignored' };
      const source = object(resource.payment_source);
      // A deleted token may come without its source: either kind of ref may be the one we keep.
      const methodRefs = source.card ? [methodRef('card', tokenId)] : source.paypal ? [methodRef('paypal', tokenId)] : [methodRef('paypal', tokenId), methodRef('card', tokenId)];
      return { ...base, kind: 'methods-changed', customerRef: text(object(resource.customer).id), methodRefs };
    }
    default:
      return { ...base, kind: 'ignored' };
  }
}

function captureOutcome(capture: Json, eventType: string): ChargeOutcome | null {
  const chargeRef = text(capture.id);
  if (!chargeRef) return null;
  const status = text(capture.status) ?? eventType.split('.').at(-1)!;
  if (status === 'COMPLETED') return { status: 'succeeded', chargeRef };
  if (status === 'PENDING') return { status: 'pending', chargeRef };
  const code = text(object(capture.processor_response).response_code) ?? text(object(capture.status_details).reason) ?? status;
  return { status: 'declined', chargeRef, decline: declineKind(code), code, message: `The capture was ${status.toLowerCase()}.` };
}

/** A PayPal refund names its capture in the link with rel "up" (`…/v2/payments/captures/<id>`). */
function refundNotice(refund: Json): RefundNotice | null {
  const links = Array.isArray(refund.links) ? refund.links.map(object) : [];
  const up = text(links.find((link) => link.rel === 'up')?.href);
  const chargeRef = up ? /\/captures\/([^/?#]+)/.exec(up)?.[1] ?? null : null;
  if (!chargeRef) return null;
  const total = moneyOf(object(object(refund.seller_payable_breakdown).total_refunded_amount));
  if (total) return { chargeRef, cumulative: total };
  const refundRef = text(refund.id);
  const amount = moneyOf(object(refund.amount));
  return refundRef && amount ? { chargeRef, refundRef, amount } : null;
}

function moneyOf(amount: Json): Money | null {
  const currency = text(amount.currency_code);
  const value = text(amount.value);
  if (!currency || !value) return null;
  const minor = toMinorUnits(value, currency);
  return minor.ok ? { amount: minor.value, currency } : null;
}

/**
 * The refund to record for a notice, given what is already recorded as refunded of that charge;
 * null when nothing new. A cumulative total records only what it adds, under a reference naming
 * the total, so a replay or an older total arriving late never counts twice; a single refund is
 * recorded under its own reference, which the payments table keeps unique.
 */
export function refundToRecord(notice: RefundNotice, recordedForCharge: number): { amount: number; currency: string; gatewayRef: string } | null {
  if ('cumulative' in notice) {
    const delta = notice.cumulative.amount - recordedForCharge;
    return delta > 0 ? { amount: delta, currency: notice.cumulative.currency, gatewayRef: `${refundRefPrefix(notice.chargeRef)}${notice.cumulative.amount}` } : null;
  }
  return notice.amount.amount > 0 ? { amount: notice.amount.amount, currency: notice.amount.currency, gatewayRef: `${refundRefPrefix(notice.chargeRef)}${notice.refundRef}` } : null;
}

/** Every refund recorded from a charge's webhooks has a reference starting with this. */
export const refundRefPrefix = (chargeRef: string) => `${chargeRef}:refund:`;

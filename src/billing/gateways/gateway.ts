import type { Money } from '../../platform/money.ts';
import type { DeclineKind } from '../dunning.model.ts';

/**
 * What billing needs from a payment gateway (Stripe, PayPal), one folder each behind this
 * interface. Every charge carries an idempotency key: asking twice with the same key returns the
 * first attempt's outcome, never a second charge. `findCharge` lets a restarted worker learn what
 * happened to a charge it requested but did not record (the crash between "requested" and "stored").
 */
export interface ChargeRequest {
  /** Stable per attempt: `invoice:<id>:attempt:<n>`. */
  idempotencyKey: string;
  customerRef: string;
  paymentMethodRef: string;
  amount: Money;
  description: string;
  /** Ours, echoed back in webhooks: invoice id and attempt. */
  metadata: Record<string, string>;
}

export type ChargeOutcome =
  | { status: 'succeeded'; chargeRef: string }
  /** The gateway accepted it and will tell us by webhook (e.g. a bank transfer or 3-D Secure pending). */
  | { status: 'pending'; chargeRef: string }
  | { status: 'declined'; chargeRef: string | null; decline: DeclineKind; code: string; message: string };

export interface SavedMethod {
  ref: string;
  kind: 'card' | 'paypal' | 'other';
  /** Shown to people: "Visa ·· 4242", never a card number. */
  label: string;
  expMonth: number | null;
  expYear: number | null;
}

export interface PaymentGateway {
  readonly name: 'stripe' | 'paypal';
  ensureCustomer(client: { id: string; name: string; email: string | null }): Promise<string>;
  /** A hosted page where the client saves a method; Upkeep never sees card numbers. */
  startSavingMethod(customerRef: string, returnUrl: string): Promise<{ url: string; sessionRef: string }>;
  /** After the client approved on the hosted page, where the gateway needs a last step (PayPal's vault). */
  finishSavingMethod?(sessionRef: string, customerRef: string): Promise<SavedMethod>;
  listMethods(customerRef: string): Promise<SavedMethod[]>;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** The charge made with this idempotency key, if the gateway has one. */
  findCharge(idempotencyKey: string, customerRef: string): Promise<ChargeOutcome | null>;
  refund(chargeRef: string, amount: Money, idempotencyKey: string): Promise<{ refundRef: string }>;
}

/** A failure talking to the gateway (not a decline): worth retrying, or not. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

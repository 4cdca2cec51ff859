import Stripe from 'stripe';
import type { Logger } from '../../../platform/logger.ts';
import type { Money } from '../../../platform/money.ts';
import type { Outbound } from '../../../platform/outbound/client.ts';
import type { ChargeOutcome, ChargeRequest, PaymentGateway, SavedMethod } from '../gateway.ts';
import { toStripeAmount } from './amount.model.ts';
import { methodOfPaymentMethod } from './methods.ts';
import { OutboundStripeClient } from './outbound-client.ts';
import { gatewayError, outcomeOfChargeError, outcomeOfPaymentIntent } from './outcome.ts';

export interface StripeGatewayOptions {
  secretKey: string;
  /** Where Stripe's API is: `https://api.stripe.com` unless tests point it at a fake on loopback. */
  apiBase?: string;
  /** Per request; a request still unanswered then is a retryable GatewayError. */
  timeoutMs?: number;
  /**
   * Retries the SDK makes itself on network failures and 409/5xx, always with the same
   * idempotency key, so they can never charge twice.
   */
  maxNetworkRetries?: number;
  /**
   * Send through Upkeep's outbound client (its deadline, address policy and pools) rather than
   * the SDK's own `http` client; the SDK's timeout still applies per request.
   */
  outbound?: Outbound;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

/** Our key on each PaymentIntent's metadata: what `findCharge` looks for after a crash. */
export const IDEMPOTENCY_METADATA_KEY = 'upkeep_idempotency_key';
/** Our client id on the Stripe customer, so a lost customer id is found again. */
export const CLIENT_METADATA_KEY = 'upkeep_client_id';
/** How many of a customer's latest PaymentIntents `findCharge` reads before giving up. */
const RECONCILE_SCAN_LIMIT = 500;

/**
 * Stripe through its official SDK: customers, methods saved on Stripe's hosted Checkout page in
 * setup mode (card numbers only ever reach Stripe), off-session PaymentIntents confirmed at once,
 * refunds. Every write carries an idempotency key, and every charge also carries that key in its
 * metadata, since Stripe forgets idempotency keys after a day while a crashed worker may come back later.
 */
export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly logger: Pick<Logger, 'info' | 'warn'> | undefined;

  constructor(options: StripeGatewayOptions) {
    this.stripe = new Stripe(options.secretKey, {
      ...apiLocation(options.apiBase ?? 'https://api.stripe.com'),
      timeout: options.timeoutMs ?? 30_000,
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      appInfo: { name: 'Upkeep' },
      ...(options.outbound ? { httpClient: new OutboundStripeClient(options.outbound) } : {}),
    });
    this.logger = options.logger;
  }

  async ensureCustomer(client: { id: string; name: string; email: string | null }): Promise<string> {
    try {
      const query = `metadata['${CLIENT_METADATA_KEY}']:'${client.id.replace(/'/g, "\\'")}'`;
      const found = await this.stripe.customers.search({ query, limit: 1 });
      if (found.data[0]) return found.data[0].id;
      const created = await this.stripe.customers.create(
        { name: client.name, ...(client.email ? { email: client.email } : {}), metadata: { [CLIENT_METADATA_KEY]: client.id } },
        { idempotencyKey: `customer:${client.id}` },
      );
      this.logger?.info({ clientId: client.id, customerRef: created.id }, 'stripe customer created');
      return created.id;
    } catch (err) {
      throw gatewayError(err, 'customer');
    }
  }

  async startSavingMethod(customerRef: string, returnUrl: string): Promise<{ url: string; sessionRef: string }> {
    try {
      const session = await this.stripe.checkout.sessions.create({
        mode: 'setup',
        customer: customerRef,
        // Cards only: with no currency known here, Checkout needs the list spelled out in setup mode.
        allowed_payment_method_types: ['card'],
        success_url: returnUrl,
        cancel_url: returnUrl,
      });
      if (!session.url) throw new Error('Stripe returned no Checkout page URL');
      return { url: session.url, sessionRef: session.id };
    } catch (err) {
      throw gatewayError(err, 'saving a payment method');
    }
  }

  async listMethods(customerRef: string): Promise<SavedMethod[]> {
    try {
      const methods = await this.stripe.customers.listPaymentMethods(customerRef, { limit: 100 });
      return methods.data.map(methodOfPaymentMethod);
    } catch (err) {
      throw gatewayError(err, 'listing payment methods');
    }
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    let outcome: ChargeOutcome;
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          ...toStripeAmount(request.amount),
          customer: request.customerRef,
          payment_method: request.paymentMethodRef,
          off_session: true,
          confirm: true,
          // Saved methods only: nothing that would send the client to a page nobody is watching.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          description: request.description,
          metadata: { ...request.metadata, [IDEMPOTENCY_METADATA_KEY]: request.idempotencyKey },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      outcome = outcomeOfPaymentIntent(intent);
    } catch (err) {
      try {
        outcome = outcomeOfChargeError(err);
      } catch (failure) {
        this.logger?.warn({ idempotencyKey: request.idempotencyKey, err: (failure as Error).message }, 'stripe charge failed');
        throw failure;
      }
    }
    this.logger?.info({ idempotencyKey: request.idempotencyKey, outcome }, 'stripe charge');
    return outcome;
  }

  async findCharge(idempotencyKey: string, customerRef: string): Promise<ChargeOutcome | null> {
    // Listing by customer, not Stripe's search: search lags behind by up to a minute, and the
    // crash being reconciled may have happened seconds ago. Newest first, so a recent one is found fast.
    try {
      let scanned = 0;
      for await (const intent of this.stripe.paymentIntents.list({ customer: customerRef, limit: 100 })) {
        if (intent.metadata?.[IDEMPOTENCY_METADATA_KEY] === idempotencyKey) return outcomeOfPaymentIntent(intent);
        if (++scanned >= RECONCILE_SCAN_LIMIT) break;
      }
      return null;
    } catch (err) {
      throw gatewayError(err, 'finding a charge');
    }
  }

  async refund(chargeRef: string, amount: Money, idempotencyKey: string): Promise<{ refundRef: string }> {
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: chargeRef, amount: toStripeAmount(amount).amount },
        { idempotencyKey },
      );
      this.logger?.info({ idempotencyKey, chargeRef, refundRef: refund.id }, 'stripe refund');
      return { refundRef: refund.id };
    } catch (err) {
      throw gatewayError(err, 'refund');
    }
  }
}

/** The SDK takes host, port and protocol apart rather than a base URL. */
function apiLocation(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

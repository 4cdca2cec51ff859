import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  PaymentsController,
  PaypalPaymentTokenUsageType,
  VaultController,
  VaultTokenRequestType,
  type OrderRequest,
} from '@paypal/paypal-server-sdk';
import { createOutbound, type Outbound } from '../../../platform/outbound/client.ts';
import { OutboundError, isRetryableStatus } from '../../../platform/outbound/errors.ts';
import type { Money } from '../../../platform/money.ts';
import { GatewayError, type ChargeOutcome, type ChargeRequest, type PaymentGateway, type SavedMethod } from '../gateway.ts';
import {
  declineFromError,
  orderOutcome,
  parseMethodRef,
  paypalAmount,
  savedMethod,
  vaultCustomerId,
  type PaypalErrorBody,
} from './paypal.model.ts';
import { outboundAxiosAdapter } from './sdk-http.ts';

export interface PaypalGatewayOptions {
  clientId: string;
  clientSecret: string;
  /** Default PayPal's live API; the sandbox is `https://api-m.sandbox.paypal.com`, tests use a fake on loopback. */
  apiBase?: string;
  /** The webhook's id in the PayPal dashboard, part of every signed webhook message. */
  webhookId: string;
  timeoutMs?: number;
  /** Defaults to an outbound client of our own; tests and the app may share theirs. */
  outbound?: Outbound;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * PayPal behind the PaymentGateway interface, through the official SDK. Charges are orders with
 * intent CAPTURE paid by a vaulted payment token, sent with `PayPal-Request-Id` set to our
 * idempotency key: PayPal answers a repeated id with the original order instead of a new one.
 */
export class PaypalGateway implements PaymentGateway {
  readonly name = 'paypal';
  private readonly orders: OrdersController;
  private readonly payments: PaymentsController;
  private readonly vault: VaultController;

  constructor(options: PaypalGatewayOptions) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const outbound =
      options.outbound ?? createOutbound({ timeoutMs, blockPrivateAddresses: false, userAgent: 'Upkeep billing' });
    const client = new Client({
      clientCredentialsAuthCredentials: { oAuthClientId: options.clientId, oAuthClientSecret: options.clientSecret },
      // The SDK knows only its two hard-coded hosts; with apiBase set, the transport rebases onto it.
      environment: Environment.Production,
      timeout: timeoutMs,
      unstable_httpClientOptions: { adapter: outboundAxiosAdapter(outbound, options.apiBase, timeoutMs) },
    });
    this.orders = new OrdersController(client);
    this.payments = new PaymentsController(client);
    this.vault = new VaultController(client);
  }

  async ensureCustomer(client: { id: string; name: string; email: string | null }): Promise<string> {
    return vaultCustomerId(client.id);
  }

  /** A setup token for a PayPal wallet; its approve link is PayPal's page, so we never see card data. */
  async startSavingMethod(customerRef: string, returnUrl: string): Promise<{ url: string; sessionRef: string }> {
    const { result } = await call(() =>
      this.vault.createSetupToken({
        body: {
          customer: { id: customerRef },
          paymentSource: {
            paypal: {
              usageType: PaypalPaymentTokenUsageType.Merchant,
              permitMultiplePaymentTokens: true,
              experienceContext: { returnUrl, cancelUrl: returnUrl },
            },
          },
        },
      }),
    );
    const approve = result.links?.find((link) => link.rel === 'approve')?.href;
    if (!result.id || !approve) throw new GatewayError('PayPal returned a setup token without an approve link', false);
    return { url: approve, sessionRef: result.id };
  }

  /**
   * After the payer approved a setup token, exchanging it makes the lasting payment token. Stripe
   * attaches the method itself; PayPal needs this call, made when the payer comes back.
   */
  async finishSavingMethod(sessionRef: string, customerRef: string): Promise<SavedMethod> {
    const { result } = await call(() =>
      this.vault.createPaymentToken({
        body: { customer: { id: customerRef }, paymentSource: { token: { id: sessionRef, type: VaultTokenRequestType.SetupToken } } },
        paypalRequestId: `setup:${sessionRef}`,
      }),
    );
    const method = savedMethod(result);
    if (!method) throw new GatewayError('PayPal returned a payment token of a kind billing does not charge', false);
    return method;
  }

  async listMethods(customerRef: string): Promise<SavedMethod[]> {
    const { result } = await call(() => this.vault.listCustomerPaymentTokens({ customerId: customerRef, pageSize: 50 }));
    return (result.paymentTokens ?? []).map(savedMethod).filter((method): method is SavedMethod => method !== null);
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const method = parseMethodRef(request.paymentMethodRef);
    if (!method) throw new GatewayError(`paymentMethodRef: not a PayPal payment token ref (${request.paymentMethodRef})`, false);
    const source = { vaultId: method.tokenId };
    return this.createOrder(request.idempotencyKey, {
      intent: CheckoutPaymentIntent.Capture,
      purchaseUnits: [
        {
          amount: paypalAmount(request.amount),
          description: request.description.slice(0, 127),
          customId: request.idempotencyKey.slice(0, 127),
          referenceId: request.metadata.invoiceId?.slice(0, 256),
        },
      ],
      paymentSource: method.kind === 'card' ? { card: source } : { paypal: source },
    });
  }

  /**
   * Re-sends the create with the same PayPal-Request-Id, which PayPal answers with the original
   * order. The body is one PayPal refuses as a new order (a zero amount and no payment source), so
   * when there was no original nothing is created and nothing is charged.
   */
  async findCharge(idempotencyKey: string, _customerRef: string): Promise<ChargeOutcome | null> {
    try {
      return await this.sendOrder(idempotencyKey, {
        intent: CheckoutPaymentIntent.Capture,
        purchaseUnits: [{ amount: { currencyCode: 'USD', value: '0.00' }, customId: idempotencyKey.slice(0, 127) }],
      });
    } catch (error) {
      // Refused as a new order: PayPal holds no order under this request id.
      if (error instanceof ApiError && (error.statusCode === 400 || error.statusCode === 422)) return null;
      throw gatewayError(error);
    }
  }

  async refund(chargeRef: string, amount: Money, idempotencyKey: string): Promise<{ refundRef: string }> {
    const { result } = await call(() =>
      this.payments.refundCapturedPayment({
        captureId: chargeRef,
        paypalRequestId: idempotencyKey,
        prefer: 'return=representation',
        body: { amount: paypalAmount(amount) },
      }),
    );
    if (!result.id) throw new GatewayError('PayPal returned a refund without an id', false);
    return { refundRef: result.id };
  }

  private async createOrder(requestId: string, body: OrderRequest): Promise<ChargeOutcome> {
    try {
      return await this.sendOrder(requestId, body);
    } catch (error) {
      const decline = error instanceof ApiError ? declineFromError(error.statusCode, errorBody(error)) : null;
      if (decline) return decline;
      throw gatewayError(error);
    }
  }

  private async sendOrder(requestId: string, body: OrderRequest): Promise<ChargeOutcome> {
    const { result } = await this.orders.createOrder({ body, paypalRequestId: requestId, prefer: 'return=representation' });
    return orderOutcome(result);
  }
}

/** Runs one SDK call, turning its failures into GatewayErrors that say whether to retry. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw gatewayError(error);
  }
}

function gatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof ApiError) {
    const body = errorBody(error);
    const what = body?.details?.[0]?.issue ?? body?.name ?? body?.error ?? 'an error';
    return new GatewayError(`PayPal answered ${error.statusCode} with ${what}`, isRetryableStatus(error.statusCode));
  }
  if (error instanceof OutboundError) return new GatewayError(`PayPal could not be reached: ${error.message}`, error.retryable);
  // The SDK's own failures (a response it cannot read, a token request that failed on the wire):
  // the request may or may not have arrived, and repeating it with the same request id is safe.
  return new GatewayError(`PayPal request failed: ${error instanceof Error ? error.message : String(error)}`, true);
}

function errorBody(error: ApiError): PaypalErrorBody | undefined {
  if (error.result && typeof error.result === 'object') return error.result as PaypalErrorBody;
  if (typeof error.body !== 'string') return undefined;
  try {
    return JSON.parse(error.body) as PaypalErrorBody;
  } catch {
    return undefined;
  }
}

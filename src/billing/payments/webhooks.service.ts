import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { createOutbound } from '../../platform/outbound/client.ts';
import { GatewayError } from '../gateways/gateway.ts';
import { createPaypalWebhookVerifier, PaypalWebhookError, type PaypalWebhookEvent, type PaypalWebhookVerifier } from '../gateways/paypal/webhooks.ts';
import * as invoiceStore from '../invoices.store.ts';
import { applyPayment } from '../invoices.settle.service.ts';
import { recordOutcome } from './charges.service.ts';
import * as chargeStore from './charges.store.ts';
import { syncMethods } from './methods.service.ts';
import * as methodStore from './methods.store.ts';
import type { GatewayName } from './settings.model.ts';
import { gatewayCredentials } from './settings.service.ts';
import { fromPaypal, fromStripe, refundRefPrefix, refundToRecord, type BillingEvent } from './webhooks.model.ts';
import * as store from './webhooks.store.ts';

/**
 * The gateways' webhooks: verified (Stripe's signature scheme through its SDK, PayPal's signed
 * transmission), then processed once each, so invoices and payments follow what the gateway says.
 *
 * Once: an event id already recorded in `gateway_events` changes nothing. Every effect is also
 * idempotent by the state it finds — a charge's answer is recorded only while the charge awaits
 * one (a late "processing" after "succeeded" moves nothing back), a payment or refund only under a
 * reference not yet recorded — so an event delivered twice at the same moment, or replayed after
 * a crash between its effect and its record, still counts once. A refund is recorded in the same
 * transaction as its event. The body is never logged: it may carry a customer's details.
 */
export type EventOutcome = 'recorded' | 'unchanged' | 'ignored' | 'refund-recorded' | 'methods-synced';
export interface WebhookAnswer {
  received: true;
  duplicate: boolean;
  outcome?: EventOutcome;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

export interface WebhookReceiver {
  stripe(rawBody: Buffer, headers: Headers, requestId: string): Promise<WebhookAnswer>;
  paypal(rawBody: Buffer, headers: Headers, requestId: string): Promise<WebhookAnswer>;
}

/** One per app: PayPal's verifiers keep the certificates they fetched. */
export function createWebhookReceiver(deps: Deps): WebhookReceiver {
  const paypalVerifiers = new Map<string, PaypalWebhookVerifier>();
  const outbound = createOutbound({ timeoutMs: deps.config.outboundTimeoutMs, blockPrivateAddresses: false, userAgent: 'Upkeep billing' });
  const paypalVerifier = (webhookId: string) => {
    let verifier = paypalVerifiers.get(webhookId);
    if (!verifier) {
      // Certificates are fetched only from PayPal's hosts and the configured PayPal API (a local fake in tests).
      verifier = createPaypalWebhookVerifier({ webhookId, outbound, extraCertOrigins: [deps.config.paypalApiUrl], now: deps.now });
      paypalVerifiers.set(webhookId, verifier);
    }
    return verifier;
  };

  return {
    async stripe(rawBody, headers, requestId) {
      const secrets = ((await gatewayCredentials(deps, 'stripe'))?.webhookSecrets ?? []) as string[];
      if (!Array.isArray(secrets) || secrets.length === 0) throw notSetUp('Stripe', 'no webhook signing secret is saved');
      // Loaded on first use: the Stripe SDK is large, and most installations get no Stripe webhooks.
      const { billingEventOf, StripeSignatureError, verifyStripeWebhook } = await import('../gateways/stripe/webhooks.ts');
      let event: BillingEvent;
      try {
        const verified = verifyStripeWebhook(rawBody, headers['stripe-signature'], { secrets, receivedAt: deps.now() });
        event = fromStripe(billingEventOf(verified), verified.type);
      } catch (err) {
        throw refused(deps, 'stripe', err instanceof StripeSignatureError ? err.message : 'The body is not a Stripe event.');
      }
      return processEvent(deps, contextOf('stripe', requestId), 'stripe', event);
    },

    async paypal(rawBody, headers, requestId) {
      const webhookId = (await gatewayCredentials(deps, 'paypal'))?.webhookId;
      if (typeof webhookId !== 'string' || webhookId === '') throw notSetUp('PayPal', 'no webhook id is saved');
      let verified: PaypalWebhookEvent;
      try {
        verified = await paypalVerifier(webhookId).verify(headers, rawBody);
      } catch (err) {
        if (err instanceof PaypalWebhookError) throw refused(deps, 'paypal', err.message);
        throw err;
      }
      return processEvent(deps, contextOf('paypal', requestId), 'paypal', fromPaypal(verified));
    },
  };
}

const contextOf = (gateway: GatewayName, requestId: string): ChangeContext => ({ actor: systemActor(`billing.webhooks.${gateway}`), requestId });

function notSetUp(name: string, why: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Not found', `${name} webhooks are not set up: ${why}.`);
}

function refused(deps: Deps, gateway: GatewayName, message: string): ProblemError {
  // The SDK's messages go on with advice and links over several lines: the first sentence says it.
  const reason = message.trim().split(/\n|(?<=\.)\s/)[0]!.trim();
  deps.logger.warn({ gateway, reason }, 'webhook refused');
  return new ProblemError(400, 'webhook-signature', 'Webhook refused', `The request is not a verified ${gateway === 'stripe' ? 'Stripe' : 'PayPal'} event: ${reason}`);
}

/** Applies a verified event once; a replay answers `duplicate` and changes nothing. */
export async function processEvent(deps: Deps, ctx: ChangeContext, gateway: GatewayName, event: BillingEvent): Promise<WebhookAnswer> {
  if (await store.eventSeen(deps.database.db, gateway, event.eventId)) return { received: true, duplicate: true };
  let answer: WebhookAnswer;
  try {
    answer = event.kind === 'charge-refunded' ? await refunded(deps, ctx, gateway, event) : await afterEffect(deps, gateway, event, await effectOf(deps, ctx, gateway, event));
  } catch (err) {
    // Not recorded: the gateway delivers the event again later, and its effect is applied then.
    if (err instanceof GatewayError) throw new ProblemError(503, 'gateway-unavailable', 'Try again later', `The event could not be processed yet: ${err.message}`);
    throw err;
  }
  deps.logger.info({ gateway, eventId: event.eventId, type: event.type, outcome: answer.outcome, duplicate: answer.duplicate }, 'gateway event received');
  return answer;
}

async function effectOf(deps: Deps, ctx: ChangeContext, gateway: GatewayName, event: Exclude<BillingEvent, { kind: 'charge-refunded' }>): Promise<EventOutcome> {
  if (event.kind === 'charge-updated') return chargeUpdated(deps, ctx, gateway, event);
  if (event.kind === 'methods-changed') return methodsChanged(deps, ctx, gateway, event);
  return 'ignored';
}

/** Recorded after an effect that keeps its own transaction; a delivery that raced this one makes it a duplicate. */
async function afterEffect(deps: Deps, gateway: GatewayName, event: BillingEvent, outcome: EventOutcome): Promise<WebhookAnswer> {
  const fresh = await store.claimEvent(deps.database.db, { gateway, eventId: event.eventId, type: event.type, outcome, receivedAt: deps.now().toISOString() });
  return fresh ? { received: true, duplicate: false, outcome } : { received: true, duplicate: true };
}

/**
 * A charge's answer, for the attempt made under the idempotency key the gateway echoes back (or
 * with the charge's reference). The charge's state decides what may change, not the order in which
 * answers arrive. A charge made outside Upkeep is none of billing's business.
 */
async function chargeUpdated(deps: Deps, ctx: ChangeContext, gateway: GatewayName, event: Extract<BillingEvent, { kind: 'charge-updated' }>): Promise<EventOutcome> {
  const db = deps.database.db;
  const byKey = event.idempotencyKey ? await chargeStore.chargeByKey(db, event.idempotencyKey) : null;
  const charge = byKey ?? (event.outcome.chargeRef ? await chargeStore.chargeByRef(db, gateway, event.outcome.chargeRef) : null);
  if (!charge || charge.gateway !== gateway) return 'ignored';
  const after = await recordOutcome(deps, charge.id, event.outcome, ctx);
  if (after.state === 'declined' && event.outcome.status === 'succeeded') {
    // The gateway took the money for an attempt recorded as declined (e.g. 3-D Secure passed later).
    deps.logger.warn({ gateway, chargeId: charge.id, eventId: event.eventId }, 'gateway reports a success for a charge recorded as declined');
  }
  return after.state !== charge.state ? 'recorded' : 'unchanged';
}

/** The customer's methods changed at the gateway: read them again, the gateway being the truth. */
async function methodsChanged(deps: Deps, ctx: ChangeContext, gateway: GatewayName, event: Extract<BillingEvent, { kind: 'methods-changed' }>): Promise<EventOutcome> {
  const db = deps.database.db;
  // A detached method no longer names its customer; the method we keep does.
  let clientId = event.customerRef ? await methodStore.clientOfCustomer(db, gateway, event.customerRef) : null;
  for (const ref of event.methodRefs) clientId ??= (await methodStore.findMethodByRef(db, gateway, ref))?.clientId ?? null;
  if (!clientId) return 'ignored';
  await syncMethods(deps, ctx, clientId, gateway);
  return 'methods-synced';
}

/**
 * A refund at the gateway, recorded against the invoice the charge paid, in the transaction that
 * records the event. The invoice is locked before the refunds already recorded are added up, so
 * two notices of the same charge at once cannot both count the same money.
 */
async function refunded(deps: Deps, ctx: ChangeContext, gateway: GatewayName, event: Extract<BillingEvent, { kind: 'charge-refunded' }>): Promise<WebhookAnswer> {
  const { refund } = event;
  const charge = await chargeStore.chargeByRef(deps.database.db, gateway, refund.chargeRef);
  const currency = 'cumulative' in refund ? refund.cumulative.currency : refund.amount.currency;
  if (!charge || charge.currency !== currency) return afterEffect(deps, gateway, event, 'ignored');
  const now = deps.now().toISOString();
  const record = { gateway, eventId: event.eventId, type: event.type, outcome: 'unchanged', receivedAt: now };
  const outcome = await change(deps, ctx, async (trx, audit): Promise<EventOutcome | null> => {
    if (!(await store.claimEvent(trx, record))) return null;
    await invoiceStore.lockInvoice(trx, charge.invoiceId);
    const toRecord = refundToRecord(refund, await store.refundedFromCharge(trx, charge.invoiceId, gateway, refundRefPrefix(refund.chargeRef)));
    if (!toRecord) return 'unchanged';
    const payment: invoiceStore.PaymentRecord = { id: newId('payment'), invoiceId: charge.invoiceId, ...toRecord, gateway, kind: 'refund', receivedAt: now, createdAt: now };
    const { before, after, recorded } = await applyPayment(trx, charge.invoiceId, payment, now);
    if (!recorded) return 'unchanged';
    await store.setOutcome(trx, gateway, event.eventId, 'refund-recorded');
    await audit({ action: 'invoice.refund-recorded', entityType: 'invoice', entityId: charge.invoiceId, before: { state: before.state, paid: before.paid }, after: { state: after.state, paid: after.paid, payment, chargeId: charge.id } });
    return 'refund-recorded';
  });
  return outcome ? { received: true, duplicate: false, outcome } : { received: true, duplicate: true };
}

import { z } from 'zod';
import { isCurrencyCode } from '../../platform/money.ts';
import { GATEWAY_NAMES } from './settings.model.ts';

/** Request and response shapes of the payment API: settings, methods, charges, approvals, dunning. */
const id = z.string().min(1).max(64);
const gateway = z.enum(GATEWAY_NAMES);
const money = z.strictObject({
  amount: z.number().int('must be a whole number of minor units').min(0, 'must be 0 or more'),
  currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code in capitals, such as EUR'),
});
const moneyView = z.object({ amount: z.number(), currency: z.string() });

export const gatewayParams = z.strictObject({ name: gateway });
export const clientParams = z.strictObject({ id });
export const clientMethodParams = z.strictObject({ id, methodId: id });
export const invoiceParams = z.strictObject({ id });
export const setupParams = z.strictObject({ id });

export const settingsBody = z
  .strictObject({
    invoiceRenewals: z.boolean().default(false).describe('The daily billing run invoices upcoming renewals (off until the agency bills through Upkeep)'),
    primaryGateway: gateway.nullable().describe('The gateway that charges clients; null: no automatic charges'),
    fallbackGateway: gateway.nullable().describe('Tried once when the retries are used up'),
    retryDays: z.array(z.number()).max(10, 'can have at most 10 retries').describe('Days after the first failure on which to retry'),
    approvalThreshold: money.nullable().describe("Automatic charges above this wait for a person's approval (a client's own threshold wins)"),
    cardExpiryLeadDays: z.number().int('must be a whole number of days').min(1, 'must be 1 or more').max(180, 'can be at most 180'),
    autoCharge: z.boolean().describe('Charge auto-renewing services automatically before they renew'),
  })
  .meta({ id: 'BillingSettings' });

const gatewayView = z.object({
  name: gateway,
  configured: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  secretFields: z.array(z.string()).describe('Secrets that are set; their values are never returned'),
  webhookUrl: z.string(),
  updatedAt: z.string().nullable(),
});

export const settingsView = z.object({ settings: settingsBody, gateways: z.array(gatewayView) }).meta({ id: 'BillingSettingsView' });
export const gatewayViewSchema = gatewayView.meta({ id: 'PaymentGateway' });

const secret = z.string().trim().min(1, 'must not be empty').max(500, 'can be at most 500 characters');
export const stripeBody = z.strictObject({
  secretKey: secret.regex(/^(sk|rk)_/, 'must be a Stripe secret or restricted key (sk_… or rk_…)').optional(),
  webhookSecrets: z.array(secret.regex(/^whsec_/, 'must be a webhook signing secret (whsec_…)')).min(1, 'needs at least one').max(5, 'can have at most 5').optional(),
});
export const paypalBody = z.strictObject({ clientId: secret.optional(), clientSecret: secret.optional(), webhookId: secret.optional() });

export const methodView = z
  .object({ id: z.string(), gateway, kind: z.string(), label: z.string(), expMonth: z.number().nullable(), expYear: z.number().nullable(), isDefault: z.boolean(), createdAt: z.string() })
  .meta({ id: 'PaymentMethod', description: 'A saved method: a label and expiry, never a card number' });
export const methodList = z.object({ items: z.array(methodView) });
export const setupResult = z.object({ clientId: z.string(), items: z.array(methodView) });
export const setupBody = z.strictObject({ gateway: gateway.optional() });
export const setupView = z.object({ setupId: z.string(), url: z.string().describe("The gateway's hosted page to send the client to") });

export const payBody = z.strictObject({ methodId: id });
export const chargeView = z
  .object({
    id: z.string(),
    attempt: z.number(),
    gateway,
    method: z.string().nullable(),
    amount: z.number(),
    currency: z.string(),
    state: z.enum(['requested', 'pending', 'succeeded', 'declined', 'failed']),
    declineCode: z.string().nullable(),
    declineMessage: z.string().nullable(),
    trigger: z.enum(['auto', 'pay-now', 'dunning', 'person']),
    requestedAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .meta({ id: 'Charge' });

export const autoChargeView = z
  .object({
    invoiceId: z.string(),
    invoiceNumber: z.string().nullable(),
    clientId: z.string(),
    clientName: z.string(),
    chargeOn: z.string(),
    amount: z.number(),
    currency: z.string(),
    state: z.enum(['scheduled', 'awaiting-approval', 'approved', 'charged', 'failed', 'rejected', 'cancelled']),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    threshold: moneyView.nullable(),
  })
  .meta({ id: 'AutoCharge' });

export const dunningView = z
  .object({
    invoiceId: z.string(),
    invoiceNumber: z.string().nullable(),
    clientId: z.string(),
    clientName: z.string(),
    state: z.enum(['active', 'recovered', 'exhausted', 'stopped']),
    enteredAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    failures: z.number(),
    lastReason: z.string().nullable(),
    amountDue: z.number(),
    currency: z.string(),
  })
  .meta({ id: 'DunningCase' });

export const chargesOfInvoice = z.object({ items: z.array(chargeView), autoCharge: autoChargeView.nullable(), dunning: dunningView.nullable() });
export const approvalsQuery = z.strictObject({ state: z.enum(['scheduled', 'awaiting-approval', 'approved', 'charged', 'failed', 'rejected', 'cancelled']).default('awaiting-approval') });
export const approvalList = z.object({ items: z.array(autoChargeView) });
export const dunningQuery = z.strictObject({ state: z.enum(['active', 'recovered', 'exhausted', 'stopped']).default('active') });
export const dunningList = z.object({ items: z.array(dunningView) });

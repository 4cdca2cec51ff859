import { z } from 'zod';
import { documentView } from '../invoices.schemas.ts';

/** Request and response shapes of refunds made from Upkeep. Amounts in minor units. */
const id = z.string().min(1).max(64);

export const refundParams = z.strictObject({ id, paymentId: id });
export const invoiceParams = z.strictObject({ id });

export const refundBody = z
  .strictObject({
    amount: z.number().int('must be a whole number of minor units').min(1, 'must be above 0').optional().describe("Minor units of the payment's currency; left out: all that remains unrefunded"),
    currency: z.string().optional().describe("The payment's currency; any other is refused"),
    reason: z.string().trim().min(1, 'must say why').max(500, 'can be at most 500 characters').describe('Why the money goes back; kept with the refund and in the audit log'),
    requestKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')
      .optional()
      .describe('Chosen by the caller, the same for every retry of one refund: the gateway is then asked under the same idempotency key and refunds once'),
  })
  .meta({ id: 'RefundRequest' });

export const refundView = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    amount: z.number(),
    currency: z.string(),
    reason: z.string(),
    gateway: z.string().nullable().describe('Null: a payment recorded by hand, its money returned outside Upkeep'),
    state: z.enum(['requested', 'succeeded', 'failed']),
    ledgerPaymentId: z.string().nullable().describe("The refund's entry among the invoice's payments, once recorded"),
    failure: z.string().nullable(),
    requestedAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .meta({ id: 'Refund', description: 'A refund asked for from Upkeep' });

export const refundResult = z
  .object({ refund: refundView, invoice: documentView })
  .meta({ id: 'RefundMade', description: 'The refund and the invoice after it' });

export const refundableView = z
  .object({
    paymentId: z.string(),
    currency: z.string(),
    refunded: z.number().describe('Refunded of this payment so far, from Upkeep or at the gateway, or under way'),
    refundable: z.number().describe('What remains to refund'),
  })
  .meta({ id: 'RefundablePayment' });

export const refundsOfInvoice = z
  .object({ payments: z.array(refundableView).describe('Each payment of the invoice (not refunds)'), items: z.array(refundView).describe('Refunds asked for from Upkeep, oldest first') })
  .meta({ id: 'InvoiceRefunds', description: "What each of an invoice's payments can still give back, and the refunds made from Upkeep" });

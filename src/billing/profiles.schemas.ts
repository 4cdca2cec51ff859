import { z } from 'zod';
import { isCurrencyCode } from '../platform/money.ts';

/** Request and response shapes of the billing profile API; they also make the OpenAPI document. */
export const clientParams = z.strictObject({ id: z.string().min(1).max(64) });

export const taxRateBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(40, 'can be at most 40 characters').describe('Printed on the invoice, e.g. "VAT 25 %"'),
    basisPoints: z.number().int('must be a whole number of basis points').min(0, 'must be 0 or more').max(10_000, 'can be at most 10000 (100 %)').describe('Hundredths of a percent: 25 % is 2500'),
  })
  .meta({ id: 'TaxRate', description: 'A tax rate: a printed name and basis points' });

const money = z.number().int('must be a whole number of minor units');

export const profileBody = z
  .strictObject({
    taxRate: taxRateBody.nullable().default(null).describe('The rate lines take unless they name their own; null: not taxed'),
    reverseCharge: z.boolean().default(false).describe('The buyer accounts for the tax (EU B2B across borders): no tax is charged'),
    vatNumber: z.string().trim().max(40, 'can be at most 40 characters').nullable().default(null),
    address: z.array(z.string().trim().max(200, 'can be at most 200 characters')).max(8, 'can have at most 8 lines').default([]).describe('The address lines as printed'),
    invoiceDaysBefore: z.number().int('must be a whole number of days').min(0, 'must be 0 or more').max(365, 'can be at most 365').default(30),
    approvalThreshold: z
      .strictObject({ amount: money.min(0, 'must be 0 or more'), currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code in capitals, such as EUR') })
      .nullable()
      .default(null)
      .describe('Billing-run invoices above this total wait for approval; null: never'),
    paymentTermsDays: z.number().int('must be a whole number of days').min(0, 'must be 0 or more').max(365, 'can be at most 365').default(14),
  })
  .meta({ id: 'BillingProfileSettings', description: "How a client is invoiced; fields left out take their defaults" });

const taxRateView = z.object({ name: z.string(), basisPoints: z.number() });

export const profileView = z
  .object({
    clientId: z.string(),
    taxRate: taxRateView.nullable(),
    reverseCharge: z.boolean(),
    vatNumber: z.string().nullable(),
    address: z.array(z.string()),
    invoiceDaysBefore: z.number(),
    approvalThreshold: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    paymentTermsDays: z.number(),
    createdAt: z.string().nullable().describe('Null while the client has the defaults, never saved'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'BillingProfile', description: "How a client is invoiced: default tax, reverse charge, buyer details, terms" });

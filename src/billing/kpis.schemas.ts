import { z } from 'zod';
import { isMonth } from './kpis.model.ts';

/** Request and response shapes of the billing KPIs. */
const month = z.string().refine(isMonth, 'must be a month, YYYY-MM');
const date = z.string().describe('A calendar date, YYYY-MM-DD');
const count = z.number().int();
const amount = z.number().int().describe('Minor units of the currency');
const percent = z.number().nullable().describe('A percentage with one decimal, 0 to 100; null when there is nothing to divide by');

export const kpisQuery = z.strictObject({
  from: month.optional().describe("First month, in the agency's time zone; default: 11 months before `to`"),
  to: month.optional().describe('Last month, included; default and latest: the current month. At most 60 months in all'),
  clientId: z.string().min(1).max(64).optional().describe("One client's figures; default: the whole agency"),
});

const revenue = z.object({
  currency: z.string(),
  invoiced: amount.describe("Renewal lines' net (before tax) on invoices issued that month, less `credited`"),
  credited: amount.describe('Renewal lines given back by credit notes issued that month (positive)'),
  collected: amount.describe('The renewal part, before tax, of what was received that month on invoices with renewal lines, less refunds'),
});

const outcomes = {
  succeeded: count,
  declined: count.describe('Refused by the bank or card'),
  failed: count.describe('The gateway failed (error, timeout): not in the rate'),
  unsettled: count.describe('Requested or pending, no answer yet: not in the rate'),
  percent: percent.describe('declined / (succeeded + declined) × 100, one decimal; null when none was settled'),
};

export const kpisView = z
  .object({
    period: z.object({
      from: z.string().describe('YYYY-MM'),
      to: z.string().describe('YYYY-MM'),
      firstDay: date,
      lastDay: date.describe('The last day of `to`, or today while `to` is the current month'),
      days: count.describe('Days from firstDay to lastDay, both included'),
      timeZone: z.string().describe("The agency's time zone, in which months and days are counted"),
    }),
    clientId: z.string().nullable(),
    renewalRevenue: z.object({
      months: z.array(z.object({ month: z.string().describe('YYYY-MM'), totals: z.array(revenue).describe('One per currency; currencies are never added together') })).describe('Every month of the period, empty ones included'),
      totals: z.array(revenue).describe('The whole period, per currency'),
    }),
    failedPayments: z.object({
      overall: z.object(outcomes),
      byGateway: z.array(z.object({ gateway: z.string(), ...outcomes })),
    }).describe('Charge attempts requested in the period'),
    dunningRecovery: z
      .object({
        entered: count.describe('Cases that entered dunning in the period'),
        active: count.describe('Of those, still retrying'),
        recovered: count,
        exhausted: count,
        stopped: count,
        ended: count.describe('recovered + exhausted + stopped'),
        percent: percent.describe('recovered / ended × 100, one decimal; null when none has ended'),
      })
      .describe('Dunning cases entered in the period, by the state they are in now'),
    daysSalesOutstanding: z.array(
      z.object({
        currency: z.string(),
        receivableAtEnd: amount.describe('Still owed at the end of lastDay on issued invoices (not void or uncollectible)'),
        invoiced: amount.describe('Totals, tax included, of the invoices issued in the period'),
        dso: z.number().nullable().describe('receivableAtEnd / invoiced × days, one decimal; null when nothing was invoiced'),
        paidInvoices: count.describe('Invoices paid in full whose last payment fell in the period'),
        averageDaysToPay: z.number().nullable().describe('Their mean days from issue day to last payment, one decimal; null when none'),
      }),
    ).describe('One per currency'),
  })
  .meta({ id: 'BillingKpis', description: 'Revenue from renewals, failed payment rate, dunning recovery and days sales outstanding over a period' });

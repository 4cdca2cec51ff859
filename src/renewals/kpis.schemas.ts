import { z } from 'zod';
import { isCalendarDate } from '../registry/assets.model.ts';

/** Request and response shapes of the renewal KPIs and the spend forecast. */
const calendarDate = z.string().refine(isCalendarDate, 'must be a calendar date, YYYY-MM-DD');
const id = z.string().min(1).max(64);
const date = z.string().describe('A calendar date, YYYY-MM-DD');
const money = z.object({ amount: z.number().int().describe('Minor units'), currency: z.string() });

export const kpisQuery = z.strictObject({
  from: calendarDate.optional().describe('First day of the period; default: 12 months before `to`'),
  to: calendarDate.optional().describe('Last day of the period, inclusive; default today. At most 5 years after `from`'),
  clientId: id.optional(),
});

const outcome = z.object({
  assetId: z.string(),
  assetName: z.string(),
  clientId: z.string(),
  dueOn: date,
  renewedOn: date.nullable(),
  lapsed: z.boolean(),
  taskCreatedOn: date.nullable(),
  amountPaid: money.nullable(),
});

export const kpisView = z
  .object({
    period: z.object({ from: date, to: date }),
    successRate: z.object({
      renewedInTime: z.number().int(),
      due: z.number().int().describe('Renewals due in the period; those the agency decided not to renew are not counted'),
      rate: z.number().nullable().describe('0 to 1; null when nothing was due'),
    }),
    lapses: z.object({ count: z.number().int(), outcomes: z.array(outcome).describe('The first 100 lapses') }),
    medianLeadDays: z.number().nullable().describe('Median days between renewing and the due day; negative when late'),
    costPerMonth: z.array(z.object({ month: z.string().describe('YYYY-MM'), totals: z.array(money).describe('One per currency, by the day paid') })),
  })
  .meta({ id: 'RenewalKpis', description: 'How renewals went over a period: success rate, lapses, lead time and what was paid' });

export const forecastQuery = z.strictObject({
  clientId: id.optional(),
  providerId: id.optional(),
  months: z.coerce.number().int().min(1, 'must be 1 to 36').max(36, 'must be 1 to 36').default(12),
});

const breakdown = {
  byClient: z.array(z.object({ clientId: z.string(), clientName: z.string(), currency: z.string(), amount: z.number().int() })),
  byProvider: z.array(z.object({ providerId: z.string().nullable(), providerName: z.string().nullable().describe('Null: bought without a recorded provider'), currency: z.string(), amount: z.number().int() })),
  totals: z.array(money).describe('One entry per currency; currencies are never added together'),
};

export const forecastView = z
  .object({
    from: date,
    months: z.array(z.object({ month: z.string().describe('YYYY-MM'), ...breakdown })).describe('Every month of the window, empty ones included'),
    totals: z.object(breakdown).describe('The whole window'),
    renewals: z.number().int().describe('Priced renewals in the window'),
    unpriced: z.object({
      count: z.number().int().describe('Renewals in the window with no price recorded: listed, not guessed'),
      items: z.array(z.object({ assetId: z.string(), assetName: z.string(), clientId: z.string(), renewsOn: date })).describe('The first 50, soonest first'),
    }),
  })
  .meta({ id: 'SpendForecast', description: 'The renewals expected in the coming months and what they will cost, per client and provider' });

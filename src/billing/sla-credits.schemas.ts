import { z } from 'zod';

/** Request and response shapes of SLA credits; they also make the OpenAPI document. */
export const clientParams = z.strictObject({ id: z.string().min(1).max(64) });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, e.g. 2026-10');

export const issueBody = z
  .strictObject({
    month: month.describe('The month of the SLA report whose credit is issued, in the time zone of the plan’s support hours; it must have ended'),
  })
  .meta({ id: 'NewSlaCredit', description: 'Turn the service credit a monthly SLA report says is owed into a credit note' });

export const listQuery = z.strictObject({
  month: month.optional().describe('Only the credit of this month (at most one)'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const slaCreditView = z
  .object({
    month: z.string().describe('YYYY-MM'),
    credit: z.object({ amount: z.number(), currency: z.string() }).describe('What the client is credited, positive, tax included'),
    creditNote: z.object({
      id: z.string(),
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      description: z.string(),
      subtotal: z.number(),
      tax: z.number(),
      total: z.number().describe('Negative: what the credit note gives back'),
    }),
    allocatedTo: z.object({ id: z.string(), number: z.string().nullable() }).nullable().describe('The invoice the credit lowered; null while it waits for the client’s next invoice'),
  })
  .meta({ id: 'SlaCredit', description: 'An SLA credit issued as a credit note, and the invoice it was applied to' });

export const slaCreditPage = z
  .object({ items: z.array(slaCreditView), nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null on the last page') })
  .meta({ id: 'SlaCreditPage', description: 'One page of a client’s SLA credits, newest first' });

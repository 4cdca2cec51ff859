import { z } from 'zod';
import { INVOICE_STATES } from './invoice-states.model.ts';
import { QUANTITY_SCALE } from './invoice.model.ts';
import { isCurrencyCode } from '../platform/money.ts';
import { streamed } from '../platform/http/responses.ts';
import { taxRateBody } from './profiles.schemas.ts';

/**
 * Request and response shapes of the invoice API; they also make the OpenAPI document.
 * Quantities are whole thousandths of a unit (1 unit is 1000), amounts whole minor units.
 */
const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });

const currency = z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code in capitals, such as EUR');
const date = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

const lineBody = z.strictObject({
  description: z.string().trim().min(1, 'must not be empty').max(500, 'can be at most 500 characters'),
  quantity: z
    .number()
    .int(`must be a whole number of thousandths (${QUANTITY_SCALE} is one unit)`)
    .positive('must be more than 0')
    .describe(`Thousandths of a unit: ${QUANTITY_SCALE} is one, 1500 one and a half`),
  unitPrice: z.number().int('must be a whole number of minor units').describe('Per whole unit, minor units; negative for a discount'),
  taxRate: taxRateBody.nullable().optional().describe("Left out: the client's default rate; null: not taxed"),
  assetId: id.nullable().optional(),
  periodFrom: date.nullable().optional(),
  periodTo: date.nullable().optional(),
});

const lines = z.array(lineBody).min(1, 'must have at least one line').max(500, 'can have at most 500 lines');
const notes = z.string().max(2000, 'can be at most 2000 characters').nullable();

export const draftBody = z
  .strictObject({ clientId: id, currency: currency.optional().describe("Default: the client's currency"), lines, notes: notes.optional() })
  .meta({ id: 'NewInvoice', description: 'A draft invoice: it has no number until it is issued' });

export const draftPatch = z.strictObject({ lines: lines.optional(), notes: notes.optional() });

export const listQuery = z.strictObject({
  state: z.enum(INVOICE_STATES).optional(),
  clientId: id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const paymentBody = z
  .strictObject({
    amount: z.number().int('must be a whole number of minor units').positive('must be more than 0'),
    currency: currency.optional().describe("Must be the invoice's; default it"),
    receivedAt: z.iso.datetime({ error: 'must be an instant such as 2026-11-21T12:00:00Z' }).optional().describe('Default: now'),
  })
  .meta({ id: 'NewPayment', description: 'A payment received outside a gateway, e.g. a bank transfer' });

export const creditBody = z
  .strictObject({
    lines: z
      .array(z.strictObject({ position: z.number().int().min(1), quantity: z.number().int('must be a whole number of thousandths').positive('must be more than 0').optional() }))
      .min(1, 'must name at least one line')
      .optional()
      .describe("The invoice's lines to credit, by position, and how much of each; left out: all in full"),
    notes: notes.optional(),
  })
  .meta({ id: 'NewCreditNote', description: 'A credit note negating some or all of an issued invoice' });

// Responses: lenient `z.object`, naming every field.

const taxRateView = z.object({ name: z.string(), basisPoints: z.number() });
const lineView = z.object({
  description: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  quantity: z.number().describe('Thousandths of a unit'),
  unitPrice: z.number(),
  taxRate: taxRateView.nullable(),
  net: z.number(),
});
const party = { name: z.string(), address: z.array(z.string()), vatNumber: z.string().nullable() };

export const documentView = z
  .object({
    id: z.string(),
    kind: z.enum(['invoice', 'credit-note']),
    number: z.string().nullable().describe('Null while a draft'),
    state: z.enum(INVOICE_STATES),
    issuedOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    currency: z.string(),
    language: z.string(),
    seller: z.object({ ...party, email: z.string().nullable(), registrationNumber: z.string().nullable().optional() }),
    buyer: z.object({ ...party, clientId: z.string() }),
    lines: z.array(lineView),
    totals: z.object({
      currency: z.string(),
      lines: z.array(z.object({ net: z.number() })),
      subtotal: z.number(),
      taxes: z.array(z.object({ rate: taxRateView, base: z.number(), tax: z.number() })).describe('One per rate, rounded once per rate'),
      tax: z.number(),
      total: z.number(),
      reverseCharge: z.boolean(),
    }),
    paid: z.number(),
    amountDue: z.number().describe('Total less payments and credit notes; never negative'),
    correcting: z.string().nullable().describe('A credit note: the number of the invoice it corrects'),
    notes: z.string().nullable(),
    paymentLink: z.string().nullable(),
    bankTransfer: z
      .object({ accountHolder: z.string(), iban: z.string().nullable(), bic: z.string().nullable(), instructions: z.string().nullable(), reference: z.string().nullable().describe('The invoice number, to quote with the transfer') })
      .nullable()
      .optional()
      .describe('Where to pay by transfer: set while something is owed and the invoice is not charged automatically'),
  })
  .meta({ id: 'Invoice', description: 'An invoice or credit note as a document; amounts in minor units' });

export const summaryView = z
  .object({
    id: z.string(),
    kind: z.enum(['invoice', 'credit-note']),
    number: z.string().nullable(),
    state: z.enum(INVOICE_STATES),
    clientId: z.string(),
    currency: z.string(),
    issuedOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    subtotal: z.number(),
    tax: z.number(),
    total: z.number(),
    paid: z.number(),
    amountDue: z.number().describe('What it still asks for: total less payments less credit notes (0 on a credit note)'),
    correctingInvoiceId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InvoiceSummary', description: 'An invoice in a list' });

export const invoicePage = z
  .object({ items: z.array(summaryView), nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null on the last page') })
  .meta({ id: 'InvoicePage', description: 'One page of invoices and credit notes, newest first' });

export const paymentView = z
  .object({
    payment: z.object({ id: z.string(), amount: z.number(), currency: z.string(), kind: z.string(), receivedAt: z.string() }),
    invoice: documentView,
  })
  .meta({ id: 'PaymentRecorded', description: 'The payment recorded and the invoice after it' });

export const creditView = z
  .object({ creditNote: documentView, invoice: documentView })
  .meta({ id: 'CreditNoteIssued', description: 'The credit note issued and the invoice it corrects, after it' });

// Downloads, and reading an invoice's payments.

export const paymentParams = z.strictObject({ id });

export const downloadQuery = z.strictObject({
  download: z.enum(['0', '1']).optional().describe('1: sent as an attachment to save; left out or 0: shown inline'),
});

const pdfFile = (description: string, example: string) =>
  streamed(description, { 'application/pdf': z.string().describe('A PDF document') }, { 'content-disposition': { type: 'string', description: `inline; filename="${example}" (attachment with download=1)` } });
export const invoicePdfFile = pdfFile("The invoice or credit note as a PDF in the client's language", 'invoice-2026-0001.pdf');
export const receiptPdfFile = pdfFile("The receipt as a one-page PDF in the client's language", 'receipt-2026-0001-pay_….pdf');

export const paymentItem = z
  .object({
    id: z.string(),
    kind: z.enum(['payment', 'refund']),
    amount: z.number().describe('Minor units, positive; a refund takes it back'),
    currency: z.string(),
    gateway: z.string().nullable().describe('Null for a payment recorded by hand'),
    gatewayRef: z.string().nullable().optional().describe("The gateway's reference; never shown to a portal user"),
    method: z.string().nullable().describe('The saved method\'s label, such as "Visa ·· 4242", when known'),
    receivedAt: z.string(),
  })
  .meta({ id: 'InvoicePayment', description: 'A payment or refund of an invoice' });

export const paymentList = z
  .object({ items: z.array(paymentItem).describe('Oldest first') })
  .meta({ id: 'InvoicePayments', description: "An invoice's payments and refunds, oldest first" });

import type { Transaction } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { Audit } from '../platform/deps.ts';
import { creditsThatFit, SLA_CREDIT_KEY_PREFIX } from './credit-note.model.ts';
import { stateAfterPayments } from './invoice-states.model.ts';
import * as store from './invoices.store.ts';

/**
 * Applying client credit (credit notes that correct no invoice yet, today the desk's SLA credits)
 * to an invoice, inside the caller's transaction. A credit note is applied whole: it then corrects
 * that invoice like any credit note, so the invoice's amount due and state follow creditedOn and
 * stateAfterPayments. Every application is audited on the credit note (`credit-note.allocated`)
 * and on the invoice (`invoice.credited`).
 */

/** What a credit note gives back, as a positive amount. */
export const creditOf = (creditNote: store.InvoiceRecord) => -creditNote.total;

/** What an issued invoice still asks for: its total less payments and credit notes so far. */
export async function stillOwed(trx: Transaction<Schema>, invoice: store.InvoiceRecord): Promise<number> {
  return invoice.total - invoice.paid - (await store.creditedOn(trx, invoice.id));
}

/**
 * Points the credit notes at the invoice and moves the invoice's state with what is now credited.
 * A credit note another transaction applied first is skipped. Returns the invoice after.
 */
export async function allocate(trx: Transaction<Schema>, audit: Audit, creditNotes: readonly store.InvoiceRecord[], invoice: store.InvoiceRecord, now: string): Promise<store.InvoiceRecord> {
  const applied: store.InvoiceRecord[] = [];
  for (const creditNote of creditNotes) {
    if (!(await store.allocateCreditNote(trx, creditNote.id, invoice.id, now))) continue;
    applied.push(creditNote);
    await audit({
      action: 'credit-note.allocated',
      entityType: 'invoice',
      entityId: creditNote.id,
      before: { correctingInvoiceId: null },
      after: { correctingInvoiceId: invoice.id, invoice: invoice.number, credit: creditOf(creditNote) },
    });
  }
  if (applied.length === 0) return invoice;
  const credited = await store.creditedOn(trx, invoice.id);
  const after: store.InvoiceRecord = { ...invoice, state: stateAfterPayments(invoice.state, invoice.total - credited, invoice.paid), updatedAt: now };
  await store.updateInvoice(trx, after, invoice.state, { lines: false });
  await audit({
    action: 'invoice.credited',
    entityType: 'invoice',
    entityId: invoice.id,
    before: { state: invoice.state },
    after: { state: after.state, credited, creditNotes: applied.map((c) => c.number) },
  });
  return after;
}

/**
 * A freshly issued invoice takes the client's waiting SLA credit notes of its currency: oldest
 * first, whole credit notes only while they fit in what it asks for (creditsThatFit), so an
 * invoice is never credited below nothing; one that does not fit waits for a later invoice.
 */
export async function applyClientCredit(trx: Transaction<Schema>, audit: Audit, invoice: store.InvoiceRecord, now: string): Promise<store.InvoiceRecord> {
  const waiting = await store.unallocatedCreditNotes(trx, invoice.clientId, invoice.currency, SLA_CREDIT_KEY_PREFIX);
  if (waiting.length === 0) return invoice;
  const fitting = creditsThatFit(waiting.map((c) => ({ id: c.id, amount: creditOf(c), creditNote: c })), await stillOwed(trx, invoice));
  return allocate(trx, audit, fitting.map((f) => f.creditNote), invoice, now);
}

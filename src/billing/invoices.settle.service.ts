import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import { changedFields, createdRecord } from '../platform/audit/model.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { canMove, stateAfterPayments, type InvoiceState } from './invoice-states.model.ts';
import * as store from './invoices.store.ts';
import { asInvalid, priced, visibleInvoice, wrongState, type Ctx } from './invoices.service.ts';
import { creditedAfter, creditNoteLines, type CreditRequest } from './credit-note.model.ts';
import { currentParties } from './invoice-parties.service.ts';
import { formatNumber, yearOfIssue } from './numbering.model.ts';

/**
 * What happens to an issued invoice: payments recorded by a person, credit notes, voiding and
 * writing off. A credit note is issued at once in its own number series, negating some or all of
 * the invoice's lines; what it credits lowers what the invoice still asks for, so the invoice's
 * state follows stateAfterPayments over its total less everything credited.
 */
function audited(i: store.InvoiceRecord): Omit<store.InvoiceRecord, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

/** The invoice as it is now, held until the transaction ends (see store.lockInvoice). */
async function lockedInvoice(trx: Transaction<Schema>, id: string): Promise<store.InvoiceRecord> {
  await store.lockInvoice(trx, id);
  return (await store.findInvoice(trx, id))!;
}

async function moveTo(deps: Deps, ctx: Ctx, id: string, to: InvoiceState, action: string, verb: string): Promise<store.InvoiceRecord> {
  const before = await visibleInvoice(deps, ctx.actor, id);
  if (before.kind !== 'invoice' || !canMove(before.state, to)) throw wrongState(before, verb);
  const after: store.InvoiceRecord = { ...before, state: to, updatedAt: deps.now().toISOString() };
  return change(deps, ctx, async (trx, audit) => {
    if (!(await store.updateInvoice(trx, after, before.state, { lines: false }))) throw wrongState(before, verb);
    await audit({ action, entityType: 'invoice', entityId: id, ...changedFields(audited(before), audited(after)) });
    return after;
  });
}

/** A draft is discarded or an open invoice cancelled; never one with money against it (a credit note corrects that). */
export const voidInvoice = (deps: Deps, ctx: Ctx, id: string) => moveTo(deps, ctx, id, 'void', 'invoice.voided', 'void');

/** Written off; a late payment can still settle it. */
export const markUncollectible = (deps: Deps, ctx: Ctx, id: string) => moveTo(deps, ctx, id, 'uncollectible', 'invoice.uncollectible', 'write off');

/** States in which an invoice can still owe money, so a payment can be recorded against it. */
const PAYABLE: readonly InvoiceState[] = ['open', 'partially-paid', 'uncollectible'];

export interface PaymentInput {
  amount: number;
  currency?: string | undefined;
  receivedAt?: string | undefined;
}

export async function recordPayment(deps: Deps, ctx: Ctx, id: string, input: PaymentInput): Promise<{ invoice: store.InvoiceRecord; payment: store.PaymentRecord }> {
  const before = await visibleInvoice(deps, ctx.actor, id);
  if (before.kind !== 'invoice' || !PAYABLE.includes(before.state)) throw wrongState(before, 'record a payment on');
  if (input.currency !== undefined && input.currency !== before.currency) throw invalid([{ field: 'body.currency', message: `must be the invoice's currency, ${before.currency}` }]);
  const now = deps.now().toISOString();
  const payment: store.PaymentRecord = {
    id: newId('payment'),
    invoiceId: id,
    amount: input.amount,
    currency: before.currency,
    gateway: null,
    gatewayRef: null,
    kind: 'payment',
    receivedAt: input.receivedAt ?? now,
    createdAt: now,
  };
  return change(deps, ctx, async (trx, audit) => {
    const { before: current, after } = await applyPayment(trx, id, payment, now);
    await audit({ action: 'invoice.payment-recorded', entityType: 'invoice', entityId: id, before: { state: current.state, paid: current.paid }, after: { state: after.state, paid: after.paid, payment } });
    return { invoice: after, payment };
  });
}

/**
 * Records a payment (or refund) against an invoice inside the caller's transaction, and moves the
 * invoice's paid amount and state to follow. A gateway's payment already recorded under the same
 * reference is not recorded again (a webhook and a charge's answer can both report it).
 * Returns the invoice before and after; `recorded` is false when it was already there.
 */
export async function applyPayment(trx: Transaction<Schema>, id: string, payment: store.PaymentRecord, now: string): Promise<{ before: store.InvoiceRecord; after: store.InvoiceRecord; recorded: boolean }> {
  const current = await lockedInvoice(trx, id);
  if (payment.gatewayRef && (await store.paymentByRef(trx, payment.gatewayRef))) return { before: current, after: current, recorded: false };
  // Money a gateway has taken is recorded whatever the invoice's state (paid by hand meanwhile, voided):
  // it happened, and a person refunds it. A person recording one is held to the payable states.
  if (payment.kind === 'payment' && !payment.gateway && !PAYABLE.includes(current.state)) throw wrongState(current, 'record a payment on');
  await store.insertPayment(trx, payment);
  const paid = await store.paidOn(trx, id);
  const credited = await store.creditedOn(trx, id);
  const after: store.InvoiceRecord = { ...current, paid, state: stateAfterPayments(current.state, current.total - credited, paid), updatedAt: now };
  await store.updateInvoice(trx, after, current.state, { lines: false });
  return { before: current, after, recorded: true };
}

/** States whose invoice a credit note can correct: issued, not voided. */
const CREDITABLE: readonly InvoiceState[] = ['open', 'partially-paid', 'paid', 'uncollectible'];

export interface CreditInput {
  /** Which lines, by position, and how much of each (thousandths); none: every line in full. */
  lines?: CreditRequest[] | undefined;
  notes?: string | null | undefined;
}

function creditLines(invoice: store.InvoiceRecord, input: CreditInput): store.InvoiceLineRecord[] {
  try {
    return creditNoteLines(invoice.lines, input.lines).map((l) => ({ ...l, net: 0, renewalKey: null }));
  } catch (err) {
    return asInvalid(err);
  }
}

export async function issueCreditNote(deps: Deps, ctx: Ctx, id: string, input: CreditInput): Promise<{ creditNote: store.InvoiceRecord; invoice: store.InvoiceRecord }> {
  const invoice = await visibleInvoice(deps, ctx.actor, id);
  if (invoice.kind !== 'invoice' || !CREDITABLE.includes(invoice.state)) throw wrongState(invoice, 'credit');
  const totals = priced(invoice.currency, creditLines(invoice, input), invoice.reverseCharge);
  const agency = await readAgency(deps);
  const issuedOn = DateTime.fromJSDate(deps.now(), { zone: agency.timeZone }).toISODate()!;
  const year = yearOfIssue(issuedOn);
  const now = deps.now().toISOString();
  // The credit note is a document of its own day: it keeps the parties as they are now (read
  // before the transaction), not those of the invoice it corrects.
  const parties = await currentParties(deps, invoice.clientId);
  return change(deps, ctx, async (trx, audit) => {
    const current = await lockedInvoice(trx, id);
    if (!CREDITABLE.includes(current.state)) throw wrongState(current, 'credit');
    let credited: number;
    try {
      credited = creditedAfter(current.total, await store.creditedOn(trx, id), totals.total);
    } catch (err) {
      return asInvalid(err);
    }
    const sequence = await store.takeSequence(trx, 'credit-note', year);
    const creditNote: store.InvoiceRecord = {
      ...invoice,
      ...totals,
      id: newId('invoice'),
      kind: 'credit-note',
      number: formatNumber('credit-note', year, sequence),
      series: 'credit-note',
      year,
      sequence,
      // Applied to the invoice it corrects at once: nothing is owed on a credit note itself.
      state: 'paid',
      issuedOn,
      dueOn: issuedOn,
      paid: 0,
      correctingInvoiceId: id,
      notes: input.notes ?? null,
      parties,
      createdAt: now,
      updatedAt: now,
    };
    await store.insertInvoice(trx, creditNote, () => newId('invoiceLine'));
    const after: store.InvoiceRecord = { ...current, state: stateAfterPayments(current.state, current.total - credited, current.paid), updatedAt: now };
    await store.updateInvoice(trx, after, current.state, { lines: false });
    await audit({ action: 'credit-note.issued', entityType: 'invoice', entityId: creditNote.id, after: createdRecord(audited(creditNote)) });
    await audit({ action: 'invoice.credited', entityType: 'invoice', entityId: id, before: { state: current.state }, after: { state: after.state, credited, creditNote: creditNote.number } });
    return { creditNote, invoice: after };
  });
}

import { DateTime } from 'luxon';
import { canSeeClient } from '../accounts/authorization.ts';
import { readAgency } from '../accounts/agency.ts';
import type { Actor } from '../accounts/model.ts';
import { createdRecord } from '../platform/audit/model.ts';
import type { Transaction } from 'kysely';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid, notFound, ProblemError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Money } from '../platform/money.ts';
import { findClient } from '../registry/parties.store.ts';
import { slaCreditOf, type SlaCreditOwed } from '../desk/credits.service.ts';
import { invoiceToCredit, monthOfSlaCreditKey, SLA_CREDIT_KEY_PREFIX, slaCreditDescription, slaCreditKey } from './credit-note.model.ts';
import { currentParties } from './invoice-parties.service.ts';
import * as store from './invoices.store.ts';
import { priced, type Ctx } from './invoices.service.ts';
import { formatNumber, yearOfIssue } from './numbering.model.ts';
import { profileOf } from './profiles.service.ts';
import { allocate, creditOf, stillOwed } from './sla-credits.allocate.ts';

/**
 * SLA credits: the service credit a client's monthly SLA report says is owed (desk/credits.service.ts)
 * turned into a credit note, once per client and month. The credit note is issued at once in the
 * credit-note series with one line for the credit (taxed as the client's profile says) and then
 * applied whole to the client's oldest invoice in its currency that still owes at least as much;
 * with none, it waits as client credit and the client's next issued invoice takes it
 * (sla-credits.allocate.ts, called by issueInvoice).
 */
export interface SlaCreditView {
  month: string;
  /** What the client is credited, positive, tax included. */
  credit: Money;
  creditNote: { id: string; number: string | null; issuedOn: string | null; description: string; subtotal: number; tax: number; total: number };
  /** The invoice the credit lowered; null while it waits for the client's next invoice. */
  allocatedTo: { id: string; number: string | null } | null;
}

async function visibleClient(deps: Deps, actor: Actor, clientId: string): Promise<void> {
  const client = await findClient(deps.database.db, clientId);
  if (!client || !canSeeClient(actor, clientId)) throw notFound('client', clientId);
}

/** 409 naming the credit note that already carries this month's credit. */
function alreadyIssued(existing: store.InvoiceRecord, month: string): ProblemError {
  return new ProblemError(409, 'conflict', 'Conflict', `The SLA credit for ${month} was issued already, as credit note ${existing.number}.`, undefined, {
    creditNote: { id: existing.id, number: existing.number },
  });
}

/** The credit note's one line: the month's credit, negated, over the month's dates. */
function creditLine(owed: SlaCreditOwed, key: string, taxRate: store.InvoiceLineRecord['taxRate']): store.InvoiceLineRecord {
  const first = DateTime.fromISO(`${owed.month}-01`);
  return {
    position: 1,
    description: slaCreditDescription(owed.month, owed.uptimePercent, owed.guaranteePercent),
    assetId: null,
    periodFrom: first.toISODate(),
    periodTo: first.endOf('month').toISODate(),
    quantity: 1000,
    unitPrice: -owed.amount.amount,
    taxRate,
    net: 0,
    renewalKey: key,
  };
}

/** The credit note as issued, before it corrects anything: numbered, and `paid` at once like every credit note. */
function slaCreditNote(draft: Pick<store.InvoiceRecord, 'clientId' | 'currency' | 'reverseCharge' | 'issuedOn' | 'notes' | 'lines' | 'subtotal' | 'tax' | 'total' | 'parties'>, year: number, sequence: number, now: string): store.InvoiceRecord {
  return {
    ...draft,
    id: newId('invoice'),
    kind: 'credit-note',
    number: formatNumber('credit-note', year, sequence),
    series: 'credit-note',
    year,
    sequence,
    // Nothing is owed on a credit note itself; what it gives back lowers an invoice.
    state: 'paid',
    dueOn: draft.issuedOn,
    paid: 0,
    correctingInvoiceId: null,
    createdAt: now,
    updatedAt: now,
  };
}

export async function issueSlaCredit(deps: Deps, ctx: Ctx, clientId: string, month: string): Promise<store.InvoiceRecord> {
  await visibleClient(deps, ctx.actor, clientId);
  const key = slaCreditKey(clientId, month);
  const existing = await store.creditNoteByKey(deps.database.db, key);
  if (existing) throw alreadyIssued(existing, month);
  const owed = await slaCreditOf(deps, clientId, month);
  if (!owed.owed) throw invalid([{ field: 'body.month', message: owed.reason }]);
  const profile = await profileOf(deps, clientId);
  const currency = owed.amount.currency;
  const totals = priced(currency, [creditLine(owed, key, profile.taxRate)], profile.reverseCharge);
  const agency = await readAgency(deps);
  const issuedOn = DateTime.fromJSDate(deps.now(), { zone: agency.timeZone }).toISODate()!;
  const year = yearOfIssue(issuedOn);
  const now = deps.now().toISOString();
  // Kept as they are on the day it is issued, read before the transaction like the profile.
  const parties = await currentParties(deps, clientId, profile);
  const draft = { ...totals, clientId, currency, reverseCharge: profile.reverseCharge, issuedOn, notes: `Monthly SLA report: ${owed.reportUrl}`, parties };
  try {
    return await change(deps, ctx, async (trx, audit) => {
      const creditNote = slaCreditNote(draft, year, await store.takeSequence(trx, 'credit-note', year), now);
      await store.insertInvoice(trx, creditNote, () => newId('invoiceLine'));
      await audit({ action: 'credit-note.issued', entityType: 'invoice', entityId: creditNote.id, after: createdRecord(auditedCreditNote(creditNote)) });
      const invoice = await invoiceOwingAtLeast(trx, clientId, currency, creditOf(creditNote));
      if (!invoice) return creditNote;
      await allocate(trx, audit, [creditNote], invoice, now);
      return { ...creditNote, correctingInvoiceId: invoice.id };
    });
  } catch (err) {
    // Two issues of the same month at once: the line's unique key lets one through.
    if (!isUniqueViolation(err)) throw err;
    const winner = await store.creditNoteByKey(deps.database.db, key);
    if (winner) throw alreadyIssued(winner, month);
    throw err;
  }
}

function auditedCreditNote(i: store.InvoiceRecord): Omit<store.InvoiceRecord, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

/**
 * The client's oldest open or partially paid invoice in the currency that still owes at least
 * `credit`, held until the transaction ends (a payment or credit note on it meanwhile waits).
 */
async function invoiceOwingAtLeast(trx: Transaction<Schema>, clientId: string, currency: string, credit: number): Promise<store.InvoiceRecord | null> {
  const owing = await store.owingInvoices(trx, clientId, currency);
  const dues = await Promise.all(owing.map(async (invoice) => ({ id: invoice.id, due: await stillOwed(trx, invoice), invoice })));
  const chosen = invoiceToCredit(dues, credit);
  if (!chosen) return null;
  await store.lockInvoice(trx, chosen.id);
  // Read again under the lock: a payment may have landed between the list and the lock.
  const current = await store.findInvoice(trx, chosen.id);
  if (!current || (current.state !== 'open' && current.state !== 'partially-paid')) return null;
  return (await stillOwed(trx, current)) >= credit ? current : null;
}

export interface SlaCreditFilter {
  /** Only this month's credit. */
  month?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listSlaCredits(deps: Deps, actor: Actor, clientId: string, filter: SlaCreditFilter): Promise<Page<SlaCreditView>> {
  await visibleClient(deps, actor, clientId);
  const db = deps.database.db;
  const keyPrefix = filter.month ? slaCreditKey(clientId, filter.month) : SLA_CREDIT_KEY_PREFIX;
  const rows = await store.creditNotesByKeyPrefix(db, clientId, keyPrefix, filter);
  const numbers = new Map<string, string | null>();
  for (const id of new Set(rows.flatMap((r) => (r.correctingInvoiceId ? [r.correctingInvoiceId] : [])))) numbers.set(id, await store.numberOf(db, id));
  return toPage(rows, filter.limit, (r) => ({ value: r.createdAt, id: r.id }), (r) => viewOf(r, numbers));
}

function viewOf(creditNote: store.InvoiceRecord, numbers: Map<string, string | null>): SlaCreditView {
  const line = creditNote.lines[0];
  return {
    month: monthOfSlaCreditKey(line?.renewalKey ?? null) ?? '',
    credit: { amount: creditOf(creditNote), currency: creditNote.currency },
    creditNote: { id: creditNote.id, number: creditNote.number, issuedOn: creditNote.issuedOn, description: line?.description ?? '', subtotal: creditNote.subtotal, tax: creditNote.tax, total: creditNote.total },
    allocatedTo: creditNote.correctingInvoiceId ? { id: creditNote.correctingInvoiceId, number: numbers.get(creditNote.correctingInvoiceId) ?? null } : null,
  };
}

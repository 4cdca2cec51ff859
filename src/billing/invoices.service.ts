import type { Transaction } from 'kysely';
import { DateTime } from 'luxon';
import { canSeeClient, clientScope } from '../accounts/authorization.ts';
import { readAgency } from '../accounts/agency.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, ProblemError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { findClient } from '../registry/parties.store.ts';
import type { InvoiceParties } from './invoice-parties.model.ts';
import { currentParties } from './invoice-parties.service.ts';
import { allowedMoves, canMove, type InvoiceState } from './invoice-states.model.ts';
import { InvoiceAmountError, invoiceTotals, type TaxRate } from './invoice.model.ts';
import * as store from './invoices.store.ts';
import { amountDue } from './invoice-states.model.ts';
import { formatNumber, yearOfIssue } from './numbering.model.ts';
import { profileOf } from './profiles.service.ts';
import type { BillingProfile } from './profiles.store.ts';
import { applyClientCredit } from './sla-credits.allocate.ts';

export type Ctx = ChangeContext & { actor: Actor };
export type { InvoiceRecord } from './invoices.store.ts';

/**
 * Invoices as drafts and their issue. A draft has no number and can be edited; issuing takes
 * the next number of the year in the agency's calendar inside the issuing transaction (so a
 * failed issue leaves no gap), sets the due date from the client's payment terms, freezes
 * the totals and keeps the seller and buyer as they are that day (invoice-parties.model.ts).
 * Every amount comes from the pure rules in invoice.model.ts; bad amounts are a 400 naming the
 * field, a move the invoice's state does not allow is a 409 listing the allowed ones.
 */
export interface LineInput {
  description: string;
  quantity: number;
  unitPrice: number;
  /** Undefined: the client's default rate; null: not taxed. */
  taxRate?: TaxRate | null | undefined;
  assetId?: string | null | undefined;
  periodFrom?: string | null | undefined;
  periodTo?: string | null | undefined;
  /** Set by the billing run only (never by the API): the renewal the line bills, unique across all invoices. */
  renewalKey?: string | null | undefined;
}

/** The invoice when the actor may see it: a portal user only its own client's, and never a draft. */
export async function visibleInvoice(deps: Deps, actor: Actor, id: string): Promise<store.InvoiceRecord> {
  const invoice = await store.findInvoice(deps.database.db, id);
  if (!invoice || !canSeeClient(actor, invoice.clientId) || (clientScope(actor) !== null && invoice.state === 'draft')) throw notFound('invoice', id);
  return invoice;
}

/** A 409 naming the state and the moves it allows. */
export function wrongState(invoice: store.InvoiceRecord, action: string): ProblemError {
  const moves = allowedMoves(invoice.state);
  const detail = `Cannot ${action} an invoice that is ${invoice.state}; from ${invoice.state} it can move to ${moves.length > 0 ? moves.join(', ') : 'nothing'}.`;
  return new ProblemError(409, 'conflict', 'Conflict', detail, undefined, { state: invoice.state, allowedMoves: moves });
}

/** A 400 naming `body.<field>` for an amount the pure rules refuse; other errors pass through. */
export function asInvalid(err: unknown): never {
  if (err instanceof InvoiceAmountError) throw invalid([{ field: `body.${err.field}`, message: err.message }]);
  throw err;
}

/** Lines priced by the pure rules: each line's net, and the invoice's totals. */
export function priced(currency: string, lines: store.InvoiceLineRecord[], reverseCharge: boolean): { lines: store.InvoiceLineRecord[]; subtotal: number; tax: number; total: number } {
  try {
    const totals = invoiceTotals(currency, lines, { reverseCharge });
    return { lines: lines.map((l, i) => ({ ...l, net: totals.lines[i]!.net })), subtotal: totals.subtotal, tax: totals.tax, total: totals.total };
  } catch (err) {
    return asInvalid(err);
  }
}

/**
 * A new draft invoice, priced: what a person's "New invoice" and the billing run both start from.
 * A draft shows the parties as they are now; issuing keeps them.
 */
export function draftRecord(d: { clientId: string; currency: string; lines: store.InvoiceLineRecord[]; reverseCharge: boolean; notes: string | null; now: string }): store.InvoiceRecord {
  return {
    id: newId('invoice'),
    kind: 'invoice',
    number: null,
    series: null,
    year: null,
    sequence: null,
    state: 'draft',
    clientId: d.clientId,
    currency: d.currency,
    issuedOn: null,
    dueOn: null,
    ...priced(d.currency, d.lines, d.reverseCharge),
    paid: 0,
    reverseCharge: d.reverseCharge,
    correctingInvoiceId: null,
    notes: d.notes,
    parties: null,
    createdAt: d.now,
    updatedAt: d.now,
  };
}

function lineRecords(input: LineInput[], defaultRate: TaxRate | null): store.InvoiceLineRecord[] {
  return input.map((l, i) => ({
    position: i + 1,
    description: l.description,
    assetId: l.assetId ?? null,
    periodFrom: l.periodFrom ?? null,
    periodTo: l.periodTo ?? null,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRate: l.taxRate === undefined ? defaultRate : l.taxRate,
    net: 0,
    renewalKey: l.renewalKey ?? null,
  }));
}

/** Lines may name assets, but only the client's own. */
async function checkAssets(deps: Deps, clientId: string, lines: LineInput[]): Promise<void> {
  const named = lines.flatMap((l) => (l.assetId ? [l.assetId] : []));
  const owned = await store.assetsOfClient(deps.database.db, clientId, named);
  const errors = lines.flatMap((l, i) => (l.assetId && !owned.has(l.assetId) ? [{ field: `body.lines.${i}.assetId`, message: `no asset ${l.assetId} of this client` }] : []));
  if (errors.length > 0) throw invalid(errors);
}

async function invoicedClient(deps: Deps, clientId: string) {
  const client = await findClient(deps.database.db, clientId);
  if (!client) throw invalid([{ field: 'body.clientId', message: `no client with id ${clientId}` }]);
  if (client.archivedAt) throw invalid([{ field: 'body.clientId', message: 'is an archived client' }]);
  return client;
}

/** What the audit log keeps of an invoice: everything but the timestamps. */
function audited(i: store.InvoiceRecord): Omit<store.InvoiceRecord, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

export interface DraftInput {
  clientId: string;
  currency?: string | undefined;
  lines: LineInput[];
  notes?: string | null | undefined;
}

export async function createDraft(deps: Deps, ctx: Ctx, input: DraftInput): Promise<store.InvoiceRecord> {
  const client = await invoicedClient(deps, input.clientId);
  await checkAssets(deps, client.id, input.lines);
  const profile = await profileOf(deps, client.id);
  const currency = input.currency ?? client.currency;
  const lines = lineRecords(input.lines, profile.taxRate);
  const now = deps.now().toISOString();
  const invoice = draftRecord({ clientId: client.id, currency, lines, reverseCharge: profile.reverseCharge, notes: input.notes ?? null, now });
  return change(deps, ctx, async (trx, audit) => {
    await store.insertInvoice(trx, invoice, () => newId('invoiceLine'));
    await audit({ action: 'invoice.created', entityType: 'invoice', entityId: invoice.id, after: createdRecord(audited(invoice)) });
    return invoice;
  });
}

export interface DraftPatch {
  lines?: LineInput[] | undefined;
  notes?: string | null | undefined;
}

export async function updateDraft(deps: Deps, ctx: Ctx, id: string, patch: DraftPatch): Promise<store.InvoiceRecord> {
  const before = await visibleInvoice(deps, ctx.actor, id);
  if (before.state !== 'draft') throw wrongState(before, 'edit');
  if (patch.lines) await checkAssets(deps, before.clientId, patch.lines);
  const profile = await profileOf(deps, before.clientId);
  const lines = patch.lines ? lineRecords(patch.lines, profile.taxRate) : before.lines;
  const after: store.InvoiceRecord = {
    ...before,
    ...priced(before.currency, lines, profile.reverseCharge),
    reverseCharge: profile.reverseCharge,
    notes: patch.notes === undefined ? before.notes : patch.notes,
    updatedAt: deps.now().toISOString(),
  };
  return change(deps, ctx, async (trx, audit) => {
    if (!(await store.updateInvoice(trx, after, 'draft', patch.lines ? { lines: true, lineId: () => newId('invoiceLine') } : { lines: false }))) throw wrongState(before, 'edit');
    await audit({ action: 'invoice.updated', entityType: 'invoice', entityId: id, ...changedFields(audited(before), audited(after)) });
    return after;
  });
}

export interface InvoiceListFilter {
  state?: InvoiceState | undefined;
  clientId?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** Invoices newest first, each with what it still asks for (credit notes counted). */
export async function listInvoices(deps: Deps, actor: Actor, filter: InvoiceListFilter): Promise<Page<store.InvoiceRecord & { amountDue: number }>> {
  const rows = await store.listInvoices(deps.database.db, { ...filter, confinedTo: clientScope(actor) ?? undefined });
  const credited = await store.creditedOnEach(deps.database.db, rows.map((r) => r.id));
  const due = (i: store.InvoiceRecord) => (i.kind === 'invoice' ? amountDue(i.total - (credited.get(i.id) ?? 0), i.paid) : 0);
  return toPage(rows, filter.limit, (i) => ({ value: i.createdAt, id: i.id }), (i) => ({ ...i, amountDue: due(i) }));
}

/** Today in the agency's calendar: the issue date, and the year its number counts in. */
export async function agencyToday(deps: Deps): Promise<string> {
  const agency = await readAgency(deps);
  return DateTime.fromJSDate(deps.now(), { zone: agency.timeZone }).toISODate()!;
}

/**
 * What issuing takes from the client's billing profile, the seller details and the day, read
 * before the issuing transaction: the parties are kept on the invoice as they are at that moment.
 */
export interface IssueTerms {
  issuedOn: string;
  dueOn: string;
  reverseCharge: boolean;
  parties: InvoiceParties;
}

export function issueTerms(profile: Pick<BillingProfile, 'paymentTermsDays' | 'reverseCharge'>, issuedOn: string, parties: InvoiceParties): IssueTerms {
  return { issuedOn, dueOn: DateTime.fromISO(issuedOn).plus({ days: profile.paymentTermsDays }).toISODate()!, reverseCharge: profile.reverseCharge, parties };
}

/**
 * Issues a draft inside the caller's transaction, so whatever else must happen with the issue
 * (sending it, booking its automatic charge) commits with it or not at all. Reads only through
 * `trx`: on SQLite the transaction holds the only connection (the parties it keeps come in
 * `terms`, read before). `written: false` is a draft not saved yet (the billing run's): it is
 * inserted issued, its creation audited first.
 */
export async function issueIn(trx: Transaction<Schema>, audit: Audit, draft: store.InvoiceRecord, terms: IssueTerms, now: string, written = true): Promise<store.InvoiceRecord> {
  const year = yearOfIssue(terms.issuedOn);
  const totals = priced(draft.currency, draft.lines, terms.reverseCharge);
  // The number first: everything after it that fails rolls the counter back with it.
  const sequence = await store.takeSequence(trx, 'invoice', year);
  const client = await findClient(trx, draft.clientId);
  if (!client || client.archivedAt) throw conflict('The client is archived; bring it back before issuing its invoices.');
  const after: store.InvoiceRecord = {
    ...draft,
    ...totals,
    reverseCharge: terms.reverseCharge,
    number: formatNumber('invoice', year, sequence),
    series: 'invoice',
    year,
    sequence,
    state: 'open',
    issuedOn: terms.issuedOn,
    dueOn: terms.dueOn,
    parties: terms.parties,
    updatedAt: now,
  };
  if (written) {
    // Another request issued (or voided) it first: say what it is now.
    if (!(await store.updateInvoice(trx, after, 'draft', { lines: true, lineId: () => newId('invoiceLine') }))) throw wrongState((await store.findInvoice(trx, draft.id)) ?? draft, 'issue');
  } else {
    await store.insertInvoice(trx, after, () => newId('invoiceLine'));
    await audit({ action: 'invoice.created', entityType: 'invoice', entityId: draft.id, after: createdRecord(audited(draft)) });
  }
  await audit({ action: 'invoice.issued', entityType: 'invoice', entityId: draft.id, ...changedFields(audited(draft), audited(after)) });
  // SLA credit the client is still owed lowers this invoice at once, in the same transaction.
  return applyClientCredit(trx, audit, after, after.updatedAt);
}

/** A draft the actor may issue, with its terms: what issuing reads before its transaction. */
export async function draftToIssue(deps: Deps, actor: Actor, id: string): Promise<{ draft: store.InvoiceRecord; terms: IssueTerms }> {
  const draft = await visibleInvoice(deps, actor, id);
  if (!canMove(draft.state, 'open') || draft.kind !== 'invoice') throw wrongState(draft, 'issue');
  const profile = await profileOf(deps, draft.clientId);
  return { draft, terms: issueTerms(profile, await agencyToday(deps), await currentParties(deps, draft.clientId, profile)) };
}

/** Issues a draft on its own (nothing sent): see invoice-sent.service.ts for what "Issue" does. */
export async function issueInvoice(deps: Deps, ctx: Ctx, id: string): Promise<store.InvoiceRecord> {
  const { draft, terms } = await draftToIssue(deps, ctx.actor, id);
  return change(deps, ctx, (trx, audit) => issueIn(trx, audit, draft, terms, deps.now().toISOString()));
}

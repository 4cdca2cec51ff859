import { sql, type Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { InvoiceParties } from './invoice-parties.model.ts';
import type { InvoiceState } from './invoice-states.model.ts';
import type { TaxRate } from './invoice.model.ts';
import type { NumberSeries } from './numbering.model.ts';

/** Queries for invoices, credit notes, their lines, the number counters and payments. */
type Q = Kysely<Schema>;

export type InvoiceKind = 'invoice' | 'credit-note';

export interface InvoiceLineRecord {
  position: number;
  description: string;
  assetId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  /** Thousandths of a unit. */
  quantity: number;
  unitPrice: number;
  taxRate: TaxRate | null;
  net: number;
  renewalKey: string | null;
}

export interface InvoiceRecord {
  id: string;
  kind: InvoiceKind;
  number: string | null;
  series: NumberSeries | null;
  year: number | null;
  sequence: number | null;
  state: InvoiceState;
  clientId: string;
  currency: string;
  issuedOn: string | null;
  dueOn: string | null;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  reverseCharge: boolean;
  correctingInvoiceId: string | null;
  notes: string | null;
  /** Seller and buyer as on the day of issue; null on a draft and on invoices issued before they were kept. */
  parties: InvoiceParties | null;
  createdAt: string;
  updatedAt: string;
  lines: InvoiceLineRecord[];
}

function toLine(row: Row<'invoice_lines'>): InvoiceLineRecord {
  return {
    position: Number(row.position),
    description: row.description,
    assetId: row.asset_id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    quantity: Number(row.quantity),
    unitPrice: Number(row.unit_price),
    taxRate: row.tax_name !== null && row.tax_basis_points !== null ? { name: row.tax_name, basisPoints: Number(row.tax_basis_points) } : null,
    net: Number(row.net),
    renewalKey: row.renewal_key,
  };
}

/** The kept parties, from their two JSON columns; both are written together, at issue. */
function partiesOf(row: Row<'invoices'>): InvoiceParties | null {
  if (row.seller_party === null || row.buyer_party === null) return null;
  return { seller: JSON.parse(row.seller_party) as InvoiceParties['seller'], buyer: JSON.parse(row.buyer_party) as InvoiceParties['buyer'] };
}

function toInvoice(row: Row<'invoices'>, lines: InvoiceLineRecord[]): InvoiceRecord {
  return {
    id: row.id,
    kind: row.kind as InvoiceKind,
    number: row.number,
    series: row.series as NumberSeries | null,
    year: row.year === null ? null : Number(row.year),
    sequence: row.sequence === null ? null : Number(row.sequence),
    state: row.state as InvoiceState,
    clientId: row.client_id,
    currency: row.currency,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    subtotal: Number(row.subtotal),
    tax: Number(row.tax),
    total: Number(row.total),
    paid: Number(row.paid),
    reverseCharge: Boolean(Number(row.reverse_charge)),
    correctingInvoiceId: row.correcting_invoice_id,
    notes: row.notes,
    parties: partiesOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines,
  };
}

async function linesOf(db: Q, invoiceIds: string[]): Promise<Map<string, InvoiceLineRecord[]>> {
  const byInvoice = new Map<string, InvoiceLineRecord[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', invoiceIds).orderBy('invoice_id').orderBy('position').execute();
  for (const row of rows) byInvoice.get(row.invoice_id)?.push(toLine(row));
  return byInvoice;
}

export async function findInvoice(db: Q, id: string): Promise<InvoiceRecord | null> {
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toInvoice(row, (await linesOf(db, [id])).get(id) ?? []);
}

/** The number of an invoice, for a credit note's "correcting" reference. */
export async function numberOf(db: Q, id: string): Promise<string | null> {
  const row = await db.selectFrom('invoices').select('number').where('id', '=', id).executeTakeFirst();
  return row?.number ?? null;
}

export interface InvoiceFilter {
  state?: InvoiceState | undefined;
  clientId?: string | undefined;
  /** Client-portal users: only this client's invoices, and never drafts. */
  confinedTo?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** Newest first. */
export async function listInvoices(db: Q, f: InvoiceFilter): Promise<InvoiceRecord[]> {
  let query = db.selectFrom('invoices').selectAll();
  if (f.state) query = query.where('state', '=', f.state);
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.confinedTo) query = query.where('client_id', '=', f.confinedTo).where('state', '!=', 'draft');
  if (f.cursor) query = query.where(afterCursor('created_at', 'desc', f.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
  const lines = await linesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toInvoice(r, lines.get(r.id) ?? []));
}

function lineRow(invoiceId: string, id: string, l: InvoiceLineRecord) {
  return {
    id,
    invoice_id: invoiceId,
    position: l.position,
    description: l.description,
    asset_id: l.assetId,
    period_from: l.periodFrom,
    period_to: l.periodTo,
    quantity: l.quantity,
    unit_price: l.unitPrice,
    tax_name: l.taxRate?.name ?? null,
    tax_basis_points: l.taxRate?.basisPoints ?? null,
    net: l.net,
    renewal_key: l.renewalKey,
  };
}

function invoiceColumns(i: InvoiceRecord) {
  return {
    kind: i.kind,
    number: i.number,
    series: i.series,
    year: i.year,
    sequence: i.sequence,
    state: i.state,
    client_id: i.clientId,
    currency: i.currency,
    issued_on: i.issuedOn,
    due_on: i.dueOn,
    subtotal: i.subtotal,
    tax: i.tax,
    total: i.total,
    paid: i.paid,
    reverse_charge: i.reverseCharge ? 1 : 0,
    correcting_invoice_id: i.correctingInvoiceId,
    notes: i.notes,
    updated_at: i.updatedAt,
  };
}

function partyColumns(parties: InvoiceParties | null) {
  return { seller_party: parties ? JSON.stringify(parties.seller) : null, buyer_party: parties ? JSON.stringify(parties.buyer) : null };
}

/**
 * The kept parties for an update: written once (at issue) and never replaced or cleared after,
 * whatever record a later update of the invoice carries.
 */
function keptPartyColumns(parties: InvoiceParties | null) {
  if (!parties) return {};
  const columns = partyColumns(parties);
  return { seller_party: sql<string>`coalesce(seller_party, ${columns.seller_party})`, buyer_party: sql<string>`coalesce(buyer_party, ${columns.buyer_party})` };
}

/** Lines get fresh ids; `lineId` mints one. */
export async function insertInvoice(db: Q, i: InvoiceRecord, lineId: () => string): Promise<void> {
  await db.insertInto('invoices').values({ id: i.id, ...invoiceColumns(i), ...partyColumns(i.parties), created_at: i.createdAt }).execute();
  await insertLines(db, i, lineId);
}

async function insertLines(db: Q, i: InvoiceRecord, lineId: () => string): Promise<void> {
  if (i.lines.length === 0) return;
  await db.insertInto('invoice_lines').values(i.lines.map((l) => lineRow(i.id, lineId(), l))).execute();
}

/**
 * Writes the invoice as it now is, only if it is still in `fromState` (false otherwise: another
 * request moved it first). The lines are replaced only when asked; the kept parties are only ever
 * added (see keptPartyColumns).
 */
export async function updateInvoice(db: Q, i: InvoiceRecord, fromState: InvoiceState, replace: { lines: false } | { lines: true; lineId: () => string }): Promise<boolean> {
  const result = await db.updateTable('invoices').set({ ...invoiceColumns(i), ...keptPartyColumns(i.parties) }).where('id', '=', i.id).where('state', '=', fromState).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  if (!replace.lines) return true;
  await db.deleteFrom('invoice_lines').where('invoice_id', '=', i.id).execute();
  await insertLines(db, i, replace.lineId);
  return true;
}

/**
 * Hold the invoice until the transaction ends, so concurrent payments and credit notes on it
 * see each other's sums: a row lock on PostgreSQL, the write lock on SQLite.
 */
export async function lockInvoice(db: Q, id: string): Promise<void> {
  await db.updateTable('invoices').set({ updated_at: sql<string>`updated_at` }).where('id', '=', id).execute();
}

/** Which of these assets belong to the client. */
export async function assetsOfClient(db: Q, clientId: string, assetIds: string[]): Promise<Set<string>> {
  if (assetIds.length === 0) return new Set();
  const rows = await db.selectFrom('assets').select('id').where('client_id', '=', clientId).where('id', 'in', assetIds).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The next sequence of a series and year, taken inside the caller's transaction. The counter
 * row is created if missing and incremented in one UPDATE … RETURNING: on PostgreSQL the update
 * holds the row lock until the transaction ends, so a concurrent issue waits and then gets the
 * next number; a rollback undoes the increment, so a failed issue leaves no gap. SQLite has one
 * writer at a time and needs nothing more.
 */
export async function takeSequence(db: Q, series: NumberSeries, year: number): Promise<number> {
  await db.insertInto('invoice_counters').values({ series, year, last_sequence: 0 }).onConflict((oc) => oc.columns(['series', 'year']).doNothing()).execute();
  const row = await db
    .updateTable('invoice_counters')
    .set({ last_sequence: sql`last_sequence + 1` })
    .where('series', '=', series)
    .where('year', '=', year)
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return Number(row.last_sequence);
}

/** What the credit notes of an invoice give back, as a positive amount. */
export async function creditedOn(db: Q, invoiceId: string): Promise<number> {
  const row = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total'), sql<number>`0`).as('sum'))
    .where('correcting_invoice_id', '=', invoiceId)
    .where('kind', '=', 'credit-note')
    .executeTakeFirstOrThrow();
  return -Number(row.sum);
}

/** creditedOn for a page of invoices at once. */
export async function creditedOnEach(db: Q, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('invoices')
    .select((eb) => ['correcting_invoice_id', eb.fn.sum<number>('total').as('sum')])
    .where('correcting_invoice_id', 'in', invoiceIds)
    .where('kind', '=', 'credit-note')
    .groupBy('correcting_invoice_id')
    .execute();
  return new Map(rows.map((r) => [r.correcting_invoice_id!, -Number(r.sum)]));
}

export interface PaymentRecord {
  id: string;
  invoiceId: string;
  amount: number;
  currency: string;
  gateway: string | null;
  gatewayRef: string | null;
  kind: 'payment' | 'refund';
  receivedAt: string;
  createdAt: string;
}

export async function insertPayment(db: Q, p: PaymentRecord): Promise<void> {
  await db
    .insertInto('payments')
    .values({
      id: p.id,
      invoice_id: p.invoiceId,
      amount: p.amount,
      currency: p.currency,
      gateway: p.gateway,
      gateway_ref: p.gatewayRef,
      kind: p.kind,
      received_at: p.receivedAt,
      created_at: p.createdAt,
    })
    .execute();
}

/** Payments less refunds, in minor units. */
export async function paidOn(db: Q, invoiceId: string): Promise<number> {
  const rows = await db.selectFrom('payments').select(['amount', 'kind']).where('invoice_id', '=', invoiceId).execute();
  return rows.reduce((sum, r) => sum + (r.kind === 'refund' ? -Number(r.amount) : Number(r.amount)), 0);
}

// Client credit: credit notes issued without an invoice to correct (today the desk's SLA credits),
// applied to the client's invoices later. See sla-credits.service.ts.

/** The credit note whose line carries `key` (unique: `invoice_lines.renewal_key`), or null. */
export async function creditNoteByKey(db: Q, key: string): Promise<InvoiceRecord | null> {
  const row = await db.selectFrom('invoice_lines').select('invoice_id').where('renewal_key', '=', key).executeTakeFirst();
  return row ? findInvoice(db, row.invoice_id) : null;
}

async function withLines(db: Q, rows: Row<'invoices'>[]): Promise<InvoiceRecord[]> {
  const lines = await linesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toInvoice(r, lines.get(r.id) ?? []));
}

/** The client's issued invoices in a currency that still await payment (open or partially paid), oldest first. */
export async function owingInvoices(db: Q, clientId: string, currency: string): Promise<InvoiceRecord[]> {
  const rows = await db
    .selectFrom('invoices')
    .selectAll()
    .where('kind', '=', 'invoice')
    .where('client_id', '=', clientId)
    .where('currency', '=', currency)
    .where('state', 'in', ['open', 'partially-paid'])
    .orderBy('issued_on')
    .orderBy('year')
    .orderBy('sequence')
    .execute();
  return withLines(db, rows);
}

/** Credit notes whose lines carry a key starting with `keyPrefix`, of the client and not yet applied to an invoice, oldest first. */
export async function unallocatedCreditNotes(db: Q, clientId: string, currency: string, keyPrefix: string): Promise<InvoiceRecord[]> {
  const rows = await db
    .selectFrom('invoices')
    .selectAll()
    .where('kind', '=', 'credit-note')
    .where('client_id', '=', clientId)
    .where('currency', '=', currency)
    .where('correcting_invoice_id', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('invoice_lines as l').select('l.id').whereRef('l.invoice_id', '=', 'invoices.id').where('l.renewal_key', 'like', `${keyPrefix}%`)))
    .orderBy('issued_on')
    .orderBy('year')
    .orderBy('sequence')
    .execute();
  return withLines(db, rows);
}

/**
 * Points a credit note that corrects nothing yet at an invoice; false when it already corrects
 * one (another transaction applied it first: on PostgreSQL the second waits for the first and
 * then finds nothing to update).
 */
export async function allocateCreditNote(db: Q, creditNoteId: string, invoiceId: string, updatedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('invoices')
    .set({ correcting_invoice_id: invoiceId, updated_at: updatedAt })
    .where('id', '=', creditNoteId)
    .where('kind', '=', 'credit-note')
    .where('correcting_invoice_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The client's credit notes whose lines carry a key starting with `keyPrefix`, newest first, cursor-paged like listInvoices. */
export async function creditNotesByKeyPrefix(db: Q, clientId: string, keyPrefix: string, page: { cursor?: Cursor | undefined; limit: number }): Promise<InvoiceRecord[]> {
  let query = db
    .selectFrom('invoices')
    .selectAll()
    .where('kind', '=', 'credit-note')
    .where('client_id', '=', clientId)
    .where((eb) => eb.exists(eb.selectFrom('invoice_lines as l').select('l.id').whereRef('l.invoice_id', '=', 'invoices.id').where('l.renewal_key', 'like', `${keyPrefix}%`)));
  if (page.cursor) query = query.where(afterCursor('created_at', 'desc', page.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  return withLines(db, rows);
}

export async function paymentByRef(db: Q, gatewayRef: string): Promise<PaymentRecord | null> {
  const row = await db.selectFrom('payments').selectAll().where('gateway_ref', '=', gatewayRef).executeTakeFirst();
  if (!row) return null;
  return { id: row.id, invoiceId: row.invoice_id, amount: Number(row.amount), currency: row.currency, gateway: row.gateway, gatewayRef: row.gateway_ref, kind: row.kind as PaymentRecord['kind'], receivedAt: row.received_at, createdAt: row.created_at };
}

import { readAgency } from '../accounts/agency.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { findClient } from '../registry/parties.store.ts';
import { amountDue } from './invoice-states.model.ts';
import { invoiceTotals } from './invoice.model.ts';
import type { InvoiceDocument } from './invoice.types.ts';
import * as store from './invoices.store.ts';
import { visibleInvoice } from './invoices.service.ts';
import { profileOf } from './profiles.service.ts';

/**
 * An invoice as a document: seller and buyer, lines, totals with the tax per rate, what is paid
 * and still owed. The seller is the agency by name; its address and VAT number are not kept yet,
 * so they print empty. What is owed counts the credit notes issued against the invoice.
 */
export async function documentOf(deps: Deps, invoice: store.InvoiceRecord): Promise<InvoiceDocument> {
  const db = deps.database.db;
  const [agency, client, profile] = await Promise.all([readAgency(deps), findClient(db, invoice.clientId), profileOf(deps, invoice.clientId)]);
  const credited = invoice.kind === 'invoice' ? await store.creditedOn(db, invoice.id) : 0;
  const correcting = invoice.correctingInvoiceId ? await store.numberOf(db, invoice.correctingInvoiceId) : null;
  const owed = invoice.kind === 'credit-note' || invoice.state === 'void' ? 0 : amountDue(invoice.total - credited, invoice.paid);
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    state: invoice.state,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    currency: invoice.currency,
    language: client?.locale ?? agency.locale,
    seller: { name: agency.name, address: [], vatNumber: null, email: null },
    buyer: { name: client?.name ?? '', address: profile.address, vatNumber: profile.vatNumber, clientId: invoice.clientId },
    lines: invoice.lines.map((l) => ({ description: l.description, periodFrom: l.periodFrom, periodTo: l.periodTo, quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate, net: l.net })),
    totals: invoiceTotals(invoice.currency, invoice.lines, { reverseCharge: invoice.reverseCharge }),
    paid: invoice.paid,
    amountDue: owed,
    correcting,
    notes: invoice.notes,
    paymentLink: null,
  };
}

export async function getInvoiceDocument(deps: Deps, actor: Actor, id: string): Promise<InvoiceDocument> {
  return documentOf(deps, await visibleInvoice(deps, actor, id));
}

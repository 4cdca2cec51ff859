import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { bankTransferFrom, keptParties } from './invoice-parties.model.ts';
import { currentParties } from './invoice-parties.service.ts';
import { amountDue } from './invoice-states.model.ts';
import { invoiceTotals } from './invoice.model.ts';
import type { InvoiceDocument } from './invoice.types.ts';
import * as store from './invoices.store.ts';
import { visibleInvoice } from './invoices.service.ts';
import { findAutoCharge, type AutoChargeState } from './payments/auto-charges.store.ts';
import { showsBankTransfer } from './seller/seller.model.ts';

/** An automatic charge in these states is still coming: the client is not asked to transfer the money too. */
const CHARGE_COMING: readonly AutoChargeState[] = ['scheduled', 'awaiting-approval', 'approved'];

/**
 * An invoice as a document: seller and buyer, lines, totals with the tax per rate, what is paid
 * and still owed, and where to pay it by transfer. What is owed counts the credit notes issued
 * against the invoice.
 *
 * An issued invoice or credit note prints the seller, buyer, language and bank account it kept
 * when it was issued, whatever the seller details or the client's billing profile say now. A draft
 * shows them as they are now. So does an invoice issued before invoices kept their parties
 * (migration 0014): nothing records what it showed then, so the current details are the best there is.
 */
export async function documentOf(deps: Deps, invoice: store.InvoiceRecord): Promise<InvoiceDocument> {
  const db = deps.database.db;
  const parties = keptParties(invoice) ?? (await currentParties(deps, invoice.clientId));
  const credited = invoice.kind === 'invoice' ? await store.creditedOn(db, invoice.id) : 0;
  const correcting = invoice.correctingInvoiceId ? await store.numberOf(db, invoice.correctingInvoiceId) : null;
  const owed = invoice.kind === 'credit-note' || invoice.state === 'void' ? 0 : amountDue(invoice.total - credited, invoice.paid);
  const { bankAccount: _account, ...seller } = parties.seller;
  const { language, ...buyer } = parties.buyer;
  const autoCharge = owed > 0 && invoice.kind === 'invoice' ? await findAutoCharge(db, invoice.id) : null;
  const asksTransfer = showsBankTransfer({ kind: invoice.kind, amountDue: owed, chargedAutomatically: autoCharge !== null && CHARGE_COMING.includes(autoCharge.state) });
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    state: invoice.state,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    currency: invoice.currency,
    language,
    seller,
    buyer: { ...buyer, clientId: invoice.clientId },
    lines: invoice.lines.map((l) => ({ description: l.description, periodFrom: l.periodFrom, periodTo: l.periodTo, quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate, net: l.net })),
    totals: invoiceTotals(invoice.currency, invoice.lines, { reverseCharge: invoice.reverseCharge }),
    paid: invoice.paid,
    amountDue: owed,
    correcting,
    notes: invoice.notes,
    paymentLink: null,
    bankTransfer: asksTransfer ? bankTransferFrom(parties, invoice.number) : null,
  };
}

export async function getInvoiceDocument(deps: Deps, actor: Actor, id: string): Promise<InvoiceDocument> {
  return documentOf(deps, await visibleInvoice(deps, actor, id));
}

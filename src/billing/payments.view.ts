import { DateTime } from 'luxon';
import { clientScope } from '../accounts/authorization.ts';
import { readAgency } from '../accounts/agency.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound, ProblemError } from '../platform/http/problem.ts';
import { documentOf } from './invoices.document.ts';
import { visibleInvoice } from './invoices.service.ts';
import type { InvoiceRecord, PaymentRecord } from './invoices.store.ts';
import * as ledger from './payment-ledger.store.ts';
import { inLedgerOrder, standingAfter } from './payments.model.ts';
import { receiptFileName, renderReceiptPdf, type ReceiptDocument } from './receipt-pdf.ts';

/**
 * Reading the money against an invoice: its payments and refunds, and a receipt for each. Who may
 * see a payment follows its invoice (a portal user: its own client's, issued). Gateway references
 * are the agency's business with its gateway, so a portal user never gets them.
 */
export interface PaymentView {
  id: string;
  kind: 'payment' | 'refund';
  amount: number;
  currency: string;
  gateway: string | null;
  /** Left out for a portal user. */
  gatewayRef?: string | null;
  /** The saved method a gateway payment was charged to ("Visa ·· 4242"); null for one recorded by hand. */
  method: string | null;
  receivedAt: string;
}

function viewOf(payment: PaymentRecord, staff: boolean, labels: ReadonlyMap<string, string>): PaymentView {
  const view: PaymentView = {
    id: payment.id,
    kind: payment.kind,
    amount: payment.amount,
    currency: payment.currency,
    gateway: payment.gateway,
    method: (payment.gatewayRef && labels.get(payment.gatewayRef)) || null,
    receivedAt: new Date(payment.receivedAt).toISOString(),
  };
  return staff ? { ...view, gatewayRef: payment.gatewayRef } : view;
}

/** The invoice's payments and refunds, oldest first. An invoice carries a handful, so there is no paging. */
export async function invoicePayments(deps: Deps, actor: Actor, invoiceId: string): Promise<PaymentView[]> {
  const invoice = await visibleInvoice(deps, actor, invoiceId);
  const payments = inLedgerOrder(await ledger.paymentsOf(deps.database.db, invoice.id));
  const labels = await ledger.methodLabels(deps.database.db, payments.flatMap((p) => (p.gatewayRef ? [p.gatewayRef] : [])));
  return payments.map((p) => viewOf(p, clientScope(actor) === null, labels));
}

/** The payment and its invoice when the actor may see the invoice; a 404 naming the payment otherwise. */
async function visiblePayment(deps: Deps, actor: Actor, id: string): Promise<{ payment: PaymentRecord; invoice: InvoiceRecord }> {
  const payment = await ledger.findPayment(deps.database.db, id);
  if (!payment) throw notFound('payment', id);
  try {
    return { payment, invoice: await visibleInvoice(deps, actor, payment.invoiceId) };
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) throw notFound('payment', id);
    throw err;
  }
}

/** A payment's receipt: the invoice as it stood right after it, dated in the agency's calendar. */
export async function paymentReceipt(deps: Deps, actor: Actor, id: string): Promise<ReceiptDocument> {
  const { payment, invoice } = await visiblePayment(deps, actor, id);
  const db = deps.database.db;
  const [document, payments, credits, agency] = await Promise.all([documentOf(deps, invoice), ledger.paymentsOf(db, invoice.id), ledger.creditsOf(db, invoice.id), readAgency(deps)]);
  // The total frozen when the invoice was issued, as its amount due is reckoned from.
  const total = invoice.total;
  const standing = standingAfter(total, payments, credits, payment.id);
  return {
    paymentId: payment.id,
    kind: payment.kind,
    amount: payment.amount,
    currency: payment.currency,
    receivedOn: DateTime.fromJSDate(new Date(payment.receivedAt), { zone: agency.timeZone }).toISODate()!,
    gateway: payment.gateway,
    methodLabel: payment.gatewayRef ? ((await ledger.methodLabels(db, [payment.gatewayRef])).get(payment.gatewayRef) ?? null) : null,
    language: document.language,
    seller: document.seller,
    buyer: document.buyer,
    invoice: { id: invoice.id, number: invoice.number, total, credited: standing.credited, paid: standing.paid, dueAfter: standing.due },
  };
}

export async function paymentReceiptPdf(deps: Deps, actor: Actor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const receipt = await paymentReceipt(deps, actor, id);
  return { pdf: await renderReceiptPdf(receipt), fileName: receiptFileName(receipt) };
}

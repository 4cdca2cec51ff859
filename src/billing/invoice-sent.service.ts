import { publishEvent } from '../notifications/events.ts';
import type { Deps } from '../platform/deps.ts';
import { findClient } from '../registry/parties.store.ts';
import type { Ctx, InvoiceRecord } from './invoices.service.ts';
import { issueInvoice } from './invoices.service.ts';
import { amountDue } from './invoice-states.model.ts';
import * as store from './invoices.store.ts';
import { invoicePdfUrl, invoiceUrl } from './payments/links.ts';

/**
 * An issued invoice is sent: the client's portal users are told (in their language, with the
 * link to pay and the PDF), whether a person issued it or the billing run did. An invoice the
 * agency will charge automatically says so and on which day.
 */
export async function sendInvoice(deps: Deps, invoice: InvoiceRecord, autoChargeOn: string | null): Promise<void> {
  const db = deps.database.db;
  const clientName = (await findClient(db, invoice.clientId))?.name ?? '';
  const due = amountDue(invoice.total - (await store.creditedOn(db, invoice.id)), invoice.paid);
  await publishEvent(
    db,
    {
      type: 'invoice.issued',
      severity: 'info',
      clientId: invoice.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `invoice:${invoice.id}`,
      groupKey: null,
      data: {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number ?? '',
        clientName,
        total: { amount: invoice.total, currency: invoice.currency },
        amountDue: { amount: due, currency: invoice.currency },
        dueOn: invoice.dueOn ?? invoice.issuedOn ?? '',
        autoCharge: autoChargeOn !== null,
        chargeOn: autoChargeOn,
        url: invoiceUrl(deps, invoice.id),
        pdfUrl: invoicePdfUrl(deps, invoice.id),
      },
    },
    deps.now(),
  );
}

/** What "Issue" does for a person: issue the draft, then send it. */
export async function issueAndSend(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceRecord> {
  const invoice = await issueInvoice(deps, ctx, id);
  await sendInvoice(deps, invoice, null);
  return invoice;
}

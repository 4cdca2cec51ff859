import type { Transaction } from 'kysely';
import { publishEvent } from '../notifications/events.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { findClient } from '../registry/parties.store.ts';
import type { Ctx, InvoiceRecord } from './invoices.service.ts';
import { draftToIssue, issueIn } from './invoices.service.ts';
import { amountDue } from './invoice-states.model.ts';
import * as store from './invoices.store.ts';
import { invoicePdfUrl, invoiceUrl } from './payments/links.ts';

/**
 * An issued invoice is sent: the client's portal users are told (in their language, with the
 * link to pay and the PDF), whether a person issued it or the billing run did. An invoice the
 * agency will charge automatically says so and on which day.
 *
 * Sending is publishing the `invoice.issued` event to the notifications outbox inside the
 * transaction that issues the invoice: an invoice is issued and sent together or not at all, so a
 * process stopping in between leaves neither an issued invoice nobody was told about nor a message
 * about an invoice that is still a draft. Issuing again is refused (the invoice is no longer a
 * draft), so a retried "Issue" or billing run never sends an invoice twice.
 */
export async function sendInvoice(deps: Deps, trx: Transaction<Schema>, invoice: InvoiceRecord, autoChargeOn: string | null): Promise<void> {
  const clientName = (await findClient(trx, invoice.clientId))?.name ?? '';
  const due = amountDue(invoice.total - (await store.creditedOn(trx, invoice.id)), invoice.paid);
  await publishEvent(
    trx,
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

/** What "Issue" does for a person: issue the draft and send it, in one transaction. */
export async function issueAndSend(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceRecord> {
  const { draft, terms } = await draftToIssue(deps, ctx.actor, id);
  return change(deps, ctx, async (trx, audit) => {
    const invoice = await issueIn(trx, audit, draft, terms, deps.now().toISOString());
    await sendInvoice(deps, trx, invoice, null);
    return invoice;
  });
}

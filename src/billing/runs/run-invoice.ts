import { newId } from '../../platform/ids.ts';
import type { InvoiceDraft } from '../billing-run.model.ts';
import { QUANTITY_SCALE } from '../invoice.model.ts';
import { priced } from '../invoices.service.ts';
import type { InvoiceLineRecord, InvoiceRecord } from '../invoices.store.ts';
import type { BillingProfile } from '../profiles.store.ts';

/**
 * The billing run's invoice of renewals, as a draft not yet written: one line per renewal (one
 * unit at the renewal price, taxed at the client's default rate, keyed by the renewal), priced by
 * the pure rules. The run writes and issues it in one transaction (issueIn with `written: false`).
 */
export function runInvoice(draft: InvoiceDraft, profile: Pick<BillingProfile, 'taxRate' | 'reverseCharge'>, now: string): InvoiceRecord {
  const lines: InvoiceLineRecord[] = draft.lines.map((l, i) => ({
    position: i + 1,
    description: l.description,
    assetId: l.assetId,
    periodFrom: l.periodFrom,
    periodTo: l.periodTo,
    quantity: QUANTITY_SCALE,
    unitPrice: l.unitPrice,
    taxRate: profile.taxRate,
    net: 0,
    renewalKey: l.key,
  }));
  return {
    id: newId('invoice'),
    kind: 'invoice',
    number: null,
    series: null,
    year: null,
    sequence: null,
    state: 'draft',
    clientId: draft.clientId,
    currency: draft.currency,
    issuedOn: null,
    dueOn: null,
    ...priced(draft.currency, lines, profile.reverseCharge),
    paid: 0,
    reverseCharge: profile.reverseCharge,
    correctingInvoiceId: null,
    notes: null,
    // Kept by issueIn from the run's terms, in the same transaction that writes the invoice.
    parties: null,
    createdAt: now,
    updatedAt: now,
  };
}

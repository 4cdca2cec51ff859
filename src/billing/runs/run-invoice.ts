import type { InvoiceDraft } from '../billing-run.model.ts';
import { QUANTITY_SCALE } from '../invoice.model.ts';
import { draftRecord } from '../invoices.service.ts';
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
  // The parties are kept by issueIn from the run's terms, in the same transaction that writes the invoice.
  return draftRecord({ clientId: draft.clientId, currency: draft.currency, lines, reverseCharge: profile.reverseCharge, notes: null, now });
}

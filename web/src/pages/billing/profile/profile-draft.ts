import type { BillingProfile } from '../../../api/billing.ts';

/** A billing profile as its form holds it: text as typed, turned back into the API's shape on save. */
export interface ProfileDraft {
  taxPercent: string;
  taxName: string;
  reverseCharge: boolean;
  vatNumber: string;
  /** One address line per text line. */
  address: string;
  invoiceDaysBefore: string;
  paymentTermsDays: string;
  thresholdAmount: string;
  thresholdCurrency: string;
}

export function profileDraft(p: BillingProfile, clientCurrency: string, majorOf: (amount: number, currency: string) => string): ProfileDraft {
  return {
    taxPercent: p.taxRate ? String(p.taxRate.basisPoints / 100) : '',
    taxName: p.taxRate?.name ?? '',
    reverseCharge: p.reverseCharge,
    vatNumber: p.vatNumber ?? '',
    address: p.address.join('\n'),
    invoiceDaysBefore: String(p.invoiceDaysBefore),
    paymentTermsDays: String(p.paymentTermsDays),
    thresholdAmount: p.approvalThreshold ? majorOf(p.approvalThreshold.amount, p.approvalThreshold.currency) : '',
    thresholdCurrency: p.approvalThreshold?.currency ?? clientCurrency,
  };
}

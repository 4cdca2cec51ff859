import type { BillingCycle } from '../registry/assets.model.ts';
import { addDays, nextRenewalDate } from '../renewals/reminders.model.ts';
import type { Money } from '../platform/money.ts';

/**
 * A billing run turns upcoming renewals into invoices: every priced, live, recurring asset whose
 * renewal date is within the client's `daysBefore` gets one line for the next period, grouped
 * into one invoice per client and currency. A renewal is invoiced once (keyed by asset and
 * renewal date), so runs are idempotent and a missed run catches up — but not for renewals long
 * past, which a person should look at instead of a client receiving a surprise invoice.
 */
export interface BillableRenewal {
  assetId: string;
  assetName: string;
  clientId: string;
  /** The renewal date: the current period ends the day before. */
  expiresOn: string;
  billingCycle: BillingCycle;
  cycleMonths: number | null;
  /** What the next period costs (the renewal price, else the current cost); null: not priced. */
  price: Money | null;
  status: string;
  /** Renews by itself at the provider: the client is charged automatically, on its own invoice. */
  autoRenew: boolean;
}

export interface InvoicingPolicy {
  /** Invoice this many days before the renewal date. */
  daysBefore: number;
}

export interface RenewalLine {
  key: string;
  assetId: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  unitPrice: number;
}

export interface InvoiceDraft {
  clientId: string;
  currency: string;
  /** Auto-renewing services, charged to the client's saved method; the rest are paid by the client. */
  autoCharge: boolean;
  lines: RenewalLine[];
}

/** Renewals further in the past than this are left to a person. */
export const LATE_INVOICE_DAYS = 30;

/** The idempotency key of one renewal's invoice line. */
export const renewalKey = (assetId: string, expiresOn: string) => `renewal:${assetId}:${expiresOn}`;

function lineFor(r: BillableRenewal): RenewalLine | null {
  const next = nextRenewalDate(r.expiresOn, r.billingCycle, r.cycleMonths);
  if (!next || !r.price) return null;
  return { key: renewalKey(r.assetId, r.expiresOn), assetId: r.assetId, description: r.assetName, periodFrom: r.expiresOn, periodTo: addDays(next, -1), unitPrice: r.price.amount };
}

export function isDue(r: BillableRenewal, policy: InvoicingPolicy, today: string): boolean {
  if (r.status === 'retired' || r.status === 'cancelled') return false;
  return addDays(r.expiresOn, -policy.daysBefore) <= today && r.expiresOn >= addDays(today, -LATE_INVOICE_DAYS);
}

/** The invoices a run should create, client by client, currency by currency, lines by date. */
export function renewalsToInvoice(
  renewals: readonly BillableRenewal[],
  policyOf: (clientId: string) => InvoicingPolicy,
  today: string,
  invoiced: ReadonlySet<string>,
): InvoiceDraft[] {
  const drafts = new Map<string, InvoiceDraft>();
  for (const r of renewals) {
    if (!isDue(r, policyOf(r.clientId), today) || invoiced.has(renewalKey(r.assetId, r.expiresOn))) continue;
    const line = lineFor(r);
    if (!line) continue;
    // Auto-renewing services go on an invoice of their own, so an automatic charge never takes
    // money for a service the client has to renew by hand (and may still decide to drop).
    const group = `${r.clientId}:${r.price!.currency}:${r.autoRenew}`;
    const draft = drafts.get(group) ?? { clientId: r.clientId, currency: r.price!.currency, autoCharge: r.autoRenew, lines: [] };
    draft.lines.push(line);
    drafts.set(group, draft);
  }
  for (const d of drafts.values()) d.lines.sort((a, b) => a.periodFrom.localeCompare(b.periodFrom) || a.description.localeCompare(b.description));
  return [...drafts.values()];
}

/**
 * An automatic charge above the threshold waits for a person's approval. A threshold in another
 * currency cannot be compared without a rate, so such a charge waits too.
 */
export function needsApproval(amount: Money, threshold: Money | null): boolean {
  if (threshold === null) return false;
  if (threshold.currency !== amount.currency) return true;
  return amount.amount > threshold.amount;
}

/**
 * The day an automatic charge is made: the invoice's due date, but never on or after the day the
 * earliest service on it renews (the provider renews it then, and dunning needs days to recover a
 * failure), and never in the past.
 */
export function chargeDate(dueOn: string, earliestRenewal: string, today: string): string {
  const beforeRenewal = addDays(earliestRenewal, -1);
  const day = dueOn < beforeRenewal ? dueOn : beforeRenewal;
  return day < today ? today : day;
}

import type { InvoiceState, InvoiceSummary } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** States in which an invoice still owes money and can be late. */
const OWING: readonly InvoiceState[] = ['open', 'partially-paid'];

/** Today as YYYY-MM-DD on this device: the due date is a calendar day, compared as such. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Past its due date and still owing. */
export const isOverdue = (invoice: { state: InvoiceState; dueOn: string | null }, on = today()): boolean =>
  OWING.includes(invoice.state) && invoice.dueOn !== null && invoice.dueOn < on;

/**
 * What a listed invoice still owes: the server's figure when the list carries it (it counts credit
 * notes), else its total less payments — a credited invoice's own page shows the exact amount.
 */
export function amountDueOf(invoice: InvoiceSummary & { amountDue?: number }): number {
  if (typeof invoice.amountDue === 'number') return invoice.amountDue;
  if (invoice.kind === 'credit-note' || invoice.state === 'void' || invoice.state === 'paid') return 0;
  return Math.max(0, invoice.total - invoice.paid);
}

export function StateBadge({ state, overdue = false }: { state: InvoiceState; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="billing-badges">
      <span className={`badge billing-state-${state}`}>{t(`billing.state.${state}`)}</span>
      {overdue && <span className="badge billing-overdue">{t('billing.overdue')}</span>}
    </span>
  );
}

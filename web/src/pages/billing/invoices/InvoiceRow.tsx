import { Link } from 'react-router';
import type { InvoiceSummary } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { amountDueOf, isOverdue, StateBadge } from './parts.tsx';

/** One invoice or credit note in the list; an overdue one is marked in its row and its badge. */
export function InvoiceRow({ invoice, clientName }: { invoice: InvoiceSummary; clientName: string | null }) {
  const { t, date, money } = useI18n();
  const overdue = isOverdue(invoice);
  const label = invoice.number ?? t('billing.draft');
  return (
    <tr className={overdue ? 'billing-row-overdue' : undefined}>
      <td>
        <Link to={`/billing/invoices/${invoice.id}`}>{label}</Link>
        {invoice.kind === 'credit-note' && <span className="muted block">{t('billing.creditNote')}</span>}
      </td>
      {clientName !== null && <td>{clientName}</td>}
      <td>{date(invoice.issuedOn)}</td>
      <td>{date(invoice.dueOn)}</td>
      <td className="num">{money(invoice.total, invoice.currency)}</td>
      <td className="num">{money(amountDueOf(invoice), invoice.currency)}</td>
      <td><StateBadge state={invoice.state} overdue={overdue} /></td>
    </tr>
  );
}

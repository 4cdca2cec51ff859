import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { canWriteBilling, invoicePdfUrl, useInvoice, type InvoiceDocument } from '../../api/billing.ts';
import { ApiError } from '../../api/client.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CreditNoteIssued } from './invoice/CreditNoteForm.tsx';
import { InvoiceActions } from './invoice/InvoiceActions.tsx';
import { InvoiceDocumentView } from './invoice/InvoiceDocumentView.tsx';
import { PaymentsSection } from './invoice/PaymentsSection.tsx';
import { ChargesSection, PayNowPanel } from './payments/index.ts';
import { isOverdue, StateBadge } from './invoices/parts.tsx';

/** One invoice or credit note as a readable document, with the actions its state allows (billing:write). */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const invoice = useInvoice(id);
  const [credited, setCredited] = useState<InvoiceDocument | null>(null);
  if (invoice.isError) return <p className="alert" role="alert">{invoice.error instanceof ApiError && invoice.error.status === 404 ? t('billing.notFound') : String(invoice.error)}</p>;
  if (!invoice.data) return <p className="loading">{t('common.loading')}</p>;
  const doc = invoice.data;
  const changed = async (next: InvoiceDocument) => {
    queries.setQueryData(['invoice', id], next);
    await queries.invalidateQueries({ queryKey: ['invoices'] });
    await queries.invalidateQueries({ queryKey: ['invoice', id, 'payments'] });
  };
  const creditIssued = async (result: CreditNoteIssued) => {
    setCredited(result.creditNote);
    await changed(result.invoice);
  };
  const title = doc.kind === 'credit-note'
    ? t('billing.creditNote.title', { number: doc.number ?? '' })
    : doc.number ? t('billing.invoice.title', { number: doc.number }) : t('billing.invoice.draftTitle');
  return (
    <section className="billing-invoice">
      <p><Link to="/billing/invoices">{t('billing.back')}</Link></p>
      <div className="page-head">
        <h1>{title}</h1>
        <span className="billing-head-side">
          <StateBadge state={doc.state} overdue={isOverdue(doc)} />
          <a className="button secondary-link" href={invoicePdfUrl(doc.id)} target="_blank" rel="noreferrer">{t('billing.pdf')}</a>
        </span>
      </div>
      {credited && (
        <p className="billing-flash" role="status">
          {t('billing.credit.issued', { number: credited.number ?? '' })} <Link to={`/billing/invoices/${credited.id}`} onClick={() => setCredited(null)}>{t('billing.credit.open')}</Link>
        </p>
      )}
      {canWriteBilling(user) && <InvoiceActions key={`${doc.id}-${doc.state}`} invoice={doc} onChanged={changed} onCredited={creditIssued} />}
      {doc.kind === 'invoice' && doc.state !== 'draft' && (
        <PayNowPanel invoiceId={doc.id} clientId={doc.buyer.clientId} amountDue={doc.amountDue} currency={doc.currency} state={doc.state} />
      )}
      <InvoiceDocumentView invoice={doc} clientLink={isStaff(user)} />
      <PaymentsSection invoice={doc} />
      {doc.kind === 'invoice' && doc.state !== 'draft' && <ChargesSection invoiceId={doc.id} />}
    </section>
  );
}

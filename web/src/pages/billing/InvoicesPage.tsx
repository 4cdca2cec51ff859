import { Link } from 'react-router';
import { canWriteBilling, INVOICE_STATES, useInvoices } from '../../api/billing.ts';
import { useClients } from '../../api/clients.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FILTERS, InvoiceFilters } from './invoices/InvoiceFilters.tsx';
import { InvoiceRow } from './invoices/InvoiceRow.tsx';

/** Invoices and credit notes, newest first; a portal user sees its own client's issued ones. */
export function InvoicesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const list = useInvoices(filters);
  const clients = useClients();
  const names = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <section className="billing-invoices">
      <div className="page-head">
        <h1>{t('billing.invoices.title')}</h1>
        {canWriteBilling(user) && <Link className="button" to="/billing/invoices/new">{t('billing.new')}</Link>}
      </div>
      <InvoiceFilters
        filters={filters}
        clients={staff ? (clients.data?.items ?? []) : null}
        states={staff ? INVOICE_STATES : INVOICE_STATES.filter((s) => s !== 'draft')}
        setFilter={setFilter}
      />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('billing.number')}</th>
              {staff && <th scope="col">{t('billing.client')}</th>}
              <th scope="col">{t('billing.issuedOn')}</th>
              <th scope="col">{t('billing.dueOn')}</th>
              <th scope="col" className="num">{t('billing.total')}</th>
              <th scope="col" className="num">{t('billing.amountDue')}</th>
              <th scope="col">{t('billing.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((invoice) => <InvoiceRow key={invoice.id} invoice={invoice} clientName={staff ? (names.get(invoice.clientId) ?? '') : null} />)}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && (
          <p className="empty">
            {filtered ? <>{t('billing.empty.filtered')} <Link to="/billing/invoices">{t('billing.empty.clear')}</Link></> : t('billing.empty.none')}
          </p>
        )}
        {list.isError && <p className="alert" role="alert">{String(list.error)}</p>}
      </div>
      {list.hasNextPage && <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>{t('common.more')}</button>}
    </section>
  );
}

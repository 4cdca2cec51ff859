import { Link } from 'react-router';
import { useClients } from '../../api/clients.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStaff, useTickets } from './api.ts';
import { FILTERS, TicketFilters } from './tickets/TicketFilters.tsx';
import { TicketRow } from './tickets/TicketRow.tsx';

/** The tickets, nearest due first, with live SLA countdowns; a client's portal user sees its own only. */
export function TicketsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const list = useTickets(filters);
  const clients = useClients();
  const people = useStaff(staff);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <section className="desk-tickets">
      <div className="page-head">
        <h1>{t('desk.tickets.title')}</h1>
        {user?.role !== 'viewer' && <Link className="button" to="/desk/tickets/new">{t('desk.new')}</Link>}
      </div>
      <TicketFilters filters={filters} clients={staff ? (clients.data?.items ?? []) : null} setFilter={setFilter} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('desk.ticket')}</th>
              {staff && <th scope="col">{t('desk.client')}</th>}
              <th scope="col">{t('desk.severity')}</th>
              <th scope="col">{t('desk.status')}</th>
              <th scope="col">{t('desk.assignee')}</th>
              <th scope="col">{t('desk.firstResponse')}</th>
              <th scope="col">{t('desk.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ticket) => <TicketRow key={ticket.id} ticket={ticket} staff={staff} people={people.data?.items} />)}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && (
          <p className="empty">
            {filtered ? <>{t('desk.empty.filtered')} <Link to="/desk/tickets">{t('desk.empty.clear')}</Link></> : t('desk.empty.none')}
          </p>
        )}
        {list.isError && <p className="alert" role="alert">{String(list.error)}</p>}
      </div>
      {list.hasNextPage && <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>{t('common.more')}</button>}
    </section>
  );
}

import { Link } from 'react-router';
import { useClients } from '../../api/clients.ts';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useInbox, type InboxFilters } from './tasks/api.ts';
import { TaskFilters, VIEWS, type View } from './tasks/TaskFilters.tsx';
import { TaskRow } from './tasks/TaskRow.tsx';

const FILTERS = ['view', 'state', 'clientId', 'overdue'] as const;

/** The renewal task inbox: mine, the team's unassigned ones or all, soonest due first. */
export function TasksPage() {
  const { t } = useI18n();
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const view: View = VIEWS.includes(filters.view as View) ? (filters.view as View) : 'all';
  const inbox: InboxFilters = {
    assignee: view === 'mine' ? 'me' : view === 'team' ? 'none' : undefined,
    state: filters.state,
    clientId: filters.clientId,
    overdue: filters.overdue === 'true' ? 'true' : undefined,
  };
  const list = useInbox(inbox);
  const clients = useClients();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="tasks-page">
      <h1>{t('tasks.title')}</h1>
      <TaskFilters view={view} filters={filters} clients={clients.data?.items ?? []} setFilter={setFilter} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tasks.asset')}</th>
              <th scope="col">{t('tasks.client')}</th>
              <th scope="col">{t('tasks.dueOn')}</th>
              <th scope="col">{t('tasks.daysLeft')}</th>
              <th scope="col">{t('tasks.state')}</th>
              <th scope="col">{t('tasks.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => <TaskRow key={task.id} task={task} />)}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && <EmptyInbox view={view} filtered={Boolean(filters.state || filters.clientId || filters.overdue)} />}
        {list.isError && <p className="alert" role="alert">{String(list.error)}</p>}
      </div>
      {list.hasNextPage && <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>{t('common.more')}</button>}
    </section>
  );
}

/** Says why the list is empty and where to look next. */
function EmptyInbox({ view, filtered }: { view: View; filtered: boolean }) {
  const { t } = useI18n();
  if (filtered) return <p className="empty">{t('tasks.empty.filtered')} <Link to="/renewals/tasks">{t('tasks.empty.clear')}</Link></p>;
  if (view === 'mine') return <p className="empty">{t('tasks.empty.mine')} <Link to="/renewals/tasks?view=team">{t('tasks.empty.seeTeam')}</Link></p>;
  return <p className="empty">{t('tasks.empty.all')} <Link to="/renewals/calendar">{t('tasks.empty.seeCalendar')}</Link></p>;
}

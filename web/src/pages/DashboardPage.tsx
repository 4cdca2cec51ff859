import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { Attention } from '../api/types.ts';
import type { IncidentSummary } from './monitors/api.ts';
import { useClients } from '../api/clients.ts';
import { isStaff, useSession } from '../api/session.tsx';
import { DemoCard } from '../components/DemoCard.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useTaskSummary } from './renewals/tasks/api.ts';
import { SlaAtRiskTile } from './desk/SlaAtRiskTile.tsx';

/** What needs attention today; every number links to the list of assets behind it. */
export function DashboardPage() {
  const { t, money, number } = useI18n();
  const attention = useQuery({ queryKey: ['attention'], queryFn: () => api<Attention>('GET', '/attention') });
  const { user } = useSession();
  const incidents = useQuery({ queryKey: ['incident-summary'], queryFn: () => api<IncidentSummary>('GET', '/incidents/summary'), refetchInterval: 60_000 });
  const clients = useClients();
  const emptyRegistry = clients.isSuccess && clients.data.items.length === 0 && (user?.role === 'owner' || user?.role === 'admin');
  if (!attention.data) return <p className="loading">{t('common.loading')}</p>;
  const { renewing, expired, unowned } = attention.data;
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      {emptyRegistry && <DemoCard />}
      <div className="tiles">
        {renewing.map((window) => (
          <Link key={window.days} className="tile" to={`/assets?expiresWithin=${window.days}`}>
            <span className="tile-label">{t('dashboard.renewingIn', { days: window.days })}</span>
            <span className="tile-number">{number(window.count)}</span>
            <span className="tile-detail">
              {window.cost.length === 0 ? '—' : window.cost.map((c) => <span key={c.currency} className="block">{money(c.amount, c.currency)}</span>)}
            </span>
          </Link>
        ))}
        <Link className={expired > 0 ? 'tile tile-alarm' : 'tile'} to="/assets?status=expired">
          <span className="tile-label">{t('dashboard.expired')}</span>
          <span className="tile-number">{number(expired)}</span>
        </Link>
        <Link className="tile" to="/assets?ownerId=none&status=active,expiring,expired,renewing">
          <span className="tile-label">{t('dashboard.unowned')}</span>
          <span className="tile-number">{number(unowned)}</span>
        </Link>
        <Link className={incidents.data?.open ? 'tile tile-alarm' : 'tile'} to="/incidents?state=open">
          <span className="tile-label">{t('dashboard.incidents')}</span>
          <span className="tile-number">{incidents.data ? number(incidents.data.open) : '—'}</span>
          {(incidents.data?.unacknowledged ?? 0) > 0 && <span className="tile-detail">{t('dashboard.unacknowledged', { count: incidents.data!.unacknowledged })}</span>}
        </Link>
        {isStaff(user) && <OverdueTasksTile />}
        <SlaAtRiskTile />
        {/* Filled in as billing arrives. */}
        {(['dashboard.payments'] as const).map((label) => (
          <div key={label} className="tile tile-later">
            <span className="tile-label">{t(label)}</span>
            <span className="tile-number">—</span>
            <span className="tile-detail">{t('dashboard.notYet')}</span>
          </div>
        ))}
      </div>
      <Timeline />
    </section>
  );
}

/** Renewal tasks whose due day has passed; the detail says how many more fall due within 7 days. */
function OverdueTasksTile() {
  const { t, number } = useI18n();
  // Renewal tasks are the agency's own work: the tile is only rendered for staff.
  const summary = useTaskSummary();
  const overdue = summary.data?.overdue ?? 0;
  return (
    <Link className={overdue > 0 ? 'tile tile-alarm' : 'tile'} to="/renewals/tasks?overdue=true" data-testid="tile-overdue-tasks">
      <span className="tile-label">{t('dashboard.tasks')}</span>
      <span className="tile-number">{summary.data ? number(overdue) : '—'}</span>
      {summary.data && <span className="tile-detail">{t('tasks.dueThisWeek', { count: summary.data.dueThisWeek })}</span>}
    </Link>
  );
}

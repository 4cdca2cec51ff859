import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { Attention } from '../api/types.ts';
import { Timeline } from '../components/Timeline.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** What needs attention today; every number links to the list of assets behind it. */
export function DashboardPage() {
  const { t, money, number } = useI18n();
  const attention = useQuery({ queryKey: ['attention'], queryFn: () => api<Attention>('GET', '/attention') });
  if (!attention.data) return <p className="loading">{t('common.loading')}</p>;
  const { renewing, expired, unowned } = attention.data;
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <div className="tiles">
        {renewing.map((window) => (
          <Link key={window.days} className="tile" to={`/assets?expiresWithin=${window.days}`}>
            <span className="tile-label">{t('dashboard.renewingIn', { days: window.days })}</span>
            <span className="tile-number">{number(window.count)}</span>
            <span className="tile-detail">{window.cost.map((c) => money(c.amount, c.currency)).join(' · ') || '—'}</span>
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
      </div>
      <Timeline />
    </section>
  );
}

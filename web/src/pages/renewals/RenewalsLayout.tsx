import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const TABS = ['tasks', 'calendar', 'waste', 'insights', 'policies'] as const;

/** The renewals section: one tab per view of the same renewals; policies only for those who set them. */
export function RenewalsLayout() {
  const { t } = useI18n();
  const { user } = useSession();
  const tabs = TABS.filter((tab) => tab !== 'policies' || user?.role === 'owner' || user?.role === 'admin');
  return (
    <div className="renewals-page">
      <nav className="notif-tabs" aria-label={t('nav.renewals')}>
        {tabs.map((tab) => (
          <NavLink key={tab} to={`/renewals/${tab}`}>
            {t(`renewals.tab.${tab}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

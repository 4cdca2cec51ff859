import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';

/** The support desk: tickets and the SLA they are measured against, for staff and portal users alike. */
export function DeskLayout() {
  const { t } = useI18n();
  return (
    <div className="desk-page">
      <nav className="notif-tabs" aria-label={t('nav.desk')}>
        <NavLink to="/desk/tickets">{t('desk.tab.tickets')}</NavLink>
        <NavLink to="/desk/sla">{t('desk.tab.sla')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

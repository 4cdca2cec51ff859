import { NavLink, Outlet, useLocation } from 'react-router';
import { canManageDesk, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The support desk: tickets, the SLA they are measured against, monthly reports and (for managers of the desk) plans and calendars, for staff and portal users alike. */
export function DeskLayout() {
  const { t } = useI18n();
  const { user } = useSession();
  const { pathname } = useLocation();
  return (
    <div className="desk-page">
      <nav className="notif-tabs" aria-label={t('nav.desk')}>
        <NavLink to="/desk/tickets">{t('desk.tab.tickets')}</NavLink>
        <NavLink to="/desk/sla">{t('desk.tab.sla')}</NavLink>
        <NavLink to="/desk/reports">{t('desk.tab.reports')}</NavLink>
        {canManageDesk(user) && (
          // A calendar is edited from the plans tab, so the tab stays lit on its page.
          <NavLink to="/desk/plans" className={({ isActive }) => (isActive || pathname.startsWith('/desk/calendars/') ? 'active' : undefined)}>{t('desk.tab.plans')}</NavLink>
        )}
      </nav>
      <Outlet />
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { canReadBilling } from '../api/billing.ts';
import { canWrite, isStaff, useSession } from '../api/session.tsx';
import { LOCALES, useI18n, type Locale } from '../i18n/i18n.tsx';

/** The frame of every signed-in page: the app's name, the sections, language and sign-out. */
export function Layout() {
  const { t, locale } = useI18n();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const agency = useQuery({ queryKey: ['agency'], queryFn: () => api<{ name: string }>('GET', '/agency'), staleTime: Infinity });
  const signOut = async () => {
    await api('POST', '/auth/logout');
    await refresh();
    navigate('/sign-in');
  };
  const changeLanguage = async (next: Locale) => {
    await api('PATCH', '/me', { locale: next });
    await refresh();
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{agency.data?.name ?? t('app.name')}</span>
        <nav aria-label="Main">
          <NavLink to="/" end>{t('nav.dashboard')}</NavLink>
          <NavLink to="/assets">{t('nav.assets')}</NavLink>
          <NavLink to="/monitors">{t('nav.monitors')}</NavLink>
          <NavLink to="/incidents">{t('nav.incidents')}</NavLink>
          <NavLink to="/desk">{t('nav.desk')}</NavLink>
          {canReadBilling(user) && <NavLink to="/billing">{t('nav.billing')}</NavLink>}
          {isStaff(user) && <NavLink to="/renewals">{t('nav.renewals')}</NavLink>}
          {isStaff(user) && <NavLink to="/clients">{t('nav.clients')}</NavLink>}
          {isStaff(user) && <NavLink to="/projects">{t('clients.projects')}</NavLink>}
          {canWrite(user) && <NavLink to="/import">{t('nav.import')}</NavLink>}
          {isStaff(user) && <NavLink to="/settings">{t('nav.settings')}</NavLink>}
        </nav>
        <div className="account">
          <label>
            <span className="visually-hidden">{t('nav.language')}</span>
            <select value={locale} onChange={(e) => void changeLanguage(e.target.value as Locale)} aria-label={t('nav.language')}>
              {Object.entries(LOCALES).map(([code, name]) => (
                <option key={code} value={code}>{name}</option>
              ))}
            </select>
          </label>
          <span className="who">{user?.name}</span>
          <button type="button" className="link" onClick={() => void signOut()}>{t('nav.signOut')}</button>
        </div>
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}

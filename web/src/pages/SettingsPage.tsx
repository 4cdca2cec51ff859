import { isStaff, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NotificationLinks } from './notifications/SettingsLinks.tsx';
import { managesUsers } from './settings/api.ts';
import { TokensSection } from './settings/TokensSection.tsx';
import { UsersSection } from './settings/UsersSection.tsx';

/**
 * Settings: owners and admins manage the people who sign in; every staff member manages their
 * own API tokens. Client-portal users have neither.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!isStaff(user)) return <p className="alert" role="alert">{t('common.notAllowed')}</p>;
  return (
    <div className="settings">
      <h1>{t('nav.settings')}</h1>
      {managesUsers(user) && <UsersSection me={user} />}
      <TokensSection />
      {user && <NotificationLinks me={user} />}
    </div>
  );
}

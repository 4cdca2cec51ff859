import { Link } from 'react-router';
import { isStaff, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { managesNotifications } from './notifications/api.ts';
import { ChannelsSection } from './notifications/ChannelsSection.tsx';
import { DeliveryLog } from './notifications/DeliveryLog.tsx';
import { PreferencesSection } from './notifications/PreferencesSection.tsx';
import { RunningEscalations } from './notifications/RunningEscalations.tsx';
import { ScheduleSection } from './notifications/ScheduleSection.tsx';

/**
 * My notifications, for every staff member: my channels, where messages go first and when that
 * fails, in which language, when to keep quiet, the digest, what was sent to me lately, and the
 * problems still escalating (to acknowledge).
 */
export function NotificationsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!isStaff(user) || !user) return <p className="alert" role="alert">{t('common.notAllowed')}</p>;
  return (
    <div className="settings notif-page">
      <div className="page-head notif-head">
        <h1>{t('notif.mine.title')}</h1>
        {managesNotifications(user) && <Link to="/notifications/agency" className="button secondary-link">{t('notif.agency.title')}</Link>}
      </div>
      <p className="muted settings-intro">{t('notif.mine.intro')}</p>
      <ChannelsSection />
      <PreferencesSection />
      <ScheduleSection />
      <RunningEscalations />
      <section className="settings-section" aria-labelledby="my-log-heading">
        <h2 id="my-log-heading">{t('notif.mine.recent')}</h2>
        <DeliveryLog userId={user.id} limit={20} />
      </section>
    </div>
  );
}

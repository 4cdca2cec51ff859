import { Link } from 'react-router';
import type { User } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { managesNotifications } from './api.ts';

/** On the settings page: the way to one's own notification settings and, for owners and admins, the agency's. */
export function NotificationLinks({ me }: { me: User }) {
  const { t } = useI18n();
  return (
    <section className="settings-section" aria-labelledby="notification-links-heading">
      <h2 id="notification-links-heading">{t('notif.links.title')}</h2>
      <p className="muted settings-intro">{t('notif.links.intro')}</p>
      <div className="notif-links">
        <Link to="/notifications" className="tile">
          <span className="strong">{t('notif.mine.title')}</span>
          <span className="tile-detail">{t('notif.links.mine')}</span>
        </Link>
        {managesNotifications(me) && (
          <Link to="/notifications/agency" className="tile">
            <span className="strong">{t('notif.agency.title')}</span>
            <span className="tile-detail">{t('notif.links.agency')}</span>
          </Link>
        )}
      </div>
    </section>
  );
}

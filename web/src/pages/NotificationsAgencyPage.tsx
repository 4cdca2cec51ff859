import { Link, NavLink, useParams } from 'react-router';
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { managesNotifications } from './notifications/api.ts';
import { ChannelsSection } from './notifications/ChannelsSection.tsx';
import { DeliveryLog } from './notifications/DeliveryLog.tsx';
import { EscalationSection } from './notifications/EscalationSection.tsx';
import { OnCallSection } from './notifications/OnCallSection.tsx';
import { RoutingSection } from './notifications/RoutingSection.tsx';
import { RunningEscalations } from './notifications/RunningEscalations.tsx';
import { TemplatesSection } from './notifications/TemplatesSection.tsx';

const TABS = ['channels', 'routing', 'escalation', 'templates', 'log'] as const;
type Tab = (typeof TABS)[number];

/** The agency's notification settings (owners and admins), one tab per concern. */
export function NotificationsAgencyPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { tab: raw } = useParams();
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'channels';
  if (!managesNotifications(user)) return <p className="alert" role="alert">{t('common.notAllowed')}</p>;
  return (
    <div className="settings notif-page">
      <div className="page-head notif-head">
        <h1>{t('notif.agency.title')}</h1>
        <Link to="/notifications" className="button secondary-link">{t('notif.mine.title')}</Link>
      </div>
      <nav className="notif-tabs" aria-label={t('notif.agency.sections')}>
        {TABS.map((name) => (
          <NavLink key={name} to={`/notifications/agency/${name}`} className={() => (name === tab ? 'active' : '')} aria-current={name === tab ? 'page' : undefined}>
            {t(`notif.tab.${name}`)}
          </NavLink>
        ))}
      </nav>
      {tab === 'channels' && <ChannelsSection agencyWide />}
      {tab === 'routing' && <RoutingSection />}
      {tab === 'escalation' && (
        <>
          <EscalationSection />
          <OnCallSection />
          <RunningEscalations />
        </>
      )}
      {tab === 'templates' && <TemplatesSection />}
      {tab === 'log' && (
        <section className="settings-section" aria-labelledby="log-heading">
          <h2 id="log-heading">{t('notif.log.title')}</h2>
          <p className="muted settings-intro">{t('notif.log.intro')}</p>
          <DeliveryLog />
        </section>
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { UptimeBars } from '../../components/UptimeBars.tsx';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import type { PublicStatusPage as PublicPage } from '../monitors/api.ts';
import { useMonitoringFormat } from '../monitors/format.ts';

/**
 * A client's status page as anyone sees it, without signing in: names, states, 90 days of
 * uptime and the public updates of recent incidents. The API gives nothing more (no targets).
 */
export function PublicStatusPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const page = useQuery({
    queryKey: ['public-status', slug],
    queryFn: () => api<PublicPage>('GET', `/status-pages/public/${encodeURIComponent(slug)}`),
    refetchInterval: 60_000,
  });
  if (page.isError) {
    const missing = page.error instanceof ApiError && page.error.status === 404;
    return (
      <main className="public-status">
        <h1>{t('publicStatus.title')}</h1>
        <p className="alert" role="alert">{missing ? t('publicStatus.notFound') : t('publicStatus.unavailable')}</p>
      </main>
    );
  }
  if (!page.data) return <p className="loading">{t('common.loading')}</p>;
  const p = page.data;
  return (
    <main className="public-status">
      <header className="public-head">
        <h1>{p.title}</h1>
        {p.description && <p className="muted">{p.description}</p>}
      </header>
      <p className={`public-overall public-overall-${p.state}`} role="status">{t(`publicStatus.overall.${p.state}`)}</p>
      <section aria-labelledby="public-services">
        <h2 id="public-services">{t('publicStatus.services')}</h2>
        <ul className="public-monitors">
          {p.monitors.map((m, index) => (
            <PublicMonitor key={`${index}-${m.name}`} monitor={m} />
          ))}
        </ul>
      </section>
      <PublicIncidents incidents={p.incidents} />
      <p className="muted public-footer">{t('publicStatus.updated', { when: format.instant(p.generatedAt) })}</p>
    </main>
  );
}

function PublicMonitor({ monitor: m }: { monitor: PublicPage['monitors'][number] }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  return (
    <li className="public-monitor">
      <div className="public-monitor-head">
        <span className="strong">{m.name}</span>
        <span className={`badge badge-monitor-${m.state}`}>{t(`monitors.state.${m.state}`)}</span>
      </div>
      <UptimeBars days={m.days} label={t('publicStatus.bars', { name: m.name })} />
      <div className="public-monitor-foot muted">
        <span>{t('publicStatus.daysAgo', { days: m.days.length })}</span>
        <span>{t('publicStatus.uptime', { uptime: format.uptime(m.uptime90d) })}</span>
        <span>{t('publicStatus.today')}</span>
      </div>
    </li>
  );
}

function PublicIncidents({ incidents }: { incidents: PublicPage['incidents'] }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  return (
    <section aria-labelledby="public-incidents">
      <h2 id="public-incidents">{t('publicStatus.incidents')}</h2>
      {incidents.length === 0 && <p className="muted">{t('publicStatus.noIncidents')}</p>}
      <ol className="public-incident-list">
        {incidents.map((i) => (
          <li key={i.id} className="card public-incident">
            <div className="public-monitor-head">
              <span className="strong">{i.monitorName}</span>
              <span className={`badge badge-incident-${i.state}`}>{t(`incidents.state.${i.state}`)}</span>
            </div>
            <p className="muted">
              {format.instant(i.startedAt)}{i.resolvedAt && <> – {format.instant(i.resolvedAt)}</>}
            </p>
            {i.updates.length > 0 && (
              <ol className="incident-timeline">
                {i.updates.map((u) => (
                  <li key={`${u.at}-${u.message}`} className="incident-entry">
                    <time dateTime={u.at}>{format.instant(u.at)}</time>
                    <div>
                      {/* People's updates are shown as written; the engine's own entries by their kind, in the reader's language. */}
                      {u.kind === 'update' ? <p className="incident-text">{u.message}</p> : <span className="strong">{publicTitle(u.kind, t)}</span>}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const PUBLIC_TITLES = {
  first_failure: 'incidents.firstFailure',
  confirmed: 'incidents.confirmed',
  resolved: 'incidents.resolved',
  flapping: 'monitors.flapping',
} as const;

function publicTitle(kind: string, t: I18n['t']): string {
  return kind in PUBLIC_TITLES ? t(PUBLIC_TITLES[kind as keyof typeof PUBLIC_TITLES]) : t('incidents.update');
}

import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ago, DAY, useMonitorChoices, type Monitor, type Uptime } from './api.ts';
import { targetOf, useMonitoringFormat } from './format.ts';
import { Fact, StateBadge } from './parts.tsx';

const PERIODS = [['uptime24h', DAY], ['uptime7d', 7 * DAY], ['uptime30d', 30 * DAY], ['uptime365d', 365 * DAY]] as const;

/** Uptime over a day, a week, a month and a year. */
export function UptimeFigures({ monitor }: { monitor: Monitor }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const figures = useQueries({
    queries: PERIODS.map(([, span]) => ({
      queryKey: ['monitor', monitor.id, 'uptime', span, monitor.lastCheckedAt],
      queryFn: () => api<Uptime>('GET', `/monitors/${monitor.id}/uptime?from=${encodeURIComponent(ago(span))}`),
    })),
  });
  return (
    <div className="tiles uptime-tiles" role="group" aria-label={t('monitors.uptime')}>
      {PERIODS.map(([key], i) => {
        const figure = figures[i]?.data;
        return (
          <div key={key} className="tile">
            <span className="tile-label">{t(`monitors.${key}`)}</span>
            <span className="tile-number">{figure ? format.uptime(figure.uptime) : '…'}</span>
            {figure && figure.downSeconds > 0 && <span className="tile-detail">{t('monitors.downFor', { duration: format.duration(figure.downSeconds) })}</span>}
          </div>
        );
      })}
    </div>
  );
}

/** What the monitor checks and how, where it belongs, and what it found last. */
export function MonitorFacts({ monitor: m }: { monitor: Monitor }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const clients = useClients();
  const parents = useMonitorChoices();
  const asset = useQuery({ queryKey: ['asset', m.assetId], queryFn: () => api<{ name: string }>('GET', `/assets/${m.assetId}`), enabled: m.assetId !== null });
  const parent = parents.data?.items.find((p) => p.id === m.parentId);
  const c = m.config as Record<string, unknown>;
  return (
    <section className="card asset-section" aria-labelledby="monitor-facts">
      <h2 id="monitor-facts">{t('monitors.details')}</h2>
      <dl className="asset-facts">
        <Fact label={t('monitors.stateLabel')}>
          <StateBadge monitor={m} />
          {m.stateChangedAt && <span className="muted block">{t('monitors.stateSince', { when: format.instant(m.stateChangedAt) })}</span>}
        </Fact>
        <Fact label={t('monitors.kindLabel')}>{t(`monitors.kind.${m.kind}`)}</Fact>
        <Fact label={t('monitors.target')}><span className="monitor-target">{targetOf(m, t)}</span></Fact>
        {m.kind !== 'heartbeat' && <Fact label={t('monitors.checkedEvery')}>{format.duration(m.intervalSeconds)}</Fact>}
        {m.kind === 'heartbeat' && <Fact label={t('monitors.graceSeconds')}>{format.duration(Number(c.graceSeconds ?? 0))}</Fact>}
        <Fact label={t('monitors.failureThreshold')}>{m.failureThreshold}</Fact>
        {m.kind === 'http' && <HttpFacts config={c} />}
        {(m.kind === 'tls' || m.kind === 'domain') && (
          <Fact label={t('monitors.options')}>{t('monitors.warnDown', { warn: Number(c.warnDays), down: Number(c.downDays) })}</Fact>
        )}
        <Fact label={t('monitors.lastCheck')}>
          {format.since(m.lastCheckedAt)}
          {m.lastResponseMs !== null && <span className="muted"> · {m.lastResponseMs} ms</span>}
          {m.lastMessage && <span className="muted block">{m.lastMessage}</span>}
        </Fact>
        <Fact label={t('assets.client')}>{m.clientId ? clients.data?.items.find((x) => x.id === m.clientId)?.name ?? '…' : t('common.none')}</Fact>
        <Fact label={t('monitors.asset')}>{m.assetId ? <Link to={`/assets/${m.assetId}`}>{asset.data?.name ?? '…'}</Link> : t('common.none')}</Fact>
        <Fact label={t('monitors.parent')}>{m.parentId ? <Link to={`/monitors/${m.parentId}`}>{parent?.name ?? '…'}</Link> : t('common.none')}</Fact>
      </dl>
    </section>
  );
}

function HttpFacts({ config: c }: { config: Record<string, unknown> }) {
  const { t } = useI18n();
  const auth = c.basicAuth as { username: string } | null;
  return (
    <>
      <Fact label={t('monitors.expectedStatus')}>{(c.expectedStatus as string[] | undefined)?.join(', ')}</Fact>
      {typeof c.keyword === 'string' && (
        <Fact label={t('monitors.keyword')}>
          <code>{c.keyword}</code> · {c.keywordAbsent ? t('monitors.keywordAbsent') : t('monitors.keywordPresent')}
        </Fact>
      )}
      {typeof c.maxResponseMs === 'number' && <Fact label={t('monitors.maxResponseMs')}>{c.maxResponseMs} ms</Fact>}
      <Fact label={t('monitors.options')}>
        {[c.followRedirects ? t('monitors.followRedirects') : t('monitors.noRedirects'), c.verifyTls ? t('monitors.verifyTls') : t('monitors.noTlsCheck')].join(' · ')}
        {auth && <span className="muted block">{t('monitors.basicAuthAs', { user: auth.username })}</span>}
      </Fact>
    </>
  );
}

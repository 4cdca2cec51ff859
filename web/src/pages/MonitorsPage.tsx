import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useUrlFilters } from '../api/url-filters.ts';
import { api, query, type Page } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { FILTER_STATES, MONITOR_KINDS, type Monitor } from './monitors/api.ts';
import { targetOf, useMonitoringFormat } from './monitors/format.ts';
import { MonitoringTabs, StateBadge } from './monitors/parts.tsx';

const FILTERS = ['q', 'state', 'kind', 'clientId'] as const;

/** Every monitor with its state and uptime, 50 at a time; filters live in the address. */
export function MonitorsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const format = useMonitoringFormat();
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const monitors = useInfiniteQuery({
    queryKey: ['monitors', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Monitor>>('GET', `/monitors${query({ ...filters, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // States change on their own: the list keeps up while it is open.
    refetchInterval: 30_000,
  });
  const rows = monitors.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <div className="page-head">
        <h1>{t('monitors.title')}</h1>
        {canWrite(user) && <Link className="button" to="/monitors/new">{t('monitors.add')}</Link>}
      </div>
      <MonitoringTabs />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('assets.search')}
          <input type="search" defaultValue={filters.q} onChange={(e) => setFilter('q', e.target.value)} />
        </label>
        <label>{t('monitors.stateLabel')}
          <select value={filters.state ?? ''} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {FILTER_STATES.map((s) => <option key={s} value={s}>{t(`monitors.state.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('monitors.kindLabel')}
          <select value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {MONITOR_KINDS.map((k) => <option key={k} value={k}>{t(`monitors.kind.${k}`)}</option>)}
          </select>
        </label>
        {(clients.data?.items.length ?? 0) > 1 && (
          <label>{t('assets.client')}
            <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {clients.data!.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
      </form>
      <div className="table-wrap">
        <table className="monitor-table">
          <thead>
            <tr>
              <th scope="col">{t('monitors.name')}</th>
              <th scope="col">{t('monitors.kindLabel')}</th>
              <th scope="col">{t('monitors.target')}</th>
              <th scope="col">{t('monitors.stateLabel')}</th>
              <th scope="col">{t('monitors.lastCheck')}</th>
              <th scope="col" className="num">{t('monitors.uptime24h')}</th>
              <th scope="col" className="num">{t('monitors.uptime30d')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link className="strong" to={`/monitors/${m.id}`}>{m.name}</Link>
                  {m.clientId && clientName.size > 1 && <span className="muted block">{clientName.get(m.clientId)}</span>}
                </td>
                <td>{t(`monitors.kind.${m.kind}`)}</td>
                <td className="monitor-target">{targetOf(m, t)}</td>
                <td><StateBadge monitor={m} /></td>
                <td title={format.instant(m.lastCheckedAt)}>{format.since(m.lastCheckedAt)}</td>
                <td className="num">{format.uptime(m.uptime.last24h)}</td>
                <td className="num">{format.uptime(m.uptime.last30d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {monitors.isSuccess && rows.length === 0 && <p className="empty">{t('monitors.empty')}</p>}
        {monitors.isError && <p className="alert" role="alert">{monitors.error.message}</p>}
      </div>
      {monitors.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void monitors.fetchNextPage()} disabled={monitors.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

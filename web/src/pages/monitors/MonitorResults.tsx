import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Monitor, Results } from './api.ts';
import { useMonitoringFormat } from './format.ts';

/** The latest checks, newest first, 20 at a time. */
export function MonitorResults({ monitor }: { monitor: Monitor }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const results = useInfiniteQuery({
    queryKey: ['monitor', monitor.id, 'results', monitor.lastCheckedAt],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Results>('GET', `/monitors/${monitor.id}/results${query({ before: pageParam, limit: 20 })}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="monitor-block" aria-labelledby="monitor-results">
      <h2 id="monitor-results">{t('monitors.results')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('monitors.checkedAt')}</th>
              <th scope="col">{t('monitors.outcome')}</th>
              <th scope="col" className="num">{t('monitors.responseTime')}</th>
              <th scope="col">{t('monitors.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.checkedAt}-${r.location}`}>
                <td>{format.instant(r.checkedAt)}</td>
                <td>
                  <span className={`badge badge-monitor-${r.ok ? 'up' : 'down'}`}>{r.ok ? t('monitors.ok') : t('monitors.failed')}</span>
                  {r.warning && <span className="badge badge-flapping">{t('monitors.warning')}</span>}
                </td>
                <td className="num">{r.responseMs === null ? t('common.none') : `${r.responseMs} ms`}</td>
                <td className="monitor-message">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {results.isSuccess && rows.length === 0 && <p className="empty">{t('monitors.noResults')}</p>}
      </div>
      {results.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>{t('monitors.older')}</button>
      )}
    </section>
  );
}

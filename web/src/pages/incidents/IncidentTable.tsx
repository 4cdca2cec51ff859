import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, query, type Page } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Incident } from '../monitors/api.ts';
import { useMonitoringFormat } from '../monitors/format.ts';

export interface IncidentFilter {
  state?: 'open' | 'resolved' | undefined;
  clientId?: string | undefined;
  monitorId?: string | undefined;
}

/** Open, acknowledged, resolved; and whether it happened during maintenance or while flapping. */
export function IncidentState({ incident: i }: { incident: Incident }) {
  const { t } = useI18n();
  return (
    <span className="monitor-state">
      <span className={`badge badge-incident-${i.state}`}>{t(`incidents.state.${i.state}`)}</span>
      {i.state === 'open' && i.acknowledgedAt && <span className="badge">{t('incidents.acknowledged')}</span>}
      {i.inMaintenance && <span className="badge">{t('incidents.inMaintenance')}</span>}
      {i.flapping && <span className="badge badge-flapping">{t('monitors.flapping')}</span>}
    </span>
  );
}

/** A server-paged table of incidents, newest first. */
/** `version` changes when incidents may have changed (a monitor's state), to fetch the list again. */
export function IncidentTable({ filter, caption, clientName, version }: {
  filter: IncidentFilter; caption?: string; clientName?: Map<string, string> | undefined; version?: string | null;
}) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const list = useInfiniteQuery({
    queryKey: ['incidents', 'list', filter, version ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Incident>>('GET', `/incidents${query({ ...filter, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const showClient = clientName !== undefined && clientName.size > 1;
  return (
    <>
      <div className="table-wrap">
        <table>
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col">{t('incidents.monitor')}</th>
              <th scope="col">{t('monitors.stateLabel')}</th>
              <th scope="col">{t('incidents.started')}</th>
              <th scope="col">{t('incidents.duration')}</th>
              <th scope="col">{t('incidents.cause')}</th>
              {showClient && <th scope="col">{t('assets.client')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id}>
                <td><Link className="strong" to={`/incidents/${i.id}`}>{i.monitorName}</Link></td>
                <td><IncidentState incident={i} /></td>
                <td>{format.instant(i.startedAt)}</td>
                <td>{format.duration(((i.resolvedAt ? Date.parse(i.resolvedAt) : Date.now()) - Date.parse(i.startedAt)) / 1000)}</td>
                <td className="monitor-message">{i.cause}</td>
                {showClient && <td>{i.clientId ? clientName.get(i.clientId) : t('common.none')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && <p className="empty">{filter.state === 'open' ? t('incidents.noneOpen') : t('incidents.empty')}</p>}
        {list.isError && <p className="alert" role="alert">{list.error.message}</p>}
      </div>
      {list.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>{t('common.more')}</button>
      )}
    </>
  );
}

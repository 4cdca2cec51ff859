import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, query, type Page } from '../api/client.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MaintenanceForm } from './MaintenanceForm.tsx';
import { useScopeNames } from './MaintenanceScopes.tsx';
import type { MaintenanceWindow } from './monitors/api.ts';
import { useMonitoringFormat } from './monitors/format.ts';
import { MonitoringTabs } from './monitors/parts.tsx';

const WHEN = ['current', 'upcoming', 'past'] as const;
// Windows that repeat for ever end at this far-off instant.
const OPEN_ENDED_YEAR = 9000;

/** Planned work: checks go on, alerts are held and the downtime does not count. */
export function MaintenancePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [when, setWhen] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const names = useScopeNames();
  const list = useInfiniteQuery({
    queryKey: ['maintenance', when],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<MaintenanceWindow>>('GET', `/maintenance-windows${query({ when, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const writable = canWrite(user);
  const changed = async (message: string) => {
    setNotice(message);
    setProblem(null);
    await queries.invalidateQueries({ queryKey: ['maintenance'] });
  };
  const remove = async (w: MaintenanceWindow) => {
    try {
      await api('DELETE', `/maintenance-windows/${w.id}`);
      await changed(t('maintenance.deleted', { title: w.title }));
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section>
      <h1>{t('maintenance.title')}</h1>
      <MonitoringTabs />
      <p className="muted">{t('maintenance.intro')}</p>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      {writable && <MaintenanceForm onSaved={(w) => changed(t('maintenance.saved', { title: w.title }))} />}
      <h2>{t('maintenance.listTitle')}</h2>
      <div className="filters" role="search">
        <label>{t('maintenance.when')}
          <select value={when} onChange={(e) => setWhen(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {WHEN.map((w) => <option key={w} value={w}>{t(`maintenance.when.${w}`)}</option>)}
          </select>
        </label>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('maintenance.titleLabel')}</th>
              <th scope="col">{t('maintenance.scope')}</th>
              <th scope="col">{t('maintenance.schedule')}</th>
              {writable && <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <td className="strong">{w.title}</td>
                <td>{t(`maintenance.scope.${w.scopeType}`)}: {names.get(w.scopeId) ?? w.scopeId}</td>
                <td><Schedule window={w} /></td>
                {writable && <td><button type="button" className="link" aria-label={t('maintenance.delete', { title: w.title })} onClick={() => void remove(w)}>{t('monitors.delete')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && <p className="empty">{t('maintenance.empty')}</p>}
      </div>
      {list.hasNextPage && <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>{t('common.more')}</button>}
    </section>
  );
}

function Schedule({ window: w }: { window: MaintenanceWindow }) {
  const { t, locale, date } = useI18n();
  const format = useMonitoringFormat();
  if (!w.recurrence) return <>{format.instant(w.startsAt)} – {format.instant(w.endsAt)}</>;
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const r = w.recurrence;
  const days = r.weekdays.map((d) => day.format(new Date(Date.UTC(2024, 0, d)))).join(', ');
  return (
    <>
      {t('maintenance.every', { days, start: r.start, duration: format.duration(r.minutes * 60), zone: r.timeZone })}
      <span className="muted block">
        {new Date(w.endsAt).getUTCFullYear() >= OPEN_ENDED_YEAR || !r.until ? t('maintenance.fromOn', { date: date(w.startsAt) }) : t('maintenance.fromUntil', { from: date(w.startsAt), until: date(r.until) })}
      </span>
    </>
  );
}

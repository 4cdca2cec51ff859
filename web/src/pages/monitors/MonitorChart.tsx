import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ResponseChart } from '../../components/ResponseChart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ago, DAY, type Monitor, type ResponseTimes } from './api.ts';

const RANGES = [['range24h', DAY], ['range7d', 7 * DAY], ['range30d', 30 * DAY]] as const;

/** Response times over the last day, week or month. */
export function MonitorChart({ monitor }: { monitor: Monitor }) {
  const { t } = useI18n();
  const [range, setRange] = useState<number>(DAY);
  const times = useQuery({
    queryKey: ['monitor', monitor.id, 'response-times', range, monitor.lastCheckedAt],
    queryFn: () => api<ResponseTimes>('GET', `/monitors/${monitor.id}/response-times?from=${encodeURIComponent(ago(range))}`),
    placeholderData: (previous) => previous,
  });
  return (
    <section className="card asset-section" aria-labelledby="monitor-chart">
      <div className="section-head">
        <h2 id="monitor-chart">{t('monitors.chart.title')}</h2>
        <div className="segmented" role="group" aria-label={t('monitors.chart.range')}>
          {RANGES.map(([key, span]) => (
            <button key={key} type="button" className={span === range ? '' : 'secondary'} aria-pressed={span === range} onClick={() => setRange(span)}>
              {t(`monitors.chart.${key}`)}
            </button>
          ))}
        </div>
      </div>
      {times.data ? <ResponseChart points={times.data.points} from={times.data.from} to={times.data.to} label={t('monitors.chart.title')} /> : <p className="loading">{t('common.loading')}</p>}
    </section>
  );
}

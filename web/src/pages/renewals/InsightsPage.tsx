import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { loadClients } from './policies/api.ts';
import { loadForecast, loadKpis, type InsightFilter } from './insights/api.ts';
import { ForecastChart } from './insights/ForecastChart.tsx';
import { KpiTiles } from './insights/KpiTiles.tsx';
import { CostTable, LapseTable, SpendTables } from './insights/SpendTables.tsx';

/** How renewals went (KPIs over a period) and what the coming twelve months will cost. Filters live in the URL. */
export function InsightsPage() {
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: InsightFilter = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, clientId: params.get('client') ?? undefined };
  const kpis = useQuery({ queryKey: ['renewal-kpis', filter], queryFn: () => loadKpis(filter), retry: false });
  const forecast = useQuery({ queryKey: ['renewal-forecast', filter.clientId], queryFn: () => loadForecast(filter), retry: false });
  const clients = useQuery({ queryKey: ['renewal-insights', 'clients'], queryFn: loadClients });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <section className="insights-page">
      <h1>{t('renewals.insights.title')}</h1>
      <div className="filters" role="search">
        <label>{t('renewals.insights.from')}<input type="date" value={filter.from ?? kpis.data?.period.from ?? ''} onChange={(e) => set('from', e.target.value)} /></label>
        <label>{t('renewals.insights.to')}<input type="date" value={filter.to ?? kpis.data?.period.to ?? ''} onChange={(e) => set('to', e.target.value)} /></label>
        <label>{t('renewals.insights.client')}
          <select value={filter.clientId ?? ''} onChange={(e) => set('client', e.target.value)}>
            <option value="">{t('renewals.insights.allClients')}</option>
            {(clients.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      </div>
      {kpis.error && <p className="alert" role="alert">{kpis.error.message}</p>}
      {kpis.data && (
        <>
          <p className="muted">{t('renewals.insights.period', { from: date(kpis.data.period.from), to: date(kpis.data.period.to) })}</p>
          <KpiTiles kpis={kpis.data} />
          <div className="insight-tables">
            <CostTable kpis={kpis.data} />
            <LapseTable kpis={kpis.data} />
          </div>
        </>
      )}
      {forecast.error && <p className="alert" role="alert">{forecast.error.message}</p>}
      {forecast.data && (
        <>
          <ForecastChart forecast={forecast.data} />
          <SpendTables forecast={forecast.data} />
        </>
      )}
    </section>
  );
}

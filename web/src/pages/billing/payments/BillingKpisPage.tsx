import { useClients } from '../../../api/clients.ts';
import { ApiError } from '../../../api/client.ts';
import { canOverseeBilling, useBillingKpis } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { useUrlFilters } from '../../../api/url-filters.ts';
import { NotAllowed } from '../../../components/NotAllowed.tsx';
import { usePaymentI18n } from './i18n.ts';
import { GatewayTable } from './kpis/GatewayTable.tsx';
import { KpiTiles } from './kpis/KpiTiles.tsx';
import { RevenueChart } from './kpis/RevenueChart.tsx';
import { fieldError } from './settings/errors.ts';

/**
 * Billing KPIs for the agency's staff: revenue from renewals per month and currency (invoiced
 * against collected), the failed payment rate, how much dunning recovers and days sales
 * outstanding. Whole months in the agency's time zone; the period and client live in the URL.
 */
export function BillingKpisPage() {
  const { t, date } = usePaymentI18n();
  const { user } = useSession();
  const { filters, setFilter } = useUrlFilters(['from', 'to', 'client'] as const);
  const allowed = canOverseeBilling(user);
  const clients = useClients();
  const kpis = useBillingKpis({ from: filters.from, to: filters.to, clientId: filters.client }, allowed);
  if (!allowed) return <NotAllowed />;
  const problem = kpis.error instanceof ApiError ? kpis.error : null;
  const period = kpis.data?.period;
  return (
    <section className="pay-kpis-page">
      <h1>{t('pay.kpis.title')}</h1>
      <p className="muted">{t('pay.kpis.intro')}</p>
      <div className="filters" role="search">
        <label>{t('pay.kpis.from')}
          <input type="month" value={filters.from ?? period?.from ?? ''} onChange={(e) => setFilter('from', e.target.value)} aria-invalid={fieldError(problem, 'from') ? true : undefined} />
          {fieldError(problem, 'from') && <span className="field-error" role="alert">{fieldError(problem, 'from')}</span>}
        </label>
        <label>{t('pay.kpis.to')}
          <input type="month" value={filters.to ?? period?.to ?? ''} onChange={(e) => setFilter('to', e.target.value)} aria-invalid={fieldError(problem, 'to') ? true : undefined} />
          {fieldError(problem, 'to') && <span className="field-error" role="alert">{fieldError(problem, 'to')}</span>}
        </label>
        <label>{t('billing.client')}
          <select value={filters.client ?? ''} onChange={(e) => setFilter('client', e.target.value)}>
            <option value="">{t('pay.kpis.allClients')}</option>
            {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      </div>
      {kpis.isError && !fieldError(problem, 'from') && !fieldError(problem, 'to') && <p className="alert" role="alert">{kpis.error.message}</p>}
      {kpis.isPending && <p className="loading">{t('common.loading')}</p>}
      {kpis.data && period && (
        <>
          <p className="muted pay-small">{t('pay.kpis.period', { from: date(period.firstDay), to: date(period.lastDay), days: period.days, zone: period.timeZone })}</p>
          <KpiTiles kpis={kpis.data} />
          <RevenueChart revenue={kpis.data.renewalRevenue} />
          <GatewayTable payments={kpis.data.failedPayments} />
        </>
      )}
    </section>
  );
}

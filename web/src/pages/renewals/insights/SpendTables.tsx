import { useI18n } from '../../../i18n/i18n.tsx';
import type { Forecast, Kpis } from './api.ts';
import { MoneyList, useMonthName } from './MoneyList.tsx';

/** The forecast window per client and per provider, one row per currency. */
export function SpendTables({ forecast }: { forecast: Forecast }) {
  const { t, money } = useI18n();
  return (
    <div className="insight-tables">
      <section aria-labelledby="by-client-heading">
        <h2 id="by-client-heading">{t('renewals.forecast.byClient')}</h2>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('renewals.forecast.client')}</th><th scope="col" className="num">{t('renewals.forecast.amount')}</th></tr></thead>
            <tbody>
              {forecast.totals.byClient.map((c) => (
                <tr key={`${c.clientId}-${c.currency}`}><td>{c.clientName}</td><td className="num">{money(c.amount, c.currency)}</td></tr>
              ))}
            </tbody>
          </table>
          {forecast.totals.byClient.length === 0 && <p className="empty">{t('renewals.forecast.empty')}</p>}
        </div>
      </section>
      <section aria-labelledby="by-provider-heading">
        <h2 id="by-provider-heading">{t('renewals.forecast.byProvider')}</h2>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('renewals.forecast.provider')}</th><th scope="col" className="num">{t('renewals.forecast.amount')}</th></tr></thead>
            <tbody>
              {forecast.totals.byProvider.map((p) => (
                <tr key={`${p.providerId ?? ''}-${p.currency}`}><td>{p.providerName ?? t('renewals.forecast.noProvider')}</td><td className="num">{money(p.amount, p.currency)}</td></tr>
              ))}
            </tbody>
          </table>
          {forecast.totals.byProvider.length === 0 && <p className="empty">{t('renewals.forecast.empty')}</p>}
        </div>
      </section>
    </div>
  );
}

/** What was paid for renewals each month of the period, by the day paid. */
export function CostTable({ kpis }: { kpis: Kpis }) {
  const { t } = useI18n();
  const monthName = useMonthName();
  return (
    <section aria-labelledby="cost-heading">
      <h2 id="cost-heading">{t('renewals.kpi.costTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('renewals.kpi.month')}</th><th scope="col" className="num">{t('renewals.kpi.paid')}</th></tr></thead>
          <tbody>
            {kpis.costPerMonth.map((m) => (
              <tr key={m.month} data-testid={`cost-${m.month}`}><td>{monthName(m.month)}</td><td className="num"><MoneyList totals={m.totals} /></td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The renewals that lapsed in the period (the first hundred). */
export function LapseTable({ kpis }: { kpis: Kpis }) {
  const { t, date } = useI18n();
  if (kpis.lapses.count === 0) return null;
  return (
    <section aria-labelledby="lapses-heading">
      <h2 id="lapses-heading">{t('renewals.kpi.lapsesTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('renewals.kpi.asset')}</th><th scope="col">{t('renewals.kpi.dueOn')}</th><th scope="col">{t('renewals.kpi.renewedOn')}</th></tr></thead>
          <tbody>
            {kpis.lapses.outcomes.map((o) => (
              <tr key={`${o.assetId}-${o.dueOn}`}><td>{o.assetName}</td><td>{date(o.dueOn)}</td><td>{o.renewedOn ? date(o.renewedOn) : t('renewals.kpi.notRenewed')}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

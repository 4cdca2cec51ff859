import { useI18n } from '../../../i18n/i18n.tsx';
import type { Forecast } from './api.ts';
import { MoneyList, useMonthName } from './MoneyList.tsx';

/**
 * One bar per month. Bars can only compare like with like, so they measure the currency with the
 * most spend over the window; every currency's amount is written out next to the bar.
 */
export function ForecastChart({ forecast }: { forecast: Forecast }) {
  const { t, money } = useI18n();
  const monthName = useMonthName();
  const main = [...forecast.totals.totals].sort((a, b) => b.amount - a.amount)[0]?.currency ?? null;
  const amountOf = (m: Forecast['months'][number]) => m.totals.find((x) => x.currency === main)?.amount ?? 0;
  const peak = Math.max(1, ...forecast.months.map(amountOf));
  return (
    <section className="card timeline forecast-chart" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">{t('renewals.forecast.title')}</h2>
      {main && <p className="muted">{t('renewals.forecast.barsIn', { currency: main })}</p>}
      <ol>
        {forecast.months.map((m) => (
          <li key={m.month} data-testid={`forecast-${m.month}`}>
            <span className="timeline-month">{monthName(m.month)}</span>
            <span className="timeline-bar" aria-hidden="true"><span style={{ width: `${(amountOf(m) / peak) * 100}%` }} /></span>
            <span className="timeline-count">{main ? money(amountOf(m), main) : '—'}</span>
            <MoneyList totals={m.totals.filter((x) => x.currency !== main)} empty="" />
          </li>
        ))}
      </ol>
      <p className="muted">
        {t('renewals.forecast.total')}: <MoneyList totals={forecast.totals.totals} />
        {forecast.unpriced.count > 0 && <> · {t('renewals.forecast.unpriced', { count: forecast.unpriced.count })}</>}
      </p>
    </section>
  );
}

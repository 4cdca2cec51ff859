import type { BillingKpis, RenewalRevenue } from '../../../../api/payments.ts';
import { usePaymentI18n } from '../i18n.ts';

type Revenue = BillingKpis['renewalRevenue'];

/**
 * Revenue from renewals per month, one chart per currency (amounts in different currencies are
 * never added together): what was invoiced next to what was collected, as plain bars.
 */
export function RevenueChart({ revenue }: { revenue: Revenue }) {
  const { t, money } = usePaymentI18n();
  const currencies = revenue.totals.map((r) => r.currency);
  return (
    <section className="card pay-revenue" aria-labelledby="pay-revenue-title">
      <h2 id="pay-revenue-title">{t('pay.kpis.revenue')}</h2>
      {currencies.length === 0 ? (
        <p className="empty">{t('pay.kpis.noRevenue')}</p>
      ) : (
        <p className="pay-legend muted">
          <span className="pay-key pay-key-invoiced" aria-hidden="true" /> {t('pay.kpis.invoiced')}
          <span className="pay-key pay-key-collected" aria-hidden="true" /> {t('pay.kpis.collected')}
        </p>
      )}
      {revenue.totals.map((total) => (
        <CurrencyBars key={total.currency} total={total} months={revenue.months.map((m) => ({ month: m.month, figures: m.totals.find((x) => x.currency === total.currency) }))} />
      ))}
      {currencies.length > 0 && (
        <p className="muted">
          {t('pay.kpis.revenueTotal')}{' '}
          {revenue.totals.map((r) => (
            <span key={r.currency} className="pay-total">{t('pay.kpis.totalOf', { invoiced: money(r.invoiced, r.currency), collected: money(r.collected, r.currency) })}</span>
          ))}
        </p>
      )}
    </section>
  );
}

function CurrencyBars({ total, months }: { total: RenewalRevenue; months: { month: string; figures: RenewalRevenue | undefined }[] }) {
  const { t, money, locale } = usePaymentI18n();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const peak = Math.max(1, ...months.flatMap((m) => [m.figures?.invoiced ?? 0, m.figures?.collected ?? 0]));
  const width = (amount: number) => `${(Math.max(0, amount) / peak) * 100}%`;
  return (
    <div className="pay-currency" data-testid={`revenue-${total.currency}`}>
      <h3>{total.currency}</h3>
      <ol className="pay-bars">
        {months.map(({ month, figures }) => {
          const invoiced = figures?.invoiced ?? 0;
          const collected = figures?.collected ?? 0;
          return (
            <li key={month} aria-label={t('pay.kpis.monthLine', { month: monthName.format(new Date(`${month}-01T00:00:00Z`)), invoiced: money(invoiced, total.currency), collected: money(collected, total.currency) })}>
              <span className="pay-bar-month">{monthName.format(new Date(`${month}-01T00:00:00Z`))}</span>
              <span className="pay-bar-pair" aria-hidden="true">
                <span className="pay-bar pay-bar-invoiced" style={{ width: width(invoiced) }} />
                <span className="pay-bar pay-bar-collected" style={{ width: width(collected) }} />
              </span>
              <span className="pay-bar-amounts" aria-hidden="true">
                {invoiced === 0 && collected === 0 ? (
                  <span className="muted">{t('common.none')}</span>
                ) : (
                  <>
                    <span>{money(invoiced, total.currency)}</span>
                    <span className="muted">{money(collected, total.currency)}</span>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

import type { BillingKpis } from '../../../../api/payments.ts';
import { usePaymentI18n } from '../i18n.ts';

/** The failed payment rate, the recovery rate of dunning and days sales outstanding per currency. */
export function KpiTiles({ kpis }: { kpis: BillingKpis }) {
  const { t, number, money } = usePaymentI18n();
  const percent = (value: number | null) => (value === null ? t('common.none') : `${number(value)} %`);
  const failed = kpis.failedPayments.overall;
  const recovery = kpis.dunningRecovery;
  return (
    <div className="tiles pay-kpi-tiles">
      <div className={failed.percent !== null && failed.percent > 10 ? 'tile tile-alarm' : 'tile'} data-testid="kpi-failed-rate">
        <span className="tile-label">{t('pay.kpis.failedRate')}</span>
        <span className="tile-number">{percent(failed.percent)}</span>
        <span className="tile-detail">{t('pay.kpis.failedDetail', { declined: failed.declined, settled: failed.succeeded + failed.declined })}</span>
        {failed.failed + failed.unsettled > 0 && <span className="tile-detail">{t('pay.kpis.failedAside', { failed: failed.failed, unsettled: failed.unsettled })}</span>}
      </div>
      <div className="tile" data-testid="kpi-recovery-rate">
        <span className="tile-label">{t('pay.kpis.recoveryRate')}</span>
        <span className="tile-number">{percent(recovery.percent)}</span>
        <span className="tile-detail">{t('pay.kpis.recoveryDetail', { recovered: recovery.recovered, ended: recovery.ended })}</span>
        {recovery.active > 0 && <span className="tile-detail">{t('pay.kpis.recoveryActive', { count: recovery.active })}</span>}
      </div>
      {kpis.daysSalesOutstanding.length === 0 && (
        <div className="tile" data-testid="kpi-dso">
          <span className="tile-label">{t('pay.kpis.dso')}</span>
          <span className="tile-number">{t('common.none')}</span>
          <span className="tile-detail">{t('pay.kpis.dsoNone')}</span>
        </div>
      )}
      {kpis.daysSalesOutstanding.map((d) => (
        <div key={d.currency} className="tile" data-testid={`kpi-dso-${d.currency}`}>
          <span className="tile-label">{t('pay.kpis.dsoIn', { currency: d.currency })}</span>
          <span className="tile-number">{d.dso === null ? t('common.none') : t('pay.kpis.days', { count: d.dso })}</span>
          <span className="tile-detail">{t('pay.kpis.dsoDetail', { owed: money(d.receivableAtEnd, d.currency), invoiced: money(d.invoiced, d.currency) })}</span>
          {d.averageDaysToPay !== null && <span className="tile-detail">{t('pay.kpis.daysToPay', { days: d.averageDaysToPay, count: d.paidInvoices })}</span>}
        </div>
      ))}
    </div>
  );
}

import { useI18n } from '../../../i18n/i18n.tsx';
import type { Kpis } from './api.ts';

/** Success rate, lapses and median lead time, with the counts behind them. */
export function KpiTiles({ kpis }: { kpis: Kpis }) {
  const { t, number } = useI18n();
  const { successRate: s, lapses, medianLeadDays } = kpis;
  const percent = s.rate === null ? '—' : `${number(Math.round(s.rate * 1000) / 10)} %`;
  return (
    <div className="tiles insight-tiles">
      <div className="tile" data-testid="kpi-success">
        <span className="tile-label">{t('renewals.kpi.success')}</span>
        <span className="tile-number">{percent}</span>
        <span className="tile-detail">{t('renewals.kpi.successDetail', { renewed: s.renewedInTime, due: s.due })}</span>
      </div>
      <div className={lapses.count > 0 ? 'tile tile-alarm' : 'tile'} data-testid="kpi-lapses">
        <span className="tile-label">{t('renewals.kpi.lapses')}</span>
        <span className="tile-number">{number(lapses.count)}</span>
        <span className="tile-detail">{t('renewals.kpi.lapsesDetail')}</span>
      </div>
      <div className="tile" data-testid="kpi-lead">
        <span className="tile-label">{t('renewals.kpi.lead')}</span>
        <span className="tile-number">{medianLeadDays === null ? '—' : t('renewals.kpi.days', { count: medianLeadDays })}</span>
        <span className="tile-detail">{t('renewals.kpi.leadDetail')}</span>
      </div>
    </div>
  );
}

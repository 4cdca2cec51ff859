import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ReportSummary } from './api.ts';
import { usePercent } from './format.ts';
import { guaranteeMet, MoneyText, UptimeCell } from './parts.tsx';

/** Clients that missed their guarantee first (worst uptime first), then the rest by name. */
export function byAttention(a: ReportSummary, b: ReportSummary): number {
  const missedA = guaranteeMet(a.overallPercent, a.guaranteePercent) === false;
  const missedB = guaranteeMet(b.overallPercent, b.guaranteePercent) === false;
  if (missedA !== missedB) return missedA ? -1 : 1;
  if (missedA && a.overallPercent !== b.overallPercent) return (a.overallPercent ?? 0) - (b.overallPercent ?? 0);
  return a.clientName.localeCompare(b.clientName);
}

/** The month at a glance: how many clients, how many missed, how many incidents. */
export function OverviewTiles({ items }: { items: ReportSummary[] }) {
  const { t, number } = useI18n();
  const missed = items.filter((s) => guaranteeMet(s.overallPercent, s.guaranteePercent) === false).length;
  const incidents = items.reduce((sum, s) => sum + s.incidents, 0);
  return (
    <div className="tiles desk-report-tiles">
      <div className="tile"><span className="tile-label">{t('desk.reports.tile.clients')}</span><span className="tile-number">{number(items.length)}</span></div>
      <div className={`tile${missed > 0 ? ' tile-alarm' : ''}`} data-testid="tile-missed"><span className="tile-label">{t('desk.reports.tile.missed')}</span><span className="tile-number">{number(missed)}</span></div>
      <div className="tile"><span className="tile-label">{t('desk.reports.tile.incidents')}</span><span className="tile-number">{number(incidents)}</span></div>
    </div>
  );
}

/** Every client with a plan in one month, each linking to its report. */
export function MonthTable({ items, monthName }: { items: ReportSummary[]; monthName: string }) {
  const { t, number } = useI18n();
  const percent = usePercent();
  const rows = [...items].sort(byAttention);
  return (
    <div className="table-wrap">
      <table aria-label={t('desk.reports.table', { month: monthName })}>
        <thead>
          <tr>
            <th scope="col">{t('desk.client')}</th>
            <th scope="col">{t('desk.reports.col.uptime')}</th>
            <th scope="col" className="num">{t('desk.reports.col.guarantee')}</th>
            <th scope="col" className="num">{t('desk.reports.col.credit')}</th>
            <th scope="col" className="num">{t('desk.reports.col.tickets')}</th>
            <th scope="col" className="num">{t('desk.reports.col.withinResponse')}</th>
            <th scope="col" className="num">{t('desk.reports.col.withinResolution')}</th>
            <th scope="col" className="num">{t('desk.reports.col.incidents')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const missed = guaranteeMet(s.overallPercent, s.guaranteePercent) === false;
            return (
              <tr key={s.clientId} className={missed ? 'desk-row-breached' : undefined}>
                <td><Link className="strong" to={`/desk/reports/${s.clientId}/${s.month}`}>{s.clientName}</Link></td>
                <td><UptimeCell uptime={s.overallPercent} guarantee={s.guaranteePercent} /></td>
                <td className="num">{percent(s.guaranteePercent)}</td>
                <td className={`num${s.credit && s.credit.amount > 0 ? ' desk-report-owed' : ''}`}><MoneyText money={s.credit} /></td>
                <td className="num">{number(s.tickets)}</td>
                <td className="num">{percent(s.firstResponsePercentMet)}</td>
                <td className="num">{percent(s.resolutionPercentMet)}</td>
                <td className="num">{number(s.incidents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

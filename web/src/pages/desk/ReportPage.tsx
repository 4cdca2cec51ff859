import { Link, useParams } from 'react-router';
import { isStaff, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useInstant } from './tickets/clock.tsx';
import { reportFileUrl, useClientMonths, useMonthlyReport, type MonthlyReport } from './reports/api.ts';
import { useMonthName } from './reports/format.ts';
import { shiftMonth } from './reports/months.ts';
import { IncidentTable, SiteTable, TicketTable } from './reports/ReportTables.tsx';
import { SummaryCards } from './reports/SummaryCards.tsx';
import { ReportProblem } from './reports/parts.tsx';
import { UptimeChart } from './reports/UptimeChart.tsx';

/** One client's monthly SLA report, with its PDF and CSV. */
export function ReportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { clientId = '', month = '' } = useParams();
  const report = useMonthlyReport(clientId, month);
  const back = isStaff(user) ? `/desk/reports?month=${month}` : '/desk/reports';
  return (
    <section className="desk-report">
      <Link to={back} className="desk-report-back">{t('desk.report.back')}</Link>
      {report.isPending && <p className="loading">{t('common.loading')}</p>}
      {report.isError && <ReportProblem error={report.error} />}
      {report.data && <ReportView report={report.data} />}
    </section>
  );
}

/** Links to the months either side, when the client has a report for them. */
function MonthSteps({ clientId, month }: { clientId: string; month: string }) {
  const { t } = useI18n();
  const monthName = useMonthName();
  const months = useClientMonths(clientId);
  const known = new Set((months.data?.items ?? []).map((m) => m.month));
  const step = (delta: number, key: 'desk.report.previous' | 'desk.report.next') => {
    const other = shiftMonth(month, delta);
    return known.has(other) ? <Link to={`/desk/reports/${clientId}/${other}`} rel={delta < 0 ? 'prev' : 'next'}>{t(key, { month: monthName(other) })}</Link> : <span />;
  };
  return (
    <nav className="desk-report-steps" aria-label={t('desk.reports.steps')}>
      {step(-1, 'desk.report.previous')}
      {step(1, 'desk.report.next')}
    </nav>
  );
}

function ReportView({ report }: { report: MonthlyReport }) {
  const { t } = useI18n();
  const monthName = useMonthName();
  const instant = useInstant();
  const name = monthName(report.month);
  return (
    <>
      <div className="page-head desk-report-head">
        <div>
          <h1>{t('desk.report.title', { client: report.client.name, month: name })}</h1>
          <p className="muted">{t('desk.report.subtitle', { plan: report.plan.name, days: report.period.days, zone: report.period.timeZone })}</p>
        </div>
        <div className="actions">
          <a className="button" href={reportFileUrl(report.client.id, report.month, 'pdf')} download>{t('desk.report.pdf')}</a>
          <a className="button secondary" href={reportFileUrl(report.client.id, report.month, 'csv')} download>{t('desk.report.csv')}</a>
        </div>
      </div>
      <MonthSteps clientId={report.client.id} month={report.month} />
      {!report.complete && <p className="desk-report-banner" role="status">{t('desk.report.soFarBanner', { month: name })}</p>}
      <SummaryCards report={report} />
      <h2>{t('desk.report.daily')}</h2>
      {report.uptime.sites.length === 0 && <p className="empty">{t('desk.report.noSites')}</p>}
      {report.uptime.sites.map((site) => (
        <figure key={site.monitorId} className="card desk-report-chart">
          <figcaption><span className="strong">{site.name}</span> <span className="muted">{site.target}</span></figcaption>
          <UptimeChart site={site} guarantee={report.plan.guaranteePercent} monthName={name} />
        </figure>
      ))}
      <h2>{t('desk.report.sites')}</h2>
      <SiteTable sites={report.uptime.sites} guaranteed={report.plan.guaranteePercent !== null} />
      <h2>{t('desk.report.tickets')}</h2>
      <TicketTable tickets={report.tickets} />
      <h2>{t('desk.report.incidents')}</h2>
      <IncidentTable incidents={report.incidents} />
      <h2>{t('desk.report.howMeasured')}</h2>
      <div className="card desk-report-convention">
        <p>{t('desk.report.uptimeRule')}</p>
        <p>{report.convention}</p>
        <p className="muted">{t('desk.report.generated', { at: instant(report.generatedAt) })}</p>
      </div>
    </>
  );
}

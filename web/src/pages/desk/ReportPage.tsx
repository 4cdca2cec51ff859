import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { canReadBilling, canWriteBilling, useIssueSlaCredit, useSlaCreditNote } from './api.ts';
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
      <CreditNoteAction report={report} monthName={name} />
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

/**
 * The credit owed as a credit note in billing: once the month is over, an owner or admin issues it
 * (once per month; the server refuses a second); afterwards, or when it was issued before, the
 * page shows its number to staff who read invoices.
 */
function CreditNoteAction({ report, monthName }: { report: MonthlyReport; monthName: string }) {
  const { t, money } = useI18n();
  const { user } = useSession();
  const credit = report.credit?.amount ?? null;
  const owed = report.complete && credit !== null && credit.amount > 0;
  const issued = useSlaCreditNote(report.client.id, report.month, owed && canReadBilling(user));
  const issue = useIssueSlaCredit(report.client.id, report.month);
  if (!owed || !canReadBilling(user) || issued.isPending) return null;
  const number = issue.data?.number ?? issued.data?.creditNote.number;
  if (number) return <p className="inline-form" role="status" data-testid="report-credit-note">{t('desk.report.creditNote.issued', { number })}</p>;
  if (!canWriteBilling(user)) return null;
  const error = issue.error instanceof ApiError ? (issue.error.problem.errors?.[0]?.message ?? issue.error.message) : issue.error?.message;
  return (
    <div className="inline-form" data-testid="report-credit-note">
      <span>{t('desk.report.creditNote.owed', { month: monthName, amount: money(credit.amount, credit.currency) })}</span>
      <button type="button" disabled={issue.isPending} onClick={() => issue.mutate()}>
        {t(issue.isPending ? 'desk.report.creditNote.issuing' : 'desk.report.creditNote.issue')}
      </button>
      {error && <p className="alert" role="alert">{error}</p>}
    </div>
  );
}

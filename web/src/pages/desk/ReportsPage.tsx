import { Link } from 'react-router';
import { isStaff, useSession } from '../../api/session.tsx';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMonthOverview } from './reports/api.ts';
import { ClientMonths } from './reports/ClientMonths.tsx';
import { useMonthName } from './reports/format.ts';
import { currentMonth, isMonth, lastCompleteMonth, shiftMonth } from './reports/months.ts';
import { MonthTable, OverviewTiles } from './reports/MonthOverview.tsx';
import { ReportProblem } from './reports/parts.tsx';

/** Monthly SLA reports: the agency's overview of a month, a client's months. */
export function ReportsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (isStaff(user)) return <MonthReports />;
  return (
    <section className="desk-reports">
      <h1>{t('desk.reports.mine')}</h1>
      <p className="muted">{t('desk.reports.mineIntro')}</p>
      {user?.clientId ? <ClientMonths clientId={user.clientId} /> : <p className="empty">{t('desk.reports.noMonths')}</p>}
    </section>
  );
}

/** Staff: every client with a plan in the month picked (last complete month unless the address says). */
function MonthReports() {
  const { t } = useI18n();
  const { user } = useSession();
  const monthName = useMonthName();
  const { filters, setFilter } = useUrlFilters(['month'] as const);
  const now = new Date();
  const running = currentMonth(now, user?.timeZone);
  const month = isMonth(filters.month) ? filters.month : lastCompleteMonth(now, user?.timeZone);
  const overview = useMonthOverview(month);
  const to = (m: string) => `?month=${m}`;
  return (
    <section className="desk-reports">
      <div className="page-head">
        <h1>{t('desk.reports.title')}</h1>
      </div>
      <div className="filters desk-report-picker">
        <label>{t('desk.reports.month')}
          <input type="month" value={month} max={running} required onChange={(e) => isMonth(e.target.value) && setFilter('month', e.target.value)} />
        </label>
        <nav className="desk-report-steps" aria-label={t('desk.reports.steps')}>
          <Link to={to(shiftMonth(month, -1))}>{t('desk.report.previous', { month: monthName(shiftMonth(month, -1)) })}</Link>
          {month < running && <Link to={to(shiftMonth(month, 1))}>{t('desk.report.next', { month: monthName(shiftMonth(month, 1)) })}</Link>}
        </nav>
      </div>
      <h2>{monthName(month)}{month === running && <span className="badge desk-report-so-far">{t('desk.reports.soFar')}</span>}</h2>
      {overview.isPending && <p className="loading">{t('common.loading')}</p>}
      {overview.isError && <ReportProblem error={overview.error} />}
      {overview.data && overview.data.items.length === 0 && <p className="empty">{t('desk.reports.empty')}</p>}
      {overview.data && overview.data.items.length > 0 && (
        <>
          <OverviewTiles items={overview.data.items} />
          <MonthTable items={overview.data.items} monthName={monthName(month)} />
        </>
      )}
    </section>
  );
}

import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useClientMonths } from './api.ts';
import { useMonthName } from './format.ts';
import { ReportProblem } from './parts.tsx';

/** A client's months with a report, newest first, each linking to it: what a portal user sees. */
export function ClientMonths({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const monthName = useMonthName();
  const months = useClientMonths(clientId);
  if (months.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (months.isError) return <ReportProblem error={months.error} />;
  if (months.data.items.length === 0) return <p className="empty">{t('desk.reports.noMonths')}</p>;
  return (
    <ul className="list desk-report-months" aria-label={t('desk.reports.mine')}>
      {months.data.items.map((m) => (
        <li key={m.month}>
          <Link className="strong" to={`/desk/reports/${clientId}/${m.month}`}>{monthName(m.month)}</Link>
          <span className={`badge ${m.complete ? 'desk-report-final' : 'desk-report-so-far'}`}>{t(m.complete ? 'desk.reports.final' : 'desk.reports.soFar')}</span>
        </li>
      ))}
    </ul>
  );
}

import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Money } from '../../../api/types.ts';
import { usePercent } from './format.ts';

/** Whether an uptime met the guarantee; null when either is unknown. */
export function guaranteeMet(uptime: number | null, guarantee: number | null): boolean | null {
  return uptime === null || guarantee === null ? null : uptime >= guarantee;
}

/** "Met" or "Missed" against the guarantee, or why neither applies. */
export function GuaranteeBadge({ met, monitored, guaranteed }: { met: boolean | null; monitored: boolean; guaranteed: boolean }) {
  const { t } = useI18n();
  if (met !== null) return <span className={`badge desk-report-${met ? 'met' : 'missed'}`}>{t(met ? 'desk.reports.met' : 'desk.reports.missed')}</span>;
  return <span className="badge">{t(guaranteed && !monitored ? 'desk.reports.notMonitored' : 'desk.reports.noGuarantee')}</span>;
}

/** An uptime with its badge: "99.95 % Met". */
export function UptimeCell({ uptime, guarantee }: { uptime: number | null; guarantee: number | null }) {
  const percent = usePercent();
  return (
    <span className="desk-report-uptime">
      <span>{percent(uptime)}</span> <GuaranteeBadge met={guaranteeMet(uptime, guarantee)} monitored={uptime !== null} guaranteed={guarantee !== null} />
    </span>
  );
}

export function MoneyText({ money }: { money: Money | null }) {
  const { money: format } = useI18n();
  return <>{money === null ? '—' : format(money.amount, money.currency)}</>;
}

/**
 * Why a report could not be shown: a client without a plan in words a client understands, a bad
 * month with the API's reason for it, anything else as the API put it.
 */
export function ReportProblem({ error }: { error: Error }) {
  const { t } = useI18n();
  let text = error.message;
  if (error instanceof ApiError) {
    if (error.problem.type.endsWith('/no-sla-plan')) text = t('desk.reports.noPlan');
    else if (error.problem.errors?.length) text = error.problem.errors.map((e) => `${t('desk.reports.month')}: ${e.message}`).join(' ');
  }
  return <p className="alert" role="alert">{text}</p>;
}

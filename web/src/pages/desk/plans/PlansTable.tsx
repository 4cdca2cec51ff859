import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { BusinessCalendar, SlaPlan } from './api.ts';

/** The default plan first, then every client's plan: what each client was promised at a glance. */
export function PlansTable({ plans, calendars }: { plans: SlaPlan[]; calendars: BusinessCalendar[] }) {
  const { t, number, money } = useI18n();
  const ordered = [...plans.filter((p) => p.isDefault), ...plans.filter((p) => !p.isDefault).sort((a, b) => (a.clientName ?? '').localeCompare(b.clientName ?? ''))];
  const calendarOf = (id: string) => calendars.find((c) => c.id === id);
  return (
    <div className="table-wrap">
      <table aria-label={t('deskPlan.plans')}>
        <thead>
          <tr>
            <th scope="col">{t('deskPlan.name')}</th>
            <th scope="col">{t('desk.client')}</th>
            <th scope="col">{t('deskPlan.guarantee')}</th>
            <th scope="col" className="num">{t('deskPlan.fee')}</th>
            <th scope="col">{t('deskPlan.calendar')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((plan) => {
            const calendar = calendarOf(plan.calendarId);
            return (
              <tr key={plan.id} className={plan.isDefault ? 'plan-row-default' : undefined}>
                <td><Link className="strong" to={`/desk/plans/${plan.id}`}>{plan.name}</Link></td>
                <td>{plan.isDefault ? <span className="badge">{t('deskPlan.default')}</span> : plan.clientName}</td>
                <td>{plan.uptimeGuarantee ? t('deskPlan.guarantee.line', { percent: number(plan.uptimeGuarantee.percent), count: plan.uptimeGuarantee.creditTiers.length }) : <span className="muted">{t('deskPlan.guarantee.none')}</span>}</td>
                <td className="num">{plan.monthlyFee ? money(plan.monthlyFee.amount, plan.monthlyFee.currency) : <span className="muted">{t('common.none')}</span>}</td>
                <td>{calendar ? <Link to={`/desk/calendars/${calendar.id}`}>{calendar.name}</Link> : plan.calendarId}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { BusinessCalendar } from './api.ts';
import { weekSummary } from './week-summary.ts';

const closedCount = (c: BusinessCalendar) => c.closedDays.filter((d) => d.active).length;

/** The business calendars: the support hours plans are measured in. */
export function CalendarsTable({ calendars }: { calendars: BusinessCalendar[] }) {
  const { t, locale } = useI18n();
  const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const holidaysOf = ({ country, region }: { country: string; region: string | null }) => `${countries.of(country) ?? country}${region ? ` (${region})` : ''}`;
  return (
    <div className="table-wrap">
      <table aria-label={t('deskPlan.calendars')}>
        <thead>
          <tr>
            <th scope="col">{t('deskPlan.name')}</th>
            <th scope="col">{t('deskPlan.timeZone')}</th>
            <th scope="col">{t('deskPlan.week')}</th>
            <th scope="col">{t('deskPlan.holidays')}</th>
            <th scope="col" className="num">{t('deskPlan.usedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {calendars.map((c) => (
            <tr key={c.id}>
              <td><Link className="strong" to={`/desk/calendars/${c.id}`}>{c.name}</Link></td>
              <td>{c.timeZone}</td>
              <td>{weekSummary(locale, c.week)}</td>
              <td>{[c.publicHolidays && holidaysOf(c.publicHolidays), closedCount(c) > 0 && t('deskPlan.closedDays.count', { count: closedCount(c) })].filter(Boolean).join(' · ') || <span className="muted">{t('common.none')}</span>}</td>
              <td className="num">{t('deskPlan.usedBy.plans', { count: c.planCount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {calendars.length === 0 && <p className="empty">{t('deskPlan.calendars.none')}</p>}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCalendarPreview, type CalendarPreview as Preview } from './api.ts';

/** Today's date on a time zone's wall clock, as YYYY-MM-DD (the Canadian English format is ISO). */
export const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const DAY = 24 * 60;

/** The next 14 days of the saved calendar as SLA clocks count them, with closed days and holidays by name. */
export function CalendarPreview({ calendarId, timeZone }: { calendarId: string; timeZone: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => todayIn(timeZone));
  const preview = useCalendarPreview(calendarId, from);
  return (
    <section className="card bcal-preview" aria-labelledby="bcal-preview-title">
      <div className="plan-preview-head">
        <h2 id="bcal-preview-title">{t('deskPlan.calPreview.title')}</h2>
        <label className="bcal-from">
          {t('deskPlan.calPreview.from')}
          <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('deskPlan.calPreview.intro', { zone: timeZone })}</p>
      {preview.isError && <p className="alert" role="alert">{preview.error.message}</p>}
      {preview.data && <PreviewDays preview={preview.data} />}
    </section>
  );
}

function PreviewDays({ preview }: { preview: Preview }) {
  const { t, locale } = useI18n();
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const hours = (minutes: number) => t('deskPlan.calPreview.hours', { hours: Math.round((minutes / 60) * 100) / 100 });
  return (
    <>
      <ol className="bcal-days" aria-label={t('deskPlan.calPreview.title')}>
        {preview.days.map((day) => (
          <li key={day.date} className={day.open ? 'bcal-preview-day' : 'bcal-preview-day bcal-preview-closed'} data-date={day.date}>
            <span className="bcal-preview-date">{dayName.format(new Date(`${day.date}T00:00:00Z`))}</span>
            <span className="bcal-track" aria-hidden="true">
              {day.intervals.map((i) => (
                <span key={i.start} style={{ left: `${(minutesOf(i.start) / DAY) * 100}%`, width: `${((minutesOf(i.end) - minutesOf(i.start)) / DAY) * 100}%` }} />
              ))}
            </span>
            <span className="bcal-preview-text">
              {day.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}
              {day.intervals.length === 0 && <span className="muted">{t('desk.sla.closed')}</span>}
              {day.name && <span className={`badge bcal-reason-${day.reason}`}>{day.name}</span>}
              {!day.name && day.publicHoliday && <span className="badge">{day.publicHoliday}</span>}
              {day.reason === 'extra-working-day' && <span className="badge bcal-reason-extra">{t('deskPlan.calPreview.extra')}</span>}
            </span>
            <span className="bcal-preview-total">{day.workingMinutes > 0 ? hours(day.workingMinutes) : ''}</span>
          </li>
        ))}
      </ol>
      <p className="bcal-preview-sum">{t('deskPlan.calPreview.total', { hours: hours(preview.workingMinutes) })}</p>
    </>
  );
}

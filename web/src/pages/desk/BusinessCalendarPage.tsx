import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { deleteCalendar, useCalendar, type BusinessCalendar } from './plans/api.ts';
import { CalendarForm } from './plans/CalendarForm.tsx';
import { CalendarPreview } from './plans/CalendarPreview.tsx';
import { DeleteButton } from './plans/DeleteButton.tsx';

/** One business calendar, edited, with a preview of its working time. */
export function BusinessCalendarPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const calendar = useCalendar(id);
  if (calendar.isError) return <p className="alert" role="alert">{calendar.error instanceof ApiError && calendar.error.status === 404 ? t('deskPlan.calendar.notFound') : calendar.error.message}</p>;
  if (!calendar.data) return <p className="loading">{t('common.loading')}</p>;
  return (
    <section className="desk-calendar">
      <p><Link to="/desk/plans">{t('deskPlan.back')}</Link></p>
      <CalendarHead calendar={calendar.data} />
      <div className="bcal-layout">
        <CalendarForm key={calendar.data.id} calendar={calendar.data} />
        <CalendarPreview calendarId={calendar.data.id} timeZone={calendar.data.timeZone} />
      </div>
    </section>
  );
}

function CalendarHead({ calendar }: { calendar: BusinessCalendar }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const remove = async () => {
    await deleteCalendar(calendar.id);
    await queries.invalidateQueries({ queryKey: ['business-calendars'] });
    navigate('/desk/plans');
  };
  return (
    <>
      <div className="page-head">
        <h1>{calendar.name}</h1>
        {calendar.planCount === 0 && <DeleteButton label={t('deskPlan.calendar.delete')} question={t('deskPlan.calendar.delete.confirm', { name: calendar.name })} onDelete={remove} />}
      </div>
      <p className="muted">{calendar.planCount > 0 ? t('deskPlan.calendar.inUse', { count: calendar.planCount }) : t('deskPlan.calendar.unused')}</p>
    </>
  );
}

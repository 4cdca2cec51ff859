import { useState } from 'react';
import { useClients } from '../../api/clients.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CalendarsTable } from './plans/CalendarsTable.tsx';
import { useCalendars, usePlans } from './plans/api.ts';
import { NewCalendarForm, NewPlanForm } from './plans/NewItemForms.tsx';
import { PlansTable } from './plans/PlansTable.tsx';

/** SLA plans and business calendars, for the people who manage the desk. */
export function PlansPage() {
  const { t } = useI18n();
  const plans = usePlans();
  const calendars = useCalendars();
  const clients = useClients();
  const [adding, setAdding] = useState<'plan' | 'calendar' | null>(null);
  const failed = plans.error ?? calendars.error;
  return (
    <section className="desk-plans">
      <div className="page-head">
        <h1>{t('deskPlan.plans')}</h1>
        {adding === null && <button type="button" onClick={() => setAdding('plan')}>{t('deskPlan.new')}</button>}
      </div>
      <p className="muted">{t('deskPlan.plans.intro')}</p>
      {failed && <p className="alert" role="alert">{failed.message}</p>}
      {adding === 'plan' && plans.data && <NewPlanForm clients={clients.data?.items ?? []} plans={plans.data.items} onCancel={() => setAdding(null)} />}
      {plans.data && calendars.data ? <PlansTable plans={plans.data.items} calendars={calendars.data.items} /> : !failed && <p className="loading">{t('common.loading')}</p>}
      <div className="page-head plan-calendars-head">
        <h2>{t('deskPlan.calendars')}</h2>
        {adding === null && <button type="button" className="secondary" onClick={() => setAdding('calendar')}>{t('deskPlan.calendar.new')}</button>}
      </div>
      <p className="muted">{t('deskPlan.calendars.intro')}</p>
      {adding === 'calendar' && <NewCalendarForm onCancel={() => setAdding(null)} />}
      {calendars.data && <CalendarsTable calendars={calendars.data.items} />}
    </section>
  );
}

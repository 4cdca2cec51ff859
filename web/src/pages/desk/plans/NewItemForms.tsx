import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import type { Client } from '../../../api/types.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { createCalendar, createPlan, type SlaPlan } from './api.ts';

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));

/** A plan for a client that has none yet: it starts as a copy of the default, then opens for editing. */
export function NewPlanForm({ clients, plans, onCancel }: { clients: Client[]; plans: SlaPlan[]; onCancel: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const covered = new Set(plans.map((p) => p.clientId));
  const open = clients.filter((c) => !covered.has(c.id));
  const [clientId, setClientId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const plan = await createPlan({ clientId });
      await queries.invalidateQueries({ queryKey: ['sla-plans'] });
      navigate(`/desk/plans/${plan.id}`);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <form className="card plan-new" aria-label={t('deskPlan.new')} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('deskPlan.new')}</h2>
      <p className="muted">{t('deskPlan.new.intro')}</p>
      <div className="inline-form">
        <Field id="new-plan-client" label={t('desk.client')} error={error?.fieldMessage('clientId')}>
          <select id="new-plan-client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <option value="">{t('desk.new.chooseClient')}</option>
            {open.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <div className="actions">
          <button type="submit" disabled={!clientId}>{t('deskPlan.new.create')}</button>
          <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </div>
      {open.length === 0 && <p className="empty">{t('deskPlan.new.allCovered')}</p>}
      {error && !error.fieldMessage('clientId') && <p className="alert" role="alert">{error.message}</p>}
    </form>
  );
}

/** The browser's own time zone is the likeliest one for the agency's hours. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const nineToSix = [{ start: '09:00', end: '18:00' }];

/** A new calendar with a name, starting as Monday to Friday 09:00–18:00 in the browser's time zone. */
export function NewCalendarForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const week = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] };
      const calendar = await createCalendar({ name, timeZone: browserZone(), week, publicHolidays: null, closedDays: [], extraWorkingDays: [] });
      await queries.invalidateQueries({ queryKey: ['business-calendars'] });
      navigate(`/desk/calendars/${calendar.id}`);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <form className="card plan-new" aria-label={t('deskPlan.calendar.new')} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('deskPlan.calendar.new')}</h2>
      <p className="muted">{t('deskPlan.calendar.new.intro', { zone: browserZone() })}</p>
      <div className="inline-form">
        <Field id="new-calendar-name" label={t('deskPlan.name')} error={error?.fieldMessage('name')}>
          <input id="new-calendar-name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit">{t('deskPlan.calendar.create')}</button>
          <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </div>
      {error && !error.fieldMessage('name') && <p className="alert" role="alert">{error.message}</p>}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SCOPE_TYPES, type MaintenanceWindow, type ScopeType } from './monitors/api.ts';
import { useScopeChoices } from './MaintenanceScopes.tsx';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
/** A `datetime-local` or `date` value, read in the browser's time zone, as an instant; blank stays blank for the server to name. */
const instantOf = (local: string) => (local ? new Date(local).toISOString() : '');

/** Plans a window: once between two instants, or every chosen weekday at a local time for a while. */
export function MaintenanceForm({ onSaved }: { onSaved(window: MaintenanceWindow): Promise<void> }) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState('');
  const [scopeType, setScopeType] = useState<ScopeType>('monitor');
  const [scopeId, setScopeId] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [start, setStart] = useState('02:00');
  const [minutes, setMinutes] = useState('60');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const choices = useScopeChoices(scopeType);
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const message = (field: string) => error?.fieldMessage(field);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = weekly
      ? { title, scopeType, scopeId, startsAt: from ? instantOf(`${from}T00:00`) : new Date().toISOString(),
          recurrence: { weekdays, start, minutes: Number(minutes), timeZone, until: until || null } }
      : { title, scopeType, scopeId, startsAt: instantOf(startsAt), endsAt: endsAt ? instantOf(endsAt) : undefined, recurrence: null };
    try {
      const saved = await api<MaintenanceWindow>('POST', '/maintenance-windows', body);
      setError(null);
      setTitle('');
      await onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const toggleDay = (day: number, on: boolean) => setWeekdays((days) => (on ? [...days, day].sort() : days.filter((d) => d !== day)));
  return (
    <form className="card form-grid monitor-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="maintenance-new">
      <h2 id="maintenance-new" className="form-title">{t('maintenance.new')}</h2>
      <Field id="maintenance-title" label={t('maintenance.titleLabel')} error={message('title')}>
        <input id="maintenance-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id="maintenance-scope-type" label={t('maintenance.scope')} error={message('scopeType')}>
        <select id="maintenance-scope-type" value={scopeType} onChange={(e) => { setScopeType(e.target.value as ScopeType); setScopeId(''); }}>
          {SCOPE_TYPES.map((s) => <option key={s} value={s}>{t(`maintenance.scope.${s}`)}</option>)}
        </select>
      </Field>
      <Field id="maintenance-scope" label={t(`maintenance.scope.${scopeType}`)} error={message('scopeId')}>
        <select id="maintenance-scope" value={scopeId} onChange={(e) => setScopeId(e.target.value)}>
          <option value="">{t('maintenance.choose')}</option>
          {choices.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Field>
      <fieldset className="monitor-group maintenance-mode">
        <legend>{t('maintenance.repeat')}</legend>
        <label className="checkbox"><input type="radio" name="maintenance-mode" checked={!weekly} onChange={() => setWeekly(false)} />{t('maintenance.once')}</label>
        <label className="checkbox"><input type="radio" name="maintenance-mode" checked={weekly} onChange={() => setWeekly(true)} />{t('maintenance.weekly')}</label>
      </fieldset>
      {!weekly ? (
        <>
          <Field id="maintenance-starts" label={t('maintenance.startsAt')} error={message('startsAt')}>
            <input id="maintenance-starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          </Field>
          <Field id="maintenance-ends" label={t('maintenance.endsAt')} error={message('endsAt')}>
            <input id="maintenance-ends" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </Field>
        </>
      ) : (
        <>
          <fieldset className={`monitor-group weekdays${message('recurrence.weekdays') ? ' has-error' : ''}`} aria-describedby={message('recurrence.weekdays') ? 'maintenance-weekdays-error' : undefined}>
            <legend>{t('maintenance.weekdays')}</legend>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <label key={day} className="checkbox">
                <input type="checkbox" checked={weekdays.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
                {dayName.format(new Date(Date.UTC(2024, 0, day)))}
              </label>
            ))}
            {message('recurrence.weekdays') && <p className="field-error" id="maintenance-weekdays-error" role="alert">{message('recurrence.weekdays')}</p>}
          </fieldset>
          <Field id="maintenance-start" label={t('maintenance.startTime')} error={message('recurrence.start')}>
            <input id="maintenance-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field id="maintenance-minutes" label={t('maintenance.minutes')} error={message('recurrence.minutes')}>
            <input id="maintenance-minutes" type="number" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </Field>
          <Field id="maintenance-zone" label={t('maintenance.timeZone')} error={message('recurrence.timeZone')}>
            <input id="maintenance-zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
          </Field>
          <Field id="maintenance-from" label={t('maintenance.from')} error={message('startsAt')}>
            <input id="maintenance-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field id="maintenance-until" label={t('maintenance.until')} error={message('recurrence.until')}>
            <input id="maintenance-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </Field>
        </>
      )}
      {error && !error.problem.errors?.length && <p className="alert" role="alert">{error.message}</p>}
      <div className="actions"><button type="submit">{t('maintenance.plan')}</button></div>
    </form>
  );
}

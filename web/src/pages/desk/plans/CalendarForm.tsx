import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { updateCalendar, type BusinessCalendar, type CalendarFields } from './api.ts';
import { HolidaysEditor } from './HolidaysEditor.tsx';
import { WeekWindowsEditor } from './WeekWindowsEditor.tsx';

type Draft = CalendarFields & { name: string };

const draftOf = (c: BusinessCalendar): Draft => ({
  name: c.name,
  timeZone: c.timeZone,
  week: c.week,
  publicHolidays: c.publicHolidays,
  closedDays: c.closedDays,
  extraWorkingDays: c.extraWorkingDays,
});

/** How many windows and days each list holds, to tell a row added or removed from a value typed. */
const rowCounts = (d: Draft) =>
  [...Object.values(d.week).map((w) => w.length), d.closedDays.length, d.extraWorkingDays.length, ...d.extraWorkingDays.map((x) => x.windows.length)].join(',');

/** The browser's IANA zones, with the calendar's own kept even if the browser does not list it (UTC, say). */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return zones.includes(current) ? zones : [current, ...zones];
  }, [current]);
}

/** The whole calendar, edited and saved at once; the server's reasons (overlapping windows, unknown region) by the field. */
export function CalendarForm({ calendar }: { calendar: BusinessCalendar }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(calendar));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useTimeZones(draft.timeZone);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  // Rows added or removed move the rows the server's messages point at (`week.mon.1`): those messages are cleared then.
  const edit = (change: Partial<Draft>) => {
    if (rowCounts({ ...draft, ...change }) !== rowCounts(draft)) setError(null);
    set(change);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setBusy(true);
    try {
      const saved = await updateCalendar(calendar.id, draft);
      setDraft(draftOf(saved));
      setError(null);
      await queries.invalidateQueries({ queryKey: ['business-calendars'] });
      await queries.invalidateQueries({ queryKey: ['client-sla'] });
      setNotice(t('deskPlan.calendar.saved', { name: saved.name }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));
    } finally {
      setBusy(false);
    }
  };
  const byField = (error?.problem.errors ?? []).some((e) => e.field.startsWith('body.'));
  return (
    <form className="plan-form" aria-label={t('deskPlan.calendar.form', { name: calendar.name })} onSubmit={(e) => void submit(e)} noValidate>
      <section className="card plan-section">
        <div className="form-grid">
          <Field id="bcal-name" label={t('deskPlan.name')} error={error?.fieldMessage('name')}>
            <input id="bcal-name" maxLength={100} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field id="bcal-zone" label={t('deskPlan.timeZone')} error={error?.fieldMessage('timeZone')}>
            <select id="bcal-zone" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
            </select>
          </Field>
        </div>
      </section>
      <section className="card plan-section">
        <h2>{t('deskPlan.week')}</h2>
        <p className="muted">{t('deskPlan.week.intro')}</p>
        <WeekWindowsEditor week={draft.week} error={error} onChange={(week) => edit({ week })} />
      </section>
      <section className="card plan-section">
        <h2>{t('deskPlan.holidays')}</h2>
        <HolidaysEditor value={draft} error={error} onChange={edit} />
      </section>
      {error && <p className="alert" role="alert">{byField ? t('deskPlan.fixFields') : error.message}</p>}
      <p className="asset-notice" role="status">{notice}</p>
      <div className="actions"><button type="submit" disabled={busy}>{t('deskPlan.calendar.save')}</button></div>
    </form>
  );
}

import type { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Window } from '../api.ts';
import { WEEKDAYS, type Weekday } from './api.ts';

/** A window a person adds: after the day's last one, or the usual office morning on an empty day. */
function nextWindow(windows: readonly Window[]): Window {
  const last = windows.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  return { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' };
}

interface WindowsProps {
  /** Prefix of the ids and of the API fields: `week.mon`, `extraWorkingDays.2.windows`. */
  field: string;
  /** The day, as said to screen readers: "Monday". */
  day: string;
  windows: Window[];
  error: ApiError | null;
  onChange: (windows: Window[]) => void;
}

/** The working windows of one day, several allowed, each with the server's reason under it. */
export function WindowsEditor({ field, day, windows, error, onChange }: WindowsProps) {
  const { t } = useI18n();
  const id = field.replace(/\./g, '-');
  const set = (i: number, change: Partial<Window>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const dayError = error?.problem.errors?.find((e) => e.field === `body.${field}`)?.message;
  return (
    <div className="bcal-windows">
      {windows.length === 0 && <span className="muted bcal-closed">{t('desk.sla.closed')}</span>}
      {windows.map((w, i) => {
        const message = error?.fieldMessage(`${field}.${i}`);
        const n = i + 1;
        const invalid = message ? { 'aria-invalid': true, 'aria-describedby': `${id}-${i}-error` } : {};
        return (
          <div key={i} className={message ? 'bcal-window has-error' : 'bcal-window'}>
            <input className="bcal-time" aria-label={t('deskPlan.window.start', { day, n })} placeholder="09:00" value={w.start} onChange={(e) => set(i, { start: e.target.value })} {...invalid} />
            <span aria-hidden="true">–</span>
            <input className="bcal-time" aria-label={t('deskPlan.window.end', { day, n })} placeholder="18:00" value={w.end} onChange={(e) => set(i, { end: e.target.value })} {...invalid} />
            <button type="button" className="link" aria-label={t('deskPlan.window.removeOf', { day, n })} onClick={() => onChange(windows.filter((_, j) => j !== i))}>{t('deskPlan.remove')}</button>
            {message && <p className="field-error" id={`${id}-${i}-error`} role="alert">{message}</p>}
          </div>
        );
      })}
      <button type="button" className="link bcal-add" aria-label={t('deskPlan.window.addOf', { day })} onClick={() => onChange([...windows, nextWindow(windows)])}>{t('deskPlan.window.add')}</button>
      {dayError && <p className="field-error" role="alert">{dayError}</p>}
    </div>
  );
}

/** The weekly hours: each weekday with its windows. */
export function WeekWindowsEditor({ week, error, onChange }: { week: Record<Weekday, Window[]>; error: ApiError | null; onChange: (week: Record<Weekday, Window[]>) => void }) {
  const { t } = useI18n();
  const weekError = error?.problem.errors?.find((e) => e.field === 'body.week')?.message;
  return (
    <div className="bcal-week" role="group" aria-label={t('deskPlan.week')}>
      {WEEKDAYS.map((d) => (
        <div key={d} className="bcal-day">
          <span className="bcal-day-name">{t(`desk.day.${d}`)}</span>
          <WindowsEditor field={`week.${d}`} day={t(`desk.day.${d}`)} windows={week[d]} error={error} onChange={(windows) => onChange({ ...week, [d]: windows })} />
        </div>
      ))}
      {weekError && <p className="field-error" role="alert">{weekError}</p>}
    </div>
  );
}

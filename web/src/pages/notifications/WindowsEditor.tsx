import { useI18n } from '../../i18n/i18n.tsx';
import type { TimeWindow } from './api.ts';
import { useWeekdays } from './parts.tsx';

interface Props {
  idPrefix: string;
  label: string;
  windows: TimeWindow[];
  onChange: (windows: TimeWindow[]) => void;
  /** The server's message for one window (`quietHours.0`), shown under it. */
  errorOf: (index: number) => string | undefined;
}

/** Time windows on chosen weekdays, such as 22:00–07:00 Monday to Friday; an end at or before the start runs into the next day. */
export function WindowsEditor({ idPrefix, label, windows, onChange, errorOf }: Props) {
  const { t } = useI18n();
  const weekdays = useWeekdays('short');
  const put = (index: number, window: TimeWindow) => onChange(windows.map((w, i) => (i === index ? window : w)));
  return (
    <fieldset className="notif-windows">
      <legend>{label}</legend>
      {windows.length === 0 && <p className="settings-hint">{t('notif.schedule.noWindows')}</p>}
      {windows.map((w, index) => {
        const n = { n: index + 1 };
        const error = errorOf(index);
        return (
          <div className={error ? 'notif-window has-error' : 'notif-window'} key={index} role="group" aria-label={t('notif.schedule.windowN', n)}>
            <div className="notif-days">
              {weekdays.map(({ day, name }) => (
                <label key={day} className="notif-day">
                  <input type="checkbox" checked={w.days.includes(day)}
                    onChange={(e) => put(index, { ...w, days: e.target.checked ? [...w.days, day].sort() : w.days.filter((d) => d !== day) })} />
                  {name}
                </label>
              ))}
            </div>
            <label className="notif-time">
              <span>{t('notif.schedule.from')}</span>
              <input type="time" id={`${idPrefix}-${index}-start`} value={w.start} required onChange={(e) => put(index, { ...w, start: e.target.value })} />
            </label>
            <label className="notif-time">
              <span>{t('notif.schedule.to')}</span>
              <input type="time" id={`${idPrefix}-${index}-end`} value={w.end} required onChange={(e) => put(index, { ...w, end: e.target.value })} />
            </label>
            <button type="button" className="secondary" onClick={() => onChange(windows.filter((_, i) => i !== index))} aria-label={t('notif.schedule.removeN', n)}>
              {t('notif.remove')}
            </button>
            {error && <p className="field-error" role="alert">{error}</p>}
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...windows, { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }])}>
        {t('notif.schedule.addWindow')}
      </button>
    </fieldset>
  );
}

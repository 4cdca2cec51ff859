import { useMemo } from 'react';
import type { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CalendarFields, ClosedDay, ExtraWorkingDay } from './api.ts';
import { WindowsEditor } from './WeekWindowsEditor.tsx';

type Days = Pick<CalendarFields, 'publicHolidays' | 'closedDays' | 'extraWorkingDays'>;

/** Every ISO country code the browser can name, by name; the server says which ones it has holidays for. */
function useCountries(): { code: string; name: string }[] {
  const { locale } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const list: { code: string; name: string }[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && name !== code) list.push({ code, name });
      }
    }
    return list.sort((x, y) => x.name.localeCompare(y.name, locale));
  }, [locale]);
}

const messageOf = (error: ApiError | null, field: string) => error?.fieldMessage(field);

/** Public holidays of a country (and region), custom closed days, and extra working days. */
export function HolidaysEditor({ value, error, onChange }: { value: Days; error: ApiError | null; onChange: (value: Days) => void }) {
  const { t } = useI18n();
  const countries = useCountries();
  const holidays = value.publicHolidays;
  const setCountry = (country: string) => onChange({ ...value, publicHolidays: country ? { country, region: country === holidays?.country ? holidays.region : null } : null });
  return (
    <>
      <div className="form-grid bcal-holidays">
        <Field id="bcal-country" label={t('deskPlan.country')} error={messageOf(error, 'publicHolidays.country')}>
          <select id="bcal-country" value={holidays?.country ?? ''} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('deskPlan.country.none')}</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}
          </select>
        </Field>
        {holidays && (
          <Field id="bcal-region" label={t('deskPlan.region')} error={messageOf(error, 'publicHolidays.region')}>
            <input id="bcal-region" maxLength={10} placeholder={t('deskPlan.region.hint')} value={holidays.region ?? ''} onChange={(e) => onChange({ ...value, publicHolidays: { ...holidays, region: e.target.value.trim().toUpperCase() || null } })} />
          </Field>
        )}
      </div>
      <ClosedDaysEditor days={value.closedDays} error={error} onChange={(closedDays) => onChange({ ...value, closedDays })} />
      <ExtraDaysEditor days={value.extraWorkingDays} error={error} onChange={(extraWorkingDays) => onChange({ ...value, extraWorkingDays })} />
    </>
  );
}

function ClosedDaysEditor({ days, error, onChange }: { days: ClosedDay[]; error: ApiError | null; onChange: (days: ClosedDay[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<ClosedDay>) => onChange(days.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <div className="bcal-list">
      <h3>{t('deskPlan.closedDays')}</h3>
      <p className="muted">{t('deskPlan.closedDays.intro')}</p>
      {days.map((d, i) => {
        const n = i + 1;
        const message = messageOf(error, `closedDays.${i}`);
        return (
          <div key={i} className={d.active ? 'bcal-row' : 'bcal-row bcal-row-inactive'}>
            <input type="date" aria-label={t('deskPlan.closedDay.date', { n })} value={d.date} onChange={(e) => set(i, { date: e.target.value })} aria-invalid={messageOf(error, `closedDays.${i}.date`) ? true : undefined} />
            <input aria-label={t('deskPlan.closedDay.name', { n })} placeholder={t('deskPlan.closedDay.placeholder')} maxLength={100} value={d.name} onChange={(e) => set(i, { name: e.target.value })} aria-invalid={messageOf(error, `closedDays.${i}.name`) ? true : undefined} />
            <label className="checkbox"><input type="checkbox" checked={!d.active} onChange={(e) => set(i, { active: !e.target.checked })} />{t('deskPlan.closedDay.inactive')}</label>
            <button type="button" className="link" aria-label={t('deskPlan.closedDay.remove', { n })} onClick={() => onChange(days.filter((_, j) => j !== i))}>{t('deskPlan.remove')}</button>
            {message && <p className="field-error" role="alert">{message}</p>}
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...days, { date: '', name: '', active: true }])}>{t('deskPlan.closedDay.add')}</button>
    </div>
  );
}

function ExtraDaysEditor({ days, error, onChange }: { days: ExtraWorkingDay[]; error: ApiError | null; onChange: (days: ExtraWorkingDay[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<ExtraWorkingDay>) => onChange(days.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <div className="bcal-list">
      <h3>{t('deskPlan.extraDays')}</h3>
      <p className="muted">{t('deskPlan.extraDays.intro')}</p>
      {days.map((d, i) => {
        const n = i + 1;
        const message = messageOf(error, `extraWorkingDays.${i}.date`);
        return (
          <div key={i} className="bcal-row bcal-extra">
            <input type="date" aria-label={t('deskPlan.extraDay.date', { n })} value={d.date} onChange={(e) => set(i, { date: e.target.value })} aria-invalid={message ? true : undefined} />
            <WindowsEditor field={`extraWorkingDays.${i}.windows`} day={d.date || t('deskPlan.extraDay.date', { n })} windows={d.windows} error={error} onChange={(windows) => set(i, { windows })} />
            <button type="button" className="link" aria-label={t('deskPlan.extraDay.remove', { n })} onClick={() => onChange(days.filter((_, j) => j !== i))}>{t('deskPlan.remove')}</button>
            {message && <p className="field-error" role="alert">{message}</p>}
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...days, { date: '', windows: [{ start: '09:00', end: '13:00' }] }])}>{t('deskPlan.extraDay.add')}</button>
    </div>
  );
}

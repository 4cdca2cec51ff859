import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { EVENT_TYPES, getSchedule, KEYS, saveSchedule, type Schedule, type TimeWindow } from './api.ts';
import { useWeekdays } from './parts.tsx';
import { WindowsEditor } from './WindowsEditor.tsx';

/** My quiet hours and working hours (in a time zone) and how often non-urgent messages come as a digest. */
export function ScheduleSection() {
  const { t } = useI18n();
  const schedule = useQuery({ queryKey: KEYS.schedule, queryFn: getSchedule });
  return (
    <section className="settings-section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('notif.schedule.title')}</h2>
      <p className="muted settings-intro">{t('notif.schedule.intro')}</p>
      <ProblemAlert error={schedule.error} />
      {schedule.isPending && <p className="loading">{t('common.loading')}</p>}
      {schedule.data && <ScheduleForm key={schedule.data.updatedAt ?? 'default'} current={schedule.data} />}
    </section>
  );
}

/** The server names a window's problem as `body.quietHours.0.end`; the editor shows it under window 0. */
function windowError(error: unknown, list: string, index: number): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const prefix = `body.${list}.${index}`;
  return error.problem.errors?.find((e) => e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field === `${list}.${index}`)?.message;
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

function ScheduleForm({ current }: { current: Schedule }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const { user } = useSession();
  const weekdays = useWeekdays('long');
  const timeZones = useMemo(zones, []);
  const [quiet, setQuiet] = useState<TimeWindow[]>(current.quietHours);
  const [working, setWorking] = useState<TimeWindow[] | null>(current.workingHours);
  const [frequency, setFrequency] = useState(current.digest.frequency);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: saveSchedule,
    onSuccess: (schedule) => {
      setSaved(true);
      queries.setQueryData(KEYS.schedule, schedule);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const f = Object.fromEntries(data) as Record<string, string>;
    setSaved(false);
    save.mutate({
      timeZone: f.timeZone || null,
      quietHours: quiet,
      workingHours: working,
      digest: { frequency, time: f.digestTime ?? current.digest.time, weekday: Number(f.digestWeekday ?? current.digest.weekday), types: data.getAll('digestTypes').map(String) },
    });
  };
  const error = save.error;
  return (
    <form className="card settings-form" onSubmit={submit} aria-label={t('notif.schedule.title')}>
      <div className="form-grid notif-schedule">
        <div>
          <Field id="schedule-zone" label={t('notif.schedule.timeZone')} error={fieldError(error, 'timeZone')}>
            <select id="schedule-zone" name="timeZone" defaultValue={current.timeZone ?? ''} aria-describedby="schedule-zone-hint">
              <option value="">{t('notif.schedule.profileZone', { zone: user?.timeZone ?? current.effectiveTimeZone })}</option>
              {timeZones.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </Field>
          <p className="settings-hint" id="schedule-zone-hint">{t('notif.schedule.zoneHint')}</p>
        </div>
        <div className="notif-wide">
          <WindowsEditor idPrefix="quiet" label={t('notif.schedule.quiet')} windows={quiet} onChange={setQuiet} errorOf={(i) => windowError(error, 'quietHours', i)} />
          <p className="settings-hint">{t('notif.schedule.quietHint')}</p>
        </div>
        <div className="notif-wide">
          <label className="checkbox notif-check">
            <input type="checkbox" checked={working !== null} onChange={(e) => setWorking(e.target.checked ? [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] : null)} />
            {t('notif.schedule.useWorking')}
          </label>
          {working !== null && (
            <WindowsEditor idPrefix="working" label={t('notif.schedule.working')} windows={working} onChange={setWorking} errorOf={(i) => windowError(error, 'workingHours', i)} />
          )}
          <p className="settings-hint">{t('notif.schedule.workingHint')}</p>
        </div>
        <fieldset className="notif-wide notif-digest">
          <legend>{t('notif.digest.title')}</legend>
          <div className="notif-digest-row">
            <Field id="digest-frequency" label={t('notif.digest.frequency')} error={fieldError(error, 'digest.frequency')}>
              <select id="digest-frequency" value={frequency} onChange={(e) => setFrequency(e.target.value as typeof frequency)}>
                <option value="daily">{t('notif.digest.daily')}</option>
                <option value="weekly">{t('notif.digest.weekly')}</option>
              </select>
            </Field>
            {frequency === 'weekly' && (
              <Field id="digest-weekday" label={t('notif.digest.weekday')} error={fieldError(error, 'digest.weekday')}>
                <select id="digest-weekday" name="digestWeekday" defaultValue={current.digest.weekday}>
                  {weekdays.map(({ day, name }) => <option key={day} value={day}>{name}</option>)}
                </select>
              </Field>
            )}
            <Field id="digest-time" label={t('notif.digest.time')} error={fieldError(error, 'digest.time')}>
              <input id="digest-time" name="digestTime" type="time" required defaultValue={current.digest.time} />
            </Field>
          </div>
          <p className="settings-hint">{t('notif.digest.typesHint')}</p>
          <div className="notif-checks">
            {EVENT_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input type="checkbox" name="digestTypes" value={type} defaultChecked={current.digest.types.includes(type)} />
                {t(`notif.event.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <ProblemAlert error={error} shown={['timeZone', 'quietHours', 'workingHours', 'digest.frequency', 'digest.weekday', 'digest.time']} />
        {saved && <p className="settings-success" role="status">{t('notif.saved')}</p>}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{save.isPending ? t('settings.busy') : t('common.save')}</button>
        </div>
      </div>
    </form>
  );
}

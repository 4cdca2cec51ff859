import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../settings/parts.tsx';
import { getOnCall, KEYS, setOnCall } from './api.ts';
import { SectionHead } from './parts.tsx';
import { useStaff } from './targets.tsx';

/** Who "on call" targets reach right now. */
export function OnCallSection() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const onCall = useQuery({ queryKey: KEYS.onCall, queryFn: getOnCall });
  const staff = useStaff();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: setOnCall,
    onSuccess: (value) => {
      queries.setQueryData(KEYS.onCall, value);
      setSaved(true);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(new FormData(event.currentTarget).getAll('onCall').map(String));
  };
  return (
    <section className="settings-section" aria-labelledby="on-call-heading">
      <SectionHead id="on-call-heading" title={t('notif.onCall.title')} intro={t('notif.onCall.intro')} />
      <ProblemAlert error={onCall.error} />
      {onCall.data && staff.length > 0 && (
        <form className="card settings-form notif-stack" onSubmit={submit} aria-label={t('notif.onCall.title')} key={onCall.data.userIds.join(',')}>
          <fieldset className="notif-checks-box">
            <legend className="visually-hidden">{t('notif.onCall.title')}</legend>
            <div className="notif-checks">
              {staff.map((u) => (
                <label key={u.id} className="checkbox">
                  <input type="checkbox" name="onCall" value={u.id} defaultChecked={onCall.data.userIds.includes(u.id)} />
                  {u.name} <span className="muted">· {t(`settings.role.${u.role}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <ProblemAlert error={save.error} />
          {saved && <p className="settings-success" role="status">{t('notif.saved')}</p>}
          <div className="actions">
            <button type="submit" disabled={save.isPending}>{save.isPending ? t('settings.busy') : t('common.save')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { LOCALES, useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { getPreferences, KEYS, savePreferences, type Channel, type Preferences } from './api.ts';
import { useChannelGroups } from './parts.tsx';

/** Where my messages go first, where they go when that fails, and in which language. */
export function PreferencesSection() {
  const { t } = useI18n();
  const preferences = useQuery({ queryKey: KEYS.preferences, queryFn: getPreferences });
  // The selects start at the saved choice, so they wait for the channels to choose from.
  const { isPending: channelsPending } = useChannelGroups();
  return (
    <section className="settings-section" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">{t('notif.prefs.title')}</h2>
      <p className="muted settings-intro">{t('notif.prefs.intro')}</p>
      <ProblemAlert error={preferences.error} />
      {(preferences.isPending || channelsPending) && <p className="loading">{t('common.loading')}</p>}
      {preferences.data && !channelsPending && <PreferencesForm key={preferences.data.updatedAt ?? 'default'} current={preferences.data} />}
    </section>
  );
}

function PreferencesForm({ current }: { current: Preferences }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const groups = useChannelGroups();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (prefs) => {
      queries.setQueryData(KEYS.preferences, prefs);
      setSaved(true);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setSaved(false);
    save.mutate({ primaryChannelId: f.primary || null, fallbackChannelId: f.fallback || null, locale: f.locale || null });
  };
  const options = (channels: Channel[], label: string) =>
    channels.length > 0 && (
      <optgroup label={label}>
        {channels.map((c) => <option key={c.id} value={c.id}>{c.name} · {t(`notif.kind.${c.kind}`)}{c.status === 'ok' ? '' : ` (${t(`notif.channelStatus.${c.status}`)})`}</option>)}
      </optgroup>
    );
  const choices = (
    <>
      <option value="">{t('notif.prefs.noChannel')}</option>
      {options(groups.mine, t('notif.channels.title'))}
      {options(groups.agency, t('notif.channels.agencyTitle'))}
    </>
  );
  return (
    <form className="card settings-form" onSubmit={submit} aria-label={t('notif.prefs.title')}>
      <div className="form-grid">
        <Field id="prefs-primary" label={t('notif.prefs.primary')} error={fieldError(save.error, 'primaryChannelId')}>
          <select id="prefs-primary" name="primary" defaultValue={current.primaryChannelId ?? ''}>{choices}</select>
        </Field>
        <Field id="prefs-fallback" label={t('notif.prefs.fallback')} error={fieldError(save.error, 'fallbackChannelId')}>
          <select id="prefs-fallback" name="fallback" defaultValue={current.fallbackChannelId ?? ''}>{choices}</select>
        </Field>
        <div>
          <Field id="prefs-locale" label={t('notif.prefs.language')} error={fieldError(save.error, 'locale')}>
            <select id="prefs-locale" name="locale" defaultValue={current.locale ?? ''} aria-describedby="prefs-locale-hint">
              <option value="">{t('notif.prefs.languageOwn')}</option>
              {Object.entries(LOCALES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </select>
          </Field>
          <p className="settings-hint" id="prefs-locale-hint">
            {t('notif.prefs.languageNow', { language: LOCALES[current.effectiveLocale as keyof typeof LOCALES] ?? current.effectiveLocale })}
          </p>
        </div>
        <p className="settings-hint notif-wide">{t('notif.prefs.hint')}</p>
        <ProblemAlert error={save.error} shown={['primaryChannelId', 'fallbackChannelId', 'locale']} />
        {saved && <p className="settings-success" role="status">{t('notif.saved')}</p>}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{save.isPending ? t('settings.busy') : t('common.save')}</button>
        </div>
      </div>
    </form>
  );
}

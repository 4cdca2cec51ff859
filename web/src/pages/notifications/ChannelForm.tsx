import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { CHANNEL_FIELDS, CHANNEL_KINDS, createChannel, KEYS, updateChannel, type Channel, type ChannelKind } from './api.ts';

interface Props {
  /** Editing this channel; absent: adding a new one. */
  channel?: Channel;
  /** A channel of the whole agency rather than of the signed-in person. */
  agencyWide?: boolean;
  idPrefix: string;
  onDone?: () => void;
}

/**
 * Adds or changes a channel: the kind's own settings, checked by the server, whose message for a
 * field shows under it. Secrets are write-only: when changing a channel, an empty secret keeps it.
 */
export function ChannelForm({ channel, agencyWide = false, idPrefix, onDone }: Props) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'email');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { name: string; config: Record<string, string> }) =>
      channel ? updateChannel(channel.id, input) : createChannel({ kind, ...input, ...(agencyWide ? { ownerUserId: null } : {}) }),
    onSuccess: async (result) => {
      setSaved(result.name);
      await queries.invalidateQueries({ queryKey: KEYS.channels });
      onDone?.();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const config: Record<string, string> = {};
    for (const field of CHANNEL_FIELDS[kind]) {
      const value = String(data.get(field.name) ?? '');
      // A secret left empty on an existing channel keeps the stored one.
      if (value !== '' || !(channel && field.secret)) config[field.name] = value;
    }
    setSaved(null);
    save.mutate({ name: String(data.get('name') ?? ''), config }, { onSuccess: () => (channel ? undefined : form.reset()) });
  };
  const id = (name: string) => `${idPrefix}-${name}`;
  const shown = ['name', 'kind', ...CHANNEL_FIELDS[kind].map((f) => `config.${f.name}`)];
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby={id('heading')} noValidate>
      <h3 id={id('heading')}>{channel ? t('notif.channel.editTitle', { name: channel.name }) : t(agencyWide ? 'notif.channel.newAgency' : 'notif.channel.new')}</h3>
      <div className="form-grid">
        {!channel && (
          <Field id={id('kind')} label={t('notif.channel.kind')} error={fieldError(save.error, 'kind')}>
            <select id={id('kind')} value={kind} onChange={(e) => setKind(e.target.value as ChannelKind)}>
              {CHANNEL_KINDS.map((k) => <option key={k} value={k}>{t(`notif.kind.${k}`)}</option>)}
            </select>
          </Field>
        )}
        <Field id={id('name')} label={t('notif.channel.name')} error={fieldError(save.error, 'name')}>
          <input id={id('name')} name="name" required maxLength={200} defaultValue={channel?.name} autoComplete="off" />
        </Field>
        {CHANNEL_FIELDS[kind].map((field) => {
          const isSet = channel?.secretFields.includes(field.name) ?? false;
          const current = channel && !field.secret ? String(channel.config[field.name] ?? '') : undefined;
          return (
            <div key={`${kind}-${field.name}`}>
              <Field id={id(field.name)} label={t(`notif.field.${field.name}` as 'notif.field.address')} error={fieldError(save.error, `config.${field.name}`)}>
                {field.type === 'select' ? (
                  <select id={id(field.name)} name={field.name} defaultValue={current || field.options?.[0]}>
                    {field.options?.map((o) => <option key={o} value={o}>{t(`notif.option.${o}` as 'notif.option.text')}</option>)}
                  </select>
                ) : (
                  <input id={id(field.name)} name={field.name} type={field.type} defaultValue={current} autoComplete="off" spellCheck={false}
                    required={!(channel && field.secret)} placeholder={isSet ? t('notif.channel.secretKept') : undefined} aria-describedby={id(`${field.name}-hint`)} />
                )}
              </Field>
              <p className="settings-hint" id={id(`${field.name}-hint`)}>
                {field.secret ? t(isSet ? 'notif.channel.secretSetHint' : 'notif.channel.secretHint') : ''}
                {field.type !== 'select' && !field.secret ? t(`notif.hint.${kind}.${field.name}` as 'notif.hint.email.address') : ''}
              </p>
            </div>
          );
        })}
        <ProblemAlert error={save.error} shown={shown} />
        {saved && !channel && <p className="settings-success" role="status">{t('notif.channel.added', { name: saved })}</p>}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{save.isPending ? t('settings.busy') : t(channel ? 'common.save' : 'notif.channel.add')}</button>
          {onDone && <button type="button" className="secondary" onClick={onDone}>{t('common.cancel')}</button>}
        </div>
      </div>
    </form>
  );
}

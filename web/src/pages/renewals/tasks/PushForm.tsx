import { useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useWebhookChannels, type RenewalTask } from './api.ts';

/** Sends the task to an external tracker through a webhook channel; hidden when there is none. */
export function PushForm({ task, onPushed }: { task: RenewalTask; onPushed(): Promise<void> }) {
  const { t, date } = useI18n();
  const channels = useWebhookChannels();
  const [channelId, setChannelId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const choices = channels.data?.items ?? [];
  if (choices.length === 0) return null;
  const push = async () => {
    try {
      await api('POST', `/tasks/${task.id}/push`, { channelId: channelId || choices[0]!.id });
      setError(null);
      await onPushed();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const last = task.pushed[task.pushed.length - 1];
  return (
    <section className="task-section" aria-labelledby="task-push">
      <h2 id="task-push">{t('tasks.push')}</h2>
      <div className="inline-form">
        <Field id="task-push-channel" label={t('tasks.pushChannel')} error={error?.fieldMessage('channelId')}>
          <select id="task-push-channel" value={channelId || choices[0]!.id} onChange={(e) => setChannelId(e.target.value)}>
            {choices.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <button type="button" className="secondary" onClick={() => void push()}>{t('tasks.pushButton')}</button>
      </div>
      {last && <p className="muted" role="status">{t('tasks.pushedAt', { date: date(last.at), channel: choices.find((c) => c.id === last.channelId)?.name ?? last.channelId })}</p>}
    </section>
  );
}

import { useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAssignees, type RenewalTask } from './api.ts';

/** Start, snooze until a day, reopen, and who works on it. Errors appear next to the field. */
export function TaskActions({ task, onChanged }: { task: RenewalTask; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const people = useAssignees();
  const [until, setUntil] = useState(task.snoozedUntil ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const patch = async (body: Record<string, unknown>) => {
    try {
      await api('PATCH', `/tasks/${task.id}`, body);
      setError(null);
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const general = error && !error.fieldMessage('snoozedUntil') && !error.fieldMessage('assigneeId') ? error.message : null;
  return (
    <div className="card task-actions">
      <div className="inline-form">
        {task.state !== 'in_progress' && <button type="button" onClick={() => void patch({ state: 'in_progress' })}>{t('tasks.start')}</button>}
        {task.state !== 'open' && <button type="button" className="secondary" onClick={() => void patch({ state: 'open' })}>{t('tasks.reopen')}</button>}
        <Field id="task-snooze" label={t('tasks.snoozeUntil')} error={error?.fieldMessage('snoozedUntil')}>
          <input id="task-snooze" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
        <button type="button" className="secondary" onClick={() => void patch({ state: 'snoozed', snoozedUntil: until || undefined })}>{t('tasks.snooze')}</button>
        <Field id="task-assignee" label={t('tasks.assignee')} error={error?.fieldMessage('assigneeId')}>
          <select id="task-assignee" value={task.assignee?.id ?? ''} onChange={(e) => void patch({ assigneeId: e.target.value || null })}>
            <option value="">{t('tasks.unassigned')}</option>
            {(people.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
      </div>
      {general && <p className="alert" role="alert">{general}</p>}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { TaskDetail } from './api.ts';

/** The conversation about the renewal, oldest first, and a form to add to it. */
export function Comments({ task, writable, onAdded }: { task: TaskDetail; writable: boolean; onAdded(): Promise<void> }) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/tasks/${task.id}/comments`, { body });
      setBody('');
      setError(null);
      await onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <section className="task-section" aria-labelledby="task-comments">
      <h2 id="task-comments">{t('tasks.comments')}</h2>
      {task.comments.length === 0 && <p className="muted">{t('tasks.noComments')}</p>}
      <ol className="task-comments">
        {task.comments.map((c) => (
          <li key={c.id}>
            <p className="task-comment-head"><span className="strong">{c.author?.name ?? t('tasks.system')}</span> <span className="muted">{when.format(new Date(c.createdAt))}</span></p>
            <p className="task-comment-body">{c.body}</p>
          </li>
        ))}
      </ol>
      {writable && (
        <form className="task-comment-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="task-comment" label={t('tasks.addComment')} error={error?.fieldMessage('body')}>
            <textarea id="task-comment" rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
          </Field>
          <div className="actions"><button type="submit">{t('tasks.postComment')}</button></div>
        </form>
      )}
    </section>
  );
}

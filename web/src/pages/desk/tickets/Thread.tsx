import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Person, TicketDetail, TicketMessage } from '../api.ts';
import { useInstant } from './clock.tsx';
import { nameOf } from './parts.tsx';

/** Who wrote a message, in the reader's words. */
function useAuthor(people: Person[] | undefined, staff: boolean) {
  const { t } = useI18n();
  return (m: TicketMessage) => {
    if (m.authorKind === 'system') return t('desk.author.system');
    if (m.authorKind === 'client') return staff ? t('desk.author.client') : t('desk.author.you');
    return nameOf(people, m.authorId) ?? t('desk.author.agency');
  };
}

/** The conversation, oldest first; internal notes (staff only) look like notes, not replies. */
export function Thread({ ticket, people, staff }: { ticket: TicketDetail; people: Person[] | undefined; staff: boolean }) {
  const { t } = useI18n();
  const at = useInstant();
  const author = useAuthor(people, staff);
  return (
    <ol className="desk-thread" aria-label={t('desk.thread')}>
      {ticket.thread.map((m) => (
        <li key={m.id} className={`desk-message desk-message-${m.visibility} desk-from-${m.authorKind}`}>
          <p className="desk-message-head">
            <span className="strong">{author(m)}</span>
            {m.visibility === 'internal' && <span className="badge desk-note-badge">{t('desk.internalNote')}</span>}
            <span className="muted">{at(m.createdAt)}</span>
          </p>
          <p className="desk-message-body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** A reply to the client, or (staff) an internal note the client never sees. */
export function ReplyForm({ ticket, staff, onSent }: { ticket: TicketDetail; staff: boolean; onSent(): Promise<void> }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/tickets/${ticket.id}/messages`, { body, visibility });
      setBody('');
      setError(null);
      await onSent();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const note = visibility === 'internal';
  return (
    <form className={note ? 'desk-reply desk-reply-note' : 'desk-reply'} aria-label={t('desk.reply')} onSubmit={(e) => void submit(e)} noValidate>
      {staff && (
        <div className="segmented" role="group" aria-label={t('desk.reply.kind')}>
          <button type="button" className={note ? 'secondary' : ''} aria-pressed={!note} onClick={() => setVisibility('public')}>{t('desk.reply.public')}</button>
          <button type="button" className={note ? '' : 'secondary'} aria-pressed={note} onClick={() => setVisibility('internal')}>{t('desk.reply.internal')}</button>
        </div>
      )}
      <Field id="ticket-reply" label={note ? t('desk.reply.noteLabel') : t('desk.reply.label')} error={error?.fieldMessage('body')}>
        <textarea id="ticket-reply" rows={4} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      {error && !error.fieldMessage('body') && <p className="alert" role="alert">{error.message}</p>}
      <div className="actions"><button type="submit">{note ? t('desk.reply.addNote') : t('desk.reply.send')}</button></div>
    </form>
  );
}

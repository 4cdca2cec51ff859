import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { KEYS, previewTemplate, resetTemplate, saveTemplate, type TemplateKey, type TemplateView } from './api.ts';

/** Waits for typing to pause before the preview asks the server again. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The wording of one template beside a live preview of a sample event rendered with it. The
 * server checks the placeholders: an unknown one is reported under the field that has it, both
 * while previewing and when saving.
 */
export function TemplateEditor({ templateKey, template }: { templateKey: TemplateKey; template: TemplateView }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [notice, setNotice] = useState<'saved' | 'reset' | null>(null);
  const draft = useSettled({ subject, text });
  const preview = useQuery({
    queryKey: [...KEYS.templates, 'preview', templateKey, draft],
    queryFn: () => previewTemplate(templateKey, draft),
    placeholderData: keepPreviousData,
  });
  // The editor stays mounted (its notice with it) and takes the saved or built-in wording.
  const refresh = (view: TemplateView, what: 'saved' | 'reset') => {
    queries.setQueryData([...KEYS.templates, templateKey], view);
    setSubject(view.subject);
    setText(view.text);
    setNotice(what);
  };
  const save = useMutation({ mutationFn: () => saveTemplate(templateKey, { subject, text }), onSuccess: (v) => refresh(v, 'saved') });
  const reset = useMutation({ mutationFn: () => resetTemplate(templateKey), onSuccess: (v) => refresh(v, 'reset') });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    save.mutate();
  };
  // The preview's complaint about the draft, else the save's: both name the same field.
  const errorOf = (part: 'subject' | 'text') => (preview.isError ? fieldError(preview.error, `draft.${part}`) : undefined) ?? fieldError(save.error, part);
  const changed = subject !== template.subject || text !== template.text;
  return (
    <div className="notif-template">
      <form className="card settings-form notif-template-form" onSubmit={submit} aria-labelledby="template-edit-heading">
        <h3 id="template-edit-heading">
          {t('notif.templates.wording')}{' '}
          <span className={template.overridden ? 'badge badge-expiring' : 'badge'}>{t(template.overridden ? 'notif.templates.own' : 'notif.templates.builtIn')}</span>
        </h3>
        <Field id="template-subject" label={t('notif.templates.subject')} error={errorOf('subject')}>
          <input id="template-subject" value={subject} maxLength={300} onChange={(e) => setSubject(e.target.value)} />
        </Field>
        <Field id="template-text" label={t('notif.templates.text')} error={errorOf('text')}>
          <textarea id="template-text" value={text} rows={10} maxLength={20000} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </Field>
        <p className="settings-hint">
          {t('notif.templates.placeholders')}{' '}
          {template.placeholders.map((p) => <code key={p} className="notif-placeholder">{`{{${p}}}`}</code>)}
        </p>
        <ProblemAlert error={save.error ?? reset.error} shown={['subject', 'text', 'html']} />
        <p className={notice ? 'settings-success' : 'visually-hidden'} role="status">{notice ? t(notice === 'saved' ? 'notif.templates.saved' : 'notif.templates.wasReset') : ''}</p>
        <div className="actions">
          <button type="submit" disabled={save.isPending || !changed}>{save.isPending ? t('settings.busy') : t('notif.templates.save')}</button>
          {changed && <button type="button" className="secondary" onClick={() => { setSubject(template.subject); setText(template.text); }}>{t('notif.templates.undo')}</button>}
          {template.overridden && !changed && (
            <button type="button" className="secondary" disabled={reset.isPending} onClick={() => { setNotice(null); reset.mutate(); }}>{t('notif.templates.reset')}</button>
          )}
        </div>
      </form>
      <section className="card notif-preview" aria-labelledby="template-preview-heading" aria-busy={preview.isFetching}>
        <h3 id="template-preview-heading">{t('notif.templates.preview')}</h3>
        <p className="settings-hint">{t('notif.templates.previewHint')}</p>
        {preview.isError && !errorOf('subject') && !errorOf('text') && <ProblemAlert error={preview.error} />}
        {preview.isError && (errorOf('subject') || errorOf('text')) && <p className="muted">{t('notif.templates.previewBlocked')}</p>}
        {preview.data && !preview.isError && (
          <div className="notif-message" data-testid="template-preview">
            <p className="notif-message-subject strong">{preview.data.subject}</p>
            <pre className="notif-message-text">{preview.data.text}</pre>
          </div>
        )}
      </section>
    </div>
  );
}

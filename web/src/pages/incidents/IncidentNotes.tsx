import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../monitors/api.ts';

/** The root cause, once someone knows it; changeable by those who may change monitoring. */
export function RootCause({ incident, writable, onSaved }: { incident: IncidentDetail; writable: boolean; onSaved(message: string): Promise<void> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(incident.rootCause ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('PATCH', `/incidents/${incident.id}`, { rootCause: text.trim() || null });
      setEditing(false);
      setError(null);
      await onSaved(t('incidents.rootCauseSaved'));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <section className="card asset-section" aria-labelledby="incident-root-cause">
      <h2 id="incident-root-cause">{t('incidents.rootCause')}</h2>
      {editing ? (
        <form className="incident-form" onSubmit={(e) => void save(e)}>
          <Field id="incident-root-cause-text" label={t('incidents.rootCause')} error={error?.fieldMessage('rootCause') ?? error?.message}>
            <textarea id="incident-root-cause-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit">{t('common.save')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <p className={incident.rootCause ? 'incident-text' : 'muted'}>{incident.rootCause ?? t('incidents.rootCauseUnknown')}</p>
          {writable && <button type="button" className="secondary" onClick={() => { setText(incident.rootCause ?? ''); setEditing(true); }}>{t('incidents.editRootCause')}</button>}
        </>
      )}
    </section>
  );
}

/** A note on the timeline: public ones show on status pages and reach subscribers. */
export function PostUpdate({ incidentId, onPosted }: { incidentId: string; onPosted(message: string): Promise<void> }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const post = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api('POST', `/incidents/${incidentId}/updates`, { message, public: visible });
      setMessage('');
      setError(null);
      await onPosted(visible ? t('incidents.postedPublic') : t('incidents.postedInternal'));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card asset-section incident-form" onSubmit={(e) => void post(e)} aria-labelledby="incident-post">
      <h2 id="incident-post">{t('incidents.postUpdate')}</h2>
      <Field id="incident-update-text" label={t('incidents.message')} error={error?.fieldMessage('message') ?? (error && !error.problem.errors?.length ? error.message : undefined)}>
        <textarea id="incident-update-text" rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
        {t('incidents.makePublic')}
      </label>
      <p className="monitor-hint">{visible ? t('incidents.publicHint') : t('incidents.internalHint')}</p>
      <div className="actions">
        <button type="submit" disabled={busy}>{t('incidents.post')}</button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useMonitorChoices, useProjects, type StatusPage } from './monitors/api.ts';

/** Makes or changes a status page: its address, title, whose it is and which monitors it shows. */
export function StatusPageForm({ page, onSaved, onCancel }: { page?: StatusPage | undefined; onSaved(page: StatusPage): Promise<void>; onCancel?(): void }) {
  const { t } = useI18n();
  const [slug, setSlug] = useState(page?.slug ?? '');
  const [title, setTitle] = useState(page?.title ?? '');
  const [description, setDescription] = useState(page?.description ?? '');
  const [clientId, setClientId] = useState(page?.clientId ?? '');
  const [projectId, setProjectId] = useState(page?.projectId ?? '');
  const [monitorIds, setMonitorIds] = useState<string[]>(page?.monitorIds ?? []);
  const [published, setPublished] = useState(page?.published ?? true);
  const [error, setError] = useState<ApiError | null>(null);
  const clients = useClients();
  const projects = useProjects(clientId || undefined);
  const monitors = useMonitorChoices({ clientId: clientId || undefined });
  const message = (field: string) => error?.fieldMessage(field);
  const prefix = page ? `status-${page.id}` : 'status-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { slug, title, description, clientId: clientId || null, projectId: projectId || null, monitorIds, published };
    try {
      const saved = page ? await api<StatusPage>('PATCH', `/status-pages/${page.id}`, body) : await api<StatusPage>('POST', '/status-pages', body);
      setError(null);
      await onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const toggle = (id: string, on: boolean) => setMonitorIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <form className="card form-grid monitor-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="form-title">{page ? t('statusPages.editTitle', { title: page.title }) : t('statusPages.new')}</h2>
      <Field id={`${prefix}-slug`} label={t('statusPages.slug')} error={message('slug')}>
        <input id={`${prefix}-slug`} value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="acme-shop" />
      </Field>
      <Field id={`${prefix}-title`} label={t('statusPages.titleLabel')} error={message('title')}>
        <input id={`${prefix}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id={`${prefix}-client`} label={t('assets.client')} error={message('clientId')}>
        <select id={`${prefix}-client`} value={clientId} onChange={(e) => { setClientId(e.target.value); setProjectId(''); }}>
          <option value="">{t('common.none')}</option>
          {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Field>
      <Field id={`${prefix}-project`} label={t('assets.project')} error={message('projectId')}>
        <select id={`${prefix}-project`} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {(projects.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </Field>
      <div className="monitor-wide">
        <Field id={`${prefix}-description`} label={t('statusPages.description')} error={message('description')}>
          <textarea id={`${prefix}-description`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <fieldset className={`monitor-group status-monitors${message('monitorIds') ? ' has-error' : ''}`}>
        <legend>{t('statusPages.monitors')}</legend>
        {(monitors.data?.items ?? []).map((m) => (
          <label key={m.id} className="checkbox">
            <input type="checkbox" checked={monitorIds.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
            {m.name}
          </label>
        ))}
        {monitors.isSuccess && monitors.data.items.length === 0 && <p className="muted">{t('monitors.empty')}</p>}
        {message('monitorIds') && <p className="field-error" role="alert">{message('monitorIds')}</p>}
      </fieldset>
      <label className="checkbox monitor-wide">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
        {t('statusPages.published')}
      </label>
      {error && !error.problem.errors?.length && <p className="alert" role="alert">{error.message}</p>}
      <div className="actions">
        <button type="submit">{page ? t('common.save') : t('statusPages.create')}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MONITOR_KINDS, useAssetChoices, useMonitorChoices, useProjects, type CreatedMonitor, type MonitorKind, type MonitorView } from './api.ts';
import { createBody, draftOf, newDraft, patchBody, type Draft } from './draft.ts';
import { DraftInput, KindFields, type DraftProps } from './KindFields.tsx';

/**
 * Sets up a monitor, or changes one: the kind's own settings, how often it is checked, how many
 * failures make it down, and where it belongs. The server's messages show next to the fields.
 */
export function MonitorForm({ monitor, preset, onSaved, onCancel }: {
  monitor?: MonitorView | undefined;
  preset?: Record<string, string>;
  onSaved(saved: CreatedMonitor | MonitorView): void | Promise<void>;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => (monitor ? draftOf(monitor) : newDraft('http', preset)));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const props: DraftProps = {
    draft,
    error,
    setText: (name, value) => setDraft((d) => ({ ...d, text: { ...d.text, [name]: value } })),
    setFlag: (name, value) => setDraft((d) => ({ ...d, flags: { ...d.flags, [name]: value } })),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = monitor
        ? await api<MonitorView>('PATCH', `/monitors/${monitor.id}`, patchBody(draft))
        : await api<CreatedMonitor>('POST', '/monitors', createBody(draft));
      await onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form-grid monitor-form" onSubmit={(e) => void submit(e)} noValidate aria-label={monitor ? t('monitors.editTitle') : t('monitors.addTitle')}>
      {!monitor && (
        <Field id="monitor-kind" label={t('monitors.kindLabel')}>
          <select id="monitor-kind" value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as MonitorKind }))}>
            {MONITOR_KINDS.map((k) => <option key={k} value={k}>{t(`monitors.kind.${k}`)}</option>)}
          </select>
        </Field>
      )}
      <DraftInput {...props} name="name" label="monitors.name" field="name" hint="monitors.nameHint" />
      <KindFields {...props} changing={monitor !== undefined} />
      <fieldset className="monitor-group">
        <legend>{t('monitors.schedule')}</legend>
        {draft.kind !== 'heartbeat' && <DraftInput {...props} name="intervalSeconds" label="monitors.interval" field="intervalSeconds" type="number" hint="monitors.intervalHint" />}
        <DraftInput {...props} name="failureThreshold" label="monitors.failureThreshold" field="failureThreshold" type="number" hint="monitors.failureThresholdHint" />
      </fieldset>
      <Belonging {...props} monitorId={monitor?.id} />
      {error && !error.problem.errors?.length && <p className="alert" role="alert">{error.message}</p>}
      {error && (error.problem.errors?.length ?? 0) > 0 && <p className="alert" role="alert">{t('monitors.fixFields')}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{monitor ? t('common.save') : t('monitors.create')}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}

/** Client, project, asset and the monitor this one depends on. */
function Belonging(p: DraftProps & { monitorId: string | undefined }) {
  const { t } = useI18n();
  const clientId = p.draft.text.clientId || undefined;
  const clients = useClients();
  const projects = useProjects(clientId);
  const assets = useAssetChoices(clientId);
  const monitors = useMonitorChoices({ clientId });
  const select = (name: string, label: string, options: { id: string; name: string }[], emptyLabel = t('common.none')) => {
    const id = `monitor-${name}`;
    return (
      <Field id={id} label={label} error={p.error?.fieldMessage(name)}>
        <select id={id} value={p.draft.text[name] ?? ''} onChange={(e) => p.setText(name, e.target.value)}>
          <option value="">{emptyLabel}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </Field>
    );
  };
  return (
    <fieldset className="monitor-group">
      <legend>{t('monitors.belongsTo')}</legend>
      {select('clientId', t('assets.client'), clients.data?.items ?? [], t('monitors.fromAsset'))}
      {select('projectId', t('assets.project'), projects.data?.items ?? [])}
      {select('assetId', t('monitors.asset'), assets.data?.items ?? [])}
      {select('parentId', t('monitors.parent'), (monitors.data?.items ?? []).filter((m) => m.id !== p.monitorId))}
    </fieldset>
  );
}

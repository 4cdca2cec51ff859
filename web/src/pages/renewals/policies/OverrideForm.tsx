import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ASSET_KINDS, POLICY_SCOPES, saveOverride, type NamedClient, type PolicyOverride, type PolicyScope, type RenewalPolicy, type StaffUser } from './api.ts';
import { draftOf, overrideFromDraft } from './form.ts';
import { PolicyFields } from './PolicyFields.tsx';
import { Preview } from './Preview.tsx';

interface Props {
  base: RenewalPolicy;
  staff: StaffUser[];
  clients: NamedClient[];
  /** The override being edited; null to add one. */
  editing: PolicyOverride | null;
  /** Called with whether it was saved (false: cancelled). */
  onDone: (saved: boolean) => void;
}

/** An override for a client, an asset kind or one asset: only the fields filled in are set. */
export function OverrideForm({ base, staff, clients, editing, onDone }: Props) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [scope, setScope] = useState<PolicyScope>(editing?.scope ?? 'client');
  const [target, setTarget] = useState(editing?.target ?? '');
  const [draft, setDraft] = useState(() => draftOf(editing?.override ?? {}));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const body = overrideFromDraft(draft);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!target) {
      setError(new ApiError({ type: 'about:blank', title: t('renewals.override.pickTarget'), status: 400, detail: t('renewals.override.pickTarget'), errors: [{ field: 'target', message: t('renewals.override.pickTarget') }] }));
      return;
    }
    setBusy(true);
    try {
      await saveOverride(scope, target, body);
      await queries.invalidateQueries({ queryKey: ['renewal-policies'] });
      onDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));
    } finally {
      setBusy(false);
    }
  };
  const targetError = error?.fieldMessage('target') ?? error?.problem.errors?.find((e) => e.field.startsWith('params.'))?.message ?? (error?.status === 404 ? error.message : undefined);
  return (
    <form className="card policy-form" onSubmit={(e) => void submit(e)} aria-labelledby="override-heading">
      <h2 id="override-heading">{editing ? t('renewals.override.editTitle', { name: editing.targetName }) : t('renewals.override.addTitle')}</h2>
      <p className="muted">{t('renewals.override.intro')}</p>
      <div className="form-grid">
        <Field id="override-scope" label={t('renewals.override.scope')}>
          <select id="override-scope" value={scope} disabled={editing !== null} onChange={(e) => { setScope(e.target.value as PolicyScope); setTarget(''); }}>
            {POLICY_SCOPES.map((s) => <option key={s} value={s}>{t(`renewals.override.scope.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="override-target" label={t(`renewals.override.target.${scope}`)} error={targetError}>
          {scope === 'asset' ? (
            <input id="override-target" value={target} disabled={editing !== null} placeholder="ast_…" onChange={(e) => setTarget(e.target.value.trim())} />
          ) : (
            <select id="override-target" value={target} disabled={editing !== null} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('renewals.override.choose')}</option>
              {scope === 'client'
                ? clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)
                : ASSET_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <PolicyFields idPrefix="override" draft={draft} onChange={setDraft} staff={staff} error={error} inherited={base} />
      <Preview policy={{ ...base, ...body }} idPrefix="override" />
      {error && <p className="alert" role="alert">{error.message}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t('renewals.override.save')}</button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>{t('renewals.override.cancel')}</button>
      </div>
    </form>
  );
}

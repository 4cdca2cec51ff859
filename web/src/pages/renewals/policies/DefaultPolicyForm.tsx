import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { saveDefault, type RenewalPolicy, type StaffUser } from './api.ts';
import { draftOf, policyFromDraft } from './form.ts';
import { PolicyFields } from './PolicyFields.tsx';
import { Preview } from './Preview.tsx';

/** The agency's default policy, edited as a whole. */
export function DefaultPolicyForm({ policy, staff }: { policy: RenewalPolicy; staff: StaffUser[] }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(policy));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = policyFromDraft(draft);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await saveDefault(body);
      setDraft(draftOf(saved));
      setError(null);
      await queries.invalidateQueries({ queryKey: ['renewal-policies'] });
      setNotice(t('renewals.policy.savedDefault'));
    } catch (err) {
      setNotice(null);
      setError(err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card policy-form" onSubmit={(e) => void submit(e)} aria-labelledby="default-policy-heading">
      <h2 id="default-policy-heading">{t('renewals.policy.defaultTitle')}</h2>
      <p className="muted">{t('renewals.policy.defaultIntro')}</p>
      <PolicyFields idPrefix="default" draft={draft} onChange={setDraft} staff={staff} error={error} />
      <Preview policy={body} idPrefix="default" />
      {error && <p className="alert" role="alert">{error.message}</p>}
      <p className="asset-notice" role="status">{notice}</p>
      <div className="actions">
        <button type="submit" disabled={busy}>{t('renewals.policy.saveDefault')}</button>
      </div>
    </form>
  );
}

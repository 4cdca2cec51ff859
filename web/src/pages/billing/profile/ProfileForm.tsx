import { useState, type FormEvent } from 'react';
import type { BillingProfile } from '../../../api/billing.ts';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { basisPointsOf, isCurrency, majorOf, minorOf } from '../amounts.ts';
import { profileDraft, type ProfileDraft } from './profile-draft.ts';

/** Days as typed; an empty box is sent as null so the API names the field instead of taking 0. */
const days = (text: string): number | null => (text.trim() === '' ? null : Number(text));

interface Props {
  profile: BillingProfile;
  /** The client's currency: the approval threshold's unless one is set. */
  currency: string;
  onSaved(profile: BillingProfile): void;
  onCancel(): void;
}

/** The whole billing profile (the API's PUT): tax, reverse charge, buyer details, run timing, approval and terms. */
export function ProfileForm({ profile, currency: clientCurrency, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraft(profile, clientCurrency, majorOf));
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (patch: Partial<ProfileDraft>) => setDraft({ ...draft, ...patch });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const basisPoints = draft.taxPercent.trim() ? basisPointsOf(draft.taxPercent) : null;
    if (draft.taxPercent.trim() && basisPoints === null) errors.taxRate = t('billing.error.percent');
    const currency = draft.thresholdCurrency.trim().toUpperCase();
    const threshold = draft.thresholdAmount.trim() ? (isCurrency(currency) ? minorOf(draft.thresholdAmount, currency) : null) : null;
    if (draft.thresholdAmount.trim() && threshold === null) errors.approvalThreshold = t(isCurrency(currency) ? 'billing.error.price' : 'billing.error.currency');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const saved = await api<BillingProfile>('PUT', `/clients/${profile.clientId}/billing-profile`, {
        taxRate: basisPoints === null ? null : { name: draft.taxName.trim() || t('billing.line.taxNameDefault', { percent: draft.taxPercent.trim() }), basisPoints },
        reverseCharge: draft.reverseCharge,
        vatNumber: draft.vatNumber.trim() || null,
        address: draft.address.split('\n').map((l) => l.trim()).filter(Boolean),
        invoiceDaysBefore: days(draft.invoiceDaysBefore),
        approvalThreshold: threshold === null ? null : { amount: threshold, currency },
        paymentTermsDays: days(draft.paymentTermsDays),
      });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    }
  };
  const error = (field: string) => local[field] ?? apiError?.fieldMessage(field);
  const unshown = apiError && !(apiError.problem.errors ?? []).length ? apiError.message : null;
  return (
    <form className="card form-grid billing-profile-form" aria-label={t('billing.profile.title')} onSubmit={(e) => void submit(e)} noValidate>
      <Field id="profile-tax-percent" label={t('billing.profile.taxPercent')} error={error('taxRate')}>
        <input id="profile-tax-percent" inputMode="decimal" value={draft.taxPercent} placeholder={t('billing.profile.untaxed')} onChange={(e) => set({ taxPercent: e.target.value })} />
      </Field>
      <Field id="profile-tax-name" label={t('billing.line.taxName')} error={error('taxRate.name')}>
        <input id="profile-tax-name" maxLength={40} value={draft.taxName} placeholder={t('billing.line.taxNameDefault', { percent: draft.taxPercent || '…' })} onChange={(e) => set({ taxName: e.target.value })} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={draft.reverseCharge} onChange={(e) => set({ reverseCharge: e.target.checked })} />
        {t('billing.profile.reverseChargeLong')}
      </label>
      <Field id="profile-vat" label={t('billing.vatNumber')} error={error('vatNumber')}>
        <input id="profile-vat" maxLength={40} value={draft.vatNumber} onChange={(e) => set({ vatNumber: e.target.value })} />
      </Field>
      <Field id="profile-address" label={t('billing.profile.address')} error={error('address')}>
        <textarea id="profile-address" rows={4} value={draft.address} onChange={(e) => set({ address: e.target.value })} />
      </Field>
      <Field id="profile-days-before" label={t('billing.profile.invoiceDaysBeforeField')} error={error('invoiceDaysBefore')}>
        <input id="profile-days-before" type="number" min={0} max={365} value={draft.invoiceDaysBefore} onChange={(e) => set({ invoiceDaysBefore: e.target.value })} />
      </Field>
      <Field id="profile-terms" label={t('billing.profile.paymentTermsField')} error={error('paymentTermsDays')}>
        <input id="profile-terms" type="number" min={0} max={365} value={draft.paymentTermsDays} onChange={(e) => set({ paymentTermsDays: e.target.value })} />
      </Field>
      <Field id="profile-threshold" label={t('billing.profile.approvalThreshold')} error={error('approvalThreshold')}>
        <input id="profile-threshold" inputMode="decimal" value={draft.thresholdAmount} placeholder={t('billing.profile.noApproval')} onChange={(e) => set({ thresholdAmount: e.target.value })} />
      </Field>
      <Field id="profile-threshold-currency" label={t('billing.profile.thresholdCurrency')} error={error('approvalThreshold.currency')}>
        <input id="profile-threshold-currency" maxLength={3} value={draft.thresholdCurrency} onChange={(e) => set({ thresholdCurrency: e.target.value.toUpperCase() })} />
      </Field>
      {unshown && <p className="alert" role="alert">{unshown}</p>}
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

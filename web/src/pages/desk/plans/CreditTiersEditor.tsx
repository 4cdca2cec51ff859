import type { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { newTierKey, type PlanDraft, type TierDraft } from './plan-draft.ts';

type Guarantee = Pick<PlanDraft, 'guaranteed' | 'uptimePercent' | 'tiers'>;

interface Props {
  value: Guarantee;
  error: ApiError | null;
  onChange: (value: Guarantee) => void;
}

/** The uptime promised per calendar month and the credit tiers below it, highest threshold first. */
export function CreditTiersEditor({ value, error, onChange }: Props) {
  const { t } = useI18n();
  const set = (change: Partial<Guarantee>) => onChange({ ...value, ...change });
  const setTier = (key: number, change: Partial<TierDraft>) => set({ tiers: value.tiers.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)) });
  const add = () => set({ tiers: [...value.tiers, { key: newTierKey(), belowPercent: '', creditPercent: '' }] });
  const listError = error?.problem.errors?.find((e) => /^(body\.)?uptimeGuarantee\.creditTiers$/.test(e.field))?.message;
  return (
    <div className="plan-guarantee">
      <label className="checkbox">
        <input type="checkbox" checked={value.guaranteed} onChange={(e) => set({ guaranteed: e.target.checked })} />
        {t('deskPlan.uptime.offer')}
      </label>
      {value.guaranteed && (
        <>
          <div className="form-grid">
            <Field id="plan-uptime" label={t('deskPlan.uptime.percent')} error={error?.fieldMessage('uptimeGuarantee.percent')}>
              <input id="plan-uptime" inputMode="decimal" value={value.uptimePercent} onChange={(e) => set({ uptimePercent: e.target.value })} />
            </Field>
          </div>
          <h3>{t('desk.sla.credits')}</h3>
          <p className="muted">{t('deskPlan.tiers.intro')}</p>
          {value.tiers.length > 0 && (
            <div className="table-wrap desk-tiers plan-tiers">
              <table aria-label={t('desk.sla.credits')}>
                <thead><tr><th scope="col">{t('deskPlan.tiers.below')}</th><th scope="col">{t('deskPlan.tiers.credit')}</th><th scope="col"><span className="visually-hidden">{t('deskPlan.remove')}</span></th></tr></thead>
                <tbody>
                  {value.tiers.map((tier, i) => (
                    <TierRow key={tier.key} tier={tier} index={i} error={error} onChange={(change) => setTier(tier.key, change)} onRemove={() => set({ tiers: value.tiers.filter((x) => x.key !== tier.key) })} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {listError && <p className="field-error" role="alert">{listError}</p>}
          <button type="button" className="secondary" onClick={add}>{t('deskPlan.tiers.add')}</button>
        </>
      )}
    </div>
  );
}

function TierRow({ tier, index, error, onChange, onRemove }: { tier: TierDraft; index: number; error: ApiError | null; onChange: (change: Partial<TierDraft>) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const n = index + 1;
  const cell = (field: 'belowPercent' | 'creditPercent', label: string) => {
    const message = error?.fieldMessage(`uptimeGuarantee.creditTiers.${index}.${field}`);
    const id = `plan-tier-${tier.key}-${field}`;
    return (
      <td className={message ? 'has-error' : undefined}>
        <span className="plan-percent">
          <input id={id} inputMode="decimal" aria-label={label} value={tier[field]} onChange={(e) => onChange({ [field]: e.target.value })} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} />
          <span aria-hidden="true">%</span>
        </span>
        {message && <p className="field-error" id={`${id}-error`} role="alert">{message}</p>}
      </td>
    );
  };
  return (
    <tr>
      {cell('belowPercent', t('deskPlan.tiers.belowOf', { n }))}
      {cell('creditPercent', t('deskPlan.tiers.creditOf', { n }))}
      <td className="plan-tier-remove"><button type="button" className="link" onClick={onRemove}>{t('deskPlan.tiers.remove', { n })}</button></td>
    </tr>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { ASSET_STATUSES, BILLING_CYCLES, type Asset } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { patchAsset, type AssetPatch } from './api.ts';
import { parsePrice, priceText } from './price.ts';

/** "Expiring" and "expired" follow from the date; a person records the others (or keeps what was recorded). */
const statusChoices = (stored: Asset['storedStatus']) => ASSET_STATUSES.filter((s) => s === stored || (s !== 'expiring' && s !== 'expired'));

type Form = Record<'name' | 'expiresOn' | 'billingCycle' | 'renewalPrice' | 'currency' | 'tags' | 'notes' | 'status', string> & { autoRenew: boolean };

function formOf(a: Asset): Form {
  return {
    name: a.name,
    expiresOn: a.expiresOn ?? '',
    billingCycle: a.billingCycle,
    renewalPrice: priceText(a.renewalPrice?.amount ?? null, a.currency),
    currency: a.renewalPrice?.currency ?? a.currency,
    autoRenew: a.autoRenew,
    tags: a.tags.join(', '),
    notes: a.notes,
    status: a.storedStatus,
  };
}

const tagList = (text: string) => [...new Set(text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Only what the person changed, so an untouched field is never overwritten with what the form held. */
function changesOf(a: Asset, f: Form, renewalAmount: number | null): AssetPatch {
  const patch: AssetPatch = {};
  if (f.name.trim() !== a.name) patch.name = f.name.trim();
  if ((f.expiresOn || null) !== a.expiresOn) patch.expiresOn = f.expiresOn || null;
  if (f.billingCycle !== a.billingCycle) patch.billingCycle = f.billingCycle as Asset['billingCycle'];
  const currency = f.currency.trim().toUpperCase();
  const price = renewalAmount === null ? null : { amount: renewalAmount, currency };
  if (!same(price, a.renewalPrice)) patch.renewalPrice = price;
  if (f.autoRenew !== a.autoRenew) patch.autoRenew = f.autoRenew;
  if (!same(tagList(f.tags), a.tags)) patch.tags = tagList(f.tags);
  if (f.notes !== a.notes) patch.notes = f.notes;
  if (f.status !== a.storedStatus) patch.status = f.status as Asset['status'];
  return patch;
}

/** Change an asset; the API's message for a field appears under that field. */
export function AssetEditForm({ asset, onSaved, onCancel }: { asset: Asset; onSaved: (asset: Asset) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formOf(asset));
  const [error, setError] = useState<ApiError | null>(null);
  const [priceProblem, setPriceProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Form>(name: K, value: Form[K]) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const currency = form.currency.trim().toUpperCase() || asset.currency;
    const parsed = parsePrice(form.renewalPrice, currency);
    setError(null);
    if (!parsed.ok) {
      setPriceProblem(parsed.problem === 'format' ? t('asset.priceFormat') : t('asset.priceDecimals', { currency }));
      return;
    }
    setPriceProblem(undefined);
    const patch = changesOf(asset, { ...form, currency }, parsed.amount);
    if (Object.keys(patch).length === 0) return onSaved(asset);
    setSaving(true);
    try {
      await onSaved(await patchAsset(asset.id, patch));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0 }));
      setSaving(false);
    }
  };
  const currencyError = error?.fieldMessage('renewalPrice.currency');
  const priceError = priceProblem ?? (currencyError ? error?.fieldMessage('renewalPrice.amount') : error?.fieldMessage('renewalPrice'));
  return (
    <section className="card asset-section" aria-labelledby="asset-edit">
      <h2 id="asset-edit" ref={heading} tabIndex={-1}>{t('asset.editHeading')}</h2>
      <form className="form-grid asset-form" onSubmit={(e) => void submit(e)} noValidate>
        {error && <p className="alert" role="alert">{error.message}</p>}
        <Field id="asset-edit-name" label={t('assets.name')} error={error?.fieldMessage('name')}>
          <input id="asset-edit-name" value={form.name} onChange={(e) => set('name', e.target.value)} required />
        </Field>
        <div>
          <Field id="asset-edit-status" label={t('assets.status')} error={error?.fieldMessage('status')}>
            <select id="asset-edit-status" value={form.status} onChange={(e) => set('status', e.target.value)} aria-describedby="asset-edit-status-hint">
              {statusChoices(asset.storedStatus).map((s) => (
                <option key={s} value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </Field>
          <p className="asset-hint" id="asset-edit-status-hint">{t('asset.statusHint')}</p>
        </div>
        <Field id="asset-edit-expiresOn" label={t('assets.expiresOn')} error={error?.fieldMessage('expiresOn')}>
          <input id="asset-edit-expiresOn" type="date" value={form.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} />
        </Field>
        <Field id="asset-edit-billingCycle" label={t('assets.billingCycle')} error={error?.fieldMessage('billingCycle')}>
          <select id="asset-edit-billingCycle" value={form.billingCycle} onChange={(e) => set('billingCycle', e.target.value)}>
            {BILLING_CYCLES.map((c) => <option key={c} value={c}>{t(`cycle.${c}`)}</option>)}
          </select>
        </Field>
        <Field id="asset-edit-renewalPrice" label={t('assets.renewalPrice')} error={priceError}>
          <input id="asset-edit-renewalPrice" inputMode="decimal" placeholder="12.99" value={form.renewalPrice} onChange={(e) => set('renewalPrice', e.target.value)} />
        </Field>
        <Field id="asset-edit-currency" label={t('assets.currency')} error={currencyError}>
          <input id="asset-edit-currency" maxLength={3} autoCapitalize="characters" value={form.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} />
        </Field>
        <div className="asset-form-wide">
          <Field id="asset-edit-tags" label={t('asset.tags')} error={error?.fieldMessage('tags')}>
            <input id="asset-edit-tags" value={form.tags} onChange={(e) => set('tags', e.target.value)} aria-describedby="asset-edit-tags-hint" />
          </Field>
          <p className="asset-hint" id="asset-edit-tags-hint">{t('asset.tagsHint')}</p>
        </div>
        <div className="asset-form-wide">
          <Field id="asset-edit-notes" label={t('asset.notes')} error={error?.fieldMessage('notes')}>
            <textarea id="asset-edit-notes" rows={4} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.autoRenew} onChange={(e) => set('autoRenew', e.target.checked)} /> {t('assets.autoRenew')}
        </label>
        <div className="actions">
          <button type="submit" disabled={saving}>{t('common.save')}</button>
          <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}

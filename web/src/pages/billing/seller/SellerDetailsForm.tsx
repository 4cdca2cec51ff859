import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { printedIban } from '../../../../../src/billing/seller/bank.model.ts';
import { saveSellerDetails, useSellerDetails, type SellerDetailsBody, type SellerDetailsView } from '../../../api/billing.ts';
import { ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldError, generalError } from '../payments/settings/errors.ts';
import './seller.css';

/**
 * The agency as the seller on its invoices (owners and admins): legal name, address, VAT and
 * registration numbers, billing email, and the bank account clients pay into. The server checks
 * the IBAN's check digits and the BIC; its reasons show beside the fields.
 */
const TEXT_FIELDS = ['legalName', 'vatNumber', 'registrationNumber', 'email', 'accountHolder', 'iban', 'bic', 'paymentInstructions'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextField, string> & { address: string };

const draftOf = (s: SellerDetailsView): Draft => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, s[f] ?? ''])) as Record<TextField, string>),
  // Shown in groups of four, as it is read off a bank statement; the server stores it without spaces.
  iban: s.iban ? printedIban(s.iban) : '',
  address: s.address.join('\n'),
});

const bodyOf = (d: Draft): SellerDetailsBody => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, d[f].trim() === '' ? null : d[f]])) as Record<TextField, string | null>),
  address: d.address.split('\n'),
});

const SHOWN = /^(legalName|address(\.\d+)?|vatNumber|registrationNumber|email|accountHolder|iban|bic|paymentInstructions)$/;

export function SellerDetailsSection() {
  const seller = useSellerDetails();
  const queries = useQueryClient();
  if (seller.isError) return <p className="alert" role="alert">{seller.error instanceof Error ? seller.error.message : String(seller.error)}</p>;
  if (!seller.data) return null;
  return <SellerDetailsForm view={seller.data} onSaved={(next) => queries.setQueryData(['billing-seller'], next)} />;
}

function SellerDetailsForm({ view, onSaved }: { view: SellerDetailsView; onSaved(view: SellerDetailsView): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(view));
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const next = await saveSellerDetails(bodyOf(draft));
      setApiError(null);
      setDraft(draftOf(next));
      setSaved(true);
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const general = generalError(apiError, SHOWN);
  const input = (field: TextField, label: string, props: { type?: string; className?: string; autoComplete?: string } = {}) => (
    <div className={props.className}>
      <Field id={`seller-${field}`} label={label} error={fieldError(apiError, field)}>
        <input id={`seller-${field}`} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} value={draft[field]} onChange={(e) => set(field, e.target.value)} />
      </Field>
    </div>
  );

  return (
    <form className="card seller-form" aria-labelledby="seller-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="seller-title">{t('billing.sellerDetails.title')}</h2>
      <p className="muted">{t('billing.sellerDetails.intro')}</p>
      <fieldset>
        <legend>{t('billing.seller')}</legend>
        {input('legalName', t('billing.sellerDetails.legalName'), { autoComplete: 'organization' })}
        <p className="field-hint">{t('billing.sellerDetails.legalNameHint', { name: view.agencyName })}</p>
        <Field id="seller-address" label={t('billing.sellerDetails.address')} error={fieldError(apiError, 'address', true)}>
          <textarea id="seller-address" rows={4} value={draft.address} onChange={(e) => set('address', e.target.value)} />
        </Field>
        <div className="form-grid">
          {input('vatNumber', t('billing.sellerDetails.vatNumber'))}
          {input('registrationNumber', t('billing.sellerDetails.registrationNumber'))}
        </div>
        {input('email', t('billing.sellerDetails.email'), { type: 'email', autoComplete: 'email' })}
      </fieldset>
      <fieldset>
        <legend>{t('billing.sellerDetails.bank')}</legend>
        <p className="field-hint">{t('billing.sellerDetails.bankHint')}</p>
        {input('accountHolder', t('billing.sellerDetails.accountHolder'))}
        <p className="field-hint">{t('billing.sellerDetails.accountHolderHint')}</p>
        <div className="form-grid">
          {input('iban', t('billing.sellerDetails.iban'), { className: 'seller-iban' })}
          {input('bic', t('billing.sellerDetails.bic'), { className: 'seller-iban' })}
        </div>
        <Field id="seller-paymentInstructions" label={t('billing.sellerDetails.instructions')} error={fieldError(apiError, 'paymentInstructions')}>
          <textarea id="seller-paymentInstructions" rows={3} value={draft.paymentInstructions} onChange={(e) => set('paymentInstructions', e.target.value)} />
        </Field>
        <p className="field-hint">{t('billing.sellerDetails.instructionsHint')}</p>
      </fieldset>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t('billing.sellerDetails.save')}</button>
        <span className="pay-saved" role="status">{saved ? t('billing.sellerDetails.saved') : ''}</span>
      </div>
    </form>
  );
}

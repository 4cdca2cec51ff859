import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../../api/client.ts';
import { GATEWAYS, saveBillingSettings, type BillingSettings, type PaymentGateway, type SettingsView } from '../../../../api/payments.ts';
import { Field } from '../../../../components/Field.tsx';
import { isCurrency, majorOf, minorOf } from '../../amounts.ts';
import { usePaymentI18n } from '../i18n.ts';
import { gatewayName } from '../parts.tsx';
import { fieldError, generalError } from './errors.ts';
import { RetryDaysEditor } from './RetryDaysEditor.tsx';

interface Draft {
  invoiceRenewals: boolean;
  primaryGateway: string;
  fallbackGateway: string;
  retryDays: string[];
  holdLarge: boolean;
  thresholdAmount: string;
  thresholdCurrency: string;
  cardExpiryLeadDays: string;
  autoCharge: boolean;
}

const draftOf = (s: BillingSettings, currency: string): Draft => ({
  invoiceRenewals: s.invoiceRenewals,
  primaryGateway: s.primaryGateway ?? '',
  fallbackGateway: s.fallbackGateway ?? '',
  retryDays: s.retryDays.map(String),
  holdLarge: s.approvalThreshold !== null,
  thresholdAmount: s.approvalThreshold ? majorOf(s.approvalThreshold.amount, s.approvalThreshold.currency) : '',
  thresholdCurrency: s.approvalThreshold?.currency ?? currency,
  cardExpiryLeadDays: String(s.cardExpiryLeadDays),
  autoCharge: s.autoCharge,
});

const WHOLE = /^\d+$/;
const SHOWN = /^(invoiceRenewals|primaryGateway|fallbackGateway|retryDays(\.\d+)?|approvalThreshold(\.\w+)?|cardExpiryLeadDays|autoCharge)$/;

interface Props {
  view: SettingsView;
  onSaved(view: SettingsView): void;
}

/** How clients are charged: which gateway, what is retried when, what waits for approval. */
export function ChargingForm({ view, onSaved }: Props) {
  const { t } = usePaymentI18n();
  const [draft, setDraft] = useState(() => draftOf(view.settings, 'EUR'));
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const configured = (name: string) => view.gateways.find((g: PaymentGateway) => g.name === name)?.configured ?? false;

  const read = (): BillingSettings | null => {
    const bad = new Set<string>();
    draft.retryDays.forEach((d, i) => !WHOLE.test(d.trim()) && bad.add(`retryDays.${i}`));
    if (!WHOLE.test(draft.cardExpiryLeadDays.trim())) bad.add('cardExpiryLeadDays');
    const currency = draft.thresholdCurrency.trim().toUpperCase();
    if (draft.holdLarge && !isCurrency(currency)) bad.add('approvalThreshold.currency');
    const amount = draft.holdLarge && isCurrency(currency) ? minorOf(draft.thresholdAmount, currency) : null;
    if (draft.holdLarge && isCurrency(currency) && amount === null) bad.add('approvalThreshold.amount');
    setUnreadable(bad);
    if (bad.size > 0) return null;
    return {
      invoiceRenewals: draft.invoiceRenewals,
      primaryGateway: (draft.primaryGateway || null) as BillingSettings['primaryGateway'],
      fallbackGateway: (draft.fallbackGateway || null) as BillingSettings['fallbackGateway'],
      retryDays: draft.retryDays.map(Number),
      approvalThreshold: draft.holdLarge && amount !== null ? { amount, currency } : null,
      cardExpiryLeadDays: Number(draft.cardExpiryLeadDays),
      autoCharge: draft.autoCharge,
    };
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const settings = read();
    if (!settings) return;
    setBusy(true);
    try {
      const next = await saveBillingSettings(settings);
      setApiError(null);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: string, localKey?: Parameters<typeof t>[0]) => (unreadable.has(field) && localKey ? t(localKey) : fieldError(apiError, field));
  const retriesUnreadable = new Set([...unreadable].filter((f) => f.startsWith('retryDays.')).map((f) => Number(f.split('.')[1])));
  const general = generalError(apiError, SHOWN);
  const gatewayOption = (name: string) => (
    <option key={name} value={name}>{configured(name) ? gatewayName(name) : t('pay.settings.notSetUpOption', { gateway: gatewayName(name) })}</option>
  );

  return (
    <form className="card pay-settings-form" aria-labelledby="pay-charging-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="pay-charging-title">{t('pay.settings.charging')}</h2>
      <label className="checkbox pay-wide">
        <input type="checkbox" checked={draft.invoiceRenewals} onChange={(e) => set('invoiceRenewals', e.target.checked)} />
        {t('pay.settings.invoiceRenewals')}
      </label>
      <p className="field-hint pay-wide">{t('pay.settings.invoiceRenewalsHint')}</p>
      <label className="checkbox pay-wide">
        <input type="checkbox" checked={draft.autoCharge} onChange={(e) => set('autoCharge', e.target.checked)} />
        {t('pay.settings.autoCharge')}
      </label>
      <p className="field-hint pay-wide">{t('pay.settings.autoChargeHint')}</p>
      <div className="form-grid">
        <Field id="pay-primary" label={t('pay.settings.primary')} error={errorFor('primaryGateway')}>
          <select id="pay-primary" value={draft.primaryGateway} onChange={(e) => set('primaryGateway', e.target.value)}>
            <option value="">{t('pay.settings.noGateway')}</option>
            {GATEWAYS.map(gatewayOption)}
          </select>
        </Field>
        <Field id="pay-fallback" label={t('pay.settings.fallback')} error={errorFor('fallbackGateway')}>
          <select id="pay-fallback" value={draft.fallbackGateway} onChange={(e) => set('fallbackGateway', e.target.value)}>
            <option value="">{t('pay.settings.noFallback')}</option>
            {GATEWAYS.map(gatewayOption)}
          </select>
        </Field>
      </div>
      <RetryDaysEditor days={draft.retryDays} onChange={(days) => set('retryDays', days)} error={apiError} unreadable={retriesUnreadable} />
      <fieldset className="pay-threshold">
        <legend>{t('pay.settings.threshold')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.holdLarge} onChange={(e) => set('holdLarge', e.target.checked)} />
          {t('pay.settings.holdLarge')}
        </label>
        {draft.holdLarge && (
          <div className="form-grid">
            <Field id="pay-threshold-amount" label={t('pay.settings.thresholdAmount')} error={errorFor('approvalThreshold.amount', 'pay.settings.amountUnreadable') ?? fieldError(apiError, 'approvalThreshold')}>
              <input id="pay-threshold-amount" inputMode="decimal" value={draft.thresholdAmount} onChange={(e) => set('thresholdAmount', e.target.value)} />
            </Field>
            <Field id="pay-threshold-currency" label={t('pay.settings.thresholdCurrency')} error={errorFor('approvalThreshold.currency', 'pay.settings.currencyUnreadable')}>
              <input id="pay-threshold-currency" value={draft.thresholdCurrency} maxLength={3} onChange={(e) => set('thresholdCurrency', e.target.value)} />
            </Field>
          </div>
        )}
        <p className="field-hint">{t('pay.settings.thresholdHint')}</p>
      </fieldset>
      <div className="form-grid">
        <Field id="pay-lead-days" label={t('pay.settings.leadDays')} error={errorFor('cardExpiryLeadDays', 'pay.settings.daysUnreadable')}>
          <input id="pay-lead-days" type="number" min={1} max={180} inputMode="numeric" value={draft.cardExpiryLeadDays} onChange={(e) => set('cardExpiryLeadDays', e.target.value)} />
        </Field>
      </div>
      <p className="field-hint">{t('pay.settings.leadDaysHint')}</p>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t('pay.settings.save')}</button>
        <span className="pay-saved" role="status">{saved ? t('pay.settings.saved') : ''}</span>
      </div>
    </form>
  );
}

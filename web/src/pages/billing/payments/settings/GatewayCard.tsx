import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../../api/client.ts';
import { removeGateway, saveGateway, type PaymentGateway, type PaypalCredentials, type StripeCredentials } from '../../../../api/payments.ts';
import { Field } from '../../../../components/Field.tsx';
import { usePaymentI18n, type PaymentMessageKey } from '../i18n.ts';
import { gatewayName, StateBadge } from '../parts.tsx';
import { fieldError, generalError } from './errors.ts';

interface Props {
  gateway: PaymentGateway;
  onChanged(): Promise<void>;
}

const SECRET_NAMES: Record<string, PaymentMessageKey> = {
  secretKey: 'pay.gateway.secretKey',
  webhookSecrets: 'pay.gateway.webhookSecrets',
  clientSecret: 'pay.gateway.clientSecret',
};

/** Puts text on the clipboard; plain-http sites (no Clipboard API) fall back to copying the selection. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): try the selection below.
  }
  input?.select();
  return document.execCommand('copy');
}

/**
 * One gateway's credentials. Secrets go in password fields and never come back: the page shows
 * which are set, and a field left empty keeps what is kept. The webhook address is the one to
 * paste into the gateway's dashboard.
 */
export function GatewayCard({ gateway, onChanged }: Props) {
  const { t, date } = usePaymentI18n();
  const name = gatewayName(gateway.name);
  const [stripe, setStripe] = useState({ secretKey: '', webhookSecrets: [''] });
  const [paypal, setPaypal] = useState({
    clientId: String(gateway.config.clientId ?? ''),
    clientSecret: '',
    webhookId: String(gateway.config.webhookId ?? ''),
  });
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const webhookInput = useRef<HTMLInputElement>(null);
  const id = (field: string) => `pay-${gateway.name}-${field}`;

  const body = (): StripeCredentials | PaypalCredentials => {
    if (gateway.name === 'stripe') {
      const secrets = stripe.webhookSecrets.map((s) => s.trim()).filter(Boolean);
      return { ...(stripe.secretKey.trim() ? { secretKey: stripe.secretKey.trim() } : {}), ...(secrets.length ? { webhookSecrets: secrets } : {}) };
    }
    const changed = (field: 'clientId' | 'webhookId') => paypal[field].trim() !== String(gateway.config[field] ?? '') && paypal[field].trim() !== '';
    return {
      ...(changed('clientId') ? { clientId: paypal.clientId.trim() } : {}),
      ...(paypal.clientSecret.trim() ? { clientSecret: paypal.clientSecret.trim() } : {}),
      ...(changed('webhookId') ? { webhookId: paypal.webhookId.trim() } : {}),
    };
  };
  const run = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await work();
      setApiError(null);
      setNotice(message);
      setStripe({ secretKey: '', webhookSecrets: [''] });
      setPaypal((p) => ({ ...p, clientSecret: '' }));
      await onChanged();
    } catch (err) {
      setNotice(null);
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const credentials = body();
    if (Object.keys(credentials).length === 0) return setNotice(t('pay.gateway.nothingToSave'));
    void run(() => saveGateway(gateway.name, credentials), t('pay.gateway.saved', { gateway: name }));
  };
  const remove = () => {
    if (window.confirm(t('pay.gateway.removeConfirm', { gateway: name }))) void run(() => removeGateway(gateway.name), t('pay.gateway.removed', { gateway: name }));
  };
  const secretHint = (field: string) => (gateway.secretFields.includes(field) ? t('pay.gateway.keepHint') : undefined);
  const general = generalError(apiError, /^(secretKey|webhookSecrets(\.\d+)?|clientId|clientSecret|webhookId)$/);

  return (
    <form className="card pay-gateway" aria-labelledby={id('title')} onSubmit={submit} noValidate>
      <div className="pay-gateway-head">
        <h3 id={id('title')}>{name}</h3>
        <StateBadge tone={gateway.configured ? 'ok' : 'quiet'}>{gateway.configured ? t('pay.gateway.ready') : t('pay.gateway.notSetUp')}</StateBadge>
        {gateway.secretFields.map((f) => (
          <StateBadge key={f} tone="info">{t('pay.gateway.isSet', { secret: SECRET_NAMES[f] ? t(SECRET_NAMES[f]) : f })}</StateBadge>
        ))}
      </div>
      {gateway.updatedAt && <p className="muted pay-small">{t('pay.gateway.updatedAt', { date: date(gateway.updatedAt) })}</p>}
      {gateway.name === 'stripe' ? (
        <div className="pay-gateway-fields">
          <Field id={id('secretKey')} label={t('pay.gateway.secretKey')} error={fieldError(apiError, 'secretKey')}>
            <input id={id('secretKey')} type="password" autoComplete="off" placeholder={secretHint('secretKey')} value={stripe.secretKey} onChange={(e) => setStripe({ ...stripe, secretKey: e.target.value })} />
          </Field>
          {stripe.webhookSecrets.map((secret, i) => (
            <Field key={i} id={id(`webhookSecret-${i}`)} label={i === 0 ? t('pay.gateway.webhookSecret') : t('pay.gateway.webhookSecretN', { n: i + 1 })}
              error={fieldError(apiError, `webhookSecrets.${i}`) ?? (i === 0 ? fieldError(apiError, 'webhookSecrets') : undefined)}>
              <input id={id(`webhookSecret-${i}`)} type="password" autoComplete="off" placeholder={i === 0 ? secretHint('webhookSecrets') : undefined} value={secret}
                onChange={(e) => setStripe({ ...stripe, webhookSecrets: stripe.webhookSecrets.map((s, j) => (j === i ? e.target.value : s)) })} />
            </Field>
          ))}
          {stripe.webhookSecrets.length < 5 && (
            <button type="button" className="link pay-add-secret" onClick={() => setStripe({ ...stripe, webhookSecrets: [...stripe.webhookSecrets, ''] })}>{t('pay.gateway.addWebhookSecret')}</button>
          )}
          <p className="field-hint">{t('pay.gateway.stripeHint')}</p>
        </div>
      ) : (
        <div className="pay-gateway-fields">
          <Field id={id('clientId')} label={t('pay.gateway.clientId')} error={fieldError(apiError, 'clientId')}>
            <input id={id('clientId')} autoComplete="off" value={paypal.clientId} onChange={(e) => setPaypal({ ...paypal, clientId: e.target.value })} />
          </Field>
          <Field id={id('clientSecret')} label={t('pay.gateway.clientSecret')} error={fieldError(apiError, 'clientSecret')}>
            <input id={id('clientSecret')} type="password" autoComplete="off" placeholder={secretHint('clientSecret')} value={paypal.clientSecret} onChange={(e) => setPaypal({ ...paypal, clientSecret: e.target.value })} />
          </Field>
          <Field id={id('webhookId')} label={t('pay.gateway.webhookId')} error={fieldError(apiError, 'webhookId')}>
            <input id={id('webhookId')} autoComplete="off" value={paypal.webhookId} onChange={(e) => setPaypal({ ...paypal, webhookId: e.target.value })} />
          </Field>
        </div>
      )}
      <div className="field pay-webhook">
        <label htmlFor={id('webhookUrl')}>{t('pay.gateway.webhookUrl')}</label>
        <span className="pay-copy">
          <input id={id('webhookUrl')} ref={webhookInput} readOnly value={gateway.webhookUrl} onFocus={(e) => e.target.select()} />
          <button type="button" className="secondary" onClick={() => void copyText(gateway.webhookUrl, webhookInput.current).then((ok) => setNotice(ok ? t('pay.gateway.copied') : null))}>
            {t('pay.gateway.copy')}
          </button>
        </span>
        <p className="field-hint">{t('pay.gateway.webhookHint', { gateway: name })}</p>
      </div>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t('pay.gateway.save', { gateway: name })}</button>
        {(gateway.configured || gateway.updatedAt) && (
          <button type="button" className="secondary danger" disabled={busy} onClick={remove}>{t('pay.gateway.remove')}</button>
        )}
        <span className="pay-saved" role="status">{notice}</span>
      </div>
    </form>
  );
}

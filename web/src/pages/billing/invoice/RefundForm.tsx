import { useState, type FormEvent } from 'react';
import type { InvoiceDocument, InvoicePayment } from '../../../api/billing.ts';
import { ApiError } from '../../../api/client.ts';
import { refundPayment, type Refund } from '../../../api/payments.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { majorOf, minorOf } from '../amounts.ts';

interface Props {
  invoiceId: string;
  payment: InvoicePayment;
  /** Minor units: what remains to refund of the payment. */
  refundable: number;
  onRefunded(result: { refund: Refund; invoice: InvoiceDocument }): Promise<void>;
  onCancel(): void;
}

const newRequestKey = () => crypto.randomUUID();

/**
 * Refunding one payment: how much (all that remains unless changed) and why, confirmed before it
 * is sent. The request key stays the same while the amount does, so sending again after a failure
 * (or a second click) asks the gateway for the same refund, never a second one.
 */
export function RefundForm({ invoiceId, payment, refundable, onRefunded, onCancel }: Props) {
  const { t, money } = useI18n();
  const [amount, setAmount] = useState(() => majorOf(refundable, payment.currency));
  const [reason, setReason] = useState('');
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<{ amount?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = minorOf(amount, payment.currency);
    const problems = { ...(minor === null ? { amount: t('pay.refund.unreadable') } : {}), ...(reason.trim() === '' ? { reason: t('pay.refund.reasonMissing') } : {}) };
    setLocal(problems);
    if (minor === null || problems.reason) return;
    if (!window.confirm(t('pay.refund.confirm', { amount: money(minor, payment.currency) }))) return;
    setBusy(true);
    try {
      setApiError(null);
      await onRefunded(await refundPayment(invoiceId, payment.id, { amount: minor, reason: reason.trim(), requestKey }));
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const amountError = local.amount ?? apiError?.fieldMessage('amount');
  const reasonError = local.reason ?? apiError?.fieldMessage('reason');
  const general = apiError && !apiError.fieldMessage('amount') && !apiError.fieldMessage('reason') ? apiError.message : null;
  return (
    <form className="card billing-form inline-form" aria-label={t('pay.refund.title')} onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">{payment.gateway ? t('pay.refund.throughGateway', { gateway: payment.gateway === 'stripe' ? 'Stripe' : 'PayPal' }) : t('pay.refund.byHand')}</p>
      <Field id={`refund-amount-${payment.id}`} label={t('pay.refund.amount', { currency: payment.currency })} error={amountError}>
        <input
          id={`refund-amount-${payment.id}`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            // Another amount is another refund: it must not reuse the key of one already sent.
            setRequestKey(newRequestKey());
          }}
        />
      </Field>
      <p className="hint">{t('pay.refund.amountHint', { amount: money(refundable, payment.currency) })}</p>
      <Field id={`refund-reason-${payment.id}`} label={t('pay.refund.reason')} error={reasonError}>
        <input id={`refund-reason-${payment.id}`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <p className="hint">{t('pay.refund.reasonHint')}</p>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t('pay.refund.submit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { InvoiceDocument } from '../../../api/billing.ts';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { majorOf, minorOf } from '../amounts.ts';
import { formErrors } from '../invoices/form-errors.ts';
import { today } from '../invoices/parts.tsx';

interface Props {
  invoice: InvoiceDocument;
  onRecorded(invoice: InvoiceDocument): Promise<void>;
  onCancel(): void;
}

/** A payment received outside a gateway (a bank transfer): how much, and on which day. */
export function PaymentForm({ invoice, onRecorded, onCancel }: Props) {
  const { t } = useI18n();
  const [amount, setAmount] = useState(() => majorOf(invoice.amountDue, invoice.currency));
  const [receivedOn, setReceivedOn] = useState(today);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = minorOf(amount, invoice.currency);
    setUnreadable(minor === null);
    if (minor === null) return;
    // A day picked by hand is kept at noon UTC, so it stays that day in every time zone.
    const receivedAt = receivedOn && receivedOn !== today() ? `${receivedOn}T12:00:00Z` : undefined;
    try {
      const answer = await api<{ invoice: InvoiceDocument }>('POST', `/invoices/${invoice.id}/payments`, { amount: minor, receivedAt });
      await onRecorded(answer.invoice);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    }
  };
  const { errorFor, general } = formErrors(apiError, unreadable ? { amount: 'billing.error.price' } : {}, t);
  return (
    <form className="card billing-form inline-form" aria-label={t('billing.payment.title')} onSubmit={(e) => void submit(e)} noValidate>
      <Field id="payment-amount" label={t('billing.payment.amount', { currency: invoice.currency })} error={errorFor('amount')}>
        <input id="payment-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </Field>
      <Field id="payment-date" label={t('billing.payment.receivedOn')} error={errorFor('receivedAt')}>
        <input id="payment-date" type="date" value={receivedOn} max={today()} onChange={(e) => setReceivedOn(e.target.value)} />
      </Field>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit">{t('billing.payment.submit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RenewalTask } from './api.ts';

const fractionDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "17.99" or "17,99" in the currency's major unit → minor units; null when blank, NaN when not a number (the API names it). */
function minorUnits(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!trimmed) return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Math.round(Number(trimmed) * 10 ** fractionDigits(currency)) : Number.NaN;
}

const majorUnits = (amount: number | null, currency: string) => (amount === null ? '' : (amount / 10 ** fractionDigits(currency)).toFixed(fractionDigits(currency)));

/** Completing the task: renewed (the new expiry, typed or from a fresh check, and what was paid) or cancelled (retires the asset). */
export function CompleteForm({ task, onDone }: { task: RenewalTask; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'renewed' | 'cancelled'>('renewed');
  const [fromCheck, setFromCheck] = useState(false);
  const [until, setUntil] = useState('');
  const [amount, setAmount] = useState(majorUnits(task.asset.renewalAmount, task.asset.currency));
  const [currency, setCurrency] = useState(task.asset.currency);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (outcome === 'cancelled' && !confirming) return setConfirming(true);
    const paid = minorUnits(amount, currency);
    const body = outcome === 'cancelled'
      ? { outcome, note: note || undefined }
      : { outcome, ...(fromCheck ? { expiryFrom: 'check' } : { renewedUntil: until || undefined }), ...(paid === null ? {} : { paid: { amount: paid, currency } }) };
    try {
      await api('POST', `/tasks/${task.id}/complete`, body);
      setError(null);
      await onDone();
    } catch (err) {
      setConfirming(false);
      if (err instanceof ApiError) setError(err);
    }
  };
  const message = (field: string) => error?.fieldMessage(field);
  const general = error && !['renewedUntil', 'expiryFrom', 'paid', 'note'].some((f) => message(f)) ? error.message : null;
  return (
    <form className="card form-grid task-complete" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="task-complete-title">
      <h2 id="task-complete-title" className="form-title">{t('tasks.complete')}</h2>
      <fieldset className="monitor-group">
        <legend>{t('tasks.outcome')}</legend>
        <label className="checkbox"><input type="radio" name="task-outcome" checked={outcome === 'renewed'} onChange={() => { setOutcome('renewed'); setConfirming(false); }} />{t('tasks.outcome.renewed')}</label>
        <label className="checkbox"><input type="radio" name="task-outcome" checked={outcome === 'cancelled'} onChange={() => setOutcome('cancelled')} />{t('tasks.cancelRetire')}</label>
      </fieldset>
      {outcome === 'renewed' ? (
        <>
          <Field id="task-renewed-until" label={t('tasks.newExpiry')} error={message('renewedUntil') ?? message('expiryFrom')}>
            <input id="task-renewed-until" type="date" value={until} disabled={fromCheck} onChange={(e) => setUntil(e.target.value)} />
          </Field>
          <label className="checkbox task-from-check"><input type="checkbox" checked={fromCheck} onChange={(e) => setFromCheck(e.target.checked)} />{t('tasks.fromCheck')}</label>
          <Field id="task-paid" label={t('tasks.pricePaid')} error={message('paid.amount')}>
            <input id="task-paid" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field id="task-currency" label={t('tasks.currency')} error={message('paid.currency')}>
            <input id="task-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </Field>
        </>
      ) : (
        <Field id="task-note" label={t('tasks.note')} error={message('note')}>
          <textarea id="task-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      )}
      {general && <p className="alert" role="alert">{general}</p>}
      {confirming && <p className="alert" role="alert">{t('tasks.confirmRetire', { name: task.asset.name })}</p>}
      <div className="actions">
        <button type="submit" className={outcome === 'cancelled' ? 'danger' : undefined}>
          {outcome === 'renewed' ? t('tasks.markRenewed') : confirming ? t('tasks.confirmRetireButton') : t('tasks.cancelRetire')}
        </button>
      </div>
    </form>
  );
}

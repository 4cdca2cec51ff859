import { useState, type FormEvent } from 'react';
import type { InvoiceDocument } from '../../../api/billing.ts';
import { api, ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { thousandthsOf, unitsOf } from '../amounts.ts';
import { formErrors } from '../invoices/form-errors.ts';

export interface CreditNoteIssued {
  creditNote: InvoiceDocument;
  invoice: InvoiceDocument;
}

interface Props {
  invoice: InvoiceDocument;
  onIssued(result: CreditNoteIssued): Promise<void>;
  onCancel(): void;
}

interface Choice {
  chosen: boolean;
  quantity: string;
}

/** A credit note negating the chosen lines, each in full or in part; it is issued at once. */
export function CreditNoteForm({ invoice, onIssued, onCancel }: Props) {
  const { t, money } = useI18n();
  const [choices, setChoices] = useState<Choice[]>(() => invoice.lines.map((l) => ({ chosen: true, quantity: unitsOf(l.quantity) })));
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [unreadable, setUnreadable] = useState<number[]>([]);
  const choose = (i: number, patch: Partial<Choice>) => setChoices(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Positions count from 1 in the order the lines are printed.
    const chosen = choices.map((c, i) => ({ position: i + 1, quantity: thousandthsOf(c.quantity), chosen: c.chosen })).filter((c) => c.chosen);
    const bad = chosen.filter((c) => c.quantity === null).map((c) => c.position - 1);
    setUnreadable(bad);
    if (bad.length > 0) return;
    try {
      const result = await api<CreditNoteIssued>('POST', `/invoices/${invoice.id}/credit-notes`, { lines: chosen.map(({ position, quantity }) => ({ position, quantity })) });
      await onIssued(result);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    }
  };
  const { errorFor, general } = formErrors(apiError, {}, t);
  return (
    <form className="card billing-form" aria-label={t('billing.credit.title')} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('billing.credit.title')}</h2>
      <p className="muted">{t('billing.credit.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('billing.credit.line')}</th>
            <th scope="col">{t('billing.line.quantity')}</th>
            <th scope="col" className="num">{t('billing.line.netShort')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, i) => (
            <tr key={i}>
              <td>
                <label className="checkbox">
                  <input type="checkbox" checked={choices[i]?.chosen ?? false} onChange={(e) => choose(i, { chosen: e.target.checked })} />
                  {line.description}
                </label>
              </td>
              <td>
                <input
                  aria-label={t('billing.credit.quantityOf', { line: line.description })}
                  inputMode="decimal"
                  disabled={!choices[i]?.chosen}
                  value={choices[i]?.quantity ?? ''}
                  onChange={(e) => choose(i, { quantity: e.target.value })}
                />
                {(unreadable.includes(i) || errorFor(`lines.${i}.quantity`)) && <p className="field-error" role="alert">{errorFor(`lines.${i}.quantity`) ?? t('billing.error.quantity')}</p>}
              </td>
              <td className="num">{money(line.net, invoice.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(errorFor('lines') ?? general) && <p className="alert" role="alert">{errorFor('lines') ?? general}</p>}
      <div className="actions">
        <button type="submit">{t('billing.credit.submit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

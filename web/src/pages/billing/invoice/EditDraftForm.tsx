import { useState, type FormEvent } from 'react';
import { useBillingProfile, type InvoiceDocument } from '../../../api/billing.ts';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { lineFromDocument, linesBody, type DraftLine, type LocalErrors } from '../invoices/draft-lines.ts';
import { formErrors } from '../invoices/form-errors.ts';
import { LinesEditor } from '../invoices/LinesEditor.tsx';

interface Props {
  invoice: InvoiceDocument;
  onSaved(invoice: InvoiceDocument): Promise<void>;
  onCancel(): void;
}

/** A draft's lines and notes, replaced as a whole (the API's PATCH). */
export function EditDraftForm({ invoice, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const profile = useBillingProfile(invoice.buyer.clientId);
  const [lines, setLines] = useState<DraftLine[]>(() => invoice.lines.map((l) => lineFromDocument(l, invoice.currency)));
  const [notes, setNotes] = useState(invoice.notes ?? '');
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<LocalErrors>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = linesBody(lines, invoice.currency, (percent) => t('billing.line.taxNameDefault', { percent }));
    setLocal(body.errors);
    if (Object.keys(body.errors).length > 0) return;
    try {
      await onSaved(await api<InvoiceDocument>('PATCH', `/invoices/${invoice.id}`, { lines: body.lines, notes: notes.trim() || null }));
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    }
  };
  const { errorFor, general } = formErrors(apiError, local, t);
  return (
    <form className="card billing-form" aria-label={t('billing.edit.title')} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('billing.edit.title')}</h2>
      {errorFor('lines') && <p className="field-error" role="alert">{errorFor('lines')}</p>}
      <LinesEditor lines={lines} onChange={setLines} currency={invoice.currency} clientRate={profile.data?.taxRate} errorFor={errorFor} />
      <Field id="edit-notes" label={t('billing.notes')} error={errorFor('notes')}>
        <textarea id="edit-notes" rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      {general && <p className="alert" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useBillingProfile, type InvoiceDocument } from '../../api/billing.ts';
import { api, ApiError } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isCurrency } from './amounts.ts';
import { blankLine, linesBody, type DraftLine, type LocalErrors } from './invoices/draft-lines.ts';
import { formErrors } from './invoices/form-errors.ts';
import { LinesEditor } from './invoices/LinesEditor.tsx';

/** A draft invoice by hand: the client, its currency, the lines and notes; saved as a draft and opened. */
export function NewInvoicePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const clients = useClients();
  const [clientId, setClientId] = useState('');
  const [currency, setCurrency] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => [blankLine()]);
  const [notes, setNotes] = useState('');
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<LocalErrors>({});
  const [saving, setSaving] = useState(false);
  const profile = useBillingProfile(clientId || undefined);
  const client = clients.data?.items.find((c) => c.id === clientId);
  // The currency the lines are priced in: what was typed, else the client's.
  const pricedIn = isCurrency(currency) ? currency : (client?.currency ?? 'EUR');
  const chooseClient = (id: string) => {
    setClientId(id);
    setCurrency(clients.data?.items.find((c) => c.id === id)?.currency ?? '');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = linesBody(lines, pricedIn, (percent) => t('billing.line.taxNameDefault', { percent }));
    setLocal(body.errors);
    if (Object.keys(body.errors).length > 0) return;
    setSaving(true);
    try {
      const invoice = await api<InvoiceDocument>('POST', '/invoices', { clientId, currency: currency || undefined, lines: body.lines, notes: notes.trim() || null });
      await queries.invalidateQueries({ queryKey: ['invoices'] });
      navigate(`/billing/invoices/${invoice.id}`);
    } catch (err) {
      if (err instanceof ApiError) setApiError(err);
      else throw err;
    } finally {
      setSaving(false);
    }
  };
  const { errorFor, general } = formErrors(apiError, local, t);
  return (
    <section className="billing-new">
      <p><Link to="/billing/invoices">{t('billing.back')}</Link></p>
      <h1>{t('billing.new.title')}</h1>
      <form className="card billing-form" aria-label={t('billing.new.title')} onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <Field id="invoice-client" label={t('billing.client')} error={errorFor('clientId')}>
            <select id="invoice-client" value={clientId} onChange={(e) => chooseClient(e.target.value)}>
              <option value="">{t('billing.new.chooseClient')}</option>
              {(clients.data?.items ?? []).filter((c) => !c.archivedAt).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
          <Field id="invoice-currency" label={t('billing.currency')} error={errorFor('currency')}>
            <input id="invoice-currency" maxLength={3} value={currency} placeholder={client?.currency ?? 'EUR'} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </Field>
        </div>
        <h2>{t('billing.lines')}</h2>
        {errorFor('lines') && <p className="field-error" role="alert">{errorFor('lines')}</p>}
        <LinesEditor lines={lines} onChange={setLines} currency={pricedIn} clientRate={clientId ? profile.data?.taxRate : undefined} errorFor={errorFor} />
        <Field id="invoice-notes" label={t('billing.notes')} error={errorFor('notes')}>
          <textarea id="invoice-notes" rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        {general && <p className="alert" role="alert">{general}</p>}
        <div className="actions"><button type="submit" disabled={saving}>{t('billing.new.submit')}</button></div>
      </form>
    </section>
  );
}

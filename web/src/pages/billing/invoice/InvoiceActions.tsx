import { useState } from 'react';
import type { InvoiceDocument } from '../../../api/billing.ts';
import { api, ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { actionsFor } from './actions.ts';
import { CreditNoteForm, type CreditNoteIssued } from './CreditNoteForm.tsx';
import { EditDraftForm } from './EditDraftForm.tsx';
import { PaymentForm } from './PaymentForm.tsx';

type Panel = 'edit' | 'payment' | 'credit' | null;

interface Props {
  invoice: InvoiceDocument;
  /** The invoice as the server answered after a change. */
  onChanged(invoice: InvoiceDocument): Promise<void>;
  onCredited(result: CreditNoteIssued): Promise<void>;
}

/** The staff actions the invoice's state allows; the forms open below the buttons. */
export function InvoiceActions({ invoice, onChanged, onCredited }: Props) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = actionsFor(invoice);
  if (actions.length === 0) return null;
  const move = async (path: 'issue' | 'void' | 'uncollectible', confirmation: string) => {
    if (!window.confirm(confirmation)) return;
    setBusy(true);
    try {
      setError(null);
      await onChanged(await api<InvoiceDocument>('POST', `/invoices/${invoice.id}/${path}`));
      setPanel(null);
    } catch (err) {
      if (err instanceof ApiError) setError(err.message);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const toggle = (next: Exclude<Panel, null>) => setPanel(panel === next ? null : next);
  const done = async (next: InvoiceDocument) => {
    setPanel(null);
    await onChanged(next);
  };
  return (
    <div className="billing-actions">
      <div className="actions" role="toolbar" aria-label={t('billing.actions')}>
        {actions.includes('edit') && <button type="button" className="secondary" aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>{t('billing.action.edit')}</button>}
        {actions.includes('issue') && <button type="button" disabled={busy} onClick={() => void move('issue', t('billing.confirm.issue'))}>{t('billing.action.issue')}</button>}
        {actions.includes('payment') && <button type="button" aria-expanded={panel === 'payment'} onClick={() => toggle('payment')}>{t('billing.action.payment')}</button>}
        {actions.includes('credit') && <button type="button" className="secondary" aria-expanded={panel === 'credit'} onClick={() => toggle('credit')}>{t('billing.action.credit')}</button>}
        {actions.includes('uncollectible') && <button type="button" className="secondary" disabled={busy} onClick={() => void move('uncollectible', t('billing.confirm.uncollectible'))}>{t('billing.action.uncollectible')}</button>}
        {actions.includes('void') && <button type="button" className="secondary danger" disabled={busy} onClick={() => void move('void', t('billing.confirm.void'))}>{t('billing.action.void')}</button>}
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      {panel === 'edit' && <EditDraftForm invoice={invoice} onSaved={done} onCancel={() => setPanel(null)} />}
      {panel === 'payment' && <PaymentForm invoice={invoice} onRecorded={done} onCancel={() => setPanel(null)} />}
      {panel === 'credit' && (
        <CreditNoteForm
          invoice={invoice}
          onIssued={async (result) => {
            setPanel(null);
            await onCredited(result);
          }}
          onCancel={() => setPanel(null)}
        />
      )}
    </div>
  );
}

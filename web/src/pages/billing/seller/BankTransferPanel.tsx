import { printedIban } from '../../../../../src/billing/seller/bank.model.ts';
import type { InvoiceDocument } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import './seller.css';

type Transfer = NonNullable<InvoiceDocument['bankTransfer']>;

/** Where to pay an invoice by transfer, as its PDF prints it: the account, and the invoice number to quote. */
export function BankTransferPanel({ transfer }: { transfer: Transfer }) {
  const { t } = useI18n();
  return (
    <section className="billing-transfer" aria-labelledby="billing-transfer-title">
      <h2 id="billing-transfer-title">{t('billing.transfer.title')}</h2>
      <dl>
        <dt>{t('billing.transfer.accountHolder')}</dt>
        <dd>{transfer.accountHolder}</dd>
        {transfer.iban && (
          <>
            <dt>{t('billing.transfer.iban')}</dt>
            <dd className="iban">{printedIban(transfer.iban)}</dd>
          </>
        )}
        {transfer.bic && (
          <>
            <dt>{t('billing.transfer.bic')}</dt>
            <dd>{transfer.bic}</dd>
          </>
        )}
        {transfer.reference && (
          <>
            <dt>{t('billing.transfer.reference')}</dt>
            <dd className="strong">{transfer.reference}</dd>
          </>
        )}
      </dl>
      {transfer.instructions && <p className="instructions">{transfer.instructions}</p>}
      {transfer.reference && <p className="muted">{t('billing.transfer.quote')}</p>}
    </section>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InvoiceDocument } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { BankTransferPanel } from '../seller/BankTransferPanel.tsx';

/** The invoice as the client reads it: who sells to whom, the lines with their periods, tax per rate, what is paid and owed, and where to pay by transfer. */
export function InvoiceDocumentView({ invoice, clientLink }: { invoice: InvoiceDocument; clientLink: boolean }) {
  const { t, date, number } = useI18n();
  return (
    <article className="card billing-document" aria-label={t('billing.document')}>
      <div className="billing-parties">
        <Party
          title={t('billing.seller')}
          name={invoice.seller.name}
          address={invoice.seller.address}
          vatNumber={invoice.seller.vatNumber}
          registrationNumber={invoice.seller.registrationNumber ?? null}
          email={invoice.seller.email}
        />
        <Party
          title={t('billing.buyer')}
          name={clientLink ? <Link to={`/clients/${invoice.buyer.clientId}`}>{invoice.buyer.name}</Link> : invoice.buyer.name}
          address={invoice.buyer.address}
          vatNumber={invoice.buyer.vatNumber}
        />
        <dl className="billing-dates">
          <div><dt>{t('billing.number')}</dt><dd>{invoice.number ?? t('billing.draft')}</dd></div>
          <div><dt>{t('billing.issuedOn')}</dt><dd>{date(invoice.issuedOn)}</dd></div>
          <div><dt>{t('billing.dueOn')}</dt><dd>{date(invoice.dueOn)}</dd></div>
          {invoice.correcting && <div><dt>{t('billing.corrects')}</dt><dd>{invoice.correcting}</dd></div>}
        </dl>
      </div>
      <div className="table-wrap">
        <table aria-label={t('billing.lines')}>
          <thead>
            <tr>
              <th scope="col">{t('billing.line.description')}</th>
              <th scope="col" className="num">{t('billing.line.quantity')}</th>
              <th scope="col" className="num">{t('billing.line.unitPriceShort')}</th>
              <th scope="col">{t('billing.line.tax')}</th>
              <th scope="col" className="num">{t('billing.line.netShort')}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {line.description}
                  {(line.periodFrom || line.periodTo) && <span className="muted block">{t('billing.period', { from: date(line.periodFrom), to: date(line.periodTo) })}</span>}
                </td>
                <td className="num">{number(line.quantity / 1000)}</td>
                <td className="num"><Money amount={line.unitPrice} invoice={invoice} /></td>
                <td>{line.taxRate?.name ?? t('billing.line.taxNone')}</td>
                <td className="num"><Money amount={line.net} invoice={invoice} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Totals invoice={invoice} />
      {invoice.totals.reverseCharge && <p className="billing-notice" role="note">{t('billing.reverseCharge.notice')}</p>}
      {invoice.kind === 'invoice' && invoice.bankTransfer && <BankTransferPanel transfer={invoice.bankTransfer} />}
      {invoice.notes && <p className="billing-notes">{invoice.notes}</p>}
    </article>
  );
}

function Money({ amount, invoice }: { amount: number; invoice: InvoiceDocument }) {
  const { money } = useI18n();
  return <>{money(amount, invoice.currency)}</>;
}

function Party({ title, name, address, vatNumber, registrationNumber = null, email = null }: { title: string; name: ReactNode; address: string[]; vatNumber: string | null; registrationNumber?: string | null; email?: string | null }) {
  const { t } = useI18n();
  return (
    <div className="billing-party">
      <h2>{title}</h2>
      <p className="strong">{name}</p>
      {address.map((line, i) => <p key={i}>{line}</p>)}
      {vatNumber && <p className="muted">{t('billing.vatNumber')}: {vatNumber}</p>}
      {registrationNumber && <p className="muted">{t('billing.registrationNumber')}: {registrationNumber}</p>}
      {email && <p className="muted">{email}</p>}
    </div>
  );
}

function Totals({ invoice }: { invoice: InvoiceDocument }) {
  const { t, money } = useI18n();
  const { totals } = invoice;
  // The document carries what is owed after credit notes, not their sum: what is neither paid nor owed was credited.
  const credited = invoice.state === 'void' ? 0 : totals.total - invoice.paid - invoice.amountDue;
  return (
    <dl className="billing-totals" aria-label={t('billing.totals')}>
      <div><dt>{t('billing.subtotal')}</dt><dd><Money amount={totals.subtotal} invoice={invoice} /></dd></div>
      {totals.taxes.map((tax) => (
        <div key={`${tax.rate.name}-${tax.rate.basisPoints}`}>
          <dt>{t('billing.taxOn', { rate: tax.rate.name, base: money(tax.base, invoice.currency) })}</dt>
          <dd><Money amount={tax.tax} invoice={invoice} /></dd>
        </div>
      ))}
      <div className="billing-total"><dt>{t('billing.total')}</dt><dd><Money amount={totals.total} invoice={invoice} /></dd></div>
      {invoice.kind === 'invoice' && (
        <>
          <div><dt>{t('billing.paid')}</dt><dd><Money amount={invoice.paid} invoice={invoice} /></dd></div>
          {credited > 0 && <div><dt>{t('billing.credited')}</dt><dd><Money amount={-credited} invoice={invoice} /></dd></div>}
          <div className="billing-due"><dt>{t('billing.amountDue')}</dt><dd><Money amount={invoice.amountDue} invoice={invoice} /></dd></div>
        </>
      )}
    </dl>
  );
}

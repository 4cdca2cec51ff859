import { receiptUrl, useInvoicePayments, type InvoiceDocument } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Payments and refunds against the invoice, with a receipt for each; left out while the server has no such list. */
export function PaymentsSection({ invoice }: { invoice: InvoiceDocument }) {
  const { t, money, locale } = useI18n();
  const payments = useInvoicePayments(invoice.id, invoice.kind === 'invoice' && invoice.state !== 'draft');
  if (!payments.data) return null;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="billing-payments" aria-labelledby="billing-payments-title">
      <h2 id="billing-payments-title">{t('billing.payments.title')}</h2>
      {payments.data.length === 0 ? (
        <p className="empty">{t('billing.payments.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('billing.payments.receivedAt')}</th>
                <th scope="col">{t('billing.payments.kind')}</th>
                <th scope="col">{t('billing.payments.method')}</th>
                <th scope="col" className="num">{t('billing.payments.amount')}</th>
                <th scope="col"><span className="visually-hidden">{t('billing.payments.receipt')}</span></th>
              </tr>
            </thead>
            <tbody>
              {payments.data.map((p) => (
                <tr key={p.id}>
                  <td>{dateTime.format(new Date(p.receivedAt))}</td>
                  <td>{p.kind === 'refund' ? t('billing.payments.refund') : t('billing.payments.payment')}</td>
                  <td>{[p.gateway, p.method].filter(Boolean).join(' · ') || t('billing.payments.byHand')}</td>
                  <td className="num">{money(p.amount, p.currency)}</td>
                  <td><a href={receiptUrl(p.id)} target="_blank" rel="noreferrer">{t('billing.payments.receipt')}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

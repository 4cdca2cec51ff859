import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { receiptUrl, useInvoicePayments, type InvoiceDocument } from '../../../api/billing.ts';
import { canManagePayments, useInvoiceRefunds, type Refund } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { gatewayName } from '../payments/parts.tsx';
import { viaGateway } from '../payments/methods/method-text.ts';
import { RefundForm } from './RefundForm.tsx';

/**
 * Payments and refunds against the invoice, with a receipt for each; left out while the server has
 * no such list. Owners and admins can refund a payment with something left to give back.
 */
export function PaymentsSection({ invoice }: { invoice: InvoiceDocument }) {
  const { t, money, locale } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const listed = invoice.kind === 'invoice' && invoice.state !== 'draft';
  const payments = useInvoicePayments(invoice.id, listed);
  const canRefund = canManagePayments(user);
  const refunds = useInvoiceRefunds(invoice.id, listed && canRefund);
  const [refunding, setRefunding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!payments.data) return null;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const refundableOf = (paymentId: string) => refunds.data?.payments.find((p) => p.paymentId === paymentId)?.refundable ?? 0;
  const reasonOf = (ledgerId: string) => refunds.data?.items.find((r) => r.ledgerPaymentId === ledgerId)?.reason;
  const refunded = async ({ refund, invoice: after }: { refund: Refund; invoice: InvoiceDocument }) => {
    // The invoice, its payments and what remains refundable, all read again before the notice shows.
    await queries.invalidateQueries({ queryKey: ['invoice', invoice.id] });
    await queries.invalidateQueries({ queryKey: ['invoices'] });
    setRefunding(null);
    setNotice(t('pay.refund.done', { amount: money(refund.amount, refund.currency), due: money(after.amountDue, after.currency) }));
  };
  return (
    <section className="billing-payments" aria-labelledby="billing-payments-title">
      <h2 id="billing-payments-title">{t('billing.payments.title')}</h2>
      {notice && <p className="billing-flash" role="status">{notice}</p>}
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
                {canRefund && <th scope="col"><span className="visually-hidden">{t('pay.refund.action')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {payments.data.map((p) => {
                const refundable = p.kind === 'payment' ? refundableOf(p.id) : 0;
                const reason = p.kind === 'refund' ? reasonOf(p.id) : undefined;
                const receivedAt = dateTime.format(new Date(p.receivedAt));
                return (
                  <Fragment key={p.id}>
                    <tr>
                      <td>{receivedAt}</td>
                      <td>
                        {p.kind === 'refund' ? t('billing.payments.refund') : t('billing.payments.payment')}
                        {reason && <div className="hint">{t('pay.refund.reasonShown', { reason })}</div>}
                      </td>
                      <td>{p.gateway ? viaGateway(gatewayName(p.gateway), p.method) : p.method || t('billing.payments.byHand')}</td>
                      <td className="num">{money(p.amount, p.currency)}</td>
                      <td><a href={receiptUrl(p.id)} target="_blank" rel="noreferrer">{t('billing.payments.receipt')}</a></td>
                      {canRefund && (
                        <td>
                          {refundable > 0 && (
                            <button
                              type="button"
                              className="secondary"
                              aria-expanded={refunding === p.id}
                              aria-label={t('pay.refund.actionFor', { amount: money(p.amount, p.currency), date: receivedAt })}
                              onClick={() => {
                                setNotice(null);
                                setRefunding(refunding === p.id ? null : p.id);
                              }}
                            >
                              {t('pay.refund.action')}
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                    {refunding === p.id && refundable > 0 && (
                      <tr>
                        <td colSpan={6}>
                          <RefundForm invoiceId={invoice.id} payment={p} refundable={refundable} onRefunded={refunded} onCancel={() => setRefunding(null)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

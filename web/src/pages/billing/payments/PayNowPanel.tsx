import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InvoiceState } from '../../../api/billing.ts';
import { canPay, chargesKey, payInvoice, usePaymentMethods, type Charge } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { usePaymentI18n } from './i18n.ts';
import { methodText } from './methods/method-text.ts';
import { problemText } from './parts.tsx';

interface Props {
  invoiceId: string;
  clientId: string;
  amountDue: number;
  currency: string;
  state: InvoiceState;
}

const PAYABLE: readonly InvoiceState[] = ['open', 'partially-paid'];

/**
 * "Pay now" on an invoice: the client (or an owner or admin on its behalf) picks one of the
 * client's saved methods, the default first, and the gateway charges it. The answer is shown
 * where the button was: paid, declined with the bank's reason, or still being confirmed.
 * A link with `?pay=1` (the one in payment reminders) scrolls here and lights the panel up.
 */
export function PayNowPanel({ invoiceId, clientId, amountDue, currency, state }: Props) {
  const { t, money } = usePaymentI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [params] = useSearchParams();
  const payable = canPay(user) && amountDue > 0 && PAYABLE.includes(state);
  const methods = usePaymentMethods(payable ? clientId : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [charge, setCharge] = useState<Charge | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const asked = params.get('pay') === '1';
  const ready = methods.isSuccess;

  useEffect(() => {
    if (asked && ready) panel.current?.scrollIntoView({ block: 'center' });
  }, [asked, ready]);

  // The answer stays in view after the invoice is paid and nothing is due any more.
  if (!payable && !charge) return null;
  const list = methods.data ?? [];
  const selected = chosen ?? list.find((m) => m.isDefault)?.id ?? list[0]?.id ?? null;

  const pay = async (e: FormEvent) => {
    e.preventDefault();
    if (!selected) return;
    setBusy(true);
    setProblem(null);
    try {
      setCharge(await payInvoice(invoiceId, selected));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['invoice', invoiceId] }),
        queries.invalidateQueries({ queryKey: chargesKey(invoiceId) }),
        queries.invalidateQueries({ queryKey: ['invoices'] }),
      ]);
    }
  };

  return (
    <section ref={panel} className={asked ? 'card pay-now pay-now-asked' : 'card pay-now'} aria-labelledby="pay-now-title">
      <h2 id="pay-now-title">{t('pay.now.title')}</h2>
      {charge && <ChargeOutcome charge={charge} />}
      {problem && <p className="alert" role="alert">{problem}</p>}
      {payable && methods.isError && <p className="alert" role="alert">{problemText(methods.error)}</p>}
      {payable && ready && list.length === 0 && (
        <p>
          {t('pay.now.noMethods')} <Link to={`/billing/methods?client=${encodeURIComponent(clientId)}`}>{t('pay.now.addMethod')}</Link>
        </p>
      )}
      {payable && list.length > 0 && (
        <form className="pay-now-form" onSubmit={(e) => void pay(e)}>
          <fieldset className="pay-choices">
            <legend>{t('pay.now.chooseMethod')}</legend>
            {list.map((m) => (
              <label key={m.id} className="pay-choice">
                <input type="radio" name="pay-method" value={m.id} checked={selected === m.id} onChange={() => setChosen(m.id)} />
                <span>{methodText(m, t)}</span>
                {m.isDefault && <span className="badge pay-badge pay-badge-info">{t('pay.methods.default')}</span>}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit" disabled={busy || !selected}>{busy ? t('pay.now.paying') : t('pay.now.submit', { amount: money(amountDue, currency) })}</button>
            <Link className="button secondary" to={`/billing/methods?client=${encodeURIComponent(clientId)}`}>{t('pay.now.manage')}</Link>
          </div>
        </form>
      )}
    </section>
  );
}

/** What the gateway answered: paid, declined (with the bank's reason), or not settled yet. */
function ChargeOutcome({ charge }: { charge: Charge }) {
  const { t, money } = usePaymentI18n();
  const amount = money(charge.amount, charge.currency);
  if (charge.state === 'succeeded') return <p className="pay-outcome pay-outcome-ok" role="status">{t('pay.now.paid', { amount })}</p>;
  if (charge.state === 'requested' || charge.state === 'pending') return <p className="pay-outcome pay-outcome-wait" role="status">{t('pay.now.pending', { amount })}</p>;
  const reason = charge.declineMessage ?? charge.declineCode ?? t('pay.now.noReason');
  return (
    <p className="alert" role="alert">
      {charge.state === 'declined' ? t('pay.now.declined', { reason }) : t('pay.now.failed', { reason })}
    </p>
  );
}

import { useSearchParams } from 'react-router';
import { canManagePayments, stopDunning, useDunning, type DunningCase, type DunningState } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { usePaymentI18n } from './i18n.ts';
import { InvoiceLink, Notice, Problem, problemText, useDateTime } from './parts.tsx';
import { useQueueAction } from './queue-action.ts';

const TABS: readonly DunningState[] = ['active', 'exhausted', 'recovered', 'stopped'];

/**
 * Failed payments being followed up: the ones still retried on schedule, the ones whose retries
 * are used up and need a person, and the ones recovered. An owner or admin can stop the retries.
 */
export function DunningPage() {
  const { t, money, date } = usePaymentI18n();
  const at = useDateTime();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = TABS.find((s) => s === params.get('state')) ?? 'active';
  const cases = useDunning(state);
  const { notice, problem, busy, run } = useQueueAction('billing-dunning');
  // Only dunning still under way can be stopped; the rest has ended already.
  const stoppable = canManagePayments(user) && state === 'active';

  const stop = (c: DunningCase) => {
    const values = { client: c.clientName, invoice: c.invoiceNumber ?? t('billing.draft') };
    return run(c.invoiceId, t('pay.dunning.stopConfirm', values), () => stopDunning(c.invoiceId), t('pay.dunning.stopped', values));
  };
  const items = cases.data ?? [];
  return (
    <section className="pay-dunning-page">
      <h1>{t('pay.dunning.title')}</h1>
      <p className="muted">{t('pay.dunning.intro')}</p>
      <div className="segmented pay-tabs" role="group" aria-label={t('pay.dunning.show')}>
        {TABS.map((tab) => (
          <button key={tab} type="button" className={tab === state ? undefined : 'secondary'} aria-pressed={tab === state} onClick={() => setParams(tab === 'active' ? {} : { state: tab }, { replace: true })}>
            {t(`pay.dunning.tab.${tab}`)}
          </button>
        ))}
      </div>
      <Notice text={notice} />
      <Problem text={problem} />
      {cases.isError && <p className="alert" role="alert">{problemText(cases.error)}</p>}
      {cases.isPending && <p className="loading">{t('common.loading')}</p>}
      {cases.isSuccess && items.length === 0 && <p className="empty">{t(`pay.dunning.none.${state}`)}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('billing.client')}</th>
                <th scope="col">{t('billing.number')}</th>
                <th scope="col" className="num">{t('billing.amountDue')}</th>
                <th scope="col">{t('pay.dunning.since')}</th>
                {state === 'active' && <th scope="col">{t('pay.dunning.nextAttempt')}</th>}
                <th scope="col" className="num">{t('pay.dunning.failures')}</th>
                <th scope="col">{t('pay.dunning.lastReason')}</th>
                {stoppable && <th scope="col"><span className="visually-hidden">{t('pay.dunning.actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.invoiceId}>
                  <td>{c.clientName}</td>
                  <td><InvoiceLink id={c.invoiceId} number={c.invoiceNumber} /></td>
                  <td className="num">{money(c.amountDue, c.currency)}</td>
                  <td>{date(c.enteredAt)}</td>
                  {state === 'active' && <td>{at(c.nextAttemptAt)}</td>}
                  <td className="num">{c.failures}</td>
                  <td>{c.lastReason ?? t('common.none')}</td>
                  {stoppable && (
                    <td>
                      <div className="pay-row-actions">
                        <button type="button" className="secondary danger" disabled={busy !== null} onClick={() => void stop(c)} aria-label={t('pay.dunning.stopOf', { client: c.clientName })}>{t('pay.dunning.stop')}</button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

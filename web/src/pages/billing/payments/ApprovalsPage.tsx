import { useSearchParams } from 'react-router';
import { canManagePayments, decideApproval, useApprovals, type AutoCharge, type AutoChargeState } from '../../../api/payments.ts';
import { useSession } from '../../../api/session.tsx';
import { usePaymentI18n } from './i18n.ts';
import { InvoiceLink, Notice, Problem, problemText, StateBadge } from './parts.tsx';
import { useQueueAction } from './queue-action.ts';

const STATES: readonly AutoChargeState[] = ['awaiting-approval', 'scheduled', 'approved', 'charged', 'failed', 'rejected', 'cancelled'];
const TONE = { scheduled: 'quiet', 'awaiting-approval': 'warn', approved: 'info', charged: 'ok', failed: 'alarm', rejected: 'alarm', cancelled: 'quiet' } as const;

/**
 * Automatic charges above the approval threshold wait here for a person: an automation never
 * moves large sums unseen. Owners and admins approve or reject; managers see the list.
 */
export function ApprovalsPage() {
  const { t, money, date } = usePaymentI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get('state')) ?? 'awaiting-approval';
  const approvals = useApprovals(state);
  const { notice, problem, busy, run } = useQueueAction('billing-approvals');
  const writable = canManagePayments(user);

  const decide = (charge: AutoCharge, decision: 'approve' | 'reject') => {
    const values = { client: charge.clientName, amount: money(charge.amount, charge.currency), date: date(charge.chargeOn), invoice: charge.invoiceNumber ?? t('billing.draft') };
    const question = t(decision === 'approve' ? 'pay.approvals.approveConfirm' : 'pay.approvals.rejectConfirm', values);
    const done = t(decision === 'approve' ? 'pay.approvals.approved' : 'pay.approvals.rejected', values);
    return run(charge.invoiceId, question, () => decideApproval(charge.invoiceId, decision), done);
  };
  const items = approvals.data ?? [];
  return (
    <section className="pay-approvals-page">
      <h1>{t('pay.approvals.title')}</h1>
      <p className="muted">{writable ? t('pay.approvals.intro') : t('pay.approvals.readOnly')}</p>
      <div className="filters" role="search">
        <label>{t('pay.approvals.show')}
          <select value={state} onChange={(e) => setParams(e.target.value === 'awaiting-approval' ? {} : { state: e.target.value }, { replace: true })}>
            {STATES.map((s) => <option key={s} value={s}>{t(`pay.auto.state.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <Notice text={notice} />
      <Problem text={problem} />
      {approvals.isError && <p className="alert" role="alert">{problemText(approvals.error)}</p>}
      {approvals.isPending && <p className="loading">{t('common.loading')}</p>}
      {approvals.isSuccess && items.length === 0 && <p className="empty">{state === 'awaiting-approval' ? t('pay.approvals.none') : t('pay.approvals.noneInState')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('billing.client')}</th>
                <th scope="col">{t('billing.number')}</th>
                <th scope="col" className="num">{t('pay.approvals.amount')}</th>
                <th scope="col" className="num">{t('pay.approvals.threshold')}</th>
                <th scope="col">{t('pay.approvals.chargeOn')}</th>
                <th scope="col">{t('billing.state')}</th>
                {writable && state === 'awaiting-approval' && <th scope="col"><span className="visually-hidden">{t('pay.approvals.decision')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.invoiceId}>
                  <td>{c.clientName}</td>
                  <td><InvoiceLink id={c.invoiceId} number={c.invoiceNumber} /></td>
                  <td className="num strong">{money(c.amount, c.currency)}</td>
                  <td className="num">{c.threshold ? money(c.threshold.amount, c.threshold.currency) : t('common.none')}</td>
                  <td>{date(c.chargeOn)}</td>
                  <td><StateBadge tone={TONE[c.state]}>{t(`pay.auto.state.${c.state}`)}</StateBadge></td>
                  {writable && state === 'awaiting-approval' && (
                    <td>
                      <div className="pay-row-actions">
                        <button type="button" disabled={busy !== null} onClick={() => void decide(c, 'approve')} aria-label={t('pay.approvals.approveOf', { client: c.clientName })}>{t('pay.approvals.approve')}</button>
                        <button type="button" className="secondary danger" disabled={busy !== null} onClick={() => void decide(c, 'reject')} aria-label={t('pay.approvals.rejectOf', { client: c.clientName })}>{t('pay.approvals.reject')}</button>
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

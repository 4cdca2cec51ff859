import { ApiError } from '../../../api/client.ts';
import { useInvoiceCharges, type AutoCharge, type Charge, type DunningCase } from '../../../api/payments.ts';
import { usePaymentI18n, type PaymentMessageKey } from './i18n.ts';
import { viaGateway } from './methods/method-text.ts';
import { gatewayName, StateBadge, useDateTime } from './parts.tsx';

const CHARGE_TONE = { requested: 'quiet', pending: 'warn', succeeded: 'ok', declined: 'alarm', failed: 'alarm' } as const;

/**
 * How the invoice is being collected: its automatic charge (scheduled, waiting for approval,
 * charged), the dunning case after a failed charge (next retry, failures so far), and every
 * charge attempt with the gateway's answer. Nothing shows for an invoice no gateway has touched.
 */
export function ChargesSection({ invoiceId }: { invoiceId: string }) {
  const { t, money } = usePaymentI18n();
  const at = useDateTime();
  const charges = useInvoiceCharges(invoiceId);
  if (charges.isError) return charges.error instanceof ApiError && charges.error.status === 404 ? null : <p className="alert" role="alert">{charges.error.message}</p>;
  if (!charges.data) return null;
  const { items, autoCharge, dunning } = charges.data;
  if (items.length === 0 && !autoCharge && !dunning) return null;
  return (
    <section className="pay-charges" aria-labelledby="pay-charges-title">
      <h2 id="pay-charges-title">{t('pay.charges.title')}</h2>
      {autoCharge && <AutoChargeLine charge={autoCharge} />}
      {dunning && <DunningLine dunning={dunning} />}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pay.charges.attempt')}</th>
                <th scope="col">{t('pay.charges.requestedAt')}</th>
                <th scope="col">{t('pay.charges.trigger')}</th>
                <th scope="col">{t('pay.charges.method')}</th>
                <th scope="col" className="num">{t('pay.charges.amount')}</th>
                <th scope="col">{t('pay.charges.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{c.attempt}</td>
                  <td>{at(c.requestedAt)}</td>
                  <td>{t(`pay.trigger.${c.trigger}`)}</td>
                  <td>{viaGateway(gatewayName(c.gateway), c.method)}</td>
                  <td className="num">{money(c.amount, c.currency)}</td>
                  <td>
                    <StateBadge tone={CHARGE_TONE[c.state]}>{t(`pay.charge.${c.state}`)}</StateBadge>
                    <Reason charge={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Reason({ charge }: { charge: Charge }) {
  const text = charge.declineMessage ?? charge.declineCode;
  return text ? <span className="pay-reason">{text}</span> : null;
}

const AUTO_LINE: Record<AutoCharge['state'], PaymentMessageKey> = {
  scheduled: 'pay.auto.scheduled',
  'awaiting-approval': 'pay.auto.awaiting',
  approved: 'pay.auto.approved',
  charged: 'pay.auto.charged',
  failed: 'pay.auto.failed',
  rejected: 'pay.auto.rejected',
  cancelled: 'pay.auto.cancelled',
};

function AutoChargeLine({ charge }: { charge: AutoCharge }) {
  const { t, money, date } = usePaymentI18n();
  const tone = charge.state === 'awaiting-approval' ? 'pay-line-warn' : charge.state === 'failed' || charge.state === 'rejected' ? 'pay-line-alarm' : 'pay-line';
  return (
    <p className={tone} data-testid="pay-auto-charge">
      {t(AUTO_LINE[charge.state], { date: date(charge.chargeOn), amount: money(charge.amount, charge.currency) })}
      {charge.state === 'awaiting-approval' && charge.threshold && <> {t('pay.auto.aboveThreshold', { threshold: money(charge.threshold.amount, charge.threshold.currency) })}</>}
    </p>
  );
}

function DunningLine({ dunning }: { dunning: DunningCase }) {
  const { t } = usePaymentI18n();
  const at = useDateTime();
  const values = { count: dunning.failures, next: at(dunning.nextAttemptAt), reason: dunning.lastReason ?? t('pay.now.noReason') };
  const tone = dunning.state === 'recovered' ? 'pay-line' : dunning.state === 'active' ? 'pay-line-warn' : 'pay-line-alarm';
  return (
    <p className={tone} data-testid="pay-dunning">
      {t(`pay.dunningLine.${dunning.state}`, values)}
      {dunning.state !== 'recovered' && dunning.lastReason && <> {t('pay.dunningLine.lastReason', values)}</>}
    </p>
  );
}

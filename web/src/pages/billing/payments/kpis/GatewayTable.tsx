import type { BillingKpis } from '../../../../api/payments.ts';
import { usePaymentI18n } from '../i18n.ts';
import { gatewayName } from '../parts.tsx';

/** Charge attempts per gateway: what succeeded, was declined, failed at the gateway or is unsettled. */
export function GatewayTable({ payments }: { payments: BillingKpis['failedPayments'] }) {
  const { t, number } = usePaymentI18n();
  if (payments.byGateway.length === 0) return null;
  const percent = (value: number | null) => (value === null ? t('common.none') : `${number(value)} %`);
  return (
    <section className="pay-gateway-kpis" aria-labelledby="pay-gateway-kpis-title">
      <h2 id="pay-gateway-kpis-title">{t('pay.kpis.byGateway')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('pay.methods.gateway')}</th>
              <th scope="col" className="num">{t('pay.kpis.succeeded')}</th>
              <th scope="col" className="num">{t('pay.kpis.declined')}</th>
              <th scope="col" className="num">{t('pay.kpis.gatewayFailed')}</th>
              <th scope="col" className="num">{t('pay.kpis.unsettled')}</th>
              <th scope="col" className="num">{t('pay.kpis.failedRate')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.byGateway.map((g) => (
              <tr key={g.gateway}>
                <td>{gatewayName(g.gateway)}</td>
                <td className="num">{number(g.succeeded)}</td>
                <td className="num">{number(g.declined)}</td>
                <td className="num">{number(g.failed)}</td>
                <td className="num">{number(g.unsettled)}</td>
                <td className="num strong">{percent(g.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

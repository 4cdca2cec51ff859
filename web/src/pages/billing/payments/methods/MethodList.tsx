import type { PaymentMethod } from '../../../../api/payments.ts';
import { usePaymentI18n } from '../i18n.ts';
import { gatewayName, StateBadge } from '../parts.tsx';
import { expiryOf, expiryState } from './method-text.ts';

interface Props {
  methods: PaymentMethod[];
  /** Staff see whose methods these are. */
  clientName: string | undefined;
  writable: boolean;
  busy: boolean;
  onMakeDefault(method: PaymentMethod): void;
  onRemove(method: PaymentMethod): void;
}

/** The saved methods: label, gateway, expiry (flagged when past or near), the default first in mind. */
export function MethodList({ methods, clientName, writable, busy, onMakeDefault, onRemove }: Props) {
  const { t } = usePaymentI18n();
  if (methods.length === 0) return <p className="empty">{clientName ? t('pay.methods.noneOf', { client: clientName }) : t('pay.methods.none')}</p>;
  const now = new Date();
  return (
    <div className="table-wrap">
      <table aria-label={clientName ? t('pay.methods.of', { client: clientName }) : t('pay.methods.title')}>
        <thead>
          <tr>
            <th scope="col">{t('pay.methods.method')}</th>
            <th scope="col">{t('pay.methods.gateway')}</th>
            <th scope="col">{t('pay.methods.expires')}</th>
            {writable && <th scope="col"><span className="visually-hidden">{t('pay.methods.actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {methods.map((m) => {
            const expiry = expiryState(m, now);
            return (
              <tr key={m.id}>
                <td>
                  <span className="strong">{m.label}</span>{' '}
                  {m.isDefault && <StateBadge tone="info">{t('pay.methods.default')}</StateBadge>}
                </td>
                <td>{gatewayName(m.gateway)}</td>
                <td>
                  {expiryOf(m) ?? t('common.none')}{' '}
                  {expiry === 'expired' && <StateBadge tone="alarm">{t('pay.methods.expired')}</StateBadge>}
                  {expiry === 'soon' && <StateBadge tone="warn">{t('pay.methods.expiresSoon')}</StateBadge>}
                </td>
                {writable && (
                  <td>
                    <div className="pay-row-actions">
                      {!m.isDefault && <button type="button" className="secondary" disabled={busy} onClick={() => onMakeDefault(m)} aria-label={t('pay.methods.makeDefaultOf', { label: m.label })}>{t('pay.methods.makeDefault')}</button>}
                      <button type="button" className="secondary danger" disabled={busy} onClick={() => onRemove(m)} aria-label={t('pay.methods.removeOf', { label: m.label })}>{t('pay.methods.remove')}</button>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

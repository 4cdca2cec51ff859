import type { PaymentMethod } from '../../../../api/payments.ts';
import type { PaymentI18n } from '../i18n.ts';

/** "Visa ·· 4242, expires 04/2028" — the label the gateway gave and the expiry, never a card number. */
export function methodText(m: PaymentMethod, t: PaymentI18n['t']): string {
  const expiry = expiryOf(m);
  return expiry ? t('pay.methods.labelExpiry', { label: m.label, expiry }) : m.label;
}

export function expiryOf(m: Pick<PaymentMethod, 'expMonth' | 'expYear'>): string | null {
  return m.expMonth && m.expYear ? `${String(m.expMonth).padStart(2, '0')}/${m.expYear}` : null;
}

/** A card expires at the end of its month: expired once that month is over, soon within `leadDays`. */
export function expiryState(m: Pick<PaymentMethod, 'expMonth' | 'expYear'>, now: Date, leadDays = 30): 'expired' | 'soon' | null {
  if (!m.expMonth || !m.expYear) return null;
  const end = Date.UTC(m.expYear, m.expMonth, 1);
  if (now.getTime() >= end) return 'expired';
  return end - now.getTime() <= leadDays * 86_400_000 ? 'soon' : null;
}

/** "Stripe · Visa ·· 4242", but "PayPal · payer@example.com": a wallet's label already names its gateway. */
export function viaGateway(gateway: string, method: string | null): string {
  if (!method) return gateway;
  return method.toLowerCase().startsWith(gateway.toLowerCase()) ? method : `${gateway} · ${method}`;
}

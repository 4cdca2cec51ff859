import { useI18n, type I18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import type { paymentEn } from '../../../i18n/payment-messages.ts';

export type PaymentMessageKey = keyof typeof paymentEn;

export interface PaymentI18n extends Omit<I18n, 't'> {
  t(key: PaymentMessageKey | MessageKey, values?: Record<string, string | number>): string;
}

/**
 * The app's i18n with the payment pages' own keys: they live in payment-messages.ts, merged into
 * the app's catalogues by en.ts and translations.ts like every other section's strings.
 */
export function usePaymentI18n(): PaymentI18n {
  const i18n = useI18n();
  return { ...i18n, t: (key, values) => i18n.t(key as MessageKey, values) };
}

import type { Money } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Amounts in several currencies side by side; never added together. */
export function MoneyList({ totals, empty = '—' }: { totals: Money[]; empty?: string }) {
  const { money } = useI18n();
  if (totals.length === 0) return <span className="timeline-cost">{empty}</span>;
  return <span className="timeline-cost">{totals.map((m) => <span key={m.currency} className="amount">{money(m.amount, m.currency)}</span>)}</span>;
}

export function useMonthName() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

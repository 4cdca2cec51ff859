import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Money } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface TimelineMonth {
  month: string;
  count: number;
  cost: Money[];
}

/** The next twelve months of renewals: how many each month and what they will cost. */
export function Timeline() {
  const { t, money, locale } = useI18n();
  const timeline = useQuery({ queryKey: ['timeline'], queryFn: () => api<{ months: TimelineMonth[] }>('GET', '/timeline?months=12') });
  if (!timeline.data) return null;
  const months = timeline.data.months;
  const busiest = Math.max(1, ...months.map((m) => m.count));
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (
    <section className="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <ol>
        {months.map((m) => (
          <li key={m.month}>
            <span className="timeline-month">{monthName.format(new Date(`${m.month}-01T00:00:00Z`))}</span>
            <span className="timeline-bar" aria-hidden="true"><span style={{ width: `${(m.count / busiest) * 100}%` }} /></span>
            <span className="timeline-count">{t('dashboard.assets', { count: m.count })}</span>
            <span className="timeline-cost">
              {m.cost.length === 0 ? '—' : m.cost.map((c) => <span key={c.currency} className="amount">{money(c.amount, c.currency)}</span>)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

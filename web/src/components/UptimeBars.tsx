import { useI18n } from '../i18n/i18n.tsx';

export interface UptimeDay {
  date: string;
  uptime: number | null;
  downSeconds: number;
}

/** How a day looked: all up, a little down, down for a while, or not watched at all. */
function levelOf(uptime: number | null): 'none' | 'up' | 'dip' | 'down' {
  if (uptime === null) return 'none';
  if (uptime >= 0.999) return 'up';
  return uptime >= 0.95 ? 'dip' : 'down';
}

/**
 * One bar per day, oldest first. Colour is never the only sign: each bar names its date and its
 * uptime, as a tooltip and for screen readers.
 */
export function UptimeBars({ days, label }: { days: UptimeDay[]; label: string }) {
  const { t, date, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (
    <ol className="uptime-bars" aria-label={label}>
      {days.map((day) => {
        const text = day.uptime === null
          ? t('uptimeBars.noData', { date: date(day.date) })
          : t('uptimeBars.day', { date: date(day.date), uptime: percent.format(day.uptime) });
        return (
          <li key={day.date} className={`uptime-bar uptime-${levelOf(day.uptime)}`} title={text}>
            <span className="visually-hidden">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}

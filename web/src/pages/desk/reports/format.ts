import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * How the report writes figures: spans of time in human units ("43 min 12 s", "1 h 5 min"),
 * percentages with the locale's decimal mark, months by name ("October 2026").
 */

/** The two largest non-zero units of a span: [[2, 'h'], [5, 'min']]; "0 s" for nothing. */
export function durationUnits(totalSeconds: number): [number, 'd' | 'h' | 'min' | 's'][] {
  const whole = Math.round(Math.max(0, totalSeconds));
  const units: [number, 'd' | 'h' | 'min' | 's'][] = [
    [Math.floor(whole / 86_400), 'd'],
    [Math.floor((whole % 86_400) / 3600), 'h'],
    [Math.floor((whole % 3600) / 60), 'min'],
    [whole % 60, 's'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return [[0, 's']];
  return units.slice(first, first + 2).filter(([n]) => n > 0);
}

export function useDuration(): (seconds: number) => string {
  const { t } = useI18n();
  return (seconds) => durationUnits(seconds).map(([count, unit]) => t(`desk.report.unit.${unit}`, { count })).join(' ');
}

/** "99.9586 %" (the four decimals the server gives, already rounded down), "—" when there is nothing to measure. */
export function usePercent(): (percent: number | null) => string {
  const { t, locale } = useI18n();
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  return (percent) => (percent === null ? '—' : t('desk.report.percent', { percent: numbers.format(percent) }));
}

/** "October 2026" in the viewer's language. */
export function useMonthName(): (month: string) => string {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (month) => format.format(new Date(`${month}-01T00:00:00Z`));
}

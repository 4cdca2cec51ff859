import { useMemo } from 'react';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import type { MonitorView } from './api.ts';

/** Instants, shares and durations as the monitoring pages show them, in the person's language. */
export function useMonitoringFormat() {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];
    return {
      instant: (iso: string | null) => (iso ? when.format(new Date(iso)) : t('common.none')),
      uptime: (share: number | null) => (share === null ? t('common.none') : percent.format(share)),
      /** "3 minutes ago", for the last check and the like. */
      since(iso: string | null): string {
        if (!iso) return t('monitors.never');
        const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
        const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
        return relative.format(Math.round(seconds / size), unit);
      },
      /** A length of time in the largest whole units: "2 h 5 min", "45 s". */
      duration(totalSeconds: number): string {
        const s = Math.max(0, Math.round(totalSeconds));
        const d = Math.floor(s / 86_400), h = Math.floor((s % 86_400) / 3600), m = Math.floor((s % 3600) / 60);
        // A whole number of the larger unit says it alone: "1 h", not "1 h 0 min".
        if (d > 0) return h > 0 ? t('monitors.durationDays', { d, h }) : t('monitors.durationDaysExact', { d });
        if (h > 0) return m > 0 ? t('monitors.durationHours', { h, m }) : t('monitors.durationHoursExact', { h });
        if (m > 0) return s % 60 > 0 ? t('monitors.durationMinutes', { m, s: s % 60 }) : t('monitors.durationMinutesExact', { m });
        return t('monitors.durationSeconds', { s });
      },
    };
  }, [locale, t]);
}

/** What a monitor points at, in one line: never a secret (the API leaves them out). */
export function targetOf(m: Pick<MonitorView, 'kind' | 'config'>, t: I18n['t']): string {
  const c = m.config as Record<string, string | number | undefined>;
  switch (m.kind) {
    case 'http':
      return `${c.method && c.method !== 'GET' ? `${c.method} ` : ''}${c.url}`;
    case 'tcp':
    case 'tls':
      return `${c.host}:${c.port}`;
    case 'dns':
      return `${c.recordType ?? 'A'} ${c.host}`;
    case 'domain':
      return String(c.domain);
    case 'heartbeat':
      return t('monitors.every', { seconds: Number(c.periodSeconds) });
  }
}

import { formatMinor, type Money } from '../../platform/money.ts';
import type { ReportLanguage, ReportTexts } from './texts.ts';

/**
 * How figures read in the client's language: months, dates, percentages, durations and money, all
 * through Intl so a French client sees "99,95 %" and "novembre 2026". Pure; one per report.
 */
export interface ReportFormat {
  /** `2026-11` → "November 2026". */
  month(month: string): string;
  /** The reporting period as a date range: "1–30 November 2026". */
  period(from: string, to: string): string;
  /** An instant in the report's time zone with the date: "21 Nov, 09:14". */
  instant(iso: string): string;
  /** An uptime percentage, cut (never rounded up) to `decimals` places: 99.9996 stays below 100. */
  uptime(percent: number, decimals?: number): string;
  /** A percentage as given, up to 4 decimals: a guarantee, a tier, a share of tickets. */
  percent(percent: number): string;
  /** 3900 s → "1 h 5 min": the largest `parts` units that are not zero. */
  duration(seconds: number, parts?: number): string;
  number(value: number): string;
  money(money: Money): string;
}

/** Whole millionths of a percent first, as credits.model compares: 99.89999999999999 is the 99.9 it means. */
function cleanPercent(percent: number): number {
  return Math.round(percent * 1_000_000) / 1_000_000;
}

/** Decimals a guarantee is written with (99.95 → 2), so uptime is shown at least as finely as the promise. */
export function decimalsOf(percent: number): number {
  const text = String(cleanPercent(percent));
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

export function reportFormat(language: ReportLanguage, timeZone: string, texts: ReportTexts): ReportFormat {
  const zone = validZone(timeZone);
  const integer = new Intl.NumberFormat(language);
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const uptimeFormat = (decimals: number) => {
    let format = percentFormats.get(decimals);
    if (!format) {
      format = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals, roundingMode: 'trunc' });
      percentFormats.set(decimals, format);
    }
    return format;
  };
  const anyPercent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 4 });
  // "3:14 AM" in English; elsewhere the 24-hour clock reads best with two digits: "03:14".
  const instant = new Intl.DateTimeFormat(language, { timeZone: zone, day: 'numeric', month: 'short', hour: language === 'en' ? 'numeric' : '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(language, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' });
  const monthYear = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const units = [
    [86_400, texts.units.day],
    [3600, texts.units.hour],
    [60, texts.units.minute],
    [1, texts.units.second],
  ] as const;

  return {
    month: (month) => {
      const at = new Date(`${month}-15T00:00:00Z`);
      return Number.isNaN(at.getTime()) ? month : monthYear.format(at);
    },
    period: (from, to) => {
      const start = new Date(from);
      // The period ends at an exclusive instant (midnight after the last day): its last moment is the day before.
      const end = new Date(Math.max(start.getTime(), new Date(to).getTime() - 1));
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to}`;
      return day.formatRange(start, end);
    },
    instant: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : instant.format(at);
    },
    uptime: (percent, decimals = 2) => uptimeFormat(decimals).format(cleanPercent(percent) / 100),
    percent: (percent) => anyPercent.format(cleanPercent(percent) / 100),
    duration: (seconds, parts = 2) => {
      let rest = Math.max(0, Math.round(seconds));
      const counts = units.map(([size]) => {
        const count = Math.floor(rest / size);
        rest -= count * size;
        return count;
      });
      // The largest unit that is not zero and the `parts − 1` units below it; zeros among them are left out.
      const first = counts.findIndex((count) => count > 0);
      if (first === -1) return `0\u00a0${texts.units.second}`;
      return units
        .slice(first, first + parts)
        .map(([, unit], i) => [counts[first + i]!, unit] as const)
        .filter(([count]) => count > 0)
        .map(([count, unit]) => `${integer.format(count)}\u00a0${unit}`)
        .join(' ');
    },
    number: (value) => integer.format(value),
    money: (money) => formatMinor(money.amount, money.currency, language),
  };
}

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

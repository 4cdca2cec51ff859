import { formatMinor, minorDigits, toDecimalString } from '../../platform/money.ts';
import { QUANTITY_SCALE, type TaxRate } from '../invoice.model.ts';
import type { InvoiceLanguage } from './texts.ts';

/**
 * How an invoice's figures read in the client's language, all through Intl and all exact: amounts
 * and quantities reach Intl as decimal strings, never as floats. Pure; one per document.
 */
export interface InvoiceFormat {
  /** `2026-11-21` → "21 November 2026". */
  date(day: string): string;
  /** A service period, both days included: "1 Dec 2026 – 30 Nov 2027". */
  period(from: string, to: string): string;
  /** Thousandths as a decimal: 6000 → "6", 500 → "0.5" ("0,5" in French). */
  quantity(thousandths: number): string;
  /** Minor units without the currency sign, for the lines table: 19900 → "199.00", JPY 1200 → "1,200". */
  amount(minor: number): string;
  /** Minor units with the currency, for the totals: "€1,234.50", "1 234,50 kr". */
  money(minor: number): string;
  /** The rate alone, for the lines table: "25%", "25 %". */
  percent(rate: TaxRate): string;
  /** The rate as the totals name it: its own name when that carries the figure ("VAT 25 %"), else name and figure ("MVA 25 %"). */
  rateLabel(rate: TaxRate): string;
  number(value: number): string;
}

/**
 * The Intl locale for a language. English invoices go to clients in Europe, so day-month-year
 * (en-GB): "1 Dec 2026" cannot be misread the way "12/1/2026" can.
 */
export function invoiceLocale(language: InvoiceLanguage): string {
  return language === 'en' ? 'en-GB' : language;
}

/** An integer over 10^digits as an exact decimal string: (500, 3) → "0.500", (-2500, 4) → "-0.2500". */
export function scaledDecimal(value: number, digits: number): string {
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const QUANTITY_DIGITS = Math.log10(QUANTITY_SCALE);
/** Basis points of a percent are ten-thousandths of the whole. */
const BASIS_POINT_DIGITS = 4;

const decimal = (text: string) => text as Intl.StringNumericLiteral;

export function invoiceFormat(language: InvoiceLanguage, currency: string): InvoiceFormat {
  const locale = invoiceLocale(language);
  const digits = minorDigits(currency);
  // Dates are calendar days, not instants: read and printed in UTC so no time zone moves them.
  const longDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const shortDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: QUANTITY_DIGITS });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale);
  const percentOf = (rate: TaxRate) => percent.format(decimal(scaledDecimal(rate.basisPoints, BASIS_POINT_DIGITS)));

  return {
    date: (day) => {
      const at = calendarDay(day);
      return at ? longDate.format(at) : day;
    },
    period: (from, to) => {
      const start = calendarDay(from);
      const end = calendarDay(to);
      if (!start || !end || end < start) return `${from} – ${to}`;
      return shortDate.formatRange(start, end);
    },
    quantity: (thousandths) => quantity.format(decimal(scaledDecimal(thousandths, QUANTITY_DIGITS))),
    amount: (minor) => amount.format(decimal(toDecimalString(minor, currency))),
    money: (minor) => formatMinor(minor, currency, locale),
    percent: percentOf,
    rateLabel: (rate) => (/\d/.test(rate.name) ? rate.name : `${rate.name} ${percentOf(rate)}`),
    number: (value) => integer.format(value),
  };
}

function calendarDay(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

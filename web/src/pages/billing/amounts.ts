import { isCurrencyCode, minorDigits, toDecimalString, toMinorUnits } from '../../../../src/platform/money.ts';

/**
 * What a person types into the invoice forms, to what the API keeps: unit prices and payments in
 * major units to whole minor units of the currency (JPY has none), quantities to thousandths of a
 * unit, percentages to basis points. All by string arithmetic (the server's own money helpers),
 * so 0.1 + 0.2 never becomes a cent off. A decimal comma is read as a point.
 */
export const QUANTITY_SCALE = 1000;

const plain = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');

/** `12.50` EUR → 1250; null when it is not a number or has more decimals than the currency. */
export function minorOf(text: string, currency: string): number | null {
  const result = toMinorUnits(plain(text), currency);
  return result.ok ? result.value : null;
}

/** Minor units back to what the form shows (`1250` EUR → `12.50`). */
export const majorOf = (amount: number, currency: string): string => toDecimalString(amount, currency);

const FRACTION = /^(\d+)(?:\.(\d+))?$/;

/** A decimal with at most `digits` places, scaled to a whole number (`1.5`, 3 → 1500); null otherwise. */
function scaled(text: string, digits: number): number | null {
  const match = FRACTION.exec(plain(text));
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const value = Number(match[1] + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** `1.5` units → 1500 thousandths; null for more than three decimals or not a number. */
export const thousandthsOf = (text: string): number | null => scaled(text, 3);

/** Thousandths back to units as the form shows them (`1500` → `1.5`). */
export function unitsOf(quantity: number): string {
  const whole = Math.trunc(quantity / QUANTITY_SCALE);
  const fraction = String(quantity % QUANTITY_SCALE).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** `25` % → 2500 basis points, `12.5` → 1250; null otherwise. */
export const basisPointsOf = (text: string): number | null => scaled(text, 2);

/** Basis points as a percentage a person reads (`2500` → `25`, `1250` → `12.5`). */
export function percentOf(basisPoints: number, number: (value: number) => string): string {
  return number(basisPoints / 100);
}

export const fractionDigits = (currency: string): number => minorDigits(currency);

/** A current ISO 4217 code in capitals (`EUR`). */
export const isCurrency = (code: string): boolean => isCurrencyCode(code);

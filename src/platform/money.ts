/**
 * Money: an integer amount of minor units (cents, öre, yen) plus an ISO 4217 code. Never floats —
 * 0.1 + 0.2 is not 0.3, and an invoice that is off by a cent is a support ticket.
 * Which codes exist and how many minor digits each has comes from the runtime's ICU data (Intl),
 * so we do not keep a currency table of our own that could drift from it.
 */
export interface Money {
  /** Integer minor units: 999 is €9.99, 1200 is ¥1200, 1500 is 1.500 BHD. */
  amount: number;
  currency: string;
}

export type AmountResult = { ok: true; value: number } | { ok: false; reason: string };

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const minorDigitsCache = new Map<string, number>();

/** True for a current ISO 4217 code in upper case, as stored (`EUR`, not `eur` or `€`). */
export function isCurrencyCode(code: string): boolean {
  return knownCurrencies.has(code);
}

/** The stored form of a code typed by a person (` sek ` → `SEK`), or null if it is no currency. */
export function normalizeCurrencyCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/** Digits after the decimal point in the currency's minor unit: JPY 0, EUR 2, BHD 3. */
export function minorDigits(currency: string): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code: ${currency}`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  minorDigitsCache.set(currency, digits);
  return digits;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A plain decimal string (`9.99`, `1200`, `-5.5`; a dot, no grouping, no symbol) to minor units,
 * exactly, by string arithmetic. More fraction digits than the currency has is an error, never
 * rounded away: `9.999 EUR` is a typo or a unit price, and guessing would hide it. Trailing zeros
 * lose nothing and are accepted (`1200.00 JPY` is 1200), as many exports pad to two places.
 */
export function toMinorUnits(decimal: string, currency: string): AmountResult {
  if (!isCurrencyCode(currency)) return { ok: false, reason: `"${currency}" is not an ISO 4217 currency code` };
  const match = PLAIN_DECIMAL.exec(decimal.trim());
  if (!match) return { ok: false, reason: `"${decimal}" is not a plain decimal number like 1234.50` };
  const [, sign, whole = '', rawFraction = ''] = match;
  const digits = minorDigits(currency);
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > digits) {
    return { ok: false, reason: tooManyDecimals(decimal.trim(), rawFraction.length, currency, digits) };
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: `"${decimal}" is too large an amount` };
  const amount = Number(minor);
  return { ok: true, value: sign === '-' && amount !== 0 ? -amount : amount };
}

function tooManyDecimals(decimal: string, given: number, currency: string, digits: number): string {
  const allowed = digits === 0 ? 'no decimals' : `only ${digits} decimal${digits === 1 ? '' : 's'}`;
  return `${decimal} has ${given} decimals but ${currency} has ${allowed}; round it yourself so no amount changes silently`;
}

/** Minor units back to a plain decimal string (`999, EUR` → `9.99`), for exports and for display. */
export function toDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amounts are whole minor units, got ${amount}`);
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * An amount as a person in `locale` reads it: `formatMinor(123450, 'SEK', 'sv-SE')` → `1 234,50 kr`.
 * Intl is handed a decimal string, not a number, so even amounts above 2^53 / 100 print exactly.
 */
export function formatMinor(amount: number, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return formatter.format(toDecimalString(amount, currency) as Intl.StringNumericLiteral);
}

/**
 * Prices as a person types them (12.99 or 12,99) to minor units and back, by string arithmetic:
 * no float ever decides a cent, and more decimals than the currency has is refused, not rounded.
 */
export type ParsedPrice = { ok: true; amount: number | null } | { ok: false; problem: 'format' | 'decimals' };

/** Digits after the decimal point in the currency's minor unit (2 for a code the browser does not know). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Not a currency the browser knows: the API says what is wrong with it.
    return 2;
  }
}

export function parsePrice(text: string, currency: string): ParsedPrice {
  const cleaned = text.trim().replace(/[\s\u00a0']/g, '').replace(',', '.');
  if (cleaned === '') return { ok: true, amount: null };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, problem: 'format' };
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, problem: 'decimals' };
  const amount = Number(match[1] + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? { ok: true, amount } : { ok: false, problem: 'format' };
}

/** Minor units as the edit field shows them: 1299 EUR → "12.99". */
export function priceText(amount: number | null, currency: string): string {
  if (amount === null) return '';
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

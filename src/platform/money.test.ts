import { describe, expect, it } from 'vitest';
import { formatMinor, isCurrencyCode, minorDigits, normalizeCurrencyCode, toDecimalString, toMinorUnits } from './money.ts';

describe('currency codes', () => {
  it('knows current ISO 4217 codes, upper case only', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('SEK')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(isCurrencyCode('€')).toBe(false);
  });

  it('normalizes what a person typed', () => {
    expect(normalizeCurrencyCode(' sek ')).toBe('SEK');
    expect(normalizeCurrencyCode('usd')).toBe('USD');
    expect(normalizeCurrencyCode('dollars')).toBeNull();
    expect(normalizeCurrencyCode('')).toBeNull();
  });

  it('gives the minor-unit digits of each currency', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('KWD')).toBe(3);
    expect(() => minorDigits('XYZ')).toThrow(/Unknown currency/);
  });
});

describe('toMinorUnits', () => {
  it('converts exactly, where floats would not', () => {
    expect(toMinorUnits('9.99', 'EUR')).toEqual({ ok: true, value: 999 });
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(toMinorUnits('0.29', 'EUR')).toEqual({ ok: true, value: 29 });
    expect(toMinorUnits('1.15', 'USD')).toEqual({ ok: true, value: 115 });
    expect(toMinorUnits('12', 'USD')).toEqual({ ok: true, value: 1200 });
    expect(toMinorUnits('3.9', 'USD')).toEqual({ ok: true, value: 390 });
    expect(toMinorUnits('0', 'USD')).toEqual({ ok: true, value: 0 });
  });

  it('follows the currency minor digits', () => {
    expect(toMinorUnits('1200', 'JPY')).toEqual({ ok: true, value: 1200 });
    expect(toMinorUnits('1.5', 'BHD')).toEqual({ ok: true, value: 1500 });
    expect(toMinorUnits('0.125', 'KWD')).toEqual({ ok: true, value: 125 });
  });

  it('accepts trailing zeros beyond the minor digits, as they lose nothing', () => {
    expect(toMinorUnits('1200.00', 'JPY')).toEqual({ ok: true, value: 1200 });
    expect(toMinorUnits('9.990', 'EUR')).toEqual({ ok: true, value: 999 });
  });

  it('refuses to round away digits the currency does not have', () => {
    const tooFine = toMinorUnits('9.999', 'EUR');
    expect(tooFine).toEqual({
      ok: false,
      reason: '9.999 has 3 decimals but EUR has only 2 decimals; round it yourself so no amount changes silently',
    });
    const yen = toMinorUnits('100.5', 'JPY');
    expect(yen.ok).toBe(false);
    if (!yen.ok) expect(yen.reason).toContain('JPY has no decimals');
  });

  it('keeps the sign, for credits and refunds, without a negative zero', () => {
    expect(toMinorUnits('-5.50', 'EUR')).toEqual({ ok: true, value: -550 });
    const zero = toMinorUnits('-0.00', 'EUR');
    expect(zero.ok && Object.is(zero.value, 0)).toBe(true);
  });

  it('rejects anything but a plain decimal, and unknown currencies', () => {
    for (const text of ['9,99', '€9.99', '1 234.50', '1e3', '.5', '5.', '', 'abc', '--1']) {
      expect(toMinorUnits(text, 'EUR').ok, text).toBe(false);
    }
    expect(toMinorUnits('9.99', 'XYZ')).toEqual({ ok: false, reason: '"XYZ" is not an ISO 4217 currency code' });
  });

  it('refuses amounts that would lose precision as a JavaScript number', () => {
    expect(toMinorUnits('90071992547409.91', 'USD')).toEqual({ ok: true, value: 9007199254740991 });
    expect(toMinorUnits('90071992547409.92', 'USD').ok).toBe(false);
  });
});

describe('toDecimalString', () => {
  it('writes minor units back as a plain decimal', () => {
    expect(toDecimalString(999, 'EUR')).toBe('9.99');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(-550, 'EUR')).toBe('-5.50');
    expect(toDecimalString(1200, 'JPY')).toBe('1200');
    expect(toDecimalString(1500, 'BHD')).toBe('1.500');
    expect(() => toDecimalString(9.5, 'EUR')).toThrow(RangeError);
  });
});

describe('formatMinor', () => {
  it('formats for the reader locale', () => {
    expect(formatMinor(999, 'EUR', 'en-IE')).toBe('€9.99');
    expect(formatMinor(123450, 'SEK', 'sv-SE')).toBe('1\u00a0234,50\u00a0kr');
    expect(formatMinor(123450, 'EUR', 'fr-FR')).toBe('1\u202f234,50\u00a0€');
    expect(formatMinor(1200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatMinor(1500, 'BHD', 'en-US')).toBe('BHD\u00a01.500');
  });

  it('prints large amounts exactly', () => {
    expect(formatMinor(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});

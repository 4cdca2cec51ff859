import { describe, expect, it } from 'vitest';
import { invoiceFormat, scaledDecimal } from './format.ts';

/** Intl spaces (no-break, narrow no-break) as plain spaces, to compare with readable expectations. */
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');
const VAT_25 = { name: 'VAT 25 %', basisPoints: 2500 };

describe('invoice figures in the client’s language', () => {
  it('writes dates day first in English and in the language’s own words elsewhere', () => {
    expect(invoiceFormat('en', 'EUR').date('2026-11-21')).toBe('21 November 2026');
    expect(invoiceFormat('fr', 'EUR').date('2026-12-01')).toBe('1 décembre 2026');
    expect(invoiceFormat('ru', 'RUB').date('2026-11-21')).toBe('21 ноября 2026 г.');
    expect(invoiceFormat('en', 'EUR').date('not a day')).toBe('not a day');
  });

  it('writes a service period as a range of days', () => {
    expect(plain(invoiceFormat('en', 'EUR').period('2026-12-01', '2027-11-30'))).toBe('1 Dec 2026 – 30 Nov 2027');
    expect(plain(invoiceFormat('sv', 'SEK').period('2026-12-01', '2026-12-31'))).toBe('1–31 dec. 2026');
    expect(invoiceFormat('en', 'EUR').period('2026-12-31', '2026-12-01')).toBe('2026-12-31 – 2026-12-01');
  });

  it('shows thousandths as a plain decimal quantity', () => {
    const en = invoiceFormat('en', 'EUR');
    expect(en.quantity(6000)).toBe('6');
    expect(en.quantity(500)).toBe('0.5');
    expect(en.quantity(1)).toBe('0.001');
    expect(en.quantity(1_234_500)).toBe('1,234.5');
    expect(invoiceFormat('fr', 'EUR').quantity(2500)).toBe('2,5');
  });

  it('prints amounts with the currency’s own number of decimals', () => {
    expect(invoiceFormat('en', 'EUR').amount(19900)).toBe('199.00');
    expect(invoiceFormat('en', 'JPY').amount(120000)).toBe('120,000');
    expect(invoiceFormat('en', 'EUR').money(123450)).toBe('€1,234.50');
    expect(plain(invoiceFormat('sv', 'SEK').money(123450))).toBe('1 234,50 kr');
    expect(invoiceFormat('en', 'JPY').money(120000)).toBe('JP¥120,000');
    expect(invoiceFormat('en', 'EUR').money(-1999)).toBe('-€19.99');
  });

  it('names a tax rate with its figure once', () => {
    const en = invoiceFormat('en', 'EUR');
    expect(en.percent(VAT_25)).toBe('25%');
    expect(en.percent({ name: 'VAT', basisPoints: 770 })).toBe('7.7%');
    expect(plain(invoiceFormat('fr', 'EUR').percent({ name: 'TVA', basisPoints: 550 }))).toBe('5,5 %');
    expect(en.rateLabel(VAT_25)).toBe('VAT 25 %');
    expect(en.rateLabel({ name: 'MVA', basisPoints: 2500 })).toBe('MVA 25%');
  });

  it('keeps exact decimals for any integer', () => {
    expect(scaledDecimal(500, 3)).toBe('0.500');
    expect(scaledDecimal(-2500, 4)).toBe('-0.2500');
    expect(scaledDecimal(9_007_199_254_740_991, 3)).toBe('9007199254740.991');
  });
});

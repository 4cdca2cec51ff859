import { describe, expect, it } from 'vitest';
import { INVOICE_LANGUAGES, invoiceLanguage, invoiceTexts } from './texts.ts';

describe('invoice texts', () => {
  it('picks the client’s language from any spelling of it, English when not written in it', () => {
    expect(invoiceLanguage('sv-SE')).toBe('sv');
    expect(invoiceLanguage(' RU ')).toBe('ru');
    expect(invoiceLanguage('nl_BE')).toBe('nl');
    expect(invoiceLanguage('de')).toBe('en');
    expect(invoiceLanguage(null)).toBe('en');
  });

  it.each(INVOICE_LANGUAGES)('has every word in %s', (language) => {
    const texts = invoiceTexts(language);
    for (const [key, value] of Object.entries(texts)) {
      const text = typeof value === 'function' ? (value as (...args: string[]) => string)('«A»', '«B»') : value;
      expect(text.trim(), key).not.toBe('');
      if (typeof value === 'function') expect(text, key).toContain('«A»');
    }
    expect(texts.reverseChargeLaw).toMatch(/^\(.*196.*2006\/112\/..\)$/);
  });

  it('has its own words in each language, not English left in place', () => {
    for (const language of INVOICE_LANGUAGES.filter((l) => l !== 'en')) {
      expect(invoiceTexts(language).invoice, language).not.toBe('Invoice');
      expect(invoiceTexts(language).reverseCharge, language).not.toBe(invoiceTexts('en').reverseCharge);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { INVOICE_LANGUAGES } from '../invoice-pdf/texts.ts';
import { methodName, receiptTexts } from './texts.ts';

describe('receipt texts', () => {
  it.each(INVOICE_LANGUAGES)('has every word in %s', (language) => {
    const texts = receiptTexts(language);
    for (const [key, value] of Object.entries(texts)) {
      const text = typeof value === 'function' ? (value as (n: string) => string)('«A»') : value;
      expect(text.trim(), key).not.toBe('');
      if (typeof value === 'function') expect(text, key).toContain('«A»');
    }
  });

  it('has its own words in each language, not English left in place', () => {
    for (const language of INVOICE_LANGUAGES.filter((l) => l !== 'en')) {
      const texts = receiptTexts(language);
      expect(texts.receipt, language).not.toBe('Receipt');
      expect(texts.dueAfterPayment, language).not.toBe(receiptTexts('en').dueAfterPayment);
      expect(texts.refund, language).not.toBe(texts.receipt);
    }
  });

  it('names the method by its gateway and saved label, or as money recorded by hand', () => {
    const en = receiptTexts('en');
    expect(methodName(en, 'stripe', 'Visa ·· 4242')).toBe('Stripe · Visa ·· 4242');
    expect(methodName(en, 'paypal', null)).toBe('PayPal');
    expect(methodName(en, 'adyen', null)).toBe('adyen');
    expect(methodName(en, null, null)).toBe('Direct payment, recorded by hand');
    expect(methodName(receiptTexts('sv'), null, null)).toBe('Direktbetalning, registrerad manuellt');
  });
});

import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES, reportLanguage, reportTexts } from './texts.ts';

describe('the report’s language', () => {
  it('takes the language of a locale tag and falls back to English', () => {
    expect(reportLanguage('sv-SE')).toBe('sv');
    expect(reportLanguage('RU')).toBe('ru');
    expect(reportLanguage('nl_BE')).toBe('nl');
    expect(reportLanguage('de')).toBe('en');
    expect(reportLanguage('')).toBe('en');
    expect(reportLanguage(null)).toBe('en');
  });

  it('has every label in every language, and says it in that language', () => {
    const english = reportTexts('en');
    for (const language of REPORT_LANGUAGES) {
      const texts = reportTexts(language);
      for (const [key, value] of Object.entries(texts)) {
        if (typeof value === 'string') expect(value.trim(), `${language}.${key}`).not.toBe('');
      }
      if (language !== 'en') expect(texts.title, language).not.toBe(english.title);
      expect(texts.page('2', '5')).toMatch(/2.*5/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language.ts';

const WRITTEN_IN = ['en', 'sv', 'ru'] as const;

describe('picking the language a document is written in', () => {
  it('reads any spelling of a language it is written in', () => {
    expect(pickLanguage('sv-SE', WRITTEN_IN)).toBe('sv');
    expect(pickLanguage(' RU ', WRITTEN_IN)).toBe('ru');
    expect(pickLanguage('sv_fi', WRITTEN_IN)).toBe('sv');
    expect(pickLanguage('EN-gb', WRITTEN_IN)).toBe('en');
  });

  it('falls back to the first language for any other, or none', () => {
    expect(pickLanguage('de', WRITTEN_IN)).toBe('en');
    expect(pickLanguage('', WRITTEN_IN)).toBe('en');
    expect(pickLanguage(null, WRITTEN_IN)).toBe('en');
    expect(pickLanguage(undefined, ['sv', 'en'])).toBe('sv');
    // Only the part before the region counts: "svenska" is not Swedish.
    expect(pickLanguage('svenska', WRITTEN_IN)).toBe('en');
  });
});

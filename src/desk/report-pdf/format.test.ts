import { describe, expect, it } from 'vitest';
import { decimalsOf, reportFormat } from './format.ts';
import { reportTexts, type ReportLanguage } from './texts.ts';

const formatFor = (language: ReportLanguage, timeZone = 'Europe/Stockholm') => reportFormat(language, timeZone, reportTexts(language));
/** Intl spaces (no-break, narrow no-break) as plain spaces, to compare with readable expectations. */
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('report figures in the client’s language', () => {
  it('names the month in each language', () => {
    expect(formatFor('en').month('2026-11')).toBe('November 2026');
    expect(formatFor('fr').month('2026-11')).toBe('novembre 2026');
    expect(formatFor('sv').month('2026-02')).toBe('februari 2026');
    expect(formatFor('ru').month('2026-11')).toBe('ноябрь 2026 г.');
  });

  it('shows the period as the days of the month, the exclusive end left out', () => {
    // November in Stockholm: 2026-10-31T23:00Z up to (not including) 2026-11-30T23:00Z.
    expect(plain(formatFor('en').period('2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'))).toBe('November 1 – 30, 2026');
    expect(plain(formatFor('sv').period('2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'))).toBe('1–30 november 2026');
  });

  it('writes durations in at most the asked number of units, with the language’s abbreviations', () => {
    const en = formatFor('en');
    expect(plain(en.duration(3900))).toBe('1 h 5 min');
    expect(plain(en.duration(2592, 3))).toBe('43 min 12 s');
    expect(plain(en.duration(31_536, 3))).toBe('8 h 45 min 36 s');
    expect(plain(en.duration(2 * 86_400 + 5))).toBe('2 d');
    expect(plain(en.duration(0))).toBe('0 s');
    expect(plain(en.duration(-4))).toBe('0 s');
    expect(plain(formatFor('ru').duration(3900))).toBe('1 ч 5 мин');
    expect(plain(formatFor('da').duration(3900))).toBe('1 t 5 min');
  });

  it('never rounds an uptime up to the next figure: 99.9996 % is not 100 %', () => {
    const en = formatFor('en');
    expect(en.uptime(99.9996)).toBe('99.99%');
    expect(en.uptime(100)).toBe('100.00%');
    expect(en.uptime(99.89999999999999)).toBe('99.90%');
    expect(en.uptime(99.9949, 3)).toBe('99.994%');
    expect(plain(formatFor('fr').uptime(99.95))).toBe('99,95 %');
  });

  it('shows a guarantee with the decimals it was written with', () => {
    expect(formatFor('en').percent(99.9)).toBe('99.9%');
    expect(formatFor('en').percent(99.995)).toBe('99.995%');
    expect(decimalsOf(99.995)).toBe(3);
    expect(decimalsOf(99)).toBe(0);
    expect(decimalsOf(99.89999999999999)).toBe(1);
  });

  it('formats money and instants for the client', () => {
    expect(plain(formatFor('sv').money({ amount: 123_450, currency: 'SEK' }))).toBe('1 234,50 kr');
    expect(formatFor('en').money({ amount: 15_000, currency: 'EUR' })).toBe('€150.00');
    expect(formatFor('en', 'Europe/Stockholm').instant('2026-11-07T02:14:00Z')).toBe('Nov 7, 3:14 AM');
    expect(formatFor('fr').instant('2026-11-07T02:14:00Z')).toBe('7 nov., 03:14');
    expect(formatFor('en', 'Not/AZone').instant('2026-11-07T02:14:00Z')).toBe('Nov 7, 2:14 AM');
  });
});

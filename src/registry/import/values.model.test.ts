import { describe, expect, it } from 'vitest';
import {
  normalizeWord,
  parseAssetKind,
  parseAssetStatus,
  parseBillingCycle,
  parseCurrencyCode,
  parseDate,
  parseEmail,
  parseMoney,
  parseProjectNames,
  parseTags,
  parseYesNo,
  type Parsed,
} from './values.model.ts';

/** The reason of a failed parse, or a marker that makes the assertion fail when it did not fail. */
function reasonOf<T>(parsed: Parsed<T>): string {
  return parsed.ok ? `unexpectedly read as ${JSON.stringify(parsed.value)}` : parsed.reason;
}

describe('normalizeWord', () => {
  it('folds case, accents, brackets and separators', () => {
    expect(normalizeWord('  Pending (Registration) ')).toBe('pending registration');
    expect(normalizeWord('one-time')).toBe('one time');
    expect(normalizeWord('Licencé_Key')).toBe('licence key');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['2026-1-5', '2026-01-05'],
    ['2026-12-31T10:00:00Z', '2026-12-31'],
    ['2026-12-31 23:30', '2026-12-31'],
    // The day as written, not shifted to UTC (which would be 2027-01-01).
    ['2026-12-31T23:30:00-05:00', '2026-12-31'],
    ['2026/12/31', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['1.2.2026', '2026-02-01'],
    ['31.12.26', '2026-12-31'],
    ['05/11/2025', '2025-11-05'],
    ['29.02.2028', '2028-02-29'],
    ['31 Dec 2026', '2026-12-31'],
    ['31-dec-2026', '2026-12-31'],
    ['December 31, 2026', '2026-12-31'],
    ['Sept 3 2026', '2026-09-03'],
    ['31 décembre 2026', '2026-12-31'],
    ['1 juli 2026', '2026-07-01'],
    ['31 декабря 2026', '2026-12-31'],
    [' 2026-12-31 ', '2026-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it('reads a blank cell as no date', () => {
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible dates, naming what is wrong', () => {
    expect(reasonOf(parseDate('30.02.2026'))).toBe('"30.02.2026" is not a real date: 2026-02 has no day 30');
    expect(reasonOf(parseDate('29.02.2026'))).toBe('"29.02.2026" is not a real date: 2026-02 has no day 29');
    expect(reasonOf(parseDate('2026-13-01'))).toBe('"2026-13-01" is not a real date: there is no month 13');
  });

  it('refuses month-first dates that cannot be day first, with the ISO spelling as hint', () => {
    expect(reasonOf(parseDate('12/31/2026'))).toBe(
      '"12/31/2026" has no month 31: dates are read day first (31/12/2026); for month first, write it as 2026-12-31',
    );
  });

  it('refuses text that is no date, and month prefixes that fit two months', () => {
    expect(reasonOf(parseDate('next year'))).toBe('"next year" is not a date Upkeep can read; write it as 2026-12-31 or 31.12.2026');
    expect(parseDate('31 jui 2026').ok).toBe(false); // juin or juillet
    expect(parseDate('31.12/2026').ok).toBe(false); // mixed separators
    expect(parseDate('20261231').ok).toBe(false);
  });
});

describe('parseMoney', () => {
  it.each([
    ['€9.99', 999, 'EUR'],
    ['9,99 €', 999, 'EUR'],
    ['1 234,50 SEK', 123450, 'SEK'],
    ['1\u00a0234,50\u00a0SEK', 123450, 'SEK'],
    ['1\u202f234,50\u00a0€', 123450, 'EUR'],
    ['9.99 USD', 999, 'USD'],
    ['USD 9.99', 999, 'USD'],
    ['usd 9.99', 999, 'USD'],
    ['$12', 1200, 'USD'],
    ['£5', 500, 'GBP'],
    ['¥1200', 1200, 'JPY'],
    ['1.234,50 EUR', 123450, 'EUR'],
    ['EUR 1.234.567', 123456700, 'EUR'],
    ["CHF 1'234.50", 123450, 'CHF'],
    ['99 SEK', 9900, 'SEK'],
    ['99 kr SEK', 9900, 'SEK'],
    ['US$ 12', 1200, 'USD'],
    ['0,500 BHD', 500, 'BHD'],
    ['1,500.250 BHD', 1500250, 'BHD'],
  ])('reads %s with the currency written in it', (text, amount, currency) => {
    expect(parseMoney(text, null)).toEqual({ ok: true, value: { amount, currency, currencyInText: true } });
  });

  it('takes the currency of a plain amount from the fallback', () => {
    expect(parseMoney('2', 'USD')).toEqual({ ok: true, value: { amount: 200, currency: 'USD', currencyInText: false } });
    expect(parseMoney('3.92', 'USD')).toEqual({ ok: true, value: { amount: 392, currency: 'USD', currencyInText: false } });
    expect(parseMoney('1,234.50', 'USD')).toEqual({ ok: true, value: { amount: 123450, currency: 'USD', currencyInText: false } });
    expect(parseMoney('9,5', 'EUR')).toEqual({ ok: true, value: { amount: 950, currency: 'EUR', currencyInText: false } });
    expect(parseMoney('1200', 'JPY')).toEqual({ ok: true, value: { amount: 1200, currency: 'JPY', currencyInText: false } });
  });

  it('reads a lone separator before three digits as thousands', () => {
    expect(parseMoney('1,234', 'USD')).toMatchObject({ ok: true, value: { amount: 123400 } });
    expect(parseMoney('1.234', 'EUR')).toMatchObject({ ok: true, value: { amount: 123400 } });
    // The rule holds even where a person probably meant decimals: ambiguity is settled one way.
    expect(parseMoney('9.999 EUR', null)).toMatchObject({ ok: true, value: { amount: 999900 } });
  });

  it('reads a shared symbol as the fallback when the fallback is one of its currencies', () => {
    expect(parseMoney('$12', 'CAD')).toMatchObject({ ok: true, value: { amount: 1200, currency: 'CAD' } });
    expect(parseMoney('99 kr', 'SEK')).toMatchObject({ ok: true, value: { amount: 9900, currency: 'SEK', currencyInText: true } });
    expect(parseMoney('¥88', 'CNY')).toMatchObject({ ok: true, value: { amount: 8800, currency: 'CNY' } });
    // The written symbol wins over a fallback it cannot mean.
    expect(parseMoney('$12', 'EUR')).toMatchObject({ ok: true, value: { currency: 'USD' } });
    expect(parseMoney('12 GBP', 'EUR')).toMatchObject({ ok: true, value: { currency: 'GBP', currencyInText: true } });
  });

  it('reads a blank cell as no amount, and zero as free', () => {
    expect(parseMoney('', 'EUR')).toEqual({ ok: true, value: null });
    expect(parseMoney('0', 'EUR')).toEqual({ ok: true, value: { amount: 0, currency: 'EUR', currencyInText: false } });
  });

  it('needs a code or fallback for kr, and for a bare number', () => {
    expect(reasonOf(parseMoney('99 kr', null))).toBe(
      '"99 kr" is not an amount: "kr" is used by SEK, NOK, DKK, ISK: write the code (99 SEK) or give a currency column or default currency',
    );
    expect(reasonOf(parseMoney('12.50', null))).toBe(
      '"12.50" is not an amount: no currency is given: write it (9.99 EUR) or give a currency column or default currency',
    );
  });

  it('refuses negative amounts', () => {
    for (const text of ['-5', '€-5', '- 5 EUR', '−5', '5-', '(5.00)']) {
      expect(reasonOf(parseMoney(text, 'EUR')), text).toBe(`"${text}" is not an amount: amounts cannot be negative`);
    }
  });

  it('refuses more decimals than the currency has, rather than rounding', () => {
    expect(reasonOf(parseMoney('9.9999 EUR', null))).toBe(
      '"9.9999 EUR" is not an amount: 9.9999 has 4 decimals but EUR has only 2 decimals; round it yourself so no amount changes silently',
    );
    expect(reasonOf(parseMoney('0.125', 'USD'))).toContain('0.125 has 3 decimals but USD has only 2 decimals');
    expect(parseMoney('1,234.567', 'USD').ok).toBe(false);
    expect(parseMoney('100.5 JPY', null).ok).toBe(false);
  });

  it('refuses ambiguous and garbage values', () => {
    expect(reasonOf(parseMoney('1.234 BHD', null))).toContain('could be read with "." as decimal or thousands separator');
    expect(reasonOf(parseMoney('12,34,567', 'EUR'))).toContain('has digit groups that are not thousands');
    expect(reasonOf(parseMoney('1.234 567', 'EUR'))).toContain('has digit groups that are not thousands');
    expect(reasonOf(parseMoney('12 dollars', null))).toBe(
      '"12 dollars" is not an amount: "dollars" is not a currency Upkeep knows; use an ISO code such as EUR',
    );
    expect(reasonOf(parseMoney('USD 12 EUR', null))).toBe('"USD 12 EUR" is not an amount: it names two currencies (USD and EUR)');
    expect(reasonOf(parseMoney('€12 USD', null))).toBe('"€12 USD" is not an amount: "€" and USD disagree');
    expect(parseMoney('free', 'EUR').ok).toBe(false);
    expect(reasonOf(parseMoney('12', 'XX'))).toBe('"12" is not an amount: the currency "XX" is not an ISO 4217 code');
    expect(parseMoney('12', 'eur')).toMatchObject({ ok: true, value: { currency: 'EUR' } });
    expect(parseMoney('1.2.3', 'EUR').ok).toBe(false);
    expect(parseMoney('12 34', 'EUR').ok).toBe(false);
    expect(parseMoney('31-12-2026', 'EUR').ok).toBe(false);
  });
});

describe('parseCurrencyCode', () => {
  it('accepts ISO codes in any case and refuses the rest', () => {
    expect(parseCurrencyCode(' usd ')).toEqual({ ok: true, value: 'USD' });
    expect(parseCurrencyCode('')).toEqual({ ok: true, value: null });
    expect(reasonOf(parseCurrencyCode('€'))).toBe('"€" is not an ISO 4217 currency code such as EUR, USD or SEK');
  });
});

describe('parseYesNo', () => {
  it.each<[string, boolean | null]>([
    ...['yes', 'YES', 'y', 'true', 'TRUE', '1', 'on', 'ja', 'Oui', 'да', 'Да', 'enabled'].map((w): [string, boolean] => [w, true]),
    ...['no', 'NO', 'n', 'false', '0', 'off', 'nej', 'nee', 'non', 'нет', 'disabled'].map((w): [string, boolean] => [w, false]),
    ['', null],
    ['  ', null],
  ])('reads %j as %j', (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it('refuses other words', () => {
    expect(reasonOf(parseYesNo('maybe'))).toBe('"maybe" is not yes or no (yes/no, true/false, 1/0, on/off, ja/nej, oui/non)');
    expect(parseYesNo('2').ok).toBe(false);
  });
});

describe('parseEmail', () => {
  it('lower-cases valid addresses and refuses the rest', () => {
    expect(parseEmail(' Anna@Example.COM ')).toEqual({ ok: true, value: 'anna@example.com' });
    expect(parseEmail('')).toEqual({ ok: true, value: null });
    expect(reasonOf(parseEmail('Anna Svensson'))).toBe('"Anna Svensson" is not an e-mail address');
  });
});

describe('lists', () => {
  it('splits tags on , ; and |, trimmed, once each', () => {
    expect(parseTags('shop, Client A;seo | shop|  ')).toEqual(['shop', 'Client A', 'seo']);
    expect(parseTags('SEO;seo')).toEqual(['SEO']);
    expect(parseTags('')).toEqual([]);
  });

  it('splits project names on ; and , but keeps | inside a name', () => {
    expect(parseProjectNames('Web shop; Intranet,Blog')).toEqual(['Web shop', 'Intranet', 'Blog']);
    expect(parseProjectNames('A|B')).toEqual(['A|B']);
  });
});

describe('parseAssetKind', () => {
  it.each([
    ['domain', 'domain'],
    ['Domain name', 'domain'],
    ['Domains', 'domain'],
    ['web hosting', 'hosting'],
    ['VPS', 'hosting'],
    ['SSL', 'certificate'],
    ['tls', 'certificate'],
    ['license', 'licence'],
    ['Licence', 'licence'],
    ['SaaS', 'subscription'],
    ['backup storage', 'backup'],
    ['other', 'other'],
  ])('reads %s as %s', (text, kind) => {
    expect(parseAssetKind(text)).toEqual({ ok: true, value: kind });
  });

  it('reads blank as not said and lists the kinds when it cannot read one', () => {
    expect(parseAssetKind('')).toEqual({ ok: true, value: null });
    expect(reasonOf(parseAssetKind('toaster'))).toBe(
      '"toaster" is not a kind of asset Upkeep knows (domain, hosting, certificate, licence, subscription, backup, other)',
    );
  });
});

describe('parseAssetStatus', () => {
  it.each([
    ['ACTIVE', 'active'],
    ['1', 'active'],
    ['pending renewal', 'renewing'],
    ['PENDING (RENEWAL)', 'renewing'],
    ['pending (registration)', 'active'],
    ['In Transfer', 'active'],
    ['5', 'active'],
    ['3', 'renewing'],
    ['expired', 'expired'],
    ['0', 'expired'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['Sold', 'retired'],
    ['10', 'retired'],
    ['expiring', 'expiring'],
  ])('reads %s as %s', (text, status) => {
    expect(parseAssetStatus(text)).toEqual({ ok: true, value: status });
  });

  it('refuses unknown statuses, listing the accepted ones', () => {
    expect(reasonOf(parseAssetStatus('on fire'))).toBe(
      '"on fire" is not a status Upkeep knows (active, expiring, expired, renewing, cancelled, retired)',
    );
    expect(parseAssetStatus('7').ok).toBe(false);
  });
});

describe('parseBillingCycle', () => {
  it.each([
    ['yearly', 'yearly', null],
    ['Annual', 'yearly', null],
    ['annually', 'yearly', null],
    ['1y', 'yearly', null],
    ['12 months', 'yearly', null],
    ['p.a.', 'yearly', null],
    ['monthly', 'monthly', null],
    ['month', 'monthly', null],
    ['1 month', 'monthly', null],
    ['quarterly', 'quarterly', null],
    ['3 months', 'quarterly', null],
    ['2 years', 'multi-year', 24],
    ['24 months', 'multi-year', 24],
    ['3y', 'multi-year', 36],
    ['biennial', 'multi-year', 24],
    ['multi-year', 'multi-year', null],
    ['one-time', 'one-off', null],
    ['once', 'one-off', null],
    ['One-off', 'one-off', null],
    ['lifetime', 'one-off', null],
  ])('reads %s as %s (%s months)', (text, billingCycle, cycleMonths) => {
    expect(parseBillingCycle(text)).toEqual({ ok: true, value: { billingCycle, cycleMonths } });
  });

  it('refuses cycles Upkeep has no room for, and unknown words', () => {
    expect(reasonOf(parseBillingCycle('6 months'))).toBe(
      '"6 months" is every 6 months, which is not a billing cycle Upkeep has (monthly, quarterly, yearly, whole years, one-off)',
    );
    expect(parseBillingCycle('18 months').ok).toBe(false);
    expect(parseBillingCycle('0 years').ok).toBe(false);
    expect(reasonOf(parseBillingCycle('fortnightly'))).toBe(
      '"fortnightly" is not a billing cycle Upkeep knows (monthly, quarterly, yearly, 2 years, one-off)',
    );
    expect(parseBillingCycle('')).toEqual({ ok: true, value: null });
  });
});

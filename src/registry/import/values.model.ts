/**
 * Tolerant readers for the cell values of an imported spreadsheet. Each one either returns the
 * value as Upkeep stores it, or a reason a person can act on ("30.02.2026 is not a real date").
 * A blank cell is never an error here: it reads as null, and the row decides what blank means.
 * Pure functions: no I/O, no clock.
 */
import { z } from 'zod';
import { minorDigits, normalizeCurrencyCode, toMinorUnits, type Money } from '../../platform/money.ts';
import {
  ASSET_KINDS,
  ASSET_STATUSES,
  isCalendarDate,
  type AssetKind,
  type AssetStatus,
  type BillingCycle,
} from '../assets.model.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Lower case, accents and brackets dropped, `_ - / .` read as spaces: "Pending (Renewal)" → "pending renewal". */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[()[\]]/g, ' ')
    .replace(/[\s_\-/.]+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})([./])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})\.?[\s-]*(\p{L}+)\.?[\s,-]*(\d{4}|\d{2})$/u;
const MONTH_NAME_DAY = /^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;

/** Month names in the languages Upkeep speaks (long, short and "31 декабря" forms), from ICU. */
const MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const locale of ['en', 'sv', 'nl', 'fr', 'da', 'ru']) {
    for (let month = 1; month <= 12; month++) {
      const day = new Date(Date.UTC(2000, month - 1, 15));
      const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(day);
      const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(day);
      const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(day);
      const inDate = parts.find((p) => p.type === 'month')?.value ?? long;
      for (const name of [long, short, inDate]) names.set(normalizeWord(name), month);
    }
  }
  return names;
})();

/** The month a word names, by full name or a prefix of 3+ letters; null if none or if it could be two ("jui"). */
function monthOf(word: string): number | null {
  const name = normalizeWord(word);
  const exact = MONTH_NAMES.get(name);
  if (exact !== undefined) return exact;
  if (name.length < 3) return null;
  const months = new Set([...MONTH_NAMES].filter(([full]) => full.startsWith(name)).map(([, month]) => month));
  return months.size === 1 ? [...months][0]! : null;
}

/** Two-digit years are read as 20xx: imported dates are renewal days, not birthdays. */
const fullYear = (year: string): number => (year.length === 2 ? 2000 + Number(year) : Number(year));

function datePartsOf(value: string): DateParts | null {
  let m = ISO_DATE.exec(value);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if ((m = YEAR_FIRST.exec(value))) return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  if ((m = DAY_FIRST.exec(value))) return { year: fullYear(m[4]!), month: Number(m[3]), day: Number(m[1]) };
  if ((m = DAY_MONTH_NAME.exec(value))) {
    const month = monthOf(m[2]!);
    return month === null ? null : { year: fullYear(m[3]!), month, day: Number(m[1]) };
  }
  if ((m = MONTH_NAME_DAY.exec(value))) {
    const month = monthOf(m[1]!);
    return month === null ? null : { year: Number(m[3]), month, day: Number(m[2]) };
  }
  return null;
}

/**
 * A calendar day, `YYYY-MM-DD`. Reads ISO (`2026-12-31`, and the date part of `2026-12-31T10:00:00Z`
 * as written, not shifted to UTC: a registrar's expiry day is the day it prints), year first with
 * dots or slashes, day first (`31.12.2026`, `31/12/2026`, `31-12-2026`, `31.12.26` as 2026), and month
 * names (`31 Dec 2026`, `31-dec-2026`, `December 31, 2026`, `31 décembre 2026`).
 * Numeric dates are always day first; `12/31/2026` is refused with a hint, never silently swapped,
 * and `05/11/2025` is 5 November (when in doubt, ISO is the way to say it).
 */
export function parseDate(text: string): Parsed<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const parts = datePartsOf(value);
  if (!parts) return fail(`"${value}" is not a date Upkeep can read; write it as 2026-12-31 or 31.12.2026`);
  const { year, month, day } = parts;
  const iso = isoDate(year, month, day);
  if (isCalendarDate(iso)) return ok(iso);
  if (month > 12 && day <= 12 && DAY_FIRST.test(value)) {
    const monthFirst = isoDate(year, day, month);
    return fail(`"${value}" has no month ${month}: dates are read day first (31/12/2026); for month first, write it as ${monthFirst}`);
  }
  if (month < 1 || month > 12) return fail(`"${value}" is not a real date: there is no month ${month}`);
  return fail(`"${value}" is not a real date: ${iso.slice(0, 7)} has no day ${day}`);
}

const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------
// Money

/** An amount read from a cell; `currencyInText` says the cell itself named the currency. */
export interface ParsedMoney extends Money {
  currencyInText: boolean;
}

/**
 * Currency symbols, with the currencies each may stand for. The first is assumed when nothing
 * else says which one is meant; `kr` has no such default (Swedish, Norwegian, Danish, Icelandic).
 */
const SYMBOLS: Readonly<Record<string, { means: readonly string[]; assumed: string | null }>> = {
  '€': { means: ['EUR'], assumed: 'EUR' },
  $: { means: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'], assumed: 'USD' },
  US$: { means: ['USD'], assumed: 'USD' },
  '£': { means: ['GBP'], assumed: 'GBP' },
  '¥': { means: ['JPY', 'CNY'], assumed: 'JPY' },
  KR: { means: ['SEK', 'NOK', 'DKK', 'ISK'], assumed: null },
  'KR.': { means: ['SEK', 'NOK', 'DKK', 'ISK'], assumed: null },
};

interface CurrencyMarks {
  code: string | null;
  symbol: string | null;
}

/** The currency code and/or symbol written around the number (`USD 9.99`, `9,99 €`, `US$12`). */
function currencyMarks(words: string[]): Parsed<CurrencyMarks> {
  const marks: CurrencyMarks = { code: null, symbol: null };
  for (const word of words) {
    const upper = word.toUpperCase();
    const slot = Object.hasOwn(SYMBOLS, upper) ? 'symbol' : normalizeCurrencyCode(upper) ? 'code' : null;
    if (slot === null) return fail(`"${word}" is not a currency Upkeep knows; use an ISO code such as EUR`);
    if (marks[slot] !== null) return fail(`it names two currencies (${marks[slot]} and ${upper})`);
    marks[slot] = upper;
  }
  return ok(marks);
}

/** Which currency an amount is in: the written code, else a symbol read with the fallback's help. */
function currencyOf(marks: CurrencyMarks, fallback: string | null): Parsed<{ currency: string; inText: boolean }> {
  const symbol = marks.symbol === null ? null : SYMBOLS[marks.symbol]!;
  if (marks.code !== null) {
    if (symbol && !symbol.means.includes(marks.code)) return fail(`"${marks.symbol}" and ${marks.code} disagree`);
    return ok({ currency: marks.code, inText: true });
  }
  if (symbol) {
    if (fallback !== null && symbol.means.includes(fallback)) return ok({ currency: fallback, inText: true });
    if (symbol.assumed !== null) return ok({ currency: symbol.assumed, inText: true });
    const means = symbol.means.join(', ');
    return fail(`"kr" is used by ${means}: write the code (99 SEK) or give a currency column or default currency`);
  }
  if (fallback !== null) return ok({ currency: fallback, inText: false });
  return fail('no currency is given: write it (9.99 EUR) or give a currency column or default currency');
}

/** Whether a lone `.` or `,` is the decimal mark; null when both readings are plausible. */
function loneSeparatorIsDecimal(groups: string[], digits: number): boolean | null {
  const [head = '', tail = ''] = groups;
  if (tail.length !== 3) return true; // 9,99 or 1.5: grouping always has three digits
  if (head === '0' || head.length > 3) return true; // 0,500 or 1234.567 cannot be grouping
  return digits === 3 ? null : false; // 1.234 is a thousand unless the currency has three decimals
}

/**
 * The number part (`1 234,50`, `1.234.567`, `1,234.50`, `1'234.50`) as a plain decimal (`1234.50`).
 * The last `.` or `,` is the decimal mark when both kinds appear or it is followed by other than
 * three digits; a lone separator before exactly three digits groups thousands. Spaces and
 * apostrophes only ever group. Groups after the first must have three digits.
 */
function plainDecimal(number: string, digits: number): Parsed<string> {
  const groups = number.split(/[.,' ’]/);
  const separators = number.replace(/\d/g, '').split('');
  const last = separators.at(-1);
  if (last === undefined) return ok(number);
  const mixed = separators.some((s) => s !== last);
  const once = separators.indexOf(last) === separators.length - 1;
  let decimal: boolean | null = false;
  if (last === '.' || last === ',') decimal = mixed ? once : once && loneSeparatorIsDecimal(groups, digits);
  if (decimal === null) {
    return fail(`"${number}" could be read with "${last}" as decimal or thousands separator; write it without grouping, e.g. 1234.500`);
  }
  const whole = decimal ? groups.slice(0, -1) : groups;
  const grouping = new Set(decimal ? separators.slice(0, -1) : separators);
  const wellGrouped = grouping.size <= 1 && whole.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
  if (whole.length > 1 && !wellGrouped) return fail(`"${number}" has digit groups that are not thousands`);
  return ok(whole.join('') + (decimal ? `.${groups.at(-1)}` : ''));
}

/**
 * An amount of money in any of the ways people write it: `€9.99`, `9,99 €`, `1 234,50 SEK`,
 * `USD 9.99`, `$12`, `1.234,50 EUR`, `1,234.50`, or a plain `3.92` in the `fallbackCurrency`
 * (the row's currency column, else the import's default). A symbol that several currencies use
 * (`$`, `¥`, `kr`) is read as the fallback when it is one of them. Negative amounts are refused:
 * a cost or renewal price below zero is a mistake in the sheet, not a credit.
 */
const PLAIN_AMOUNT = /^\d{1,15}(?:\.\d{1,2})?$/;

export function parseMoney(text: string, fallbackCurrency: string | null = null): Parsed<ParsedMoney | null> {
  const value = text.replace(/\s+/gu, ' ').trim();
  if (value === '') return ok(null);
  const reason = (why: string): Parsed<never> => fail(`"${value}" is not an amount: ${why}`);
  const fallback = fallbackCurrency === null ? null : normalizeCurrencyCode(fallbackCurrency);
  if (fallbackCurrency !== null && fallback === null) return reason(`the currency "${fallbackCurrency}" is not an ISO 4217 code`);
  // Most cells of a currency column's sheet are plain decimals (12.50): read them directly.
  if (fallback !== null && PLAIN_AMOUNT.test(value)) {
    const plain = toMinorUnits(value, fallback);
    if (plain.ok) return ok({ amount: plain.value, currency: fallback, currencyInText: false });
  }
  if (/^[^\d]*[-−]|\d\s*[-−]$|^\(.*\)$/u.test(value)) return reason('amounts cannot be negative');
  const match = /^([^\d]*?)\s*(\d(?:[\d.,' ’]*\d)?)\s*([^\d]*)$/u.exec(value);
  if (!match) return reason('expected a number with an optional currency, like 9.99 EUR');
  const [, before = '', number = '', after = ''] = match;
  const marks = currencyMarks(`${before} ${after}`.split(' ').filter((w) => w !== ''));
  if (!marks.ok) return reason(marks.reason);
  const currency = currencyOf(marks.value, fallback);
  if (!currency.ok) return reason(currency.reason);
  const decimal = plainDecimal(number, minorDigits(currency.value.currency));
  if (!decimal.ok) return reason(decimal.reason);
  const amount = toMinorUnits(decimal.value, currency.value.currency);
  if (!amount.ok) return reason(amount.reason);
  return ok({ amount: amount.value, currency: currency.value.currency, currencyInText: currency.value.inText });
}

/** A currency column's cell: an ISO code in any case (`usd` → `USD`). */
export function parseCurrencyCode(text: string): Parsed<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const code = normalizeCurrencyCode(value);
  return code ? ok(code) : fail(`"${value}" is not an ISO 4217 currency code such as EUR, USD or SEK`);
}

// ---------------------------------------------------------------------------------------------
// Yes/no, e-mail, lists

const YES = new Set(['yes', 'y', 'true', '1', 'on', 'enabled', 'ja', 'oui', 'да']);
const NO = new Set(['no', 'n', 'false', '0', 'off', 'disabled', 'nej', 'nee', 'non', 'нет']);

/** Yes or no in the product's languages, or as 1/0, true/false, on/off. Blank is null (not said). */
export function parseYesNo(text: string): Parsed<boolean | null> {
  const word = text.trim().toLowerCase();
  if (word === '') return ok(null);
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail(`"${text.trim()}" is not yes or no (yes/no, true/false, 1/0, on/off, ja/nej, oui/non)`);
}

const emailSchema = z.email();

/** An e-mail address, lower-cased so it matches the user it names however it was typed. */
export function parseEmail(text: string): Parsed<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  return emailSchema.safeParse(value).success ? ok(value.toLowerCase()) : fail(`"${value}" is not an e-mail address`);
}

/** Items of a list cell, trimmed, blanks dropped, each once (the first spelling wins). */
function splitList(text: string, separators: RegExp): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const item of text.split(separators).map((s) => s.trim())) {
    if (item === '' || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

/** Tags, separated by `,` `;` or `|`. Any text is a tag, so this cannot fail. */
export const parseTags = (text: string): string[] => splitList(text, /[,;|]/);

/** Project names, separated by `;` or `,`. */
export const parseProjectNames = (text: string): string[] => splitList(text, /[;,]/);

// ---------------------------------------------------------------------------------------------
// Kinds, statuses and billing cycles

/** Looks a word up in a synonym table after `normalizeWord`; the reason lists what is accepted. */
function fromSynonyms<T>(text: string, words: ReadonlyMap<string, T>, what: string, accepted: readonly string[]): Parsed<T | null> {
  const word = normalizeWord(text);
  if (word === '') return ok(null);
  const found = words.get(word) ?? (word.endsWith('s') ? words.get(word.slice(0, -1)) : undefined);
  if (found !== undefined) return ok(found);
  return fail(`"${text.trim()}" is not ${what} Upkeep knows (${accepted.join(', ')})`);
}

/** A lookup from each value, and each of its synonyms, to the value. */
function synonyms<T extends string>(own: readonly T[], extra: Partial<Record<T, string[]>>): ReadonlyMap<string, T> {
  const words = new Map<string, T>(own.map((value) => [normalizeWord(value), value]));
  for (const [value, others] of Object.entries(extra) as [T, string[]][]) {
    for (const other of others) words.set(normalizeWord(other), value);
  }
  return words;
}

const KIND_WORDS = synonyms(ASSET_KINDS, {
  domain: ['domain name'],
  hosting: ['web hosting', 'shared hosting', 'vps', 'server', 'dedicated server', 'cloud server'],
  certificate: ['cert', 'ssl', 'tls', 'ssl certificate', 'tls certificate'],
  licence: ['license', 'software licence', 'software license'],
  subscription: ['saas'],
  backup: ['backup storage'],
});

/**
 * What an asset is. Besides the kinds themselves: `domain name`; `web hosting`, `vps`, `server`;
 * `ssl`, `tls`, `cert`; `license`; `saas`; `backup storage`; plurals of any of these.
 */
export function parseAssetKind(text: string): Parsed<AssetKind | null> {
  return fromSynonyms(text, KIND_WORDS, 'a kind of asset', ASSET_KINDS);
}

/**
 * Status words, including DomainMOD's (`ACTIVE`, `PENDING (RENEWAL)`, …) and its numeric codes
 * (0 expired, 1 active, 2 in transfer, 3 pending renewal, 4 pending other, 5 pending registration,
 * 10 sold). Every "pending" other than renewal, and a transfer in progress, reads as active:
 * the asset is, or is about to be, ours, and an active asset keeps its reminders and monitors —
 * a needless reminder costs less than a lapse. Sold, archived and inactive read as retired.
 */
const STATUS_WORDS = synonyms(ASSET_STATUSES, {
  active: ['1', 'ok', 'live', 'pending', 'pending registration', 'pending transfer', 'in transfer', 'pending other', '2', '4', '5'],
  expiring: ['expiring soon'],
  expired: ['0', 'lapsed'],
  renewing: ['pending renewal', 'renewal pending', '3'],
  cancelled: ['canceled', 'terminated'],
  retired: ['sold', '10', 'archived', 'inactive'],
});

export function parseAssetStatus(text: string): Parsed<AssetStatus | null> {
  return fromSynonyms(text, STATUS_WORDS, 'a status', ASSET_STATUSES);
}

export interface CycleValue {
  billingCycle: BillingCycle;
  /** Only for `multi-year`: 24, 36, …; null when the cycle implies it or it was not said. */
  cycleMonths: number | null;
}

/** Cycle words, as months per cycle; null is one-off, 'multi' is multi-year of unsaid length. */
const CYCLE_WORDS = new Map<string, number | null | 'multi'>([
  ...['monthly', 'month', 'per month', 'every month'].map((w) => [w, 1] as const),
  ...['quarterly', 'quarter', 'per quarter', 'every quarter'].map((w) => [w, 3] as const),
  ...['yearly', 'year', 'annual', 'annually', 'per year', 'every year', 'per annum', 'p a'].map((w) => [w, 12] as const),
  ['biennial', 24], ['biennially', 24], ['triennial', 36], ['triennially', 36],
  ['multi year', 'multi'], ['multiyear', 'multi'],
  ...['one off', 'one time', 'once', 'lifetime', 'perpetual'].map((w) => [w, null] as const),
]);

const CYCLE_LENGTH = /^(?:every |per )?(\d+) ?(m|mo|mos|mon|mons|months?|y|yr|yrs|years?)$/;

/**
 * How often an asset is paid for: `monthly`/`month`, `quarterly`, `yearly`/`annual`/`annually`/`1y`/
 * `12 months`, `2 years`/`24 months`/`biennial` (multi-year of 24 months), `one-time`/`once`/
 * `lifetime` (one-off). Lengths Upkeep has no cycle for (every 6 months) are refused, not rounded.
 */
export function parseBillingCycle(text: string): Parsed<CycleValue | null> {
  const word = normalizeWord(text);
  if (word === '') return ok(null);
  const length = CYCLE_LENGTH.exec(word);
  const months = length ? Number(length[1]) * (length[2]!.startsWith('y') ? 12 : 1) : CYCLE_WORDS.get(word);
  if (months === undefined) {
    return fail(`"${text.trim()}" is not a billing cycle Upkeep knows (monthly, quarterly, yearly, 2 years, one-off)`);
  }
  if (months === null) return ok({ billingCycle: 'one-off', cycleMonths: null });
  if (months === 'multi') return ok({ billingCycle: 'multi-year', cycleMonths: null });
  if (months === 1) return ok({ billingCycle: 'monthly', cycleMonths: null });
  if (months === 3) return ok({ billingCycle: 'quarterly', cycleMonths: null });
  if (months === 12) return ok({ billingCycle: 'yearly', cycleMonths: null });
  if (months >= 24 && months % 12 === 0) return ok({ billingCycle: 'multi-year', cycleMonths: months });
  return fail(`"${text.trim()}" is every ${months} months, which is not a billing cycle Upkeep has (monthly, quarterly, yearly, whole years, one-off)`);
}

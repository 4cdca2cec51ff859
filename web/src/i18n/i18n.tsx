import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { da, fr, nl, ru, sv } from './translations.ts';

/** Every string of the app goes through `t`; dates, numbers and money through the formatters. */
export const LOCALES = { en: 'English', sv: 'Svenska', nl: 'Nederlands', fr: 'Français', da: 'Dansk', ru: 'Русский' } as const;
export type Locale = keyof typeof LOCALES;

const CATALOGUES = { en, sv, nl, fr, da, ru };

export interface I18n {
  locale: Locale;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  date(isoDate: string | null): string;
  number(value: number): string;
  money(amount: number, currency: string): string;
}

export function makeI18n(locale: Locale): I18n {
  const messages = CATALOGUES[locale] ?? en;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key: string): string | undefined => (messages as Record<string, string>)[key] ?? (en as Record<string, string>)[key];
  return {
    locale,
    t(key, values) {
      // A numeric `count` picks the plural form (`key.one`, `key.few`, …) when the language has one.
      const count = values?.count;
      const form = typeof count === 'number' ? (lookup(`${key}.${plurals.select(count)}`) ?? lookup(key)) : lookup(key);
      return (form ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values?.[name];
        return value === undefined ? `{${name}}` : typeof value === 'number' ? numbers.format(value) : value;
      });
    },
    date: (iso) => (iso ? dates.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—'),
    number: (value) => numbers.format(value),
    money(amount, currency) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** digits);
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

export function asLocale(value: string | undefined): Locale {
  return value && value in LOCALES ? (value as Locale) : 'en';
}

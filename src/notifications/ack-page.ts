import type { Kysely } from 'kysely';
import { LOCALES, type Locale } from '../accounts/model.ts';
import type { Schema } from '../platform/db/schema.ts';

/**
 * The small pages behind an acknowledge link, in the language of the person the link was made
 * for (or the browser's, for a link without a person). They are opened from a phone at night:
 * plain HTML, readable at any width, no script.
 */
interface AckWords {
  confirmTitle: string;
  confirm: (subject: string) => string;
  button: string;
  doneTitle: string;
  done: (subject: string) => string;
  already: (subject: string, at: string) => string;
  invalidTitle: string;
  invalid: string;
}

const WORDS: Record<Locale, AckWords> = {
  en: {
    confirmTitle: 'Acknowledge', confirm: (s) => `Acknowledge <strong>${s}</strong>? Escalation to the next people stops.`, button: 'Acknowledge',
    doneTitle: 'Acknowledged', done: (s) => `Acknowledged: <strong>${s}</strong>. Escalation stopped.`, already: (s, at) => `<strong>${s}</strong> was already acknowledged at ${at}.`,
    invalidTitle: 'Link not valid', invalid: 'This acknowledge link is not valid or has expired.',
  },
  sv: {
    confirmTitle: 'Kvittera', confirm: (s) => `Kvittera <strong>${s}</strong>? Eskaleringen till nästa person stoppas.`, button: 'Kvittera',
    doneTitle: 'Kvitterat', done: (s) => `Kvitterat: <strong>${s}</strong>. Eskaleringen är stoppad.`, already: (s, at) => `<strong>${s}</strong> kvitterades redan ${at}.`,
    invalidTitle: 'Länken gäller inte', invalid: 'Den här kvitteringslänken är ogiltig eller har gått ut.',
  },
  nl: {
    confirmTitle: 'Bevestigen', confirm: (s) => `<strong>${s}</strong> bevestigen? De escalatie naar de volgende personen stopt.`, button: 'Bevestigen',
    doneTitle: 'Bevestigd', done: (s) => `Bevestigd: <strong>${s}</strong>. De escalatie is gestopt.`, already: (s, at) => `<strong>${s}</strong> was al bevestigd op ${at}.`,
    invalidTitle: 'Link ongeldig', invalid: 'Deze bevestigingslink is ongeldig of verlopen.',
  },
  fr: {
    confirmTitle: 'Prendre en charge', confirm: (s) => `Prendre en charge <strong>${s}</strong> ? L’escalade vers les personnes suivantes s’arrête.`, button: 'Prendre en charge',
    doneTitle: 'Pris en charge', done: (s) => `Pris en charge : <strong>${s}</strong>. L’escalade est arrêtée.`, already: (s, at) => `<strong>${s}</strong> a déjà été pris en charge le ${at}.`,
    invalidTitle: 'Lien non valide', invalid: 'Ce lien de prise en charge n’est pas valide ou a expiré.',
  },
  da: {
    confirmTitle: 'Kvitter', confirm: (s) => `Kvitter for <strong>${s}</strong>? Eskaleringen til de næste personer stopper.`, button: 'Kvitter',
    doneTitle: 'Kvitteret', done: (s) => `Kvitteret: <strong>${s}</strong>. Eskaleringen er stoppet.`, already: (s, at) => `<strong>${s}</strong> blev allerede kvitteret ${at}.`,
    invalidTitle: 'Linket er ikke gyldigt', invalid: 'Dette kvitteringslink er ugyldigt eller udløbet.',
  },
  ru: {
    confirmTitle: 'Подтвердить', confirm: (s) => `Подтвердить <strong>${s}</strong>? Эскалация следующим людям остановится.`, button: 'Подтвердить',
    doneTitle: 'Подтверждено', done: (s) => `Подтверждено: <strong>${s}</strong>. Эскалация остановлена.`, already: (s, at) => `<strong>${s}</strong> уже подтверждено ${at}.`,
    invalidTitle: 'Ссылка недействительна', invalid: 'Эта ссылка для подтверждения недействительна или устарела.',
  },
};

export function ackWords(locale: Locale): AckWords {
  return WORDS[locale];
}

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The language of the link's person; else the browser's first supported one; else English. */
export async function ackLocale(db: Kysely<Schema>, userId: string | null, acceptLanguage: string | undefined): Promise<Locale> {
  if (userId) {
    const user = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
    if (user && isLocale(user.locale)) return user.locale;
  }
  const wanted = (acceptLanguage ?? '').split(',').map((part) => part.trim().slice(0, 2).toLowerCase());
  return wanted.find(isLocale) ?? 'en';
}

/** What a person recognises: the monitor, asset or domain of the latest event about the subject. */
export async function subjectTitle(db: Kysely<Schema>, subjectKey: string): Promise<string> {
  const event = await db.selectFrom('events').select('data').where('subject_key', '=', subjectKey).orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();
  const data = event ? (JSON.parse(event.data) as Record<string, unknown>) : {};
  const name = [data.monitorName, data.assetName, data.domain, data.channelName].find((v) => typeof v === 'string' && v !== '');
  return (name as string | undefined) ?? subjectKey;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ackHtml(locale: Locale, title: string, body: string): string {
  const style = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1d4ed8;color:#fff;cursor:pointer}';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${title} · Upkeep</title><style>${style}</style></head><body><h1>${title}</h1>${body}</body></html>`;
}

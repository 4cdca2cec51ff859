import type { Locale } from '../../accounts/model.ts';
import type { EventType } from '../events.ts';
import { da } from './locales/da.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';
import { nl } from './locales/nl.ts';
import { ru } from './locales/ru.ts';
import { sv } from './locales/sv.ts';
import type { Audience, TemplateText } from './model.ts';
import type { LocalePack } from './pack.ts';

/** The built-in templates: one per event type × audience × language. */
export const PACKS: Readonly<Record<Locale, LocalePack>> = { en, sv, nl, fr, da, ru };

export function builtInTemplate(eventType: EventType, audience: Audience, locale: Locale): TemplateText {
  const { subject, text } = PACKS[locale].templates[eventType][audience];
  return { subject, text, html: null };
}

import type { Locale } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { invalid } from '../../platform/http/problem.ts';
import type { Kysely } from 'kysely';
import { EVENT_TYPES, type EventType } from '../events.ts';
import { builtInTemplate } from './catalogue.ts';
import { AUDIENCES, isEventType, isLocale, placeholdersFor, TEMPLATE_LOCALES, validateTemplate, type Audience, type TemplateText } from './model.ts';
import { renderEvent, type RenderedMessage } from './render.ts';
import { SAMPLE_EVENTS } from './samples.ts';
import * as store from './store.ts';

/** Templates as people see them: the built-in wording, or the agency's own, and what each may use. */
export interface TemplateView extends TemplateText {
  eventType: EventType;
  audience: Audience;
  locale: Locale;
  /** True when the agency replaced the built-in wording. */
  overridden: boolean;
  placeholders: string[];
  /** The built-in wording, to compare with or go back to. */
  builtIn: TemplateText;
  updatedAt: string | null;
}

export interface TemplateFilter {
  eventType?: EventType | undefined;
  audience?: Audience | undefined;
  locale?: Locale | undefined;
}

/**
 * The agency's overrides, read at most every few seconds per database: a busy outbox renders
 * thousands of messages a second from a table that changes a few times a year. A change saved
 * in this process is seen at once; one saved in another process within OVERRIDE_CACHE_MS.
 */
const OVERRIDE_CACHE_MS = 5000;
const overrideCache = new WeakMap<Kysely<Schema>, { at: number; overrides: Map<string, TemplateText> }>();
const keyOf = (eventType: string, audience: string, locale: string) => `${eventType}|${audience}|${locale}`;

async function overrides(db: Kysely<Schema>): Promise<Map<string, TemplateText>> {
  const cached = overrideCache.get(db);
  if (cached && Date.now() - cached.at < OVERRIDE_CACHE_MS) return cached.overrides;
  const rows = await store.listOverrides(db);
  const map = new Map(rows.map((o) => [keyOf(o.eventType, o.audience, o.locale), { subject: o.subject, text: o.text, html: o.html }]));
  overrideCache.set(db, { at: Date.now(), overrides: map });
  return map;
}

/** The template used for an event type, audience and language: the agency's own if saved, else the built-in one. */
export async function resolveTemplate(db: Kysely<Schema>, eventType: EventType, audience: Audience, locale: Locale): Promise<TemplateText> {
  return (await overrides(db)).get(keyOf(eventType, audience, locale)) ?? builtInTemplate(eventType, audience, locale);
}

function view(eventType: EventType, audience: Audience, locale: Locale, override: store.TemplateOverride | undefined): TemplateView {
  const builtIn = builtInTemplate(eventType, audience, locale);
  const current = override ? { subject: override.subject, text: override.text, html: override.html } : builtIn;
  return { eventType, audience, locale, ...current, overridden: override !== undefined, placeholders: placeholdersFor(eventType), builtIn, updatedAt: override?.updatedAt ?? null };
}

export async function listTemplates(deps: Deps, filter: TemplateFilter): Promise<TemplateView[]> {
  const overrides = new Map((await store.listOverrides(deps.database.db)).map((o) => [`${o.eventType}|${o.audience}|${o.locale}`, o]));
  const views: TemplateView[] = [];
  for (const eventType of filter.eventType ? [filter.eventType] : EVENT_TYPES) {
    for (const audience of filter.audience ? [filter.audience] : AUDIENCES) {
      for (const locale of filter.locale ? [filter.locale] : TEMPLATE_LOCALES) {
        views.push(view(eventType, audience, locale, overrides.get(`${eventType}|${audience}|${locale}`)));
      }
    }
  }
  return views;
}

/** Checks the path parameters people type: an unknown event type, audience or language is a 400 naming it. */
export function checkKey(key: { eventType: string; audience: string; locale: string }, prefix = 'params'): { eventType: EventType; audience: Audience; locale: Locale } {
  const errors = [];
  if (!isEventType(key.eventType)) errors.push({ field: `${prefix}.eventType`, message: `must be one of ${EVENT_TYPES.join(', ')}` });
  if (!(AUDIENCES as readonly string[]).includes(key.audience)) errors.push({ field: `${prefix}.audience`, message: `must be one of ${AUDIENCES.join(', ')}` });
  if (!isLocale(key.locale)) errors.push({ field: `${prefix}.locale`, message: `is not a language Upkeep has templates in; use one of ${TEMPLATE_LOCALES.join(', ')}` });
  if (errors.length > 0) throw invalid(errors);
  return key as { eventType: EventType; audience: Audience; locale: Locale };
}

export async function getTemplate(deps: Deps, key: { eventType: EventType; audience: Audience; locale: Locale }): Promise<TemplateView> {
  const override = await store.findOverride(deps.database.db, key);
  return view(key.eventType, key.audience, key.locale, override ?? undefined);
}

/** Saves the agency's wording after checking every placeholder against the event type's fields. */
export async function saveTemplate(deps: Deps, ctx: ChangeContext, key: { eventType: EventType; audience: Audience; locale: Locale }, text: TemplateText): Promise<TemplateView> {
  const errors = validateTemplate(placeholdersFor(key.eventType), text);
  if (errors.length > 0) throw invalid(errors, `The template uses something a ${key.eventType} event does not have.`);
  const before = await getTemplate(deps, key);
  const override = { ...key, ...text, updatedBy: ctx.actor.id, updatedAt: deps.now().toISOString() };
  await change(deps, ctx, async (trx, audit) => {
    await store.saveOverride(trx, override);
    overrideCache.delete(deps.database.db);
    const entityId = `${key.eventType}:${key.audience}:${key.locale}`;
    await audit({ action: 'notification-template.saved', entityType: 'notification-template', entityId, before: pick(before), after: text });
  });
  return view(key.eventType, key.audience, key.locale, override);
}

/** Goes back to the built-in wording. */
export async function resetTemplate(deps: Deps, ctx: ChangeContext, key: { eventType: EventType; audience: Audience; locale: Locale }): Promise<TemplateView> {
  const before = await getTemplate(deps, key);
  if (before.overridden) {
    await change(deps, ctx, async (trx, audit) => {
      await store.deleteOverride(trx, key);
      overrideCache.delete(deps.database.db);
      await audit({ action: 'notification-template.reset', entityType: 'notification-template', entityId: `${key.eventType}:${key.audience}:${key.locale}`, before: pick(before) });
    });
  }
  return view(key.eventType, key.audience, key.locale, undefined);
}

function pick(t: TemplateText): TemplateText {
  return { subject: t.subject, text: t.text, html: t.html };
}

export interface PreviewInput {
  eventType: EventType;
  audience: Audience;
  locale: Locale;
  /** A draft to preview instead of the saved template. */
  draft?: TemplateText | undefined;
  recipientName: string;
  agencyName: string;
  timeZone: string;
  publicUrl: string;
}

/** A sample event of the type, rendered as a recipient in `locale` would read it. */
export async function previewTemplate(deps: Deps, input: PreviewInput): Promise<RenderedMessage> {
  if (input.draft) {
    const errors = validateTemplate(placeholdersFor(input.eventType), input.draft, 'body.draft');
    if (errors.length > 0) throw invalid(errors);
  }
  const template = input.draft ?? (await resolveTemplate(deps.database.db, input.eventType, input.audience, input.locale));
  const sample = SAMPLE_EVENTS[input.eventType];
  const base = input.publicUrl.replace(/\/+$/, '');
  return renderEvent({ type: input.eventType, severity: sample.severity, data: sample.data as unknown as Record<string, unknown> }, template, {
    locale: input.locale,
    timeZone: input.timeZone,
    recipientName: input.recipientName,
    agencyName: input.agencyName,
    links: { acknowledge: input.audience === 'staff' ? `${base}/ack/sample` : null, open: `${base}/` },
  });
}

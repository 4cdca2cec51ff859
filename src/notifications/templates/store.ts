import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { TemplateText } from './model.ts';

/** An agency's own wording of a template, replacing the built-in one for one event type × audience × language. */
type Q = Kysely<Schema>;

export interface TemplateKey {
  eventType: string;
  audience: string;
  locale: string;
}

export interface TemplateOverride extends TemplateKey, TemplateText {
  updatedBy: string | null;
  updatedAt: string;
}

export async function findOverride(db: Q, key: TemplateKey): Promise<TemplateOverride | null> {
  const row = await db
    .selectFrom('notification_templates')
    .selectAll()
    .where('event_type', '=', key.eventType)
    .where('audience', '=', key.audience)
    .where('locale', '=', key.locale)
    .executeTakeFirst();
  return row ? { eventType: row.event_type, audience: row.audience, locale: row.locale, subject: row.subject, text: row.text, html: row.html, updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
}

/** Every override (at most one per event type × audience × language, so a bounded list). */
export async function listOverrides(db: Q): Promise<TemplateOverride[]> {
  const rows = await db.selectFrom('notification_templates').selectAll().execute();
  return rows.map((row) => ({ eventType: row.event_type, audience: row.audience, locale: row.locale, subject: row.subject, text: row.text, html: row.html, updatedBy: row.updated_by, updatedAt: row.updated_at }));
}

export async function saveOverride(db: Q, o: TemplateOverride): Promise<void> {
  const values = { subject: o.subject, text: o.text, html: o.html, updated_by: o.updatedBy, updated_at: o.updatedAt };
  await db
    .insertInto('notification_templates')
    .values({ event_type: o.eventType, audience: o.audience, locale: o.locale, ...values })
    .onConflict((oc) => oc.columns(['event_type', 'audience', 'locale']).doUpdateSet(values))
    .execute();
}

export async function deleteOverride(db: Q, key: TemplateKey): Promise<void> {
  await db.deleteFrom('notification_templates').where('event_type', '=', key.eventType).where('audience', '=', key.audience).where('locale', '=', key.locale).execute();
}

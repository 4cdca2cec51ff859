import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';

/** A person's notification choices: where messages go first, where they go when that fails, and in which language. */
type Q = Kysely<Schema>;

export interface NotificationPreferences {
  userId: string;
  primaryChannelId: string | null;
  fallbackChannelId: string | null;
  /** Null: the user's own language. */
  locale: string | null;
  updatedAt: string | null;
}

export async function findPreferences(db: Q, userId: string): Promise<NotificationPreferences> {
  const row = await db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return { userId, primaryChannelId: null, fallbackChannelId: null, locale: null, updatedAt: null };
  return { userId, primaryChannelId: row.primary_channel_id, fallbackChannelId: row.fallback_channel_id, locale: row.locale, updatedAt: row.updated_at };
}

export async function savePreferences(db: Q, prefs: NotificationPreferences & { updatedAt: string }): Promise<void> {
  const values = { primary_channel_id: prefs.primaryChannelId, fallback_channel_id: prefs.fallbackChannelId, locale: prefs.locale, updated_at: prefs.updatedAt };
  await db
    .insertInto('notification_preferences')
    .values({ user_id: prefs.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** What rendering needs to know about a person: name, role, language and time zone, and their client's language. */
export interface RecipientProfile {
  userId: string;
  name: string;
  role: string;
  clientId: string | null;
  userLocale: string;
  clientLocale: string | null;
  timeZone: string;
  disabled: boolean;
}

export async function findRecipientProfile(db: Q, userId: string): Promise<RecipientProfile | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('clients', 'clients.id', 'users.client_id')
    .select(['users.id', 'users.name', 'users.role', 'users.client_id', 'users.locale', 'users.time_zone', 'users.disabled_at', 'clients.locale as client_locale'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    name: row.name,
    role: row.role,
    clientId: row.client_id,
    userLocale: row.locale,
    clientLocale: row.client_locale,
    timeZone: row.time_zone,
    disabled: row.disabled_at !== null,
  };
}

/** People told when an agency-wide channel breaks: the owners and admins. */
export async function findAgencyAdmins(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', 'in', ['owner', 'admin']).where('disabled_at', 'is', null).orderBy('id').limit(50).execute();
  return rows.map((r) => r.id);
}

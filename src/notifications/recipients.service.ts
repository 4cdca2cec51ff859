import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import * as channels from './channels.store.ts';
import * as store from './recipients.store.ts';
import { templateLocale } from './templates/model.ts';

/** A person's notification preferences: their primary and fallback channel and their language. */
type Ctx = ChangeContext & { actor: Actor };

export interface PreferencesView extends store.NotificationPreferences {
  /** The language messages are written in: the chosen one, else the person's (or their client's). */
  effectiveLocale: string;
}

export async function getPreferences(deps: Deps, userId: string): Promise<PreferencesView> {
  const db = deps.database.db;
  const profile = await store.findRecipientProfile(db, userId);
  if (!profile) throw notFound('user', userId);
  const prefs = await store.findPreferences(db, userId);
  const own = profile.role === 'client' ? (profile.clientLocale ?? profile.userLocale) : profile.userLocale;
  return { ...prefs, effectiveLocale: templateLocale(prefs.locale ?? own) };
}

export interface PreferencesPatch {
  primaryChannelId?: string | null | undefined;
  fallbackChannelId?: string | null | undefined;
  locale?: string | null | undefined;
}

export async function savePreferences(deps: Deps, ctx: Ctx, userId: string, patch: PreferencesPatch): Promise<PreferencesView> {
  const before = await getPreferences(deps, userId);
  const after: store.NotificationPreferences = {
    userId,
    primaryChannelId: patch.primaryChannelId === undefined ? before.primaryChannelId : patch.primaryChannelId,
    fallbackChannelId: patch.fallbackChannelId === undefined ? before.fallbackChannelId : patch.fallbackChannelId,
    locale: patch.locale === undefined ? before.locale : patch.locale,
    updatedAt: deps.now().toISOString(),
  };
  await checkChannels(deps, userId, after);
  await change(deps, ctx, async (trx, audit) => {
    await store.savePreferences(trx, { ...after, updatedAt: after.updatedAt! });
    const pick = (p: store.NotificationPreferences) => ({ primaryChannelId: p.primaryChannelId, fallbackChannelId: p.fallbackChannelId, locale: p.locale });
    await audit({ action: 'notification-preferences.updated', entityType: 'user', entityId: userId, before: pick(before), after: pick(after) });
  });
  return getPreferences(deps, userId);
}

/** A person may receive on their own channels; staff also on agency-wide ones (never a client on the agency's). */
async function checkChannels(deps: Deps, userId: string, prefs: store.NotificationPreferences): Promise<void> {
  const db = deps.database.db;
  const profile = await store.findRecipientProfile(db, userId);
  const errors: FieldError[] = [];
  for (const field of ['primaryChannelId', 'fallbackChannelId'] as const) {
    const id = prefs[field];
    if (id === null) continue;
    const channel = await channels.findChannel(db, id);
    const usable = channel && (channel.ownerUserId === userId || (channel.ownerUserId === null && channel.clientId === null && profile?.role !== 'client'));
    if (!usable) errors.push({ field: `body.${field}`, message: `is not a channel this person can receive on (their own, or an agency-wide one for staff): ${id}` });
  }
  if (prefs.primaryChannelId !== null && prefs.primaryChannelId === prefs.fallbackChannelId) {
    errors.push({ field: 'body.fallbackChannelId', message: 'must be another channel than the primary one' });
  }
  if (errors.length > 0) throw invalid(errors);
}

import type { Kysely, Transaction } from 'kysely';
import { systemActor } from '../accounts/model.ts';
import { appendAudit } from '../platform/audit/store.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { DEFAULT_RATE_PER_MINUTE } from './channels.service.ts';
import { insertChannel, type ChannelRecord } from './channels.store.ts';
import { findPreferences, savePreferences } from './recipients.store.ts';

/**
 * A person who never chose a channel still hears about a site going down: the first message for
 * them creates their "Sign-in email" channel (when a mail server is configured) and makes it their
 * primary, as an audited system change they can see and change on their notifications page.
 * Runs inside the caller's transaction (the dispatch of one event).
 */
export async function signInEmailChannel(db: Kysely<Schema>, deps: Deps, userId: string, now: Date): Promise<ChannelRecord | null> {
  if (!deps.config.smtpUrl) return null;
  const user = await db.selectFrom('users').select(['email', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled_at !== null) return null;
  const at = now.toISOString();
  const channel: ChannelRecord = {
    id: newId('channel', now.getTime()),
    kind: 'email',
    name: 'Sign-in email',
    ownerUserId: userId,
    clientId: null,
    config: { address: user.email },
    sealedSecrets: null,
    status: 'ok',
    statusReason: null,
    statusChangedAt: null,
    lastSentAt: null,
    ratePerMinute: DEFAULT_RATE_PER_MINUTE,
    rate: { window: null, count: 0 },
    createdAt: at,
    updatedAt: at,
  };
  await insertChannel(db, channel);
  const prefs = await findPreferences(db, userId);
  await savePreferences(db, { ...prefs, primaryChannelId: channel.id, updatedAt: at });
  const ctx = { actor: systemActor('notifications'), requestId: null };
  await appendAudit(db as Transaction<Schema>, deps.database.dialect, ctx, { action: 'channel.created', entityType: 'channel', entityId: channel.id, after: { kind: 'email', name: channel.name, ownerUserId: userId, target: user.email, primaryFor: userId } }, now);
  return channel;
}

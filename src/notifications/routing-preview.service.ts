import type { Kysely } from 'kysely';
import { findUserById } from '../accounts/store.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import type { ChannelKind } from './channels/channel.ts';
import { findChannels, type ChannelRecord } from './channels.store.ts';
import { chooseChannel } from './outbox.model.ts';
import { findPreferences } from './recipients.store.ts';
import { recipientOfKey } from './routing.model.ts';

/**
 * The audience of a routing preview in words: who each recipient is (a person by name and email,
 * or a shared channel by name), why they are told, and the channel their message would start on.
 * The audience itself comes from the same function dispatch uses (audience.service resolveAudience).
 */
type Q = Kysely<Schema>;

export interface PreviewChannel {
  /** Null for the sign-in email channel the first message would create. */
  id: string | null;
  kind: ChannelKind;
  name: string;
  /** The person's primary channel is broken: the message starts on their fallback. */
  fallback: boolean;
}

export interface PreviewRecipient {
  /** `user:<id>` or `channel:<id>`, as notifications name their recipient. */
  recipient: string;
  kind: 'user' | 'channel';
  id: string;
  name: string;
  /** A person's sign-in email; null for a shared channel. */
  email: string | null;
  /** A client-portal user's client; null for staff and channels. */
  clientId: string | null;
  /** `client-portal`, `addressed`, `route:<rule id>` or `route:default`. */
  reason: string;
  /** Where the message would start; null: nowhere (no channel chosen and no mail server to make one). */
  channel: PreviewChannel | null;
}

const asChannel = (c: ChannelRecord, fallback: boolean): PreviewChannel => ({ id: c.id, kind: c.kind, name: c.name, fallback });

/**
 * A person's channel as the outbox picks it: the primary unless broken, then the fallback; with no
 * channel chosen at all, the sign-in email the first message creates when a mail server is set up.
 */
async function startingChannel(db: Q, deps: Deps, userId: string): Promise<PreviewChannel | null> {
  const prefs = await findPreferences(db, userId);
  if (prefs.primaryChannelId === null && prefs.fallbackChannelId === null) {
    return deps.config.smtpUrl ? { id: null, kind: 'email', name: 'Sign-in email', fallback: false } : null;
  }
  const found = await findChannels(db, [prefs.primaryChannelId, prefs.fallbackChannelId].filter((c): c is string => c !== null));
  const byId = new Map(found.map((c) => [c.id, c]));
  const primary = prefs.primaryChannelId ? (byId.get(prefs.primaryChannelId) ?? null) : null;
  const fallback = prefs.fallbackChannelId ? (byId.get(prefs.fallbackChannelId) ?? null) : null;
  const choice = chooseChannel(primary, fallback);
  const channel = choice ? byId.get(choice.channelId) : undefined;
  return channel && choice ? asChannel(channel, choice.isFallback) : null;
}

async function describeOne(db: Q, deps: Deps, key: string, reason: string): Promise<PreviewRecipient | null> {
  const recipient = recipientOfKey(key);
  if (!recipient) return null;
  if ('channelId' in recipient) {
    const [channel] = await findChannels(db, [recipient.channelId]);
    if (!channel) return null;
    return { recipient: key, kind: 'channel', id: channel.id, name: channel.name, email: null, clientId: channel.clientId, reason, channel: asChannel(channel, false) };
  }
  const user = await findUserById(db, recipient.userId);
  if (!user) return null;
  const channel = await startingChannel(db, deps, user.id);
  return { recipient: key, kind: 'user', id: user.id, name: user.name, email: user.email, clientId: user.clientId, reason, channel };
}

/** Each recipient of the resolved audience, in the audience's order (the client's portal users first). */
export async function describeAudience(db: Q, deps: Deps, audience: ReadonlyMap<string, string>): Promise<PreviewRecipient[]> {
  const described: PreviewRecipient[] = [];
  for (const [key, reason] of audience) {
    const one = await describeOne(db, deps, key, reason);
    if (one) described.push(one);
  }
  return described;
}

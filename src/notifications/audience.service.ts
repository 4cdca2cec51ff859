import type { Kysely } from 'kysely';
import { agencySchema } from '../accounts/agency.ts';
import { readSetting } from '../accounts/store.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { collectForDigest } from './digests.service.ts';
import type { DigestSchedule } from './digests.model.ts';
import { insertDecision, type DecisionOutcome } from './dispatch.store.ts';
import type { PublishedEvent } from './events.ts';
import { DEFAULT_DIGEST_TYPES, goesToDigest, isUrgent } from './noise.model.ts';
import { queueNotification } from './outbox.service.ts';
import { heldUntil, DEFAULT_DIGEST } from './quiet-hours.model.ts';
import { findSchedule, profileTimeZone } from './quiet-hours.store.ts';
import { CLIENT_PORTAL, reachesClientPortal, recipientKey, recipientOfKey, type Target } from './routing.model.ts';
import * as routingStore from './routing.store.ts';

/**
 * The audience of an event: the people and channels behind targets ("the project manager of the
 * event's project"), and handing each one's notification to the outbox as their schedule says —
 * now, after their quiet hours, or in their next digest.
 */
type Q = Kysely<Schema>;
type Named = { target: Target; reason: string };
/** What resolving an audience looks at: a published event, or one a routing preview imagines. */
export type AudienceEvent = Pick<PublishedEvent, 'clientId' | 'projectId' | 'assetId'> & { type: string };

async function recipientsOf(db: Q, event: AudienceEvent, target: Target): Promise<string[]> {
  switch (target.kind) {
    case 'user':
      return [target.userId];
    case 'role':
      return routingStore.activeUsersWithRoles(db, [target.role]);
    case 'project-manager':
      return [await routingStore.projectManagerOf(db, event.projectId)].filter((id): id is string => id !== null);
    case 'asset-owner':
      return [await routingStore.assetOwnerOf(db, event.assetId)].filter((id): id is string => id !== null);
    case 'on-call':
      return routingStore.readOnCall(db);
    case 'channel':
      return [];
  }
}

/**
 * Each recipient once, with the first reason that named it (rules first, then escalation steps):
 * a person named by two rules gets one message. Disabled users and deleted channels are skipped, and
 * a client-portal user hears only about their own client's events. The client's billing messages
 * go to its portal users first, always with the reason `client-portal`: resolving the audience
 * again (an escalation step) finds the same notification and tells nobody twice. The routing
 * preview shows this same audience, so what it lists is what dispatch does.
 */
export async function resolveAudience(db: Q, event: AudienceEvent, named: readonly Named[]): Promise<Map<string, string>> {
  const userReasons = new Map<string, string>();
  const channelReasons = new Map<string, string>();
  const portalUsers = event.clientId && reachesClientPortal(event) ? await routingStore.clientPortalUsers(db, event.clientId) : [];
  for (const userId of portalUsers) userReasons.set(userId, CLIENT_PORTAL);
  for (const { target, reason } of named) {
    if (target.kind === 'channel') {
      if (!channelReasons.has(target.channelId)) channelReasons.set(target.channelId, reason);
      continue;
    }
    for (const userId of await recipientsOf(db, event, target)) if (!userReasons.has(userId)) userReasons.set(userId, reason);
  }
  const activeUsers = await routingStore.reachableUserIds(db, [...userReasons.keys()], event.clientId);
  const channels = await routingStore.existingChannelIds(db, [...channelReasons.keys()]);
  const audience = new Map<string, string>();
  for (const [userId, reason] of userReasons) if (activeUsers.has(userId)) audience.set(recipientKey({ userId }), reason);
  for (const [channelId, reason] of channelReasons) if (channels.has(channelId)) audience.set(recipientKey({ channelId }), reason);
  return audience;
}

interface ReachPlan {
  digest: DigestSchedule | null;
  notBefore: Date | null;
}

/** When this recipient should hear of the event: in a digest, after quiet hours, or now. */
async function planFor(db: Q, event: PublishedEvent, key: string, allowDigest: boolean, now: Date): Promise<ReachPlan> {
  const recipient = recipientOfKey(key);
  if (!recipient) throw new Error(`Not a recipient key: ${key}`);
  if ('channelId' in recipient) {
    // A shared channel has no schedule of its own: the agency's defaults in the agency's time zone.
    if (!allowDigest || !goesToDigest(DEFAULT_DIGEST_TYPES, event)) return { digest: null, notBefore: null };
    const stored = await readSetting(db, 'agency');
    const agency = stored ? agencySchema.safeParse(JSON.parse(stored)) : null;
    const timeZone = agency?.success ? agency.data.timeZone : 'UTC';
    return { digest: { frequency: DEFAULT_DIGEST.frequency, time: DEFAULT_DIGEST.time, weekday: DEFAULT_DIGEST.weekday, timeZone }, notBefore: null };
  }
  const schedule = await findSchedule(db, recipient.userId);
  const timeZone = schedule.timeZone ?? (await profileTimeZone(db, recipient.userId)) ?? 'UTC';
  if (allowDigest && goesToDigest(schedule.digest.types, event)) {
    return { digest: { frequency: schedule.digest.frequency, time: schedule.digest.time, weekday: schedule.digest.weekday, timeZone }, notBefore: null };
  }
  if (isUrgent(event.severity)) return { digest: null, notBefore: null };
  return { digest: null, notBefore: heldUntil({ timeZone, quietHours: schedule.quietHours, workingHours: schedule.workingHours }, now) };
}

export interface Reached {
  outcome: Extract<DecisionOutcome, 'queued' | 'held' | 'digest'>;
  notificationId: string | null;
  notBefore: Date | null;
}

/** Hands one recipient's notification to the outbox (or the digest) and records the decision. */
export async function reach(db: Q, deps: Deps, event: PublishedEvent, key: string, reason: string, options: { allowDigest: boolean }, now: Date): Promise<Reached> {
  const plan = await planFor(db, event, key, options.allowDigest, now);
  let reached: Reached;
  if (plan.digest) {
    const dueAt = await collectForDigest(db, key, event.id, plan.digest, now);
    reached = { outcome: 'digest', notificationId: null, notBefore: dueAt };
  } else {
    const recipient = recipientOfKey(key)!;
    const input = { eventId: event.id, recipient, reason, ...(plan.notBefore ? { notBefore: plan.notBefore } : {}) };
    const { notificationId } = await queueNotification(db, deps, input, now);
    reached = { outcome: plan.notBefore ? 'held' : 'queued', notificationId, notBefore: plan.notBefore };
  }
  await insertDecision(db, {
    eventId: event.id,
    recipientKey: key,
    reason,
    subjectKey: event.subjectKey,
    outcome: reached.outcome,
    notificationId: reached.notificationId,
    notBefore: reached.notBefore?.toISOString() ?? null,
    createdAt: now.toISOString(),
  });
  return reached;
}

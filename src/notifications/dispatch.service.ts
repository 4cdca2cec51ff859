import type { Kysely } from 'kysely';
import { systemActor } from '../accounts/model.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { PermanentJobError } from '../platform/jobs/model.ts';
import { deleteAcknowledgement } from './acknowledgements.store.ts';
import { reach, resolveAudience } from './audience.service.ts';
import * as store from './dispatch.store.ts';
import { startEscalation, stopOnResolution } from './escalation.service.ts';
import { DISPATCH_JOB, type PublishedEvent } from './events.ts';
import { classify } from './noise.model.ts';
import { routeEvent } from './routing.model.ts';
import { enabledRules } from './routing.store.ts';

/**
 * The `notifications.dispatch` job: what happens to a published event. De-duplication and grouping
 * first (noise.model), then routing (routing.model), then each recipient's schedule (audience),
 * escalation policies, and a record of every decision, all in one transaction per event.
 */
export type DispatchOutcome = 'already-dispatched' | 'deduplicated' | 'grouped' | 'routed' | 'unrouted' | 'resolved';

type Trx = Kysely<Schema>;
interface Step {
  trx: Trx;
  deps: Deps;
  audit: Audit;
  event: PublishedEvent;
  subject: store.StoredSubject | null;
  now: Date;
}

export async function dispatchEvent(deps: Deps, eventId: string): Promise<DispatchOutcome> {
  const event = await store.findEvent(deps.database.db, eventId);
  if (!event) throw new PermanentJobError(`No event ${eventId}: it cannot be dispatched.`);
  const ctx = { actor: systemActor(DISPATCH_JOB), requestId: null };
  return change(deps, ctx, async (trx, audit) => {
    const now = deps.now();
    await store.lockSubject(trx, event, now.toISOString());
    if (await store.wasDispatched(trx, event.id)) return 'already-dispatched';
    const subject = await store.findSubject(trx, event.subjectKey);
    const parent = event.groupKey ? await store.findSubject(trx, event.groupKey) : null;
    const verdict = classify(event, subject, parent);
    const step: Step = { trx, deps, audit, event, subject, now };
    switch (verdict.kind) {
      case 'repeat':
        await remember(step, { state: 'open', grouped: false, notified: false });
        return record(step, 'deduplicated');
      case 'grouped':
        await remember(step, { state: 'open', grouped: true, notified: false });
        return record(step, 'grouped');
      case 'resolution':
        return resolve(step);
      case 'new':
        return open(step);
    }
  });
}

/** The one decision about the event as a whole. */
async function record<O extends DispatchOutcome & store.DecisionOutcome>(s: Step, outcome: O): Promise<O> {
  const { event } = s;
  const at = s.now.toISOString();
  await store.insertDecision(s.trx, { eventId: event.id, recipientKey: '-', reason: store.EVENT_DECISION, subjectKey: event.subjectKey, outcome, notificationId: null, notBefore: null, createdAt: at });
  return outcome;
}

interface SubjectChange {
  state: 'open' | 'resolved';
  /** Folded under its parent this time. */
  grouped: boolean;
  /** Someone was told about this event. */
  notified: boolean;
}

/** Keeps what de-duplication and grouping need to know about the subject after this event. */
async function remember(s: Step, c: SubjectChange): Promise<void> {
  const at = s.now.toISOString();
  const previous = s.subject;
  // The same episode goes on: still open, or now resolved. Otherwise a new episode starts.
  const sameEpisode = previous !== null && previous.state === 'open';
  const earlierNotice = sameEpisode ? previous.notifiedAt : null;
  await store.saveSubject(
    s.trx,
    {
      subjectKey: s.event.subjectKey,
      state: c.state,
      groupKey: s.event.groupKey ?? previous?.groupKey ?? null,
      // A subject told about on its own stays its own, even if its parent was told later.
      grouped: c.state === 'open' ? c.grouped && earlierNotice === null : (previous?.grouped ?? false),
      lastType: s.event.type,
      lastSeverity: s.event.severity,
      lastEventId: s.event.id,
      openedAt: sameEpisode ? previous.openedAt : at,
      notifiedAt: earlierNotice ?? (c.notified ? at : null),
      resolvedAt: c.state === 'resolved' ? at : null,
    },
    at,
  );
}

/** A new problem, or news about an open one: route it, tell the audience, start escalations. */
async function open(s: Step): Promise<DispatchOutcome> {
  const { trx, deps, event, now } = s;
  const freshEpisode = s.subject === null || s.subject.state === 'resolved';
  // A problem that comes back after its resolution needs acknowledging again.
  if (s.subject?.state === 'resolved') await deleteAcknowledgement(trx, event.subjectKey);
  const routing = routeEvent(await enabledRules(trx), event);
  const audience = await resolveAudience(trx, event, routing.targets);
  const reached = new Set<string>();
  for (const [key, reason] of audience) {
    reached.add(key);
    await reach(trx, deps, event, key, reason, { allowDigest: true }, now);
  }
  for (const { policyId } of routing.policies) {
    await startEscalation(trx, deps, s.audit, event, policyId, { freshEpisode, reached }, now);
  }
  await remember(s, { state: 'open', grouped: false, notified: reached.size > 0 });
  return record(s, reached.size > 0 ? 'routed' : 'unrouted');
}

/**
 * A resolution stops escalation and goes to everyone told about the problem, plus whoever rules
 * route it to. A problem nobody was told about (grouped under its parent, or routed to nobody)
 * resolves quietly: hearing that something you never heard of is fixed is noise.
 */
async function resolve(s: Step): Promise<DispatchOutcome> {
  const { trx, deps, event, now } = s;
  await stopOnResolution(trx, s.audit, event.subjectKey, now);
  const wasTold = s.subject !== null && !s.subject.grouped && s.subject.notifiedAt !== null;
  let reachedCount = 0;
  if (wasTold) {
    const told = await store.toldRecipients(trx, event.subjectKey);
    const routing = routeEvent(await enabledRules(trx), event);
    const audience = await resolveAudience(trx, event, routing.targets);
    for (const key of told) if (!audience.has(key)) audience.set(key, 'resolution');
    for (const [key, reason] of audience) await reach(trx, deps, event, key, reason, { allowDigest: false }, now);
    reachedCount = audience.size;
  }
  await remember(s, { state: 'resolved', grouped: false, notified: false });
  await record(s, reachedCount > 0 ? 'routed' : 'unrouted');
  return 'resolved';
}

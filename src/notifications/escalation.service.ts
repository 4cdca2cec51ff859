import type { Kysely } from 'kysely';
import { systemActor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { findAcknowledgement } from './acknowledgements.store.ts';
import { reach, resolveAudience } from './audience.service.ts';
import { findEvent } from './dispatch.store.ts';
import { stepDueAt, stepIssues, type Escalation, type EscalationPolicy, type EscalationStep } from './escalation.model.ts';
import * as store from './escalation.store.ts';
import type { PublishedEvent } from './events.ts';
import { rulesUsingPolicy } from './routing.store.ts';
import { targetIssues } from './routing.service.ts';

/**
 * Escalation policies, and running them: step 0 with the event, each later step as a durable job
 * due `afterMinutes` after the start, skipped once the subject is acknowledged or resolved.
 */
export const ESCALATE_JOB = 'notifications.escalate';

export interface PolicyInput {
  name: string;
  steps: EscalationStep[];
}

async function policyIssues(db: Kysely<Schema>, input: PolicyInput): Promise<FieldError[]> {
  const issues: FieldError[] = stepIssues(input.steps).map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
  for (const [i, step] of input.steps.entries()) issues.push(...(await targetIssues(db, step.targets, `body.steps.${i}.targets`)));
  return issues;
}

export async function getPolicy(deps: Deps, id: string): Promise<EscalationPolicy> {
  const policy = await store.findPolicy(deps.database.db, id);
  if (!policy) throw notFound('escalation policy', id);
  return policy;
}

export async function createPolicy(deps: Deps, ctx: ChangeContext, input: PolicyInput): Promise<EscalationPolicy> {
  const issues = await policyIssues(deps.database.db, input);
  if (issues.length > 0) throw invalid(issues);
  const at = deps.now().toISOString();
  const policy: EscalationPolicy = { id: newId('escalation'), name: input.name, steps: input.steps, createdAt: at, updatedAt: at };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertPolicy(trx, policy);
    await audit({ action: 'escalation-policy.created', entityType: 'escalation-policy', entityId: policy.id, after: createdRecord(policy) });
  });
  return policy;
}

export async function updatePolicy(deps: Deps, ctx: ChangeContext, id: string, patch: Partial<PolicyInput>): Promise<EscalationPolicy> {
  const before = await getPolicy(deps, id);
  const after: EscalationPolicy = { ...before, ...patch, updatedAt: deps.now().toISOString() };
  const issues = await policyIssues(deps.database.db, after);
  if (issues.length > 0) throw invalid(issues);
  await change(deps, ctx, async (trx, audit) => {
    await store.updatePolicy(trx, after);
    await audit({ action: 'escalation-policy.updated', entityType: 'escalation-policy', entityId: id, ...changedFields(before, after) });
  });
  return after;
}

/** A policy a rule still names cannot go: the rule would silently stop escalating. */
export async function deletePolicy(deps: Deps, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getPolicy(deps, id);
  const users = await rulesUsingPolicy(deps.database.db, id);
  if (users.length > 0) throw conflict(`Routing rules still use this policy: ${users.join(', ')}. Change or delete them first.`);
  await change(deps, ctx, async (trx, audit) => {
    await store.deletePolicy(trx, id);
    await audit({ action: 'escalation-policy.deleted', entityType: 'escalation-policy', entityId: id, before: createdRecord(before) });
  });
}

const escalationId = (e: Pick<Escalation, 'subjectKey' | 'policyId'>) => `${e.subjectKey} ${e.policyId}`;

async function bookStep(db: Kysely<Schema>, e: Escalation, step: number, runAt: Date, now: Date): Promise<void> {
  const payload = { subjectKey: e.subjectKey, policyId: e.policyId, step, startedAt: e.startedAt };
  const idempotencyKey = `${ESCALATE_JOB}:${e.subjectKey}:${e.policyId}:${e.startedAt}:${step}`;
  await enqueueJob(db, { name: ESCALATE_JOB, payload, idempotencyKey, runAt, now });
}

/** Tells step `index`'s targets (skipping anyone in `reached`), then books the next step or completes. */
async function runStep(trx: Kysely<Schema>, deps: Deps, event: PublishedEvent, policy: EscalationPolicy, e: Escalation, index: number, reached: Set<string>, now: Date): Promise<void> {
  const step = policy.steps[index]!;
  const reason = `escalation:${policy.id}:step${index}`;
  const audience = await resolveAudience(trx, event, step.targets.map((target) => ({ target, reason })));
  for (const [key] of audience) {
    if (reached.has(key)) continue;
    reached.add(key);
    await reach(trx, deps, event, key, reason, { allowDigest: false }, now);
  }
  const nextAt = stepDueAt(policy, new Date(e.startedAt), index + 1);
  const next: Escalation = { ...e, nextStep: index + 1, nextAt: nextAt?.toISOString() ?? null, state: nextAt ? 'running' : 'completed', stoppedAt: nextAt ? null : now.toISOString() };
  await store.saveEscalation(trx, next, now.toISOString());
  if (nextAt) await bookStep(trx, next, index + 1, nextAt, now);
}

export interface StartOptions {
  /** The subject was unknown or resolved before this event: a new episode may start a new escalation. */
  freshEpisode: boolean;
  /** Recipients this event reached already: step 0 does not tell them twice. */
  reached: Set<string>;
}

/** Starts `policy` for the event's subject unless one runs, was acknowledged this episode, or the subject is acknowledged. */
export async function startEscalation(trx: Kysely<Schema>, deps: Deps, audit: Audit, event: PublishedEvent, policyId: string, options: StartOptions, now: Date): Promise<void> {
  const policy = await store.findPolicy(trx, policyId);
  if (!policy || policy.steps.length === 0) return;
  const existing = await store.findEscalation(trx, event.subjectKey, policyId);
  if (existing && (existing.state === 'running' || !options.freshEpisode)) return;
  if (await findAcknowledgement(trx, event.subjectKey)) return;
  const startedAt = now.toISOString();
  const first = stepDueAt(policy, now, 0)!;
  const e: Escalation = { subjectKey: event.subjectKey, policyId, eventId: event.id, state: 'running', nextStep: 0, nextAt: first.toISOString(), startedAt, stoppedAt: null };
  await store.saveEscalation(trx, e, startedAt);
  await audit({ action: 'escalation.started', entityType: 'escalation', entityId: escalationId(e), after: { eventId: event.id, steps: policy.steps.length } });
  if (first <= now) await runStep(trx, deps, event, policy, e, 0, options.reached, now);
  else await bookStep(trx, e, 0, first, now);
}

export interface StepPayload {
  subjectKey: string;
  policyId: string;
  step: number;
  startedAt: string;
}

export type StepOutcome = 'ran' | 'stale' | 'acknowledged';

/** The escalation job: runs one due step unless the escalation was stopped or moved on meanwhile. */
export async function runEscalationStep(deps: Deps, p: StepPayload): Promise<StepOutcome> {
  const ctx = { actor: systemActor(ESCALATE_JOB), requestId: null };
  return change(deps, ctx, async (trx, audit) => {
    const e = await store.claimRunningEscalation(trx, p.subjectKey, p.policyId);
    if (!e || e.startedAt !== p.startedAt || e.nextStep !== p.step) return 'stale';
    const now = deps.now();
    if (await findAcknowledgement(trx, p.subjectKey)) {
      await store.stopEscalations(trx, p.subjectKey, 'acknowledged', now.toISOString());
      await audit({ action: 'escalation.stopped', entityType: 'escalation', entityId: escalationId(e), after: { state: 'acknowledged' } });
      return 'acknowledged';
    }
    const [policy, event] = [await store.findPolicy(trx, p.policyId), await findEvent(trx, e.eventId)];
    if (!policy || !event || p.step >= policy.steps.length) {
      await store.saveEscalation(trx, { ...e, state: 'completed', nextAt: null, stoppedAt: now.toISOString() }, now.toISOString());
      return 'stale';
    }
    await runStep(trx, deps, event, policy, e, p.step, new Set(), now);
    return 'ran';
  });
}

/** Stops the subject's escalations because it was resolved; called inside the dispatch of the resolution. */
export async function stopOnResolution(trx: Kysely<Schema>, audit: Audit, subjectKey: string, now: Date): Promise<void> {
  const stopped = await store.stopEscalations(trx, subjectKey, 'resolved', now.toISOString());
  for (const e of stopped) await audit({ action: 'escalation.stopped', entityType: 'escalation', entityId: escalationId(e), after: { state: 'resolved' } });
}

export async function listEscalations(deps: Deps, filter: store.EscalationFilter) {
  return store.listEscalations(deps.database.db, filter);
}

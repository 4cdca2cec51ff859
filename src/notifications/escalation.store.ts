import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { Escalation, EscalationPolicy, EscalationState, EscalationStep } from './escalation.model.ts';

type Q = Kysely<Schema>;

export function toPolicy(row: Row<'escalation_policies'>): EscalationPolicy {
  return { id: row.id, name: row.name, steps: JSON.parse(row.steps) as EscalationStep[], createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function listPolicies(db: Q, limit: number, afterId?: string): Promise<EscalationPolicy[]> {
  let query = db.selectFrom('escalation_policies').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.execute()).map(toPolicy);
}

export async function findPolicy(db: Q, id: string): Promise<EscalationPolicy | null> {
  const row = await db.selectFrom('escalation_policies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPolicy(row) : null;
}

export async function existingPolicyIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('escalation_policies').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertPolicy(db: Q, p: EscalationPolicy): Promise<void> {
  await db.insertInto('escalation_policies').values({ id: p.id, name: p.name, steps: JSON.stringify(p.steps), created_at: p.createdAt, updated_at: p.updatedAt }).execute();
}

export async function updatePolicy(db: Q, p: EscalationPolicy): Promise<void> {
  await db.updateTable('escalation_policies').set({ name: p.name, steps: JSON.stringify(p.steps), updated_at: p.updatedAt }).where('id', '=', p.id).execute();
}

export async function deletePolicy(db: Q, id: string): Promise<void> {
  await db.deleteFrom('escalation_policies').where('id', '=', id).execute();
}

// ---- running escalations ----

export function toEscalation(row: Row<'escalations'>): Escalation {
  return {
    subjectKey: row.subject_key,
    policyId: row.policy_id,
    eventId: row.event_id,
    state: row.state as EscalationState,
    nextStep: row.next_step,
    nextAt: row.next_at,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
  };
}

export async function findEscalation(db: Q, subjectKey: string, policyId: string): Promise<Escalation | null> {
  const row = await db.selectFrom('escalations').selectAll().where('subject_key', '=', subjectKey).where('policy_id', '=', policyId).executeTakeFirst();
  return row ? toEscalation(row) : null;
}

/** Starts an escalation, or starts it again when a subject that was stopped opens anew. */
export async function saveEscalation(db: Q, e: Escalation, now: string): Promise<void> {
  const values = {
    event_id: e.eventId,
    state: e.state,
    next_step: e.nextStep,
    next_at: e.nextAt,
    started_at: e.startedAt,
    stopped_at: e.stoppedAt,
    updated_at: now,
  };
  await db
    .insertInto('escalations')
    .values({ subject_key: e.subjectKey, policy_id: e.policyId, ...values })
    .onConflict((oc) => oc.columns(['subject_key', 'policy_id']).doUpdateSet(values))
    .execute();
}

/** Stops every running escalation of a subject; returns the ones it stopped. */
export async function stopEscalations(db: Q, subjectKey: string, state: Exclude<EscalationState, 'running'>, now: string): Promise<Escalation[]> {
  const rows = await db
    .updateTable('escalations')
    .set({ state, stopped_at: now, next_at: null, updated_at: now })
    .where('subject_key', '=', subjectKey)
    .where('state', '=', 'running')
    .returningAll()
    .execute();
  return rows.map(toEscalation);
}

export interface EscalationFilter {
  state?: EscalationState | undefined;
  subjectKey?: string | undefined;
  limit: number;
  after?: { startedAt: string; subjectKey: string; policyId: string } | undefined;
}

/** Newest first. */
export async function listEscalations(db: Q, f: EscalationFilter): Promise<(Escalation & { policyName: string })[]> {
  let query = db
    .selectFrom('escalations')
    .innerJoin('escalation_policies', 'escalation_policies.id', 'escalations.policy_id')
    .selectAll('escalations')
    .select('escalation_policies.name as policy_name')
    .orderBy('escalations.started_at', 'desc')
    .orderBy('escalations.subject_key', 'desc')
    .orderBy('escalations.policy_id', 'desc')
    .limit(f.limit);
  if (f.state) query = query.where('escalations.state', '=', f.state);
  if (f.subjectKey) query = query.where('escalations.subject_key', '=', f.subjectKey);
  const after = f.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('escalations.started_at', '<', after.startedAt),
        eb.and([eb('escalations.started_at', '=', after.startedAt), eb('escalations.subject_key', '<', after.subjectKey)]),
        eb.and([eb('escalations.started_at', '=', after.startedAt), eb('escalations.subject_key', '=', after.subjectKey), eb('escalations.policy_id', '<', after.policyId)]),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({ ...toEscalation(row), policyName: row.policy_name }));
}

/**
 * Locks a running escalation for the step about to run and returns it; null when it was stopped
 * (acknowledged, resolved) meanwhile. An acknowledgement racing a step waits for one or the other.
 */
export async function claimRunningEscalation(db: Q, subjectKey: string, policyId: string): Promise<Escalation | null> {
  const row = await db
    .updateTable('escalations')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('subject_key', '=', subjectKey)
    .where('policy_id', '=', policyId)
    .where('state', '=', 'running')
    .returningAll()
    .executeTakeFirst();
  return row ? toEscalation(row) : null;
}

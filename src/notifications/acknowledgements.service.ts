import type { Kysely } from 'kysely';
import type { AuditActor, ChangeContext } from '../platform/audit/model.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { verifyAckToken } from './ack-links.ts';
import { findAcknowledgement, insertAcknowledgement, type Acknowledgement, type AcknowledgementVia } from './acknowledgements.store.ts';
import { findSubject } from './dispatch.store.ts';
import { stopEscalations } from './escalation.store.ts';

export type { Acknowledgement, AcknowledgementVia } from './acknowledgements.store.ts';

export interface AcknowledgementOutcome {
  acknowledgement: Acknowledgement;
  /** False when the subject had been acknowledged before: the first acknowledgement stands. */
  created: boolean;
  /** The escalation policies this acknowledgement stopped. */
  stoppedPolicyIds: string[];
}

/**
 * Records that someone took an open problem (`incident:inc_…`) in hand and stops its running
 * escalations, in one audited change. Acknowledging again changes nothing and is not an error:
 * two people following the same link at once both see "acknowledged".
 */
export async function acknowledgeSubject(
  deps: Deps,
  ctx: ChangeContext,
  subjectKey: string,
  by: string | null,
  via: AcknowledgementVia = 'ui',
): Promise<AcknowledgementOutcome> {
  const at = deps.now().toISOString();
  return change(deps, ctx, async (trx, audit) => {
    const candidate: Acknowledgement = { subjectKey, userId: by, via, acknowledgedAt: at };
    const created = await insertAcknowledgement(trx, candidate);
    const acknowledgement = created ? candidate : ((await findAcknowledgement(trx, subjectKey)) ?? candidate);
    const stopped = await stopEscalations(trx, subjectKey, 'acknowledged', at);
    const stoppedPolicyIds = stopped.map((e) => e.policyId);
    if (created || stopped.length > 0) {
      await audit({ action: 'subject.acknowledged', entityType: 'acknowledgement', entityId: subjectKey, before: null, after: { userId: by, via, stoppedPolicyIds } });
    }
    return { acknowledgement, created, stoppedPolicyIds };
  });
}

export async function acknowledgementOf(db: Kysely<Schema>, subjectKey: string): Promise<Acknowledgement | null> {
  return findAcknowledgement(db, subjectKey);
}

/** From the API or the UI: the subject must be one notifications know about. */
export async function acknowledgeKnownSubject(deps: Deps, ctx: ChangeContext, subjectKey: string, by: string | null, via: AcknowledgementVia): Promise<AcknowledgementOutcome> {
  if (!(await findSubject(deps.database.db, subjectKey))) throw new ProblemError(404, 'not-found', 'Not found', `No problem with subject ${subjectKey} was ever notified.`);
  return acknowledgeSubject(deps, ctx, subjectKey, by, via);
}

/** For a person following an acknowledge link: null when the link is forged, damaged or expired. */
export async function acknowledgeFromLink(deps: Deps, token: string, requestId: string): Promise<AcknowledgementOutcome | null> {
  const claims = verifyAckToken(deps, token);
  if (!claims) return null;
  const actor: AuditActor = claims.userId ? { type: 'user', id: claims.userId } : { type: 'anonymous', id: null };
  return acknowledgeSubject(deps, { actor, requestId }, claims.subjectKey, claims.userId, 'link');
}


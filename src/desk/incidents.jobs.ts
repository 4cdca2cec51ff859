import type { Kysely } from 'kysely';
import { incidentById } from '../monitoring/sites.service.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { PermanentJobError, RetryableJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { findJobByIdempotencyKey } from '../platform/jobs/store.ts';
import { noteIncidentResolved, openTicketForIncident } from './tickets.incidents.service.ts';

/**
 * Monitoring's incidents reaching the desk. Monitoring queues these in the transaction that
 * publishes `incident.opened` / `incident.resolved`, so a ticket follows every confirmed outage even
 * if the process dies right after; one job per incident and kind (the key names the incident), and
 * both handlers are idempotent, so a retry adds no second ticket or message.
 */
export const INCIDENT_TICKET_JOB = 'desk.incident-ticket';
export const INCIDENT_RECOVERED_JOB = 'desk.incident-recovered';

type Q = Kysely<Schema>;

const ticketJobKey = (incidentId: string) => `${INCIDENT_TICKET_JOB}:${incidentId}`;

/** Open the incident's ticket (if its client has an SLA plan and no outage ticket covers it). */
export async function enqueueIncidentTicket(db: Q, incidentId: string, now: Date): Promise<void> {
  await enqueueJob(db, { name: INCIDENT_TICKET_JOB, payload: { incidentId }, idempotencyKey: ticketJobKey(incidentId), now });
}

/** Tell the incident's ticket that the site is up again. */
export async function enqueueIncidentRecovered(db: Q, incidentId: string, now: Date): Promise<void> {
  await enqueueJob(db, { name: INCIDENT_RECOVERED_JOB, payload: { incidentId }, idempotencyKey: `${INCIDENT_RECOVERED_JOB}:${incidentId}`, now });
}

function incidentIdIn(payload: unknown): string {
  const value = (payload as Record<string, unknown> | null)?.incidentId;
  if (typeof value !== 'string' || value === '') throw new PermanentJobError('The payload needs the incident\'s id in "incidentId".');
  return value;
}

export function incidentJobs(deps: Deps): JobHandlers {
  const incidentOf = async (payload: unknown) => {
    const id = incidentIdIn(payload);
    const incident = await incidentById(deps, id);
    if (!incident) deps.logger.warn({ incidentId: id }, 'the incident is gone: nothing for the desk to do');
    return incident;
  };
  return {
    [INCIDENT_TICKET_JOB]: async (payload) => {
      const incident = await incidentOf(payload);
      if (incident) await openTicketForIncident(deps, incident);
    },
    [INCIDENT_RECOVERED_JOB]: async (payload) => {
      const incident = await incidentOf(payload);
      if (!incident || (await noteIncidentResolved(deps, incident))) return;
      // No ticket yet: when its opening has still to run (a short outage, a worker that was down),
      // come back after it; when it ran and opened none (no plan), or there was none to run, done.
      const opening = await findJobByIdempotencyKey(deps.database.db, ticketJobKey(incident.id));
      if (opening && opening.status !== 'done' && opening.status !== 'dead') throw new RetryableJobError(`The ticket of incident ${incident.id} is still to be opened.`);
    },
  };
}

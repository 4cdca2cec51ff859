import { systemActor } from '../accounts/model.ts';
import type { Incident } from '../monitoring/incidents.store.ts';
import { findMonitorRow } from '../monitoring/monitors.store.ts';
import type { Deps } from '../platform/deps.ts';
import { findAssetRow } from '../registry/assets.store.ts';
import * as plans from './plans.store.ts';
import { insertNewTicket, slaOfClient } from './tickets.service.ts';
import * as store from './tickets.store.ts';

/**
 * Site down → a critical ticket linked to the incident, for the monitor's client, so the SLA
 * clocks run from the moment monitoring confirmed it. One ticket per incident however often this
 * is called (a retried job, two workers); nothing for a client without an SLA plan.
 */
const ctx = { actor: systemActor('desk.incidents'), requestId: null };

/** The monitor's client: its own, or its asset's. */
async function clientOfIncident(deps: Deps, incident: Pick<Incident, 'clientId' | 'monitorId'>): Promise<string | null> {
  if (incident.clientId) return incident.clientId;
  const db = deps.database.db;
  const monitor = await findMonitorRow(db, incident.monitorId);
  if (monitor?.client_id) return monitor.client_id;
  const asset = monitor?.asset_id ? await findAssetRow(db, monitor.asset_id) : null;
  return asset?.client_id ?? null;
}

export type IncidentFacts = Pick<Incident, 'id' | 'monitorId' | 'monitorName' | 'clientId' | 'cause'>;

export async function openTicketForIncident(deps: Deps, incident: IncidentFacts): Promise<store.TicketRecord | null> {
  const db = deps.database.db;
  const existing = await store.findTicketOfIncident(db, incident.id);
  if (existing) return existing;
  const clientId = await clientOfIncident(deps, incident);
  if (!clientId || !(await plans.findPlanOfClient(db, clientId))) {
    deps.logger.info({ incidentId: incident.id, clientId }, 'no ticket for the incident: its client has no SLA plan');
    return null;
  }
  const sla = await slaOfClient(deps, clientId);
  const title = `${incident.monitorName} is down`;
  const opening = { authorKind: 'system' as const, body: `Monitoring opened incident ${incident.id}: ${incident.cause}` };
  try {
    return await insertNewTicket(deps, ctx, sla, { clientId, title, severity: 'critical', source: 'incident', incidentId: incident.id, assigneeId: null, opening });
  } catch (err) {
    // Another worker opened it first: the unique index on incident_id kept it to one.
    const raced = await store.findTicketOfIncident(db, incident.id);
    if (raced) return raced;
    throw err;
  }
}

import { systemActor } from '../accounts/model.ts';
import { childIncidents, incidentById, ownerOf, type Incident } from '../monitoring/sites.service.ts';
import { formatDuration } from '../notifications/templates/render.ts';
import { change, type Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { findAssetRow } from '../registry/assets.store.ts';
import * as plans from './plans.store.ts';
import { insertNewTicket, slaOfClient } from './tickets.service.ts';
import * as store from './tickets.store.ts';

/**
 * Site down → a critical ticket linked to the incident, for the monitor's client, so the SLA
 * clocks run from the moment monitoring confirmed it. One ticket per incident however often this
 * is called (a retried job, two workers); nothing for a client without an SLA plan, nor for a site
 * whose outage has a ticket already (see coveredByOutageTicket). When the site is up again the
 * ticket is told so, and stays open: a person confirms the problem is solved.
 */
const ctx = { actor: systemActor('desk.incidents'), requestId: null };

/** The monitor's client: its own, or its asset's. */
async function clientOfIncident(deps: Deps, incident: Pick<Incident, 'clientId' | 'monitorId'>): Promise<string | null> {
  if (incident.clientId) return incident.clientId;
  const monitor = await ownerOf(deps, incident.monitorId);
  if (monitor?.clientId) return monitor.clientId;
  const asset = monitor?.assetId ? await findAssetRow(deps.database.db, monitor.assetId) : null;
  return asset?.client_id ?? null;
}

export type IncidentFacts = Pick<Incident, 'id' | 'monitorId' | 'monitorName' | 'clientId' | 'cause'> & Partial<Pick<Incident, 'parentIncidentId'>>;

/**
 * A site down because the server it runs on is down (a child incident) is covered by a ticket already
 * when the client has one for the outage: the parent's, when the server is the same client's, or a
 * sibling site's, when the server is shared (the agency's, or another client's). One outage, one
 * ticket per client, however many of its sites the server takes down with it.
 */
async function coveredByOutageTicket(deps: Deps, parentIncidentId: string, incidentId: string, clientId: string): Promise<boolean> {
  const db = deps.database.db;
  const parent = await incidentById(deps, parentIncidentId);
  if (parent && (await clientOfIncident(deps, parent)) === clientId) return true;
  for (const sibling of await childIncidents(deps, parentIncidentId)) {
    if (sibling.id === incidentId) continue;
    if ((await store.findTicketOfIncident(db, sibling.id))?.clientId === clientId) return true;
  }
  return false;
}

export async function openTicketForIncident(deps: Deps, incident: IncidentFacts): Promise<store.TicketRecord | null> {
  const db = deps.database.db;
  const existing = await store.findTicketOfIncident(db, incident.id);
  if (existing) return existing;
  const clientId = await clientOfIncident(deps, incident);
  if (!clientId || !(await plans.findPlanOfClient(db, clientId))) {
    deps.logger.info({ incidentId: incident.id, clientId }, 'no ticket for the incident: its client has no SLA plan');
    return null;
  }
  if (incident.parentIncidentId && (await coveredByOutageTicket(deps, incident.parentIncidentId, incident.id, clientId))) {
    deps.logger.info({ incidentId: incident.id, parentIncidentId: incident.parentIncidentId }, 'no ticket for the incident: the ticket of the outage it is part of covers it');
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

export function recoveryText(incident: Pick<Incident, 'monitorName' | 'startedAt' | 'resolvedAt'>): string {
  const seconds = (Date.parse(incident.resolvedAt ?? incident.startedAt) - Date.parse(incident.startedAt)) / 1000;
  return `Monitoring: ${incident.monitorName} is up again after ${formatDuration(seconds, 'en')}.`;
}

/**
 * The incident is resolved: its ticket gets a public system message saying so, once, audited. The
 * ticket is not resolved by it — whether the client's problem is gone is for a person to confirm.
 * Null when the incident has no ticket (or is not resolved).
 */
export async function noteIncidentResolved(deps: Deps, incident: Incident): Promise<store.TicketMessage | null> {
  if (incident.state !== 'resolved') return null;
  const ticket = await store.findTicketOfIncident(deps.database.db, incident.id);
  if (!ticket) return null;
  const body = recoveryText(incident);
  const db = deps.database.db;
  const said = (await store.messagesOf(db, ticket.id, true)).find((m) => m.authorKind === 'system' && m.body === body);
  if (said) return said;
  const at = deps.now().toISOString();
  const message: store.TicketMessage = { id: newId('ticketMessage'), ticketId: ticket.id, authorKind: 'system', authorId: null, body, visibility: 'public', attachments: [], createdAt: at };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertMessage(trx, message);
    await store.updateTicket(trx, ticket.id, { updated_at: at });
    await audit({ action: 'ticket.message-added', entityType: 'ticket', entityId: ticket.id, after: { messageId: message.id, visibility: 'public', authorKind: 'system', incidentId: incident.id, incidentResolvedAt: incident.resolvedAt } });
  });
  return message;
}

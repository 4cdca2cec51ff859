import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { acknowledgementOf, acknowledgeSubject } from '../notifications/acknowledgements.service.ts';
import { publishEvent } from '../notifications/events.ts';
import * as store from './incidents.store.ts';
import { findMonitorRow } from './monitors.store.ts';
import { targetLabel } from './monitors.targets.ts';
import type { MonitorKind } from './probes/configs.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { Incident, IncidentUpdate } from './incidents.store.ts';

/**
 * What people do with incidents: read them, acknowledge them, say what caused them and post
 * updates. Opening and resolving them is the engine's work, from check results.
 */
export interface IncidentDetail extends store.Incident {
  timeline: store.IncidentUpdate[];
  children: store.Incident[];
}

function visibleTo(actor: Actor, incident: store.Incident): boolean {
  const scope = clientScope(actor);
  return scope === null || incident.clientId === scope;
}

export async function getIncident(deps: Deps, actor: Actor, id: string): Promise<store.Incident> {
  const incident = await store.findIncident(deps.database.db, id);
  if (!incident || !visibleTo(actor, incident)) throw notFound('incident', id);
  return incident;
}

/** The incident with its timeline and grouped incidents; a client's portal sees public updates only. */
export async function incidentDetail(deps: Deps, actor: Actor, id: string): Promise<IncidentDetail> {
  const incident = await getIncident(deps, actor, id);
  const db = deps.database.db;
  const [timeline, children, elsewhere] = await Promise.all([
    store.updatesOf(db, id, clientScope(actor) !== null),
    store.childrenOf(db, id),
    incident.acknowledgedAt === null ? acknowledgementOf(db, `incident:${id}`) : null,
  ]);
  if (!elsewhere) return { ...incident, timeline, children: children.filter((c) => visibleTo(actor, c)) };
  // Acknowledged from a message's link or the acknowledgements API, which stop the escalation
  // without touching the incident: show it here as well.
  const acknowledged = { acknowledgedAt: elsewhere.acknowledgedAt, acknowledgedBy: elsewhere.userId };
  const entry = { id: `ack:${id}`, kind: 'acknowledged', message: `Acknowledged (${elsewhere.via})`, public: false, byUserId: elsewhere.userId, at: elsewhere.acknowledgedAt };
  const withEntry = clientScope(actor) !== null ? timeline : [...timeline, entry].sort((a, b) => a.at.localeCompare(b.at));
  return { ...incident, ...acknowledged, timeline: withEntry, children: children.filter((c) => visibleTo(actor, c)) };
}

export interface IncidentListFilter {
  state?: 'open' | 'resolved' | undefined;
  clientId?: string | undefined;
  monitorId?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listIncidents(deps: Deps, actor: Actor, filter: IncidentListFilter): Promise<Page<store.Incident>> {
  const scope = clientScope(actor) ?? undefined;
  if (scope !== undefined && filter.clientId && filter.clientId !== scope) return { items: [], nextCursor: null };
  const rows = await store.listIncidents(deps.database.db, { ...filter, confinedTo: scope });
  return toPage(rows, filter.limit, (r) => ({ value: r.startedAt, id: r.id }), (r) => r);
}

export async function incidentSummary(deps: Deps, actor: Actor): Promise<store.OpenCounts> {
  return store.openCounts(deps.database.db, clientScope(actor) ?? undefined);
}

/**
 * Someone has it in hand: recorded on the incident and its timeline, and the notifications'
 * escalation for the incident stops. Acknowledging again changes nothing.
 */
export async function acknowledgeIncident(deps: Deps, ctx: Ctx, id: string): Promise<store.Incident> {
  const incident = await getIncident(deps, ctx.actor, id);
  if (incident.acknowledgedAt !== null) return incident;
  if (incident.state === 'resolved') throw conflict('The incident is resolved; there is nothing left to acknowledge.');
  const at = deps.now().toISOString();
  const by = ctx.actor.id;
  await change(deps, ctx, async (trx, audit) => {
    await store.setIncidentFields(trx, id, { acknowledged_at: at, acknowledged_by: by, updated_at: at });
    await store.insertUpdate(trx, { id: newId('incidentUpdate'), incident_id: id, kind: 'acknowledged', message: 'Acknowledged', public: 0, by_user_id: by, at });
    await audit({ action: 'incident.acknowledged', entityType: 'incident', entityId: id, before: { acknowledgedAt: null }, after: { acknowledgedAt: at, acknowledgedBy: by } });
  });
  // Stops escalation policies running for this incident (a change of its own, audited there).
  await acknowledgeSubject(deps, ctx, `incident:${id}`, by, 'ui');
  return { ...incident, acknowledgedAt: at, acknowledgedBy: by, updatedAt: at };
}

export async function setRootCause(deps: Deps, ctx: Ctx, id: string, rootCause: string | null): Promise<store.Incident> {
  const incident = await getIncident(deps, ctx.actor, id);
  const value = rootCause === null || rootCause === '' ? null : rootCause;
  if (value === incident.rootCause) return incident;
  const at = deps.now().toISOString();
  await change(deps, ctx, async (trx, audit) => {
    await store.setIncidentFields(trx, id, { root_cause: value, updated_at: at });
    await audit({ action: 'incident.root-cause-set', entityType: 'incident', entityId: id, before: { rootCause: incident.rootCause }, after: { rootCause: value } });
  });
  return { ...incident, rootCause: value, updatedAt: at };
}

/** A note on the timeline; a public one shows on status pages and is sent to the incident's subscribers. */
export async function postUpdate(deps: Deps, ctx: Ctx, id: string, input: { message: string; public: boolean }): Promise<store.IncidentUpdate> {
  const incident = await getIncident(deps, ctx.actor, id);
  const monitor = await findMonitorRow(deps.database.db, incident.monitorId);
  const update: store.IncidentUpdate = { id: newId('incidentUpdate'), kind: 'update', message: input.message, public: input.public, byUserId: ctx.actor.id, at: deps.now().toISOString() };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertUpdate(trx, { id: update.id, incident_id: id, kind: update.kind, message: update.message, public: update.public ? 1 : 0, by_user_id: update.byUserId, at: update.at });
    await store.setIncidentFields(trx, id, { updated_at: update.at });
    await audit({ action: 'incident.update-posted', entityType: 'incident', entityId: id, after: { updateId: update.id, public: update.public, message: update.message } });
    if (update.public && monitor) {
      const target = targetLabel(monitor.kind as MonitorKind, JSON.parse(monitor.config));
      await publishEvent(
        trx,
        {
          type: 'incident.updated',
          severity: 'info',
          clientId: incident.clientId,
          projectId: incident.projectId,
          assetId: monitor.asset_id,
          subjectKey: `incident:${id}`,
          groupKey: incident.parentIncidentId ? `incident:${incident.parentIncidentId}` : null,
          data: { incidentId: id, monitorId: monitor.id, monitorName: monitor.name, target, message: update.message },
        },
        deps.now(),
      );
    }
  });
  return update;
}

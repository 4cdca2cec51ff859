import type { Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { publishEvent } from '../../notifications/events.ts';
import { enqueueIncidentRecovered, enqueueIncidentTicket } from '../../desk/incidents.jobs.ts';
import { downtimeSeconds, FLAP_WINDOW_MS, incidentStep, type MonitorState } from '../incidents.model.ts';
import { inMaintenance } from '../maintenance.model.ts';
import { maintenanceWindowsFor } from '../results.store.ts';
import type { EngineMonitor } from './monitor.ts';

/**
 * A monitor's change of state applied in the database, in the caller's transaction: the state
 * intervals, the monitor row, its incident with the timeline, and the events to notify. Changes
 * are rare next to checks, so this path may read what it needs.
 */
type Trx = Transaction<Schema>;

export interface StateChange {
  to: 'up' | 'down';
  /** For down: when the failures began; for up: the recovering check. */
  since: string;
  cause: string;
  /** Heartbeats that went down for lack of a ping: the event says "late", not "down". */
  late?: { expectedBy: string; lastPingAt: string | null } | undefined;
}

type MonitorFacts = Pick<EngineMonitor, 'id' | 'name' | 'kind' | 'target' | 'parentId' | 'assetId' | 'clientId' | 'projectId'>;

export interface AppliedChange {
  applied: boolean;
  /** The monitor row's updated_at after the change (null when nothing was written). */
  updatedAt: string | null;
  state: MonitorState;
  flapping: boolean;
  stateChangedAt: string | null;
}

async function switchInterval(trx: Trx, monitorId: string, to: 'up' | 'down', at: string): Promise<string> {
  const open = await trx.selectFrom('monitor_state_intervals').select('started_at').where('monitor_id', '=', monitorId).where('ended_at', 'is', null).executeTakeFirst();
  // Down time starts at the first failure, but never before the stretch it ends began.
  const start = open && open.started_at >= at ? new Date(Date.parse(open.started_at) + 1).toISOString() : at;
  if (open) await trx.updateTable('monitor_state_intervals').set({ ended_at: start }).where('monitor_id', '=', monitorId).where('ended_at', 'is', null).execute();
  await trx.insertInto('monitor_state_intervals').values({ monitor_id: monitorId, started_at: start, ended_at: null, state: to }).execute();
  return start;
}

async function recentChanges(trx: Trx, monitorId: string, now: Date): Promise<number[]> {
  const rows = await trx
    .selectFrom('monitor_state_intervals')
    .select('started_at')
    .where('monitor_id', '=', monitorId)
    .where('started_at', '>', new Date(now.getTime() - FLAP_WINDOW_MS).toISOString())
    .execute();
  return rows.map((r) => Date.parse(r.started_at));
}

async function addUpdate(trx: Trx, incidentId: string, kind: string, message: string, at: string, isPublic = true): Promise<void> {
  await trx.insertInto('incident_updates').values({ id: newId('incidentUpdate'), incident_id: incidentId, kind, message, public: isPublic ? 1 : 0, by_user_id: null, at }).execute();
}

/** Applies a change of state; does nothing when another worker already made it. */
export async function applyStateChange(trx: Trx, m: MonitorFacts, change: StateChange, now: Date): Promise<AppliedChange> {
  const row = await trx.selectFrom('monitors').select(['state', 'flapping', 'state_changed_at']).where('id', '=', m.id).executeTakeFirst();
  if (!row) return { applied: false, updatedAt: null, state: 'pending', flapping: false, stateChangedAt: null };
  const from = (row.state === 'up' || row.state === 'down' ? row.state : 'pending') as MonitorState;
  if (from === change.to) return { applied: false, updatedAt: null, state: from, flapping: row.flapping === 1, stateChangedAt: row.state_changed_at };
  const at = change.to === 'down' ? change.since : now.toISOString();
  const startedAt = await switchInterval(trx, m.id, change.to, at);
  const changes = await recentChanges(trx, m.id, now);
  const open = await trx.selectFrom('incidents').select(['id', 'flapping', 'started_at', 'in_maintenance']).where('monitor_id', '=', m.id).where('state', '=', 'open').executeTakeFirst();
  const step = incidentStep(from, change.to, open ? { id: open.id, flapping: open.flapping === 1 } : null, changes, now.getTime());
  let flapping = row.flapping === 1;
  if (step.kind === 'open') {
    await openIncident(trx, m, change, step.flapping, now);
    flapping = step.flapping;
  } else if (step.kind === 'resolve' && open) {
    await resolveIncident(trx, m, open, now);
    flapping = false;
  } else if (step.kind === 'flapping' && open) {
    await trx.updateTable('incidents').set({ flapping: 1, updated_at: now.toISOString() }).where('id', '=', open.id).execute();
    await addUpdate(trx, open.id, 'flapping', 'The monitor is flapping: it keeps going down and up. One incident stays open until it is stable.', now.toISOString());
    flapping = true;
  }
  await trx
    .updateTable('monitors')
    .set({ state: change.to, state_changed_at: startedAt, flapping: flapping ? 1 : 0, updated_at: now.toISOString() })
    .where('id', '=', m.id)
    .execute();
  return { applied: true, updatedAt: now.toISOString(), state: change.to, flapping, stateChangedAt: startedAt };
}

/** A flapping monitor that stayed up for a whole window: its held-open incident ends. */
export async function settleFlapping(trx: Trx, m: MonitorFacts, now: Date): Promise<void> {
  const open = await trx.selectFrom('incidents').select(['id', 'flapping', 'started_at', 'in_maintenance']).where('monitor_id', '=', m.id).where('state', '=', 'open').executeTakeFirst();
  if (open) await resolveIncident(trx, m, open, now);
  await trx.updateTable('monitors').set({ flapping: 0, updated_at: now.toISOString() }).where('id', '=', m.id).execute();
}

async function parentIncident(trx: Trx, parentId: string | null): Promise<string | null> {
  if (!parentId) return null;
  const row = await trx
    .selectFrom('incidents')
    .innerJoin('monitors', 'monitors.id', 'incidents.monitor_id')
    .select('incidents.id')
    .where('incidents.monitor_id', '=', parentId)
    .where('incidents.state', '=', 'open')
    .where('monitors.state', '=', 'down')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function openIncident(trx: Trx, m: MonitorFacts, change: StateChange, flapping: boolean, now: Date): Promise<string> {
  const id = newId('incident');
  const at = now.toISOString();
  const windows = await maintenanceWindowsFor(trx, [{ monitorId: m.id, assetId: m.assetId, projectId: m.projectId, clientId: m.clientId }]);
  const held = inMaintenance(windows, now);
  const parentIncidentId = await parentIncident(trx, m.parentId);
  await trx
    .insertInto('incidents')
    .values({
      id,
      monitor_id: m.id,
      client_id: m.clientId,
      project_id: m.projectId,
      parent_incident_id: parentIncidentId,
      state: 'open',
      flapping: flapping ? 1 : 0,
      in_maintenance: held ? 1 : 0,
      cause: change.cause,
      root_cause: null,
      started_at: change.since,
      confirmed_at: at,
      notified_at: held ? null : at,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
      updated_at: at,
    })
    .execute();
  // The cause names addresses and ports: staff see it, status pages do not.
  await addUpdate(trx, id, 'first_failure', change.cause, change.since, false);
  await addUpdate(trx, id, 'confirmed', parentIncidentId ? 'Confirmed down while the monitor it depends on is down' : 'Confirmed down', at);
  if (held) {
    await addUpdate(trx, id, 'update', 'Opened during maintenance: alerts are held', at, false);
    return id;
  }
  await publishOpened(trx, m, change, { id, parentIncidentId, flapping }, now);
  await addUpdate(trx, id, 'notified', 'Alert sent', at, false);
  return id;
}

async function publishOpened(trx: Trx, m: MonitorFacts, change: StateChange, incident: { id: string; parentIncidentId: string | null; flapping: boolean }, now: Date) {
  const common = {
    clientId: m.clientId,
    projectId: m.projectId,
    assetId: m.assetId,
    subjectKey: `incident:${incident.id}`,
    groupKey: incident.parentIncidentId ? `incident:${incident.parentIncidentId}` : null,
  };
  if (change.late) {
    const data = { monitorId: m.id, monitorName: m.name, lastPingAt: change.late.lastPingAt, expectedBy: change.late.expectedBy };
    await publishEvent(trx, { ...common, type: 'heartbeat.late', severity: 'critical', data }, now);
    return;
  }
  const data = { incidentId: incident.id, monitorId: m.id, monitorName: m.name, target: m.target, cause: change.cause, startedAt: change.since, parentIncidentId: incident.parentIncidentId, flapping: incident.flapping };
  await publishEvent(trx, { ...common, type: 'incident.opened', severity: 'critical', data }, now);
  // A site down is a critical ticket for a client with an SLA plan; the desk decides whether one opens.
  await enqueueIncidentTicket(trx, incident.id, now);
}

async function resolveIncident(trx: Trx, m: MonitorFacts, open: { id: string; started_at: string; in_maintenance: number }, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx.updateTable('incidents').set({ state: 'resolved', resolved_at: at, updated_at: at }).where('id', '=', open.id).execute();
  await addUpdate(trx, open.id, 'resolved', 'Up again', at);
  if (open.in_maintenance === 1) return;
  const data = { incidentId: open.id, monitorId: m.id, monitorName: m.name, target: m.target, startedAt: open.started_at, resolvedAt: at, downtimeSeconds: downtimeSeconds(open.started_at, at) };
  await publishEvent(trx, { type: 'incident.resolved', severity: 'info', clientId: m.clientId, projectId: m.projectId, assetId: m.assetId, subjectKey: `incident:${open.id}`, groupKey: null, data }, now);
  await enqueueIncidentRecovered(trx, open.id, now);
}

import type { Deps } from '../platform/deps.ts';
import { childrenOf, clientIncidentsOverlapping, findIncident, type ClientIncident, type Incident } from './incidents.store.ts';
import { coversMonitor, maintenanceSpans, type MaintenanceWindow, type MonitorScopes } from './maintenance.model.ts';
import { clientMonitorsOfKinds, firstMonitorCreatedAt, monitorStatesOfAssets, ownerOfMonitor, type ClientMonitor } from './monitors.store.ts';
import { maintenanceWindowsFor, stateIntervals } from './results.store.ts';
import type { Span, StateInterval } from './uptime.model.ts';

/**
 * What other capabilities may read of monitoring (DESIGN.md: they do not reach into its stores):
 * the desk's monthly reports and incident tickets, the waste audit of renewals. Only reads, with
 * no actor: callers check who may see what. Reads over many clients or assets go in chunks of
 * ids, so a round of a hundred clients costs a handful of queries whatever its number of sites.
 */
export type { ClientIncident, Incident } from './incidents.store.ts';

type ReadDeps = Pick<Deps, 'database'>;

/** Ids per query: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 1000;

function inChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** A monitor watching one of a client's sites, over a stretch of time. */
export interface SiteCoverage {
  monitorId: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  /** Its states that overlap the stretch, oldest first. */
  intervals: StateInterval[];
  /** Its maintenance inside the stretch, merged and clipped. */
  maintenance: Span[];
}

const scopesOf = (m: ClientMonitor): MonitorScopes => ({ monitorId: m.id, assetId: m.assetId, projectId: m.projectId, clientId: m.clientId });

/**
 * Per client, its monitors of these kinds with their states and maintenance over [from, to).
 * Clients without such monitors have no entry.
 */
export async function siteCoverage(deps: ReadDeps, clientIds: readonly string[], kinds: readonly string[], from: Date, to: Date): Promise<Map<string, SiteCoverage[]>> {
  const db = deps.database.db;
  const monitors: ClientMonitor[] = [];
  for (const part of inChunks(clientIds)) monitors.push(...(await clientMonitorsOfKinds(db, part, kinds)));
  const intervals = new Map<string, StateInterval[]>();
  const windows = new Map<string, MaintenanceWindow>();
  for (const part of inChunks(monitors)) {
    for (const [id, list] of await stateIntervals(db, part.map((m) => m.id), from, to)) intervals.set(id, list);
    for (const w of await maintenanceWindowsFor(db, part.map(scopesOf))) windows.set(w.id, w);
  }
  // Windows by what they cover, so each site finds its own without scanning them all.
  const byScope = new Map<string, MaintenanceWindow[]>();
  for (const w of windows.values()) pushTo(byScope, `${w.scopeType}:${w.scopeId}`, w);
  const out = new Map<string, SiteCoverage[]>();
  for (const m of monitors) {
    const scope = scopesOf(m);
    const keys = [`monitor:${scope.monitorId}`, `asset:${scope.assetId}`, `project:${scope.projectId}`, `client:${scope.clientId}`];
    const mine = keys.flatMap((k) => byScope.get(k) ?? []).filter((w) => coversMonitor(w, scope));
    const maintenance = maintenanceSpans(mine, from.getTime(), to.getTime());
    pushTo(out, m.clientId, { monitorId: m.id, name: m.name, kind: m.kind, config: m.config, intervals: intervals.get(m.id) ?? [], maintenance });
  }
  return out;
}

/** When the client's first monitor was set up, or null. */
export async function firstMonitorAt(deps: ReadDeps, clientId: string): Promise<string | null> {
  return firstMonitorCreatedAt(deps.database.db, clientId);
}

/** Incidents of these clients that overlap [from, to): per client, oldest first. */
export async function incidentsOverlapping(deps: ReadDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, ClientIncident[]>> {
  const out = new Map<string, ClientIncident[]>();
  for (const part of inChunks(clientIds)) {
    for (const incident of await clientIncidentsOverlapping(deps.database.db, part, from, to)) pushTo(out, incident.clientId, incident);
  }
  return out;
}

export async function incidentById(deps: ReadDeps, id: string): Promise<Incident | null> {
  return findIncident(deps.database.db, id);
}

/** The incidents a parent incident (a server down) brought with it: its sites down, oldest first. */
export async function childIncidents(deps: ReadDeps, parentIncidentId: string): Promise<Incident[]> {
  return childrenOf(deps.database.db, parentIncidentId);
}

/** What a monitor belongs to: its own client and asset (a monitor may hang off an asset only); null for an unknown monitor. */
export async function ownerOf(deps: ReadDeps, monitorId: string): Promise<{ clientId: string | null; assetId: string | null } | null> {
  return ownerOfMonitor(deps.database.db, monitorId);
}

/** Per asset, whether each of its monitors is up now; a paused monitor is not up. Assets without monitors have no entry. */
export async function monitorStatesOf(deps: ReadDeps, assetIds: readonly string[]): Promise<Map<string, { up: boolean }[]>> {
  return monitorStatesOfAssets(deps.database.db, assetIds);
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

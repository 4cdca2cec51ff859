import type { Deps } from '../platform/deps.ts';
import { coversMonitor, maintenanceSpans, type MaintenanceWindow, type MonitorScopes } from './maintenance.model.ts';
import { toResultView, type CheckResultView } from './results.model.ts';
import * as store from './results.store.ts';
import { bucketMs, summarise } from './rollups.model.ts';
import { dailyUptimes, DAY_MS, HOUR_MS, uptimeOver, type UptimeFigures } from './uptime.model.ts';

export type { CheckResultView } from './results.model.ts';

/**
 * Uptime, result lists and response-time series for the API and status pages. Uptime comes from
 * state intervals and maintenance windows (see uptime.model.ts), so a year costs as little as
 * a day: one row per change of state, not per check.
 */
type UptimeDeps = Pick<Deps, 'database' | 'now'>;

async function coverage(deps: UptimeDeps, monitorIds: readonly string[], from: Date, to: Date) {
  const db = deps.database.db;
  const scopes = await store.monitorScopes(db, monitorIds);
  const [windows, intervals] = await Promise.all([store.maintenanceWindowsFor(db, scopes), store.stateIntervals(db, monitorIds, from, to)]);
  const scopeOf = new Map(scopes.map((s) => [s.monitorId, s]));
  const maintenanceOf = (id: string) => {
    const scope: MonitorScopes = scopeOf.get(id) ?? { monitorId: id, assetId: null, projectId: null, clientId: null };
    const mine: MaintenanceWindow[] = windows.filter((w) => coversMonitor(w, scope));
    return maintenanceSpans(mine, from.getTime(), to.getTime());
  };
  return { intervals, maintenanceOf };
}

/** Uptime of one monitor over [from, to). */
export async function uptimeOf(deps: UptimeDeps, monitorId: string, from: Date, to: Date): Promise<UptimeFigures> {
  const { intervals, maintenanceOf } = await coverage(deps, [monitorId], from, to);
  return uptimeOver(intervals.get(monitorId) ?? [], maintenanceOf(monitorId), from.getTime(), to.getTime(), deps.now().getTime());
}

/** The last 24 hours and 30 days of each monitor, in two queries for the whole page. */
export async function uptimeSummaries(
  deps: UptimeDeps,
  monitorIds: string[],
  now: Date,
): Promise<Map<string, { last24h: number | null; last30d: number | null }>> {
  const to = now.getTime();
  const from = new Date(to - 30 * DAY_MS);
  const { intervals, maintenanceOf } = await coverage(deps, monitorIds, from, now);
  const out = new Map<string, { last24h: number | null; last30d: number | null }>();
  for (const id of monitorIds) {
    const mine = intervals.get(id) ?? [];
    const held = maintenanceOf(id);
    out.set(id, {
      last24h: uptimeOver(mine, held, to - DAY_MS, to, to).uptime,
      last30d: uptimeOver(mine, held, from.getTime(), to, to).uptime,
    });
  }
  return out;
}

/** One entry per UTC day, oldest first, the last one being today so far: the bars of a status page. */
export async function dailyUptime(
  deps: UptimeDeps,
  monitorIds: string[],
  days: number,
  now: Date,
): Promise<Map<string, { date: string; uptime: number | null; downSeconds: number }[]>> {
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const { intervals, maintenanceOf } = await coverage(deps, monitorIds, from, now);
  return new Map(monitorIds.map((id) => [id, dailyUptimes(intervals.get(id) ?? [], maintenanceOf(id), days, now.getTime())]));
}

/** Raw results, newest first; `before` is the checkedAt of the last result of the previous page. */
export async function listResults(deps: UptimeDeps, monitorId: string, options: { before?: string | undefined; limit: number }): Promise<CheckResultView[]> {
  const series = await store.seriesOf(deps.database.db, monitorId);
  if (series === undefined) return [];
  const beforeMs = options.before ? Date.parse(options.before) : undefined;
  const rows = await store.resultsPage(deps.database.db, series, { beforeMs: Number.isNaN(beforeMs) ? undefined : beforeMs, limit: options.limit });
  return rows.map(toResultView);
}

export interface ResponseTimePoint {
  at: string;
  p50: number | null;
  p95: number | null;
  max: number | null;
  checks: number;
  failures: number;
}

/** Windows up to this long are drawn from raw results in small buckets; longer ones from hourly rollups. */
const RAW_WINDOW_MS = 2 * DAY_MS;

/** Response-time percentiles over [from, to), oldest first. */
export async function responseTimes(deps: UptimeDeps, monitorId: string, from: Date, to: Date): Promise<ResponseTimePoint[]> {
  const db = deps.database.db;
  const series = await store.seriesOf(db, monitorId);
  const span = to.getTime() - from.getTime();
  if (span <= RAW_WINDOW_MS) return series === undefined ? [] : rawBuckets(deps, series, from.getTime(), to.getTime(), bucketMs(from.getTime(), to.getTime()));
  const hours = await store.hourlyRollups(db, monitorId, from, to);
  const points: ResponseTimePoint[] = hours.map((h) => ({ at: h.periodStart, p50: h.p50, p95: h.p95, max: h.max, checks: h.checks, failures: h.failures }));
  // The hours not rolled up yet (the current one, or while the job is behind) come from raw results.
  const lastRolled = hours.length > 0 ? Date.parse(hours[hours.length - 1]!.periodStart) + HOUR_MS : Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  if (series !== undefined && lastRolled < to.getTime()) points.push(...(await rawBuckets(deps, series, lastRolled, to.getTime(), HOUR_MS)));
  return points;
}

async function rawBuckets(deps: UptimeDeps, series: number, fromMs: number, toMs: number, width: number): Promise<ResponseTimePoint[]> {
  const rows = await store.rawOutcomes(deps.database.db, series, fromMs, toMs);
  const buckets = new Map<number, { ok: number; responseMs: number | null }[]>();
  for (const r of rows) {
    const key = fromMs + Math.floor((Number(r.at_ms) - fromMs) / width) * width;
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push({ ok: r.ok, responseMs: r.response_ms });
  }
  return [...buckets.entries()].map(([at, list]) => ({ at: new Date(at).toISOString(), ...summarise(list) }));
}

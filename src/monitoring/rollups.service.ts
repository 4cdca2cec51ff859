import type { Deps } from '../platform/deps.ts';
import { coversMonitor, maintenanceSpans } from './maintenance.model.ts';
import { maintenanceWindowsFor, monitorScopes, stateIntervals } from './results.store.ts';
import { combine, summarise, type ResponseSummary } from './rollups.model.ts';
import { DAY_MS, HOUR_MS, uptimeOver } from './uptime.model.ts';

/**
 * Hourly and daily rollups, and the retention of raw results. Both walk the monitors in pages of
 * PAGE and read raw results by (series, time), the primary key, so neither scans the whole table.
 */
const PAGE = 500;

type RollupGrain = 'check_rollups_hourly' | 'check_rollups_daily';

async function seriesPages(deps: Deps, visit: (page: { monitor_id: string; series: number }[]) => Promise<void>): Promise<void> {
  let after = '';
  for (;;) {
    const page = await deps.database.db.selectFrom('monitor_series').select(['monitor_id', 'series']).where('monitor_id', '>', after).orderBy('monitor_id').limit(PAGE).execute();
    if (page.length === 0) return;
    await visit(page);
    after = page[page.length - 1]!.monitor_id;
  }
}

async function downAndHeld(deps: Deps, ids: string[], from: number, to: number): Promise<Map<string, { down: number; held: number }>> {
  const db = deps.database.db;
  const scopes = await monitorScopes(db, ids);
  const [windows, intervals] = await Promise.all([maintenanceWindowsFor(db, scopes), stateIntervals(db, ids, new Date(from), new Date(to))]);
  const out = new Map<string, { down: number; held: number }>();
  for (const scope of scopes) {
    const held = maintenanceSpans(windows.filter((w) => coversMonitor(w, scope)), from, to);
    const f = uptimeOver(intervals.get(scope.monitorId) ?? [], held, from, to, to);
    out.set(scope.monitorId, { down: f.downSeconds, held: f.maintenanceSeconds });
  }
  return out;
}

async function upsertRollups(deps: Deps, table: RollupGrain, periodStart: string, rows: { monitorId: string; summary: ResponseSummary; down: number; held: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await deps.database.db
    .insertInto(table)
    .values(rows.map((r) => ({ monitor_id: r.monitorId, period_start: periodStart, checks: r.summary.checks, failures: r.summary.failures, down_seconds: r.down, maintenance_seconds: r.held, p50_ms: r.summary.p50, p95_ms: r.summary.p95, max_ms: r.summary.max })))
    .onConflict((oc) =>
      oc.columns(['monitor_id', 'period_start']).doUpdateSet((eb) => ({
        checks: eb.ref('excluded.checks'),
        failures: eb.ref('excluded.failures'),
        down_seconds: eb.ref('excluded.down_seconds'),
        maintenance_seconds: eb.ref('excluded.maintenance_seconds'),
        p50_ms: eb.ref('excluded.p50_ms'),
        p95_ms: eb.ref('excluded.p95_ms'),
        max_ms: eb.ref('excluded.max_ms'),
      })),
    )
    .execute();
}

/** Rolls up the hour starting at `hourStart` for every monitor that exists; safe to run again. */
export async function rollUpHour(deps: Deps, hourStart: Date): Promise<number> {
  const from = Math.floor(hourStart.getTime() / HOUR_MS) * HOUR_MS;
  const to = from + HOUR_MS;
  let monitors = 0;
  await seriesPages(deps, async (page) => {
    const raw = await deps.database.db
      .selectFrom('check_results')
      .select(['series', 'ok', 'response_ms'])
      .where('series', 'in', page.map((p) => p.series))
      .where('at_ms', '>=', from)
      .where('at_ms', '<', to)
      .execute();
    const bySeries = new Map<number, { ok: number; responseMs: number | null }[]>();
    for (const r of raw) {
      let list = bySeries.get(r.series);
      if (!list) bySeries.set(r.series, (list = []));
      list.push({ ok: r.ok, responseMs: r.response_ms });
    }
    const times = await downAndHeld(deps, page.map((p) => p.monitor_id), from, to);
    const rows = page
      .filter((p) => times.has(p.monitor_id) && (bySeries.has(p.series) || times.get(p.monitor_id)!.down > 0))
      .map((p) => ({ monitorId: p.monitor_id, summary: summarise(bySeries.get(p.series) ?? []), ...times.get(p.monitor_id)! }));
    await upsertRollups(deps, 'check_rollups_hourly', new Date(from).toISOString(), rows);
    monitors += rows.length;
  });
  return monitors;
}

/** Rolls up a UTC day from its hourly rollups (the counts exact, the percentiles check-weighted). */
export async function rollUpDay(deps: Deps, day: string): Promise<number> {
  const from = Date.parse(`${day}T00:00:00.000Z`);
  const to = from + DAY_MS;
  const hours = await deps.database.db
    .selectFrom('check_rollups_hourly')
    .selectAll()
    .where('period_start', '>=', new Date(from).toISOString())
    .where('period_start', '<', new Date(to).toISOString())
    .execute();
  const byMonitor = new Map<string, typeof hours>();
  for (const h of hours) byMonitor.set(h.monitor_id, [...(byMonitor.get(h.monitor_id) ?? []), h]);
  const rows = [...byMonitor.entries()].map(([monitorId, list]) => ({
    monitorId,
    summary: combine(list.map((h) => ({ checks: h.checks, failures: h.failures, p50: h.p50_ms, p95: h.p95_ms, max: h.max_ms }))),
    down: list.reduce((n, h) => n + h.down_seconds, 0),
    held: list.reduce((n, h) => n + h.maintenance_seconds, 0),
  }));
  for (let i = 0; i < rows.length; i += PAGE) await upsertRollups(deps, 'check_rollups_daily', new Date(from).toISOString(), rows.slice(i, i + PAGE));
  return rows.length;
}

/** Hourly rollups are kept this long; daily ones for good (a few kB per monitor a year). */
export const HOURLY_ROLLUP_DAYS = 400;

/** Deletes raw results older than the retention, everything of deleted monitors, and old hourly rollups. */
export async function applyRetention(deps: Deps, now: Date): Promise<{ results: number }> {
  const db = deps.database.db;
  const cutoff = now.getTime() - deps.config.resultsRetentionDays * DAY_MS;
  let results = 0;
  await seriesPages(deps, async (page) => {
    const existing = new Set((await db.selectFrom('monitors').select('id').where('id', 'in', page.map((p) => p.monitor_id)).execute()).map((r) => r.id));
    const gone = page.filter((p) => !existing.has(p.monitor_id)).map((p) => p.series);
    const kept = page.filter((p) => existing.has(p.monitor_id)).map((p) => p.series);
    if (kept.length > 0) results += Number((await db.deleteFrom('check_results').where('series', 'in', kept).where('at_ms', '<', cutoff).executeTakeFirst()).numDeletedRows);
    if (gone.length > 0) {
      results += Number((await db.deleteFrom('check_results').where('series', 'in', gone).executeTakeFirst()).numDeletedRows);
      await db.deleteFrom('monitor_series').where('series', 'in', gone).execute();
    }
  });
  await db.deleteFrom('monitor_location_states').where('monitor_id', 'not in', db.selectFrom('monitors').select('id')).execute();
  await db.deleteFrom('check_rollups_hourly').where('period_start', '<', new Date(now.getTime() - HOURLY_ROLLUP_DAYS * DAY_MS).toISOString()).execute();
  await db.deleteFrom('monitor_workers').where('heartbeat_at', '<', new Date(now.getTime() - DAY_MS).toISOString()).execute();
  return { results };
}

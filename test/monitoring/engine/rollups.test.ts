import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeries } from '../../../src/monitoring/engine.store.ts';
import { applyRetention, rollUpDay, rollUpHour } from '../../../src/monitoring/rollups.service.ts';
import { dailyUptime, responseTimes, uptimeSummaries } from '../../../src/monitoring/uptime.service.ts';
import { engineTest, httpConfig, insertMonitor, type EngineTest } from './support.ts';

let t: EngineTest;
beforeAll(async () => {
  t = await engineTest();
});
afterAll(() => t.close());

const H = 3_600_000;
const dayStart = Date.parse('2026-11-20T00:00:00.000Z');

async function seed(monitorId: string) {
  const series = (await ensureSeries(t.db.db, [monitorId])).get(monitorId)!;
  // 2026-11-20 10:00–11:00: a check a minute, 10..69 ms, the last 6 failing; down 10:54–11:30.
  const rows = Array.from({ length: 60 }, (_, i) => ({ series, at_ms: dayStart + 10 * H + i * 60_000, location: 'main', ok: i < 54 ? 1 : 0, response_ms: i < 54 ? 10 + i : null, status_code: i < 54 ? 200 : 503, message: null, details: null }));
  // And one old result, past the 30-day retention.
  rows.push({ series, at_ms: dayStart - 40 * 24 * H, location: 'main', ok: 1, response_ms: 5, status_code: 200, message: null, details: null });
  await t.db.db.insertInto('check_results').values(rows).execute();
  await t.db.db
    .insertInto('monitor_state_intervals')
    .values([
      { monitor_id: monitorId, started_at: new Date(dayStart).toISOString(), ended_at: new Date(dayStart + 10 * H + 54 * 60_000).toISOString(), state: 'up' },
      { monitor_id: monitorId, started_at: new Date(dayStart + 10 * H + 54 * 60_000).toISOString(), ended_at: new Date(dayStart + 11.5 * H).toISOString(), state: 'down' },
      { monitor_id: monitorId, started_at: new Date(dayStart + 11.5 * H).toISOString(), ended_at: null, state: 'up' },
    ])
    .execute();
  return series;
}

describe('rollups and retention', () => {
  it('roll an hour and a day up, feed long charts and the daily bars, and forget old raw results', async () => {
    const id = await insertMonitor(t, { config: httpConfig('http://127.0.0.1:9/') });
    const gone = await insertMonitor(t, { config: httpConfig('http://127.0.0.1:9/') });
    await seed(id);
    await seed(gone);
    expect(await rollUpHour(t.deps, new Date(dayStart + 10 * H))).toBe(2);
    await rollUpHour(t.deps, new Date(dayStart + 10 * H)); // again: same rows, not doubled
    await rollUpHour(t.deps, new Date(dayStart + 11 * H));
    const [hour] = await t.db.db.selectFrom('check_rollups_hourly').selectAll().where('monitor_id', '=', id).where('period_start', '=', new Date(dayStart + 10 * H).toISOString()).execute();
    expect(hour).toMatchObject({ checks: 60, failures: 6, down_seconds: 360, maintenance_seconds: 0, p50_ms: 36, p95_ms: 61, max_ms: 63 });
    await rollUpDay(t.deps, '2026-11-20');
    const [day] = await t.db.db.selectFrom('check_rollups_daily').selectAll().where('monitor_id', '=', id).execute();
    expect(day).toMatchObject({ checks: 60, failures: 6, down_seconds: 36 * 60, max_ms: 63 });

    const points = await responseTimes(t.deps, id, new Date(dayStart - 5 * 24 * H), new Date(dayStart + 12 * H));
    expect(points.find((p) => p.at === new Date(dayStart + 10 * H).toISOString())).toMatchObject({ checks: 60, failures: 6, p50: 36 });
    const short = await responseTimes(t.deps, id, new Date(dayStart + 10 * H), new Date(dayStart + 11 * H));
    expect(short.reduce((n, p) => n + p.checks, 0)).toBe(60);

    const bars = (await dailyUptime(t.deps, [id], 2, new Date(dayStart + 36 * H))).get(id)!;
    expect(bars[0]).toEqual({ date: '2026-11-20', uptime: 1 - 36 / 1440, downSeconds: 36 * 60 });
    expect(bars[1]).toMatchObject({ date: '2026-11-21', uptime: 1 });
    const summary = (await uptimeSummaries(t.deps, [id], new Date(dayStart + 36 * H))).get(id)!;
    expect(summary.last24h).toBe(1);
    expect(summary.last30d).toBeCloseTo(1 - 36 / (36 * 60), 10);

    await t.db.db.deleteFrom('monitors').where('id', '=', gone).execute();
    t.clock.now = new Date(dayStart + 36 * H);
    const { results } = await applyRetention(t.deps, t.clock.now);
    expect(results).toBe(1 + 61);
    expect(await t.db.db.selectFrom('monitor_series').select('monitor_id').execute()).toEqual([{ monitor_id: id }]);
  });
});

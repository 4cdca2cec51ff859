import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { heartbeatStatus, SIZE_HISTORY, type Ping } from '../heartbeat.model.ts';
import type { HeartbeatConfig } from '../probes/configs.ts';
import type { ProbeResult } from '../probes/probe.ts';
import { ensureSeries, monitorsByIds } from '../engine.store.ts';
import { toEngineMonitor, type EngineMonitor } from './monitor.ts';
import { Recorder } from './recorder.ts';

/** A heartbeat's "check": its recent pings judged against its period and grace. */
export async function judgeHeartbeat(db: Kysely<Schema>, m: Pick<EngineMonitor, 'id' | 'config' | 'createdAt'>, now: Date): Promise<ProbeResult> {
  const config = m.config as HeartbeatConfig;
  const rows = await db
    .selectFrom('heartbeat_pings')
    .select(['kind', 'exit_code', 'size_bytes', 'received_at'])
    .where('monitor_id', '=', m.id)
    .where('received_at', '<=', now.toISOString())
    .orderBy('received_at', 'desc')
    .limit(SIZE_HISTORY + 2)
    .execute();
  const pings: Ping[] = rows.map((r) => ({ kind: r.kind as Ping['kind'], exitCode: r.exit_code, sizeBytes: r.size_bytes, receivedAt: r.received_at }));
  const status = heartbeatStatus(config, pings, m.createdAt, now);
  return {
    ok: status.ok,
    message: status.message,
    responseMs: null,
    warning: status.warning,
    details: { late: status.late, expectedBy: status.expectedBy, lastPingAt: status.lastPingAt, ...(pings[0]?.sizeBytes != null ? { sizeBytes: pings[0].sizeBytes } : {}) },
  };
}

/**
 * Called by the /ping endpoint after it stored a ping: evaluates the heartbeat monitor at once
 * (a `fail` ping or an exit code other than 0 is a failed check, a success after being late
 * recovers) instead of waiting for the owning worker's next look. Writes a result like any check.
 */
export async function heartbeatReceived(deps: Deps, monitorId: string, now: Date): Promise<void> {
  const db = deps.database.db;
  const [row] = await monitorsByIds(db, [monitorId]);
  if (!row || row.kind !== 'heartbeat' || row.paused_at !== null) return;
  const series = row.series ?? (await ensureSeries(db, [monitorId])).get(monitorId)!;
  const m = toEngineMonitor(row, series, deps.secrets);
  if (m.configError !== null) return;
  const at = { ...deps, now: () => now };
  const recorder = new Recorder(at, m.locations[0]!);
  recorder.record(m, await judgeHeartbeat(db, m, now), null);
  await recorder.flush();
}

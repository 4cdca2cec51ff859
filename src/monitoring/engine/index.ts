/** The monitor engine: what `upkeep start`, `upkeep worker` and the /ping endpoint use. */
export { MonitorEngine, type EngineOptions } from './engine.ts';
export { heartbeatReceived, judgeHeartbeat } from './heartbeat.ts';
export { DEFAULT_LEASE_TIMING, type LeaseTiming } from './leases.ts';
export type { RunProbe } from './scheduler.ts';

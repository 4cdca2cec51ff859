/**
 * One monitor worker of the monitoring benchmark, in its own process so its CPU and memory are
 * its own: opens the database, runs the engine for the given time and reports to the parent.
 * BENCH_MODE=run measures checks, lateness, CPU and memory; BENCH_MODE=restart measures how
 * long a fresh start takes until every monitor it owns has been checked once.
 */
import os from 'node:os';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Deps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/logger.ts';
import { MonitorEngine } from '../src/monitoring/engine/index.ts';

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 60);
// Measured after this warm-up (one interval: every monitor checked once, the startup writes done).
const warmupSeconds = Number(env.BENCH_WARMUP ?? 0);
const mode = env.BENCH_MODE ?? 'run';
const openOptions = JSON.parse(env.BENCH_DB ?? '{}') as Parameters<typeof openDatabase>[0];

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const database = await openDatabase({ ...openOptions, poolSize: 4 });
  const config = loadConfig({ UPKEEP_DATA_DIR: os.tmpdir(), UPKEEP_LOG_LEVEL: 'warn', UPKEEP_BLOCK_PRIVATE_TARGETS: 'false', UPKEEP_MONITOR_CONCURRENCY: env.BENCH_CONCURRENCY ?? '500' });
  const deps: Deps = { config, logger: createLogger('warn'), database, secrets: createSecretBox(Buffer.alloc(32, 7)), now: () => new Date() };
  const engine = new MonitorEngine(deps, { location: 'main', workerId: env.BENCH_WORKER_ID ?? `bench-${process.pid}`, lease: { leaseMs: 30_000, renewMs: 5_000 } });
  engine.scheduler.trackFirstChecks = mode === 'restart';
  const started = performance.now();
  const wallStart = Date.now();
  await engine.start();
  const loadedMs = performance.now() - started;
  if (mode === 'run') await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  const cpu0 = process.cpuUsage();
  const checks0 = engine.scheduler.checks;
  const t0 = performance.now();
  let allCheckedMs: number | null = null;
  let peakRss = 0;
  const deadline = t0 + seconds * 1000;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const owned = engine.monitorCount;
    const checkedOwned = mode === 'restart' ? [...engine.scheduler.firstCheckAt.keys()].filter((id) => engine.scheduler.monitors.has(id)).length : 0;
    if (mode === 'restart' && allCheckedMs === null && owned > 0 && checkedOwned >= owned) {
      let last = 0;
      for (const at of engine.scheduler.firstCheckAt.values()) last = Math.max(last, at);
      allCheckedMs = last - wallStart;
      break;
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const checks = engine.scheduler.checks - checks0;
  // The lateness of the checks in the measured window (the ring holds the latest ones).
  const ring = engine.scheduler.lateness;
  const measured = Math.min(checks, ring.length);
  const samples = new Float64Array(measured);
  for (let i = 0; i < measured; i++) samples[i] = ring[(engine.scheduler.checks - 1 - i) % ring.length]!;
  samples.sort();
  const memory = process.memoryUsage();
  const owned = engine.monitorCount;
  const mapped = engine.scheduler.monitors.size;
  // A restart measurement ends without handing its shards back: a worker still measuring must not
  // be handed a finished one's monitors.
  if (mode === 'restart') await engine.halt();
  else await engine.stop();
  await database.close();
  const report = {
    owned,
    mapped,
    loadedMs,
    elapsed,
    checks,
    cpuMs: (cpu.user + cpu.system) / 1000,
    latenessMs: { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.length > 0 ? samples[samples.length - 1]! : 0 },
    rssBytes: memory.rss,
    peakRssBytes: peakRss,
    heapUsedBytes: memory.heapUsed,
    allCheckedMs,
    totalChecks: engine.scheduler.checks,
  };
  process.send?.(report);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

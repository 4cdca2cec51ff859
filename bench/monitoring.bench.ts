/**
 * Monitoring benchmark: N HTTP monitors checked every 60 s against a loopback target, on SQLite
 * (one worker process) and PostgreSQL (BENCH_WORKERS worker processes sharing the shards).
 *
 *   npm run bench:monitoring                                   60,000 on SQLite, 100,000 on PostgreSQL
 *   BENCH_MONITORS=10000 BENCH_SECONDS=30 npm run bench:monitoring
 *   BENCH_DATABASES=sqlite BENCH_WORKERS=2 npm run bench:monitoring
 *
 * The target runs in its own process so its CPU is not counted; each worker runs in its own
 * process too (bench/monitoring-worker.ts) and reports its own CPU and memory. Reported: checks/s
 * achieved against scheduled, schedule lateness, CPU per check, memory, database growth per
 * monitor-day, the time until every monitor was checked after a restart, and the raw loopback
 * ceiling of a bare undici client opening a new connection per request against the same target.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { Agent, request } from 'undici';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { newId } from '../src/platform/ids.ts';
import { shardOf } from '../src/monitoring/schedule.model.ts';

const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 90);
const INTERVAL = Number(process.env.BENCH_INTERVAL ?? 60);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const MONITORS: Record<string, number> = {
  sqlite: Number(process.env.BENCH_MONITORS ?? 60_000),
  postgres: Number(process.env.BENCH_MONITORS ?? 100_000),
};
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));

const TARGET_SOURCE = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); });
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function startTarget(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', TARGET_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Requests per second of a bare undici client, a new connection per request, 64 at a time. */
async function loopbackCeiling(url: string, seconds = 5): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  // `reset` closes each connection after its response: every request dials anew, as a check does.
  const agent = new Agent({ connections: 128 });
  const one = async () => {
    while (performance.now() < until) {
      const res = await request(url, { dispatcher: agent, reset: true });
      await res.body.text();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 64 }, one));
  await agent.close();
  return done / ((performance.now() - started) / 1000);
}

async function insertMonitors(database: Database, count: number, target: string): Promise<void> {
  const now = new Date().toISOString();
  const config = (i: number) =>
    JSON.stringify({ url: `${target}/m${i}`, method: 'GET', headers: {}, body: null, expectedStatus: ['200-399'], keyword: null, keywordIsRegex: false, keywordAbsent: false, maxResponseMs: null, followRedirects: true, verifyTls: true, basicAuth: null });
  const rows = Array.from({ length: count }, (_, i) => {
    const id = newId('monitor');
    return { id, name: `Site ${i}`, kind: 'http', config: config(i), secret_config: null, interval_seconds: INTERVAL, timeout_ms: 10_000, client_id: null, project_id: null, asset_id: null, parent_id: null, failure_threshold: 2, recovery_threshold: 2, locations: '["main"]', quorum: 1, state: 'up', flapping: 0, state_changed_at: null, paused_at: null, last_checked_at: null, last_ok: null, last_message: null, last_response_ms: null, check_requested_at: null, ping_key_hash: null, shard: shardOf(id), created_at: now, updated_at: now };
  });
  await database.db.transaction().execute((trx) => database.dialect.insertMany(trx, 'monitors', rows));
}

interface WorkerReport {
  owned: number;
  mapped: number;
  loadedMs: number;
  elapsed: number;
  checks: number;
  cpuMs: number;
  latenessMs: { p50: number; p99: number; max: number };
  rssBytes: number;
  peakRssBytes: number;
  heapUsedBytes: number;
  allCheckedMs: number | null;
  totalChecks: number;
}

function runWorker(db: unknown, id: string, mode: 'run' | 'restart', seconds: number): Promise<WorkerReport> {
  const child = fork(path.join(here, 'monitoring-worker.ts'), [], {
    // BENCH_PROFILE=<dir> writes a CPU profile of each worker there.
    execArgv: ['--max-semi-space-size=64', '--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: { ...process.env, BENCH_DB: JSON.stringify(db), BENCH_WORKER_ID: id, BENCH_MODE: mode, BENCH_SECONDS: String(seconds), BENCH_WARMUP: String(2 * INTERVAL) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as WorkerReport));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker ${id} exited with ${code}`))));
  });
}

async function dbBytes(database: Database, file?: string): Promise<number> {
  // The write-ahead log is folded into the file first: its size is pages in transit, not data.
  if (file) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
  if (file) return ['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
  const { rows } = await sql<{ bytes: string }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'`.execute(database.db);
  return Number(rows[0]!.bytes);
}

/** Bytes per raw result row as stored (table and indexes), from the database's own accounting. */
async function resultRowBytes(database: Database): Promise<number> {
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from check_results`.execute(database.db);
  const n = Math.max(1, Number(count[0]!.n));
  if (database.dialect.name === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`select coalesce(sum(pgsize), 0) as bytes from dbstat where name in ('check_results', 'sqlite_autoindex_check_results_1')`.execute(database.db);
    return rows[0]!.bytes / n;
  }
  const { rows } = await sql<{ bytes: string }>`select pg_total_relation_size('check_results')::text as bytes`.execute(database.db);
  return Number(rows[0]!.bytes) / n;
}

async function openFor(kind: string): Promise<{ database: Database; options: Record<string, unknown>; file?: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-bench-mon-'));
    const options = { dataDir, sqliteFile: 'bench.db' };
    const database = await openDatabase(options);
    return { database, options, file: path.join(dataDir, 'bench.db'), drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `upkeep_bench_mon_${Date.now()}`;
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const options = { databaseUrl: PG_ADMIN_URL, dataDir: os.tmpdir(), pgSchema: schema };
  const database = await openDatabase(options);
  return {
    database,
    options,
    drop: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchDatabase(kind: string, target: string): Promise<void> {
  const count = MONITORS[kind]!;
  const workers = kind === 'sqlite' ? 1 : WORKERS;
  const { database, options, file, drop } = await openFor(kind);
  await migrateToLatest(database);
  await insertMonitors(database, count, target);
  const before = await dbBytes(database, file);
  console.log(`\n${kind}: ${count} http monitors every ${INTERVAL} s (${(count / INTERVAL).toFixed(0)} checks/s scheduled), ${workers} worker process(es), measured ${SECONDS} s after a ${2 * INTERVAL} s warm-up`);
  const reports = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(options, `bench-${i}`, 'run', SECONDS)));
  const after = await dbBytes(database, file);
  const checks = reports.reduce((n, r) => n + r.checks, 0);
  const elapsed = Math.max(...reports.map((r) => r.elapsed));
  for (const [i, r] of reports.entries()) {
    console.log(
      `  worker ${i}: ${r.owned} monitors (${r.mapped} in memory, loaded in ${(r.loadedMs / 1000).toFixed(1)} s), ${(r.checks / r.elapsed).toFixed(0)} checks/s, ` +
        `lateness p50 ${r.latenessMs.p50.toFixed(0)} ms p99 ${r.latenessMs.p99.toFixed(0)} ms max ${r.latenessMs.max.toFixed(0)} ms, ` +
        `CPU ${(r.cpuMs / Math.max(1, r.checks)).toFixed(3)} ms/check, RSS ${mb(r.rssBytes)} (peak ${mb(r.peakRssBytes)}), heap ${mb(r.heapUsedBytes)}, ` +
        `${((r.peakRssBytes / r.owned) / 1024).toFixed(1)} kB/monitor`,
    );
  }
  const allChecks = reports.reduce((n, r) => n + r.totalChecks, 0);
  const perCheck = (after - before) / Math.max(1, allChecks);
  console.log(`  total: ${(checks / elapsed).toFixed(0)} checks/s achieved of ${(count / INTERVAL).toFixed(0)} scheduled`);
  console.log(`  database growth: ${mb(after - before)} for ${allChecks} checks = ${perCheck.toFixed(0)} B/check = ${((perCheck * 86_400) / INTERVAL / 1024).toFixed(0)} kB per monitor-day at this interval`);
  const row = await resultRowBytes(database);
  const perDay = (row * 86_400) / INTERVAL;
  console.log(`  raw results: ${row.toFixed(0)} B per check = ${(perDay / 1024).toFixed(0)} kB per monitor-day = ${((perDay * 30) / 1024 / 1024).toFixed(1)} MB per monitor for 30 days' retention`);
  const restart = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(options, `bench-restart-${i}`, 'restart', INTERVAL + 15)));
  console.log(`  after a restart every monitor was checked within ${(Math.max(...restart.map((r) => r.allCheckedMs ?? Infinity)) / 1000).toFixed(1)} s (interval ${INTERVAL} s)`);
  await database.close();
  await drop();
}

async function main(): Promise<void> {
  const target = await startTarget();
  try {
    const ceiling = await loopbackCeiling(target.url);
    console.log(`loopback ceiling: ${ceiling.toFixed(0)} requests/s (bare undici, a new connection per request, 64 at a time)`);
    for (const kind of DATABASES) await benchDatabase(kind, target.url);
  } finally {
    target.child.kill();
  }
}

await main();

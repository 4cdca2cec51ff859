/**
 * Notifications benchmark: deliver 100,000 queued notifications to a webhook receiver running in
 * a process of its own, through the real outbox (notification rows, delivery attempts, the job
 * queue, rendering, signing, undici) — on SQLite and on PostgreSQL.
 *
 *   npm run bench:notifications
 *   BENCH_NOTIFICATIONS=20000 BENCH_DATABASES=sqlite npm run bench:notifications
 *
 * Three runs per database: a backlog with a healthy receiver (throughput, delay from event to
 * delivery), the same backlog with the receiver failing 10% of requests (nothing lost, nothing
 * duplicated, counted by idempotency key at the receiver), and a steady stream of events at a
 * fixed rate below capacity (the delay a person sees when the queue is not backed up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { request } from 'undici';
import { CLI_ACTOR } from '../src/accounts/model.ts';
import { createChannel } from '../src/notifications/channels.service.ts';
import { deliveryJobs } from '../src/notifications/delivery.jobs.ts';
import { queueNotification } from '../src/notifications/outbox.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { JobWorker } from '../src/platform/jobs/worker.ts';
import { createLogger } from '../src/platform/logger.ts';

const COUNT = Number(process.env.BENCH_NOTIFICATIONS ?? 100_000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STREAM_RATE = Number(process.env.BENCH_STREAM_RATE ?? 200); // events per second
const STREAM_SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 30);
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-signing-secret-0123456789';

/** The receiver: counts deliveries per idempotency key; fails a share of requests with a 503. */
const RECEIVER = `
const http = require('node:http');
let failRate = 0, requests = 0, failed = 0;
const delivered = new Map();
http.createServer((req, res) => {
  if (req.url === '/stats') { let duplicates = 0; for (const n of delivered.values()) if (n > 1) duplicates += n - 1;
    res.end(JSON.stringify({ requests, failed, delivered: delivered.size, duplicates })); return; }
  if (req.url.startsWith('/fail/')) { failRate = Number(req.url.slice(6)); requests = 0; failed = 0; delivered.clear(); res.end('{}'); return; }
  req.resume();
  req.on('end', () => {
    requests++;
    if (Math.random() < failRate) { failed++; res.writeHead(503); res.end('busy'); return; }
    const key = req.headers['upkeep-idempotency-key'];
    delivered.set(key, (delivered.get(key) || 0) + 1);
    res.end('{"ok":true}');
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

interface Stats {
  requests: number;
  failed: number;
  delivered: number;
  duplicates: number;
}

async function startReceiverProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function receiverCall<T>(url: string): Promise<T> {
  const res = await request(url);
  return JSON.parse(await res.body.text()) as T;
}

async function openBenchDatabase(kind: string, dir: string): Promise<Database> {
  if (kind === 'sqlite') return openDatabase({ dataDir: dir, sqliteFile: 'bench.db' });
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  await admin.query('drop database if exists upkeep_bench_notifications');
  await admin.query('create database upkeep_bench_notifications');
  await admin.end();
  return openDatabase({ dataDir: dir, databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, '/upkeep_bench_notifications'), poolSize: 20 });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Events as monitoring would publish them (rows written in bulk), then one notification each via queueNotification. */
async function queue(deps: Deps, channelId: string, count: number, tag: string): Promise<number> {
  const start = performance.now();
  const db = deps.database.db;
  for (let done = 0; done < count; done += 1000) {
    const now = deps.now();
    const at = now.toISOString();
    const events = Array.from({ length: Math.min(1000, count - done) }, (_, i) => ({
      id: newId('event'),
      type: 'renewal.due',
      severity: 'medium',
      client_id: null,
      project_id: null,
      asset_id: null,
      subject_key: `renewal:${tag}:${done + i}`,
      group_key: null,
      data: JSON.stringify({ assetId: 'ast_bench', assetName: `site-${done + i}.example`, expiresOn: '2026-12-21', daysLeft: 30, price: { amount: 129_900, currency: 'EUR' } }),
      occurred_at: at,
      created_at: at,
    }));
    await db.transaction().execute(async (trx) => {
      await deps.database.dialect.insertMany(trx, 'events', events);
      for (const e of events) await queueNotification(trx, deps, { eventId: e.id, recipient: { channelId }, reason: `bench:${tag}` }, now);
    });
  }
  return (performance.now() - start) / 1000;
}

/** Delay from the event to the confirmed delivery, for every notification of a run. */
async function delays(deps: Deps, tag: string): Promise<{ sent: number; gaveUp: number; p50: number; p99: number; max: number }> {
  const rows = await deps.database.db
    .selectFrom('notifications')
    .innerJoin('events', 'events.id', 'notifications.event_id')
    .select(['notifications.status', 'notifications.sent_at', 'events.occurred_at'])
    .where('notifications.reason', '=', `bench:${tag}`)
    .execute();
  const ms = rows.filter((r) => r.sent_at).map((r) => Date.parse(r.sent_at!) - Date.parse(r.occurred_at)).sort((a, b) => a - b);
  return { sent: ms.length, gaveUp: rows.filter((r) => r.status === 'gave_up').length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN };
}

async function countOpen(deps: Deps, tag: string): Promise<number> {
  const row = await deps.database.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reason', '=', `bench:${tag}`)
    .where('status', 'not in', ['sent', 'gave_up'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function drain(deps: Deps, tag: string, progress: boolean): Promise<number> {
  const start = performance.now();
  for (;;) {
    const open = await countOpen(deps, tag);
    if (open === 0) return (performance.now() - start) / 1000;
    if (progress) process.stdout.write(`\r  ${tag}: ${open} to go   `);
    await sleep(1000);
  }
}

async function benchOne(kind: string, receiverUrl: string): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-bench-'));
  const database = await openBenchDatabase(kind, dir);
  await migrateToLatest(database);
  const deps: Deps = { config: loadConfig({ UPKEEP_DATA_DIR: dir, UPKEEP_LOG_LEVEL: 'silent' }), logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => new Date() };
  const ctx = { actor: CLI_ACTOR, requestId: 'bench' };
  const channel = await createChannel(deps, ctx, { kind: 'webhook', name: 'Bench receiver', config: { url: `${receiverUrl}/hook`, secret: SECRET }, ownerUserId: null, ratePerMinute: null });
  const worker = new JobWorker({ database, handlers: deliveryJobs(deps), logger: deps.logger, concurrency: CONCURRENCY, pollIntervalMs: 20, leaseMs: 30_000, workerId: `bench:${process.pid}` });
  const result: Record<string, string> = { database: kind };
  const run = async (tag: string, failRate: number) => {
    await receiverCall(`${receiverUrl}/fail/${failRate}`);
    const queueSeconds = await queue(deps, channel.id, COUNT, tag);
    const start = performance.now();
    if (tag === 'backlog') worker.start();
    await drain(deps, tag, true);
    const seconds = (performance.now() - start) / 1000;
    const stats = await receiverCall<Stats>(`${receiverUrl}/stats`);
    const d = await delays(deps, tag);
    process.stdout.write('\n');
    return { queueSeconds, seconds, stats, d };
  };

  const a = await run('backlog', 0);
  result['queue 100k (queueNotification, 1,000 per transaction)'] = `${a.queueSeconds.toFixed(1)} s (${Math.round(COUNT / a.queueSeconds)}/s)`;
  result['deliver backlog, receiver healthy'] = `${a.seconds.toFixed(1)} s → ${Math.round(COUNT / a.seconds)} messages/s`;
  result['  event → delivery (backlog)'] = `p50 ${(a.d.p50 / 1000).toFixed(1)} s, p99 ${(a.d.p99 / 1000).toFixed(1)} s`;
  result['  receiver'] = `${a.stats.requests} requests, ${a.stats.delivered} keys delivered, ${a.stats.duplicates} duplicates`;

  const b = await run('failing', 0.1);
  result['deliver backlog, receiver failing 10%'] = `${b.seconds.toFixed(1)} s (retries wait 7.5–15 s, then 15–30 s, …)`;
  result['  receiver (10% failing)'] = `${b.stats.requests} requests, ${b.stats.failed} failed, ${b.stats.delivered} keys delivered, ${b.stats.duplicates} duplicates`;
  result['  lost / duplicated'] = `${COUNT - b.stats.delivered} lost (${b.d.gaveUp} gave up), ${b.stats.duplicates} duplicated`;
  result['  event → delivery (10% failing)'] = `p50 ${(b.d.p50 / 1000).toFixed(1)} s, p99 ${(b.d.p99 / 1000).toFixed(1)} s`;

  await receiverCall(`${receiverUrl}/fail/0`);
  const streamed = STREAM_RATE * STREAM_SECONDS;
  const streamStart = performance.now();
  for (let i = 0; i < STREAM_SECONDS * 10; i++) {
    const tickStart = performance.now();
    await queue(deps, channel.id, STREAM_RATE / 10, `stream-${i}`).catch((e: unknown) => console.error(e));
    await sleep(Math.max(0, 100 - (performance.now() - tickStart)));
  }
  let open = 0;
  do {
    open = 0;
    for (let i = 0; i < STREAM_SECONDS * 10; i++) open += await countOpen(deps, `stream-${i}`);
    if (open > 0) await sleep(200);
  } while (open > 0);
  const all: number[] = [];
  for (let i = 0; i < STREAM_SECONDS * 10; i++) {
    const rows = await deps.database.db.selectFrom('notifications').innerJoin('events', 'events.id', 'notifications.event_id').select(['notifications.sent_at', 'events.occurred_at']).where('notifications.reason', '=', `bench:stream-${i}`).execute();
    for (const r of rows) all.push(Date.parse(r.sent_at!) - Date.parse(r.occurred_at));
  }
  all.sort((x, y) => x - y);
  result[`steady stream, ${STREAM_RATE} events/s for ${STREAM_SECONDS} s (${streamed})`] = `event → delivery p50 ${percentile(all, 50)} ms, p99 ${percentile(all, 99)} ms, max ${all.at(-1)} ms (${((performance.now() - streamStart) / 1000).toFixed(1)} s)`;

  await worker.stop(5000);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

const receiver = await startReceiverProcess();
try {
  console.log(`Notifications benchmark: ${COUNT} notifications, worker concurrency ${CONCURRENCY}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  for (const kind of DATABASES) {
    console.log(`\n${kind}`);
    const result = await benchOne(kind, receiver.url);
    for (const [k, v] of Object.entries(result)) console.log(`  ${k}: ${v}`);
  }
} finally {
  receiver.child.kill();
}

/**
 * Renewal sweep benchmark: a registry of 1,000,000 assets over 10,000 clients on SQLite, with
 * expiries spread over two years, owners, project managers in several time zones and a few
 * policy overrides; then the sweep as the job runs it.
 *
 *   npm run bench:renewals-sweep                        1,000,000 assets
 *   BENCH_ASSETS=100000 npm run bench:renewals-sweep    a quicker run
 *
 * Timed: the first sweep (it tells every asset in the window where it stands and creates the
 * tasks due), a second one a minute later (must send nothing: idempotency), and one a day later
 * (a normal day's work). Memory is sampled throughout: the sweep reads assets a page at a time,
 * so its peak must not grow with the registry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';
import { runSweep } from '../src/renewals/sweep.service.ts';
import { forecast } from '../src/renewals/kpis.service.ts';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? Math.max(1, Math.round(ASSETS / 100)));
const STAFF = 200;
const NOW = new Date('2026-11-21T09:07:00Z');
const DAY_MS = 86_400_000;
const KINDS = ['domain', 'hosting', 'certificate', 'licence', 'subscription', 'backup', 'other'];
const ZONES = ['UTC', 'Europe/Stockholm', 'Europe/Amsterdam', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/Moscow'];
const BATCH = 10_000;

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

/** Peak resident set and heap, sampled every 20 ms while the process works. */
function memoryWatch() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  return {
    reset() {
      rss = 0;
      heap = 0;
      sample();
    },
    peak() {
      sample();
      return { rss, heap };
    },
    stop: () => clearInterval(timer),
  };
}

async function insertInBatches(database: Database, table: 'users' | 'clients' | 'projects' | 'providers' | 'assets' | 'asset_projects' | 'renewal_policies', count: number, row: (i: number) => Record<string, unknown>) {
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => row(start + k));
    await database.db.transaction().execute((trx) => database.dialect.insertMany(trx, table, rows));
  }
}

async function buildRegistry(database: Database): Promise<void> {
  const at = new Date(NOW.getTime() - 400 * DAY_MS).toISOString();
  const users = Array.from({ length: STAFF }, () => newId('user'));
  const clients = Array.from({ length: CLIENTS }, () => newId('client'));
  const projects = clients.map(() => newId('project'));
  const providers = Array.from({ length: 50 }, () => newId('provider'));
  await insertInBatches(database, 'users', STAFF, (i) => ({
    id: users[i], email: `staff${i}@agency.test`, name: `Staff ${i}`, password_hash: null, role: 'manager', client_id: null,
    locale: 'en', time_zone: ZONES[i % ZONES.length], created_at: at, updated_at: at, disabled_at: null,
  }));
  await insertInBatches(database, 'clients', CLIENTS, (i) => ({ id: clients[i], name: `Client ${i}`, contacts: '[]', locale: 'en', currency: 'EUR', notes: '', created_at: at, updated_at: at, archived_at: null }));
  // Two projects in three have a manager.
  await insertInBatches(database, 'projects', CLIENTS, (i) => ({ id: projects[i], client_id: clients[i], name: 'Site', manager_id: i % 3 === 2 ? null : users[i % STAFF], notes: '', created_at: at, updated_at: at, archived_at: null }));
  await insertInBatches(database, 'providers', providers.length, (i) => ({ id: providers[i], name: `Provider ${i}`, kind: 'registrar', website: null, account_reference: null, notes: '', created_at: at, updated_at: at }));
  const assetIds: string[] = new Array(ASSETS);
  await insertInBatches(database, 'assets', ASSETS, (i) => {
    const id = (assetIds[i] = newId('asset'));
    const status = rand() < 0.05 ? 'cancelled' : 'active';
    const expires = new Date(NOW.getTime() + Math.floor(rand() * 730 - 365) * DAY_MS).toISOString().slice(0, 10);
    const identifier = `site-${i}.client${i % CLIENTS}.example`;
    return {
      id, client_id: clients[i % CLIENTS], kind: KINDS[i % KINDS.length], name: identifier, identifier, provider_id: providers[i % providers.length],
      status, expires_on: expires, billing_cycle: 'yearly', cycle_months: null, currency: 'EUR', cost_amount: null, renewal_amount: Math.floor(rand() * 30000),
      yearly_cost: 0, auto_renew: rand() < 0.7 ? 1 : 0, owner_id: rand() < 0.5 ? users[i % STAFF] : null, notes: '', tags: '[]', custom_fields: '{}', secrets: '{}',
      search_text: identifier, created_at: at, updated_at: at, retired_at: null,
    };
  });
  // Half of the assets belong to their client's project.
  await insertInBatches(database, 'asset_projects', Math.floor(ASSETS / 2), (k) => ({ asset_id: assetIds[k * 2], project_id: projects[(k * 2) % CLIENTS] }));
  // A few clients with reminders of their own, and licences with a notice period.
  const overrides = Math.min(100, CLIENTS);
  await insertInBatches(database, 'renewal_policies', overrides + 1, (i) =>
    i < overrides
      ? { id: newId('renewalPolicy'), scope: 'client', target: clients[i * Math.floor(CLIENTS / overrides)], settings: JSON.stringify({ reminderOffsets: [45, 10, 1] }), created_at: at, updated_at: at }
      : { id: newId('renewalPolicy'), scope: 'kind', target: 'licence', settings: JSON.stringify({ cancellationNoticeDays: 30, cancellationReminderOffsets: [14, 1] }), created_at: at, updated_at: at },
  );
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-sweep-bench-'));
  const database = await openDatabase({ dataDir: dir, sqliteFile: 'bench.db' });
  await migrateToLatest(database);
  const clock = { now: NOW };
  const deps: Deps = { config: loadConfig({ UPKEEP_DATA_DIR: dir }), logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => clock.now };
  console.log(`Upkeep renewal sweep benchmark — ${ASSETS.toLocaleString('en')} assets, ${CLIENTS.toLocaleString('en')} clients, SQLite, ${os.cpus().length} cores, node ${process.version}`);
  const setup = performance.now();
  await buildRegistry(database);
  console.log(`registry built in ${((performance.now() - setup) / 1000).toFixed(1)} s\n`);

  const memory = memoryWatch();
  const runs: [string, Date][] = [
    ['first sweep', NOW],
    ['again a minute later', new Date(NOW.getTime() + 60_000)],
    ['a day later', new Date(NOW.getTime() + DAY_MS)],
  ];
  for (const [name, at] of runs) {
    clock.now = at;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    memory.reset();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const sweep = await runSweep(deps, at);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const peak = memory.peak();
    const c = sweep.counts!;
    console.log(`## ${name} (${at.toISOString()})`);
    console.log(`  time            ${seconds.toFixed(1)} s — ${Math.round(ASSETS / seconds).toLocaleString('en')} registry assets/s, ${Math.round(c.assets / seconds).toLocaleString('en')} window assets/s`);
    console.log(`  cpu             ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s; the machine is shared, so wall time varies)`);
    console.log(`  counts          ${JSON.stringify(c)}`);
    // RSS includes SQLite's page cache and memory-mapped file, filled while the registry was built.
    console.log(`  peak memory     rss ${mb(peak.rss)} (${mb(rssBefore)} before), heap ${mb(peak.heap)}`);
    if (name === 'again a minute later' && c.reminders !== 0) throw new Error(`The second sweep sent ${c.reminders} reminders: not idempotent.`);
  }
  await measureForecast(deps, memory);
  memory.stop();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The 12-month spend forecast over the same registry: every active asset's renewals, summed as they are read. */
async function measureForecast(deps: Deps, memory: ReturnType<typeof memoryWatch>): Promise<void> {
  global.gc?.();
  memory.reset();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const view = await forecast(deps, {}, 12);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  console.log('## 12-month forecast, all clients');
  console.log(`  time            ${seconds.toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ${view.renewals.toLocaleString('en')} renewals, ${view.unpriced.count.toLocaleString('en')} unpriced, heap peak ${mb(memory.peak().heap)}`);
}

await main();

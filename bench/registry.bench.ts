/**
 * Registry benchmark: import 1,000,000 assets across 10,000 clients through the real import
 * pipeline, then time the list queries people run most, on SQLite and on PostgreSQL.
 *
 *   npm run bench:registry                    both databases, 1,000,000 assets
 *   BENCH_ASSETS=100000 npm run bench:registry   a quicker run
 *   BENCH_DATABASES=sqlite npm run bench:registry
 *
 * Each query is timed against a baseline measured in the same run (`select 1` on the same
 * connection), because timings on a shared machine are noisy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { CLI_ACTOR } from '../src/accounts/model.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Deps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/logger.ts';
import { listAssets } from '../src/registry/assets.service.ts';
import type { AssetFilter } from '../src/registry/assets.store.ts';
import { decodeFile, readCsv } from '../src/registry/import/file.ts';
import { commitImport, commitTable, uploadImport } from '../src/registry/import/service.ts';
import { generateRegistryCsv, SEARCH_WORDS as WORDS } from './registry-data.ts';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? Math.max(1, Math.round(ASSETS / 100)));
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SAMPLES = 300;
const NOW = new Date('2026-11-21T09:00:00Z');

function nthNewline(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf('\n', at + 1);
  return at === -1 ? text.length : at;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(samples: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await run(i); // warm the caches and the JIT
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p99: percentile(durations, 99) };
}

async function openBenchDatabase(kind: string, dir: string): Promise<Database> {
  if (kind === 'sqlite') return openDatabase({ dataDir: dir, sqliteFile: 'bench.db' });
  const admin = new pg.Client(PG_ADMIN_URL);
  await admin.connect();
  await admin.query('drop database if exists upkeep_bench');
  await admin.query('create database upkeep_bench');
  await admin.end();
  return openDatabase({ dataDir: dir, databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, '/upkeep_bench') });
}

async function benchOne(kind: string, csv: string): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-bench-'));
  const database = await openBenchDatabase(kind, dir);
  await migrateToLatest(database);
  const deps: Deps = {
    config: loadConfig({ UPKEEP_DATA_DIR: dir }),
    logger: createLogger('silent'),
    database,
    secrets: createSecretBox(Buffer.alloc(32, 1)),
    now: () => NOW,
  };
  const ctx = { actor: CLI_ACTOR, requestId: 'bench' };

  // The command-line path (`upkeep import --commit`): decode, parse, plan, apply in one transaction.
  const importStart = performance.now();
  const table = readCsv(decodeFile(Buffer.from(csv)), ASSETS + 1);
  const report = await commitTable(deps, ctx, 'imp_bench', table, { defaults: { providerKind: 'host' } });
  const importSeconds = (performance.now() - importStart) / 1000;
  if (report.summary.create !== ASSETS) throw new Error(`expected ${ASSETS} creates, got ${JSON.stringify(report.summary)}`);
  // The browser's path on a further 100,000 rows: upload (the file is kept, encrypted), then commit.
  const apiRows = Math.min(100_000, ASSETS);
  const apiCsv = csv.slice(0, nthNewline(csv, apiRows + 1)).replaceAll('.example,', '.example.org,');
  const apiStart = performance.now();
  const upload = await uploadImport(deps, ctx, { fileName: 'more.csv', bytes: Buffer.from(apiCsv) });
  await commitImport(deps, ctx, upload.id, { defaults: { providerKind: 'host' } });
  const apiSeconds = (performance.now() - apiStart) / 1000;
  if (kind === 'postgres') await sql`analyze`.execute(database.db);

  const clients = await database.db.selectFrom('clients').select('id').execute();
  const page = (filter: Partial<AssetFilter>) => listAssets(deps, CLI_ACTOR, { sort: 'expiresOn', direction: 'asc', limit: 50, ...filter });
  const baseline = await time(SAMPLES, () => sql`select 1`.execute(database.db));
  const oneClient = await time(SAMPLES, (i) => page({ clientId: clients[(i * 7919) % clients.length]!.id, expiresWithinDays: 30 }));
  const allClients = await time(SAMPLES, () => page({ expiresWithinDays: 30 }));
  const search = await time(SAMPLES, (i) => page({ q: `${WORDS[i % WORDS.length]}-${(i * 104729) % ASSETS}`, sort: 'name' }));
  const searchCommon = await time(50, (i) => page({ q: WORDS[i % WORDS.length], sort: 'name', clientId: clients[i % clients.length]!.id }));

  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ms = (t: { p50: number; p99: number }) => `p50 ${t.p50.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms`;
  return {
    database: kind,
    'import rate (command line)': `${Math.round(ASSETS / importSeconds).toLocaleString('en')} rows/s (${ASSETS.toLocaleString('en')} rows in ${importSeconds.toFixed(1)} s)`,
    'import rate (upload + commit, into the full registry)': `${Math.round(apiRows / apiSeconds).toLocaleString('en')} rows/s (${apiRows.toLocaleString('en')} rows in ${apiSeconds.toFixed(1)} s)`,
    'baseline select 1': ms(baseline),
    'renewing in 30 days, one client': ms(oneClient),
    'renewing in 30 days, all clients (first page)': ms(allClients),
    'text search (one asset)': ms(search),
    'text search (common word, one client)': ms(searchCommon),
  };
}

console.log(`Upkeep registry benchmark — ${ASSETS.toLocaleString('en')} assets, ${CLIENTS.toLocaleString('en')} clients, ${os.cpus().length} cores, node ${process.version}`);
const csv = generateRegistryCsv(ASSETS, CLIENTS, NOW);
console.log(`generated CSV: ${(csv.length / 1e6).toFixed(0)} MB`);
for (const kind of DATABASES) {
  const figures = await benchOne(kind.trim(), csv);
  console.log(`\n## ${figures.database}`);
  for (const [name, value] of Object.entries(figures)) if (name !== 'database') console.log(`${name.padEnd(48)} ${value}`);
}

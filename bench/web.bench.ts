/**
 * The web app with a large registry: how long the dashboard and the first page of the asset
 * table take to show in Chromium with 1,000,000 assets (SQLite), and what the browser downloads.
 *
 *   npm run bench:web                       1,000,000 assets
 *   BENCH_ASSETS=100000 npm run bench:web   quicker
 *
 * Baseline in the same run: the same pages on an empty registry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { CLI_ACTOR } from '../src/accounts/model.ts';
import { createUser } from '../src/accounts/service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Deps } from '../src/platform/deps.ts';
import { WEB_DIST } from '../src/platform/http/static.ts';
import { createLogger } from '../src/platform/logger.ts';
import { decodeFile, readCsv } from '../src/registry/import/file.ts';
import { commitTable } from '../src/registry/import/service.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { generateRegistryCsv } from './registry-data.ts';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 1_000_000);
const RUNS = 7;

async function registry(assets: number): Promise<{ deps: Deps; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-web-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const deps: Deps = { config: loadConfig({ UPKEEP_DATA_DIR: dir, UPKEEP_LOG_LEVEL: 'silent' }), logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 3)), now: () => new Date() };
  const ctx = { actor: CLI_ACTOR, requestId: 'bench' };
  if (assets > 0) {
    const csv = generateRegistryCsv(assets, Math.max(1, Math.round(assets / 100)), new Date());
    await commitTable(deps, ctx, 'imp_bench', readCsv(decodeFile(Buffer.from(csv)), assets + 1), { defaults: { providerKind: 'host' } });
  }
  await createUser(deps, ctx, { email: 'owner@bench.test', name: 'Owner', role: 'owner', password: 'correct horse battery' });
  return { deps, dir };
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted[sorted.length - 1]!.toFixed(0)} ms`;
}

async function measure(assets: number): Promise<Record<string, string>> {
  const { deps, dir } = await registry(assets);
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill('owner@bench.test');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
  const dashboard: number[] = [];
  const table: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    await page.goto(`${url}/`);
    await page.getByRole('heading', { name: 'Renewals in the next 12 months' }).waitFor();
    dashboard.push(performance.now() - start);
    start = performance.now();
    await page.goto(`${url}/assets`);
    await page.locator('tbody tr, p.empty').first().waitFor();
    table.push(performance.now() - start);
  }
  await browser.close();
  await app.close();
  await deps.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { dashboard: summary(dashboard), 'asset table, first page': summary(table) };
}

function shippedJavaScript(): string {
  const dir = path.join(WEB_DIST, 'static');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const raw = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  const gzip = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
  return `${(gzip / 1024).toFixed(0)} kB gzipped (${(raw / 1024).toFixed(0)} kB raw, ${files.length} file${files.length === 1 ? '' : 's'})`;
}

console.log(`Upkeep web benchmark — Chromium, SQLite, ${os.cpus().length} cores, node ${process.version}`);
console.log(`JavaScript for the first page: ${shippedJavaScript()}`);
for (const assets of [0, ASSETS]) {
  const figures = await measure(assets);
  console.log(`\n## ${assets.toLocaleString('en')} assets`);
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(28)} ${value}`);
}

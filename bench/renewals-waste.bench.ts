/**
 * Waste audit benchmark: 100,000 assets (mostly domains, some hosting, licences and
 * subscriptions) on SQLite, a local DNS server (dns2) answering a mix of records, no records and
 * NXDOMAIN, and a local web server serving normal and parked pages; then one whole audit.
 *
 *   npm run bench:renewals-waste
 *   BENCH_ASSETS=20000 BENCH_CONCURRENCY=16 npm run bench:renewals-waste
 *
 * Prints the total time, assets per second, the most DNS queries the server saw in flight at once
 * (it answers after a short delay, so overlapping queries show; it must stay within the audit's
 * concurrency) and the peak RSS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { NewRow } from '../src/platform/db/schema.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';
import { runAudit } from '../src/renewals/waste.audit.ts';
import * as store from '../src/renewals/waste.store.ts';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const NOW = new Date('2026-11-21T09:00:00Z');

async function seed(database: Database): Promise<void> {
  const db = database.db;
  const at = NOW.toISOString();
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({ id: newId('client'), name: `Client ${i}`, contacts: '[]', locale: 'en', currency: 'EUR', notes: '', created_at: at, updated_at: at, archived_at: null }));
  for (let i = 0; i < clients.length; i += 200) await db.insertInto('clients').values(clients.slice(i, i + 200)).execute();
  const projects = clients.map((c, i) => ({ id: newId('project'), client_id: c.id, name: 'Site', manager_id: null, notes: '', created_at: at, updated_at: at, archived_at: i % 4 === 0 ? at : null }));
  for (let i = 0; i < projects.length; i += 200) await db.insertInto('projects').values(projects.slice(i, i + 200)).execute();
  await db.transaction().execute(async (trx) => {
    let batch: NewRow<'assets'>[] = [];
    let links: { asset_id: string; project_id: string }[] = [];
    for (let n = 0; n < ASSETS; n++) {
      const c = n % CLIENTS;
      const r = n % 100;
      const kind = r < 90 ? 'domain' : r < 95 ? 'hosting' : r < 98 ? 'licence' : 'subscription';
      // Every 500th domain is recorded twice: the second with a trailing dot.
      const identifier = kind === 'domain' ? `d${n % 500 === 1 ? n - 1 : n}.c${c}.bench.test${n % 500 === 1 ? '.' : ''}` : kind === 'hosting' ? (n % 2 ? `host${n}.bench.test` : `10.9.${(n >> 8) & 255}.${n & 255}`) : `${kind} ${n}`;
      const id = newId('asset');
      batch.push({
        id, client_id: clients[c]!.id, kind, name: identifier, identifier, provider_id: null, status: 'active', expires_on: '2027-06-01', billing_cycle: 'yearly', cycle_months: null,
        currency: 'EUR', cost_amount: 1000 + (n % 9000), renewal_amount: null, yearly_cost: 1000 + (n % 9000), auto_renew: n % 3 === 0 ? 1 : 0, owner_id: null, notes: '',
        tags: '[]', custom_fields: '{}', secrets: '{}', search_text: identifier, created_at: at, updated_at: at, retired_at: null,
      });
      if (kind !== 'domain') links.push({ asset_id: id, project_id: projects[c]!.id });
      if (batch.length === 500) {
        await trx.insertInto('assets').values(batch).execute();
        batch = [];
      }
      if (links.length === 500) {
        await trx.insertInto('asset_projects').values(links).execute();
        links = [];
      }
    }
    if (batch.length) await trx.insertInto('assets').values(batch).execute();
    if (links.length) await trx.insertInto('asset_projects').values(links).execute();
  });
}

async function peerStats(peers: ChildProcess): Promise<{ queries: number; peak: number; resent: number; hits: number }> {
  const answer = once(peers, 'message');
  peers.send({ stats: true });
  return ((await answer) as [{ queries: number; peak: number; resent: number; hits: number }])[0];
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-waste-bench-'));
  const database = await openDatabase({ dataDir, sqliteFile: 'bench.db' });
  await migrateToLatest(database);
  // The DNS and web servers run in a child process: the audit's process is the one measured.
  const peers = fork(path.join(import.meta.dirname, 'renewals-waste-peers.ts'), { execArgv: ['--import', 'tsx'] });
  const [where] = (await once(peers, 'message')) as [{ dnsAddress: string; webPort: number }];
  const dns = { address: where.dnsAddress };
  const web = { port: where.webPort };
  try {
    let started = performance.now();
    await seed(database);
    console.log(`seeded ${ASSETS.toLocaleString('en')} assets over ${CLIENTS} clients in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const rssBefore = Math.round(process.resourceUsage().maxRSS / 1024);
    const config = loadConfig({ UPKEEP_DATA_DIR: dataDir, UPKEEP_LOG_LEVEL: 'silent', UPKEEP_DNS_SERVERS: dns.address, UPKEEP_WASTE_AUDIT_CONCURRENCY: String(CONCURRENCY) });
    const deps: Deps = { config, logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => NOW };
    const auditId = newId('wasteAudit');
    await store.insertAudit(database.db, { id: auditId, state: 'running', client_id: null, started_by: null, started_at: NOW.toISOString() });
    started = performance.now();
    // Peak heap in use while the audit runs, sampled: RSS alone mostly shows how lazily the GC gives memory back.
    let peakHeap = 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 250);
    const counts = await runAudit(deps, { id: auditId, clientId: null }, { dnsServers: config.dnsServers, httpPort: web.port, concurrency: CONCURRENCY, timeoutMs: 5_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stats = await peerStats(peers);
    const findings = await database.db.selectFrom('waste_findings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`audit: ${counts.assets.toLocaleString('en')} assets in ${seconds.toFixed(1)} s = ${Math.round(counts.assets / seconds).toLocaleString('en')} assets/s`);
    console.log(`  flagged ${counts.flagged.toLocaleString('en')}, unknown ${counts.unknown.toLocaleString('en')}, findings written ${Number(findings.n).toLocaleString('en')}`);
    console.log(`  DNS queries ${stats.queries.toLocaleString('en')}, peak questions in flight at the server ${stats.peak} (concurrency ${CONCURRENCY}), resent by the resolver after a slow answer ${stats.resent}; page fetches ${stats.hits.toLocaleString('en')}`);
    console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (${rssBefore} MiB after seeding, before the audit); peak heap used during the audit ${Math.round(peakHeap / 1048576)} MiB`);
    if (stats.peak > CONCURRENCY) throw new Error(`the DNS server saw ${stats.peak} queries at once, more than the concurrency ${CONCURRENCY}`);
  } finally {
    peers.disconnect();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

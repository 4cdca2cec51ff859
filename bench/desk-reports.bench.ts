/**
 * Monthly SLA reports benchmark: 1,000 clients with plans (support hours in four time zones),
 * 10,000 site monitors with state intervals over the month (a few changes of state each) and
 * maintenance windows (one-off per client, weekly per monitor for a tenth of them), about 25,000
 * incidents and 100,000 tickets with their status histories; then every client's report for
 * the month.
 *
 *   npm run bench:desk-reports                              SQLite
 *   DATABASE_URL=postgres://… npm run bench:desk-reports    PostgreSQL (in a schema of its own, dropped after)
 *   BENCH_CLIENTS=100 npm run bench:desk-reports            a quicker run (monitors and tickets scale with it)
 *
 * Timed: the agency's overview of the month (every client's report, built in rounds of 100
 * clients), and the same reports asked for one client at a time, as the monthly e-mail job and
 * the report page do. Target: all 1,000 monthly reports in under 60 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { systemActor } from '../src/accounts/model.ts';
import { weeklyCalendar, type BusinessCalendar } from '../src/desk/calendar.model.ts';
import { DEFAULT_SLA_PLAN, type Severity } from '../src/desk/plan.model.ts';
import { monthlyReport, monthOverview } from '../src/desk/reports.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secrets.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Schema } from '../src/platform/db/schema.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { createLogger } from '../src/platform/logger.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const MONITORS_PER_CLIENT = 10;
const TICKETS_PER_CLIENT = 100;
const MONTH = '2026-10';
const MONTH_START = Date.parse('2026-09-30T00:00:00Z');
const MONTH_MS = 32 * 86_400_000;
const NOW = new Date('2026-11-21T09:00:00Z');
const ZONES = ['Europe/Stockholm', 'America/New_York', 'UTC', 'Asia/Tokyo'];
const SEVERITY_MIX: Severity[] = ['critical', 'high', 'high', 'high', 'medium', 'medium', 'medium', 'medium', 'low', 'low'];
const BATCH = 5_000;
const MIN = 60_000;

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const iso = (ms: number) => new Date(ms).toISOString();

function memoryWatch() {
  let heap = 0;
  const sample = () => (heap = Math.max(heap, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 20);
  return {
    reset: () => ((heap = 0), sample()),
    peak: () => (sample(), heap),
    stop: () => clearInterval(timer),
  };
}

async function insert(database: Database, table: keyof Schema & string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await database.db.transaction().execute((trx) => database.dialect.insertMany(trx, table, part));
  }
}

function supportHours(zone: string): BusinessCalendar {
  const hours = weeklyCalendar(zone, ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]);
  return zone === 'Europe/Stockholm' ? { ...hours, publicHolidays: { country: 'SE', region: null } } : hours;
}

function monitorRow(id: string, clientId: string, i: number, at: string) {
  return {
    id, name: `Site ${i}`, kind: 'http', config: JSON.stringify({ url: `https://site-${i}.example/` }), secret_config: null, interval_seconds: 60, timeout_ms: 10_000,
    client_id: clientId, project_id: null, asset_id: null, parent_id: null, failure_threshold: 2, recovery_threshold: 2, locations: '["main"]', quorum: 1, state: 'up', flapping: 0,
    state_changed_at: at, paused_at: null, last_checked_at: null, last_ok: null, last_message: null, last_response_ms: null, check_requested_at: null, ping_key_hash: null, shard: i % 64,
    created_at: at, updated_at: at,
  };
}

/** Up, then two or three outages of a minute to half an hour each, spread over the month. */
function stateRows(monitorId: string): { intervals: Record<string, unknown>[]; outages: [number, number][] } {
  const intervals: Record<string, unknown>[] = [];
  const outages: [number, number][] = [];
  let at = MONTH_START - 5 * 86_400_000;
  const count = 2 + Math.floor(rand() * 2);
  for (let k = 0; k < count; k++) {
    const downAt = MONTH_START + ((k + rand()) * MONTH_MS) / count;
    const upAt = downAt + Math.ceil(rand() * 30) * MIN;
    intervals.push({ monitor_id: monitorId, started_at: iso(at), ended_at: iso(downAt), state: 'up' }, { monitor_id: monitorId, started_at: iso(downAt), ended_at: iso(upAt), state: 'down' });
    outages.push([downAt, upAt]);
    at = upAt;
  }
  intervals.push({ monitor_id: monitorId, started_at: iso(at), ended_at: null, state: 'up' });
  return { intervals, outages };
}

/** A ticket opened in the month, answered after 5 min to 5 h, resolved after a day or so (most), a tenth waiting on the client a while. */
function ticketRows(clientId: string, planId: string, slaTerms: string, at0: string) {
  const id = newId('ticket');
  const created = MONTH_START + 86_400_000 + rand() * 29 * 86_400_000;
  const answered = created + (5 + rand() * 295) * MIN;
  const resolved = rand() < 0.7 ? answered + rand() * 30 * 60 * MIN : null;
  const events: Record<string, unknown>[] = [
    { id: newId('ticketEvent'), ticket_id: id, kind: 'status', from_value: null, to_value: 'new', actor_id: null, at: iso(created) },
    { id: newId('ticketEvent'), ticket_id: id, kind: 'status', from_value: 'new', to_value: 'open', actor_id: null, at: iso(answered) },
  ];
  if (rand() < 0.1) {
    events.push(
      { id: newId('ticketEvent'), ticket_id: id, kind: 'status', from_value: 'open', to_value: 'waiting', actor_id: null, at: iso(answered + 10 * MIN) },
      { id: newId('ticketEvent'), ticket_id: id, kind: 'status', from_value: 'waiting', to_value: 'open', actor_id: null, at: iso(answered + 70 * MIN) },
    );
  }
  if (resolved !== null) events.push({ id: newId('ticketEvent'), ticket_id: id, kind: 'status', from_value: 'open', to_value: 'resolved', actor_id: null, at: iso(Math.max(resolved, answered + 80 * MIN)) });
  const ticket = {
    id, client_id: clientId, title: 'Something is off', severity: SEVERITY_MIX[Math.floor(rand() * SEVERITY_MIX.length)], status: resolved ? 'resolved' : 'open', assignee_id: null,
    source: 'api', incident_id: null, created_by: null, plan_id: planId, sla_terms: slaTerms, first_response_at: iso(answered), resolved_at: resolved ? iso(resolved) : null, closed_at: null,
    first_response_due_at: null, first_response_warning_at: null, resolution_due_at: null, resolution_warning_at: null, next_due_at: null,
    first_response_warned_at: null, first_response_breached_at: null, resolution_warned_at: null, resolution_breached_at: null, created_at: iso(created), updated_at: at0,
  };
  return { ticket, events };
}

async function seedDesk(database: Database): Promise<void> {
  const at = iso(MONTH_START - 60 * 86_400_000);
  const calendars = ZONES.map((zone) => ({ id: newId('businessCalendar'), zone, hours: supportHours(zone) }));
  await insert(database, 'business_calendars', calendars.map((c) => ({ id: c.id, name: `Support hours ${c.zone}`, definition: JSON.stringify(c.hours), created_at: at, updated_at: at })));
  const { supportHours: _hours, name: _name, ...terms } = DEFAULT_SLA_PLAN;
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({ id: newId('client'), i, plan: newId('slaPlan'), calendar: calendars[i % calendars.length]! }));
  await insert(database, 'clients', clients.map((c) => ({ id: c.id, name: `Client ${String(c.i).padStart(5, '0')}`, contacts: '[]', locale: 'en', currency: 'EUR', notes: '', created_at: at, updated_at: at, archived_at: null })));
  await insert(
    database,
    'sla_plans',
    clients.map((c) => ({ id: c.plan, name: 'Gold', client_id: c.id, is_default: 0, calendar_id: c.calendar.id, definition: JSON.stringify({ ...terms, monthlyFee: { amount: 50_000, currency: 'EUR' }, monthlyReport: c.i % 2 === 0 }), created_at: at, updated_at: at })),
  );
  const monitors: Record<string, unknown>[] = [];
  const intervals: Record<string, unknown>[] = [];
  const incidents: Record<string, unknown>[] = [];
  const windows: Record<string, unknown>[] = [];
  for (const c of clients) {
    windows.push({ id: newId('maintenance'), title: 'Server upgrade', scope_type: 'client', scope_id: c.id, starts_at: iso(MONTH_START + 10 * 86_400_000), ends_at: iso(MONTH_START + 10 * 86_400_000 + 90 * MIN), recurrence: null, created_by: null, created_at: at, updated_at: at });
    for (let k = 0; k < MONITORS_PER_CLIENT; k++) {
      const id = newId('monitor');
      monitors.push(monitorRow(id, c.id, c.i * MONITORS_PER_CLIENT + k, at));
      const states = stateRows(id);
      intervals.push(...states.intervals);
      for (const [from, to] of states.outages) {
        incidents.push({
          id: newId('incident'), monitor_id: id, client_id: c.id, project_id: null, parent_incident_id: null, state: 'resolved', flapping: 0, in_maintenance: 0, cause: 'HTTP 503',
          root_cause: null, started_at: iso(from), confirmed_at: iso(from), notified_at: null, acknowledged_at: null, acknowledged_by: null, resolved_at: iso(to), updated_at: iso(to),
        });
      }
      if (k === 0) {
        const recurrence = { weekdays: [7], start: '03:00', minutes: 60, timeZone: c.calendar.zone, until: null };
        windows.push({ id: newId('maintenance'), title: 'Weekly backup', scope_type: 'monitor', scope_id: id, starts_at: at, ends_at: at, recurrence: JSON.stringify(recurrence), created_by: null, created_at: at, updated_at: at });
      }
    }
  }
  await insert(database, 'monitors', monitors);
  await insert(database, 'monitor_state_intervals', intervals);
  await insert(database, 'incidents', incidents);
  await insert(database, 'maintenance_windows', windows);
  console.log(`  ${monitors.length.toLocaleString('en')} monitors, ${intervals.length.toLocaleString('en')} state intervals, ${incidents.length.toLocaleString('en')} incidents, ${windows.length.toLocaleString('en')} maintenance windows`);

  let ticketCount = 0;
  let eventCount = 0;
  for (let start = 0; start < clients.length; start += 100) {
    const tickets: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (const c of clients.slice(start, start + 100)) {
      const slaTerms = JSON.stringify({ severities: terms.severities, supportHours: c.calendar.hours });
      for (let k = 0; k < TICKETS_PER_CLIENT; k++) {
        const rows = ticketRows(c.id, c.plan, slaTerms, at);
        tickets.push(rows.ticket);
        events.push(...rows.events);
      }
    }
    await insert(database, 'tickets', tickets);
    await insert(database, 'ticket_events', events);
    ticketCount += tickets.length;
    eventCount += events.length;
  }
  console.log(`  ${ticketCount.toLocaleString('en')} tickets, ${eventCount.toLocaleString('en')} status events`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-desk-reports-bench-'));
  const databaseUrl = process.env.DATABASE_URL;
  // On PostgreSQL, a schema of its own, dropped at the end: the database's own tables are never touched.
  const pgSchema = databaseUrl ? `upkeep_bench_${Date.now()}` : undefined;
  if (pgSchema) await adminQuery(databaseUrl!, `create schema ${pgSchema}`);
  const database = await openDatabase({ databaseUrl, dataDir: dir, sqliteFile: 'bench.db', pgSchema });
  await migrateToLatest(database);
  const deps: Deps = { config: loadConfig({ UPKEEP_DATA_DIR: dir }), logger: createLogger('silent'), database, secrets: createSecretBox(Buffer.alloc(32, 1)), now: () => NOW };
  const engine = databaseUrl ? 'PostgreSQL' : 'SQLite';
  console.log(`Upkeep monthly SLA reports benchmark — ${CLIENTS.toLocaleString('en')} clients, ${engine}, ${os.cpus().length} cores, node ${process.version}`);
  const setup = performance.now();
  await seedDesk(database);
  // As autovacuum would soon after a bulk load: without statistics the planner scans whole tables.
  if (databaseUrl) await sql`analyze`.execute(database.db);
  console.log(`seeded in ${((performance.now() - setup) / 1000).toFixed(1)} s\n`);

  const actor = systemActor('bench');
  const memory = memoryWatch();
  global.gc?.();
  memory.reset();
  let start = performance.now();
  let cpu = process.cpuUsage();
  const overview = await monthOverview(deps, actor, MONTH);
  let seconds = (performance.now() - start) / 1000;
  let used = process.cpuUsage(cpu);
  const credited = overview.items.filter((i) => (i.credit?.amount ?? 0) > 0).length;
  const ticketTotal = overview.items.reduce((sum, i) => sum + i.tickets, 0);
  console.log(`## overview of ${MONTH}: every client's report in rounds of 100`);
  console.log(`  time            ${seconds.toFixed(1)} s, ${((seconds * 1000) / overview.items.length).toFixed(1)} ms per report (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s)`);
  console.log(`  reports         ${overview.items.length.toLocaleString('en')}, ${ticketTotal.toLocaleString('en')} tickets counted, ${credited} with a credit`);
  console.log(`  heap peak       ${mb(memory.peak())}`);

  global.gc?.();
  memory.reset();
  start = performance.now();
  cpu = process.cpuUsage();
  let sites = 0;
  for (const item of overview.items) sites += (await monthlyReport(deps, actor, item.clientId, MONTH)).uptime.sites.length;
  seconds = (performance.now() - start) / 1000;
  used = process.cpuUsage(cpu);
  console.log(`## the same ${overview.items.length.toLocaleString('en')} reports, one client at a time (the page, the e-mail job)`);
  console.log(`  time            ${seconds.toFixed(1)} s, ${((seconds * 1000) / overview.items.length).toFixed(1)} ms per report (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s), ${sites.toLocaleString('en')} sites`);
  console.log(`  heap peak       ${mb(memory.peak())}`);
  memory.stop();
  await database.close();
  if (pgSchema) await adminQuery(databaseUrl!, `drop schema ${pgSchema} cascade`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

await main();

import os from 'node:os';
import { createClient } from '../../../src/registry/parties.service.ts';
import { CLI_ACTOR } from '../../../src/accounts/model.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { createSecretBox } from '../../../src/platform/crypto/secrets.ts';
import type { Deps } from '../../../src/platform/deps.ts';
import { newId } from '../../../src/platform/ids.ts';
import { createLogger } from '../../../src/platform/logger.ts';
import { MonitorEngine, type EngineOptions } from '../../../src/monitoring/engine/index.ts';
import { shardOf } from '../../../src/monitoring/schedule.model.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

/** A database, deps with a clock the test moves, and the engines the test started. */
export interface EngineTest {
  db: TestDatabase;
  deps: Deps;
  clock: { now: Date };
  advance(ms: number): Date;
  engine(options?: Partial<EngineOptions>): Promise<MonitorEngine>;
  close(): Promise<void>;
}

/** `realTime`: the deps' clock is the wall clock (for tests of the timetable itself). */
export async function engineTest(options: { realTime?: boolean } = {}): Promise<EngineTest> {
  const db = await createTestDatabase();
  const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
  const deps: Deps = {
    config: loadConfig({ UPKEEP_DATA_DIR: os.tmpdir(), UPKEEP_LOG_LEVEL: 'silent', UPKEEP_BLOCK_PRIVATE_TARGETS: 'false' }),
    logger: createLogger('silent'),
    database: db,
    secrets: createSecretBox(Buffer.alloc(32, 7)),
    now: options.realTime ? () => new Date() : () => clock.now,
  };
  const engines: MonitorEngine[] = [];
  return {
    db,
    deps,
    clock,
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
      return clock.now;
    },
    async engine(options = {}) {
      const engine = new MonitorEngine(deps, { location: 'main', workerId: `test-${engines.length}`, flushMs: 50, syncMs: 200, ...options });
      engines.push(engine);
      await engine.start();
      return engine;
    },
    async close() {
      for (const e of engines) await e.stop().catch(() => undefined);
      await db.drop();
    },
  };
}

export interface MonitorInput {
  kind?: string;
  config: Record<string, unknown>;
  name?: string;
  intervalSeconds?: number;
  timeoutMs?: number;
  failureThreshold?: number;
  recoveryThreshold?: number;
  parentId?: string | null;
  assetId?: string | null;
  clientId?: string | null;
  locations?: string[];
  quorum?: number;
}

/** A monitor row as the API would store it (the engine reads nothing else). */
export async function insertMonitor(t: EngineTest, input: MonitorInput): Promise<string> {
  const id = newId('monitor');
  const at = t.clock.now.toISOString();
  await t.db.db
    .insertInto('monitors')
    .values({
      id,
      name: input.name ?? `Monitor ${id.slice(-4)}`,
      kind: input.kind ?? 'http',
      config: JSON.stringify(input.config),
      secret_config: null,
      // A day: the test drives the checks with checkNow, the timetable stays out of the way.
      interval_seconds: input.intervalSeconds ?? 86_400,
      timeout_ms: input.timeoutMs ?? 2000,
      client_id: input.clientId ?? null,
      project_id: null,
      asset_id: input.assetId ?? null,
      parent_id: input.parentId ?? null,
      failure_threshold: input.failureThreshold ?? 2,
      recovery_threshold: input.recoveryThreshold ?? 2,
      locations: JSON.stringify(input.locations ?? ['main']),
      quorum: input.quorum ?? 1,
      state: 'pending',
      flapping: 0,
      state_changed_at: null,
      paused_at: null,
      last_checked_at: null,
      last_ok: null,
      last_message: null,
      last_response_ms: null,
      check_requested_at: null,
      ping_key_hash: null,
      shard: shardOf(id),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function createTestClient(t: EngineTest, name = 'Client A'): Promise<string> {
  return (await createClient(t.deps, { actor: CLI_ACTOR, requestId: null }, { name, currency: 'EUR' })).id;
}

export function httpConfig(url: string) {
  return { url, method: 'GET', headers: {}, body: null, expectedStatus: ['200-399'], keyword: null, keywordIsRegex: false, keywordAbsent: false, maxResponseMs: null, followRedirects: true, verifyTls: true, basicAuth: null };
}

/** Waits until `condition` holds, polling; fails after `ms`. */
export async function eventually<T>(condition: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

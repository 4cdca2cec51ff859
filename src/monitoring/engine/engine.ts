import type { Deps } from '../../platform/deps.ts';
import { createOutbound, type Outbound } from '../../platform/outbound/client.ts';
import * as store from '../engine.store.ts';
import { runProbe as realRunProbe, sharedRdapClient, type RdapClient } from '../probes/index.ts';
import type { ProbeContext } from '../probes/probe.ts';
import { judgeHeartbeat } from './heartbeat.ts';
import { DEFAULT_LEASE_TIMING, LeaseKeeper, type LeaseTiming } from './leases.ts';
import { toEngineMonitor } from './monitor.ts';
import { Recorder } from './recorder.ts';
import { Scheduler, type RunProbe } from './scheduler.ts';

/**
 * One worker's monitor engine: leases its share of the shards of its location, keeps those
 * monitors in memory (re-reading the ones changed, by `updated_at`, every few seconds), checks
 * them on schedule and records the results in batches. `upkeep start` runs one; `upkeep worker`
 * adds more, which share the shards through the database.
 */
export interface EngineOptions {
  location: string;
  workerId: string;
  concurrency?: number;
  lease?: LeaseTiming;
  /** How often changed monitors and "check now" requests are looked for. */
  syncMs?: number;
  /** How often buffered results are written. */
  flushMs?: number;
  /** How often the full list of owned monitors is compared, to drop deleted ones. */
  fullSyncMs?: number;
  runProbe?: RunProbe;
  outbound?: Outbound;
  rdap?: RdapClient;
  /** Certificates trusted instead of the system's CAs (an internal CA; a test's own). */
  ca?: readonly string[];
  /** Fetch IANA's RDAP bootstrap at start and daily (the CLI does; tests keep the shipped snapshot). */
  refreshRdapBootstrap?: boolean;
  /** Milliseconds for timing and leases: real time unless a test passes its own. */
  clock?: () => number;
}

// A monitor changed just before the last look may carry an updated_at a little older than the
// newest one seen (clocks of several writers, transactions committing late): look back this far.
const SYNC_OVERLAP_MS = 5_000;
const DAY_MS = 86_400_000;

export class MonitorEngine {
  readonly scheduler: Scheduler;
  readonly recorder: Recorder;
  readonly leases: LeaseKeeper;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly outbound: Outbound;
  private readonly ownOutbound: boolean;
  private readonly clock: () => number;
  private watermark = new Date(0).toISOString();
  private lastFullSync = 0;
  private lastSync = 0;
  private running = false;
  private busy: Promise<void> = Promise.resolve();
  private readonly rdap: RdapClient;

  constructor(
    private readonly deps: Deps,
    private readonly options: EngineOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.ownOutbound = !options.outbound;
    this.outbound =
      options.outbound ??
      createOutbound({ timeoutMs: deps.config.outboundTimeoutMs, blockPrivateAddresses: deps.config.blockPrivateTargets, userAgent: 'Upkeep monitor (+https://upkeep.example/monitoring)' });
    const rdap = options.rdap ?? sharedRdapClient();
    this.rdap = rdap;
    this.recorder = new Recorder(deps, options.location);
    this.leases = new LeaseKeeper(deps.database.db, options.workerId, options.location, options.lease ?? DEFAULT_LEASE_TIMING, deps.database.dialect.name === 'sqlite');
    const context = (signal: AbortSignal, timeoutMs: number): ProbeContext => ({
      signal,
      timeoutMs,
      now: deps.now,
      blockPrivateTargets: deps.config.blockPrivateTargets,
      outbound: this.outbound,
      rdap,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    this.scheduler = new Scheduler({
      concurrency: options.concurrency ?? deps.config.monitorConcurrency,
      recorder: this.recorder,
      runProbe: options.runProbe ?? (realRunProbe as RunProbe),
      judgeHeartbeat: (m) => judgeHeartbeat(deps.database.db, m, deps.now()),
      context,
      clock: this.clock,
    });
  }

  /** Takes the first leases, loads those monitors and starts checking. */
  async start(): Promise<void> {
    this.running = true;
    await this.keepLeases();
    this.scheduler.start();
    const every = (ms: number, work: () => Promise<void>) => {
      const timer = setInterval(() => void this.serial(work), ms);
      timer.unref?.();
      this.timers.push(timer);
    };
    every(this.options.lease?.renewMs ?? DEFAULT_LEASE_TIMING.renewMs, () => this.keepLeases());
    every(this.options.syncMs ?? 2000, () => this.sync());
    if (this.options.refreshRdapBootstrap) {
      void this.refreshBootstrap();
      every(DAY_MS, () => this.refreshBootstrap());
    }
    const flush = setInterval(() => void this.recorder.flush(), this.options.flushMs ?? 250);
    flush.unref?.();
    this.timers.push(flush);
  }

  /** A clean stop: no new checks, those running finish and are written, the shards are handed back. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    await this.busy;
    await this.scheduler.stop();
    await this.recorder.flush();
    await this.leases.release(new Date(this.clock())).catch((err) => this.deps.logger.warn({ err }, 'leases could not be handed back'));
    if (this.ownOutbound) await this.outbound.close();
  }

  /** Stops at once without writing or handing anything back, as a crash would (for tests). */
  async halt(): Promise<void> {
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    await this.scheduler.stop();
  }

  /** How many monitors this worker checks now. */
  get monitorCount(): number {
    const owned = this.leases.owned(this.clock());
    let n = 0;
    for (const m of this.scheduler.monitors.values()) if (owned.has(m.shard) && !m.paused) n++;
    return n;
  }

  /** Checks a monitor this worker holds now, and resolves when its result is written. */
  async checkNow(monitorId: string): Promise<void> {
    const before = this.scheduler.checks;
    this.scheduler.checkNow(monitorId, new Date(this.clock()).toISOString());
    while (this.scheduler.checks === before || this.scheduler.monitors.get(monitorId)?.running) await new Promise((r) => setTimeout(r, 5));
    await this.recorder.flush();
  }

  private serial(work: () => Promise<void>): Promise<void> {
    this.busy = this.busy.then(async () => {
      if (!this.running) return;
      try {
        await work();
      } catch (err) {
        this.deps.logger.error({ err }, 'monitor engine housekeeping failed');
      }
    });
    return this.busy;
  }

  private async refreshBootstrap(): Promise<void> {
    const outcome = await this.rdap.refreshBootstrap(this.outbound, this.deps.config.rdapBootstrapUrl);
    if (!outcome.refreshed) this.deps.logger.warn({ reason: outcome.reason }, 'the RDAP bootstrap could not be refreshed; keeping the one in use');
  }

  private runsHere(locations: string[], kind: string): boolean {
    return kind === 'heartbeat' ? locations[0] === this.options.location : locations.includes(this.options.location);
  }

  private async keepLeases(): Promise<void> {
    let tick;
    try {
      tick = await this.leases.tick(new Date(this.clock()), (shards) => this.busyShards(shards));
    } catch (err) {
      this.deps.logger.error({ err }, 'monitor leases could not be renewed');
      this.dropUnowned();
      return;
    }
    this.dropUnowned();
    if (tick.gained.length > 0) await this.load(await store.monitorsInShards(this.deps.database.db, tick.gained));
  }

  private busyShards(shards: number[]): Set<number> {
    const wanted = new Set(shards);
    const busy = new Set<number>();
    for (const m of this.scheduler.monitors.values()) if (wanted.has(m.shard) && m.running) busy.add(m.shard);
    // Stop booking checks in shards about to be handed back.
    for (const m of [...this.scheduler.monitors.values()]) if (wanted.has(m.shard) && !m.running) this.scheduler.remove(m.id);
    return busy;
  }

  private dropUnowned(): void {
    const owned = this.leases.owned(this.clock());
    for (const m of [...this.scheduler.monitors.values()]) if (!owned.has(m.shard)) this.scheduler.remove(m.id);
  }

  private async load(rows: store.MonitorRow[]): Promise<void> {
    const owned = this.leases.owned(this.clock());
    const mine = rows.filter((r) => owned.has(r.shard) && this.runsHere(JSON.parse(r.locations || '[]') as string[], r.kind));
    const missing = mine.filter((r) => r.series === null).map((r) => r.id);
    const series = missing.length > 0 ? await store.ensureSeries(this.deps.database.db, missing) : new Map<string, number>();
    const streaks = await store.locationStreaks(this.deps.database.db, mine.filter((r) => !this.scheduler.monitors.has(r.id)).map((r) => r.id));
    for (const row of mine) {
      if (row.updated_at > this.watermark) this.watermark = row.updated_at;
      const m = toEngineMonitor(row, row.series ?? series.get(row.id)!, this.deps.secrets);
      const previous = this.scheduler.monitors.get(row.id);
      const here = streaks.get(row.id)?.find((s) => s.location === this.options.location);
      if (here) m.streak = { ok: here.ok, count: here.streak, startedAt: here.streakStartedAt };
      if (m.paused && previous && !previous.paused) this.recorder.paused(m.id, row.paused_at!);
      this.scheduler.upsert(m);
      if (m.checkRequestedAt && !m.paused) this.scheduler.checkNow(m.id, m.checkRequestedAt);
    }
    // Monitors that no longer run here (their locations changed) leave the schedule.
    for (const row of rows) if (!mine.includes(row) && this.scheduler.monitors.has(row.id)) this.scheduler.remove(row.id);
  }

  private async sync(): Promise<void> {
    const db = this.deps.database.db;
    // Rows changed since the newest one seen, or since the last look, whichever is later: after a
    // bulk import all sharing one updated_at, they are not read again every time.
    const started = this.deps.now().getTime();
    const since = new Date(Math.max(Date.parse(this.watermark), this.lastSync) - SYNC_OVERLAP_MS).toISOString();
    this.lastSync = started;
    const rows = await store.monitorsChangedSince(db, since);
    for (const r of rows) if (r.updated_at > this.watermark) this.watermark = r.updated_at;
    const changed = rows.filter((r) => {
      const known = this.scheduler.monitors.get(r.id);
      return !known || known.updatedAt !== r.updated_at;
    });
    if (changed.length > 0) await this.load(changed);
    for (const r of await store.requestedChecks(db)) {
      const m = this.scheduler.monitors.get(r.id);
      if (m && m.checkRequestedAt !== r.check_requested_at) {
        m.checkRequestedAt = r.check_requested_at;
        this.scheduler.checkNow(r.id, r.check_requested_at);
      }
    }
    if (this.clock() - this.lastFullSync >= (this.options.fullSyncMs ?? 60_000)) await this.dropDeleted();
  }

  private async dropDeleted(): Promise<void> {
    this.lastFullSync = this.clock();
    const present = new Set(await store.monitorIdsInShards(this.deps.database.db, [...this.leases.owned(this.clock())]));
    for (const id of [...this.scheduler.monitors.keys()]) if (!present.has(id)) this.scheduler.remove(id);
  }
}

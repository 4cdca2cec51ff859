import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { desiredShards, SHARDS } from '../schedule.model.ts';

/**
 * Which shards (monitors.shard, 0..255) of its location this worker checks. Workers of a location
 * share the shards through the database: each tick a worker says it is alive, renews its leases,
 * hands back shards that now belong to a newer worker, and claims the free or expired shards that
 * belong to it. A worker that dies stops renewing; once its leases and its heartbeat are older
 * than the lease time, the others divide its shards among themselves.
 */
type Db = Kysely<Schema>;

export interface LeaseTiming {
  /** How long a lease holds without renewal; at most one default check interval. */
  leaseMs: number;
  /** How often leases are renewed: well before they run out. */
  renewMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = Object.freeze({ leaseMs: 30_000, renewMs: 10_000 });

export interface LeaseTick {
  /** Shards held after this tick, each until its lease end (epoch ms). */
  held: Map<number, number>;
  gained: number[];
  lost: number[];
}

export class LeaseKeeper {
  private held = new Map<number, number>();
  private prepared = false;

  constructor(
    private readonly db: Db,
    readonly workerId: string,
    readonly location: string,
    readonly timing: LeaseTiming,
    /** SQLite has one process: leases left by an earlier run of it are free at once. */
    private readonly sole = false,
  ) {}

  /** Shards this worker holds whose lease has not run out at `now`. */
  owned(now: number): Set<number> {
    const out = new Set<number>();
    for (const [shard, until] of this.held) if (until > now) out.add(shard);
    return out;
  }

  private async prepare(nowIso: string): Promise<void> {
    if (this.prepared) return;
    const epoch = new Date(0).toISOString();
    const rows = Array.from({ length: SHARDS }, (_, shard) => ({ location: this.location, shard, worker_id: null, lease_until: epoch }));
    await this.db.insertInto('monitor_leases').values(rows).onConflict((oc) => oc.columns(['location', 'shard']).doNothing()).execute();
    if (this.sole) {
      await this.db.updateTable('monitor_leases').set({ worker_id: null, lease_until: epoch }).where('location', '=', this.location).execute();
      await this.db.deleteFrom('monitor_workers').where('location', '=', this.location).execute();
    }
    await this.db
      .insertInto('monitor_workers')
      .values({ id: this.workerId, location: this.location, started_at: nowIso, heartbeat_at: nowIso })
      .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: nowIso }))
      .execute();
    this.prepared = true;
  }

  /**
   * One round of keeping leases. `busy(shards)` says which of the shards to hand back still have
   * checks running: those are handed back on a later tick, so no monitor is checked twice at once.
   */
  async tick(now: Date, busy: (shards: number[]) => Set<number> = () => new Set()): Promise<LeaseTick> {
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + this.timing.leaseMs).toISOString();
    await this.prepare(nowIso);
    await this.db.updateTable('monitor_workers').set({ heartbeat_at: nowIso }).where('id', '=', this.workerId).execute();
    const alive = await this.db
      .selectFrom('monitor_workers')
      .select('id')
      .where('location', '=', this.location)
      .where('heartbeat_at', '>', new Date(now.getTime() - this.timing.leaseMs).toISOString())
      .execute();
    const desired = desiredShards(alive.map((w) => w.id), this.workerId);
    const before = new Set(this.held.keys());
    const renewed = await this.db
      .updateTable('monitor_leases')
      .set({ lease_until: until })
      .where('location', '=', this.location)
      .where('worker_id', '=', this.workerId)
      .returning('shard')
      .execute();
    const kept = new Set(renewed.map((r) => r.shard));
    const surplus = [...kept].filter((s) => !desired.has(s));
    const stillBusy = busy(surplus);
    const handBack = surplus.filter((s) => !stillBusy.has(s));
    if (handBack.length > 0) {
      await this.db.updateTable('monitor_leases').set({ worker_id: null, lease_until: nowIso }).where('location', '=', this.location).where('worker_id', '=', this.workerId).where('shard', 'in', handBack).execute();
      for (const s of handBack) kept.delete(s);
    }
    const wanted = [...desired].filter((s) => !kept.has(s));
    if (wanted.length > 0) {
      const claimed = await this.db
        .updateTable('monitor_leases')
        .set({ worker_id: this.workerId, lease_until: until })
        .where('location', '=', this.location)
        .where('shard', 'in', wanted)
        .where((eb) => eb.or([eb('worker_id', 'is', null), eb('lease_until', '<', nowIso)]))
        .returning('shard')
        .execute();
      for (const r of claimed) kept.add(r.shard);
    }
    const untilMs = Date.parse(until);
    this.held = new Map([...kept].map((s) => [s, untilMs]));
    return { held: this.held, gained: [...kept].filter((s) => !before.has(s)), lost: [...before].filter((s) => !kept.has(s)) };
  }

  /** Hands every shard back at once and leaves the list of workers (a clean shutdown). */
  async release(now: Date): Promise<void> {
    const nowIso = now.toISOString();
    await this.db.updateTable('monitor_leases').set({ worker_id: null, lease_until: nowIso }).where('location', '=', this.location).where('worker_id', '=', this.workerId).execute();
    await this.db.deleteFrom('monitor_workers').where('id', '=', this.workerId).execute();
    this.held.clear();
  }
}

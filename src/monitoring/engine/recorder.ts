import type { Deps } from '../../platform/deps.ts';
import { hasSettled, verdict, type LocationStreak } from '../incidents.model.ts';
import type { ProbeResult } from '../probes/probe.ts';
import { toStoredResult, type StoredResult } from '../results.model.ts';
import * as store from '../engine.store.ts';
import { assetFacts, hasFacts, linkAsset, noticeExpiry } from './facts.ts';
import { thresholdsOf, type EngineMonitor } from './monitor.ts';
import { applyStateChange, settleFlapping, type StateChange } from './transitions.ts';

/**
 * Records check results in batches: `record` is synchronous and only updates memory and the
 * buffers; `flush` writes everything gathered in one transaction (results, where each location
 * stands, the monitors' last check, and the rare changes of state with their incidents and
 * events). A worker checking a thousand monitors a second makes four writes a flush, not four
 * thousand.
 */
interface Pending {
  results: (StoredResult & { series: number })[];
  states: Map<string, store.LocationStateWrite>;
  lastChecks: Map<string, store.LastCheckWrite>;
  requests: { monitorId: string; requestedAt: string }[];
  changes: { monitor: EngineMonitor; change: StateChange }[];
  quorum: Map<string, EngineMonitor>;
  settles: EngineMonitor[];
  notices: { monitor: EngineMonitor; result: ProbeResult }[];
  ensure: { monitorId: string; at: string; state: 'up' | 'down' }[];
  closes: { monitorId: string; at: string }[];
  waiters: (() => void)[];
}

function emptyPending(): Pending {
  return { results: [], states: new Map(), lastChecks: new Map(), requests: [], changes: [], quorum: new Map(), settles: [], notices: [], ensure: [], closes: [], waiters: [] };
}

/** How old another location's last result may be and still count towards the quorum, in intervals. */
const FRESH_INTERVALS = 3;
export const LAST_CHECK_REFRESH_MS = 5 * 60_000;

export class Recorder {
  private pending = emptyPending();
  private flushing: Promise<void> | null = null;
  private readonly lastAt = new Map<string, number>();
  private readonly linked = new Map<string, string>();
  private readonly lastWritten = new Map<string, { atMs: number; ok: boolean; status: number | null }>();

  constructor(
    private readonly deps: Deps,
    private readonly location: string,
  ) {}

  /** Buffered results not yet written. */
  get size(): number {
    return this.pending.results.length;
  }

  /** Takes one result into the buffers and decides, where it can from memory, whether the state changes. */
  record(m: EngineMonitor, result: ProbeResult, requestedAt: string | null): void {
    const nowMs = this.deps.now().getTime();
    // Results are keyed by monitor and instant: two in the same millisecond are a millisecond apart.
    const atMs = Math.max(nowMs, (this.lastAt.get(m.id) ?? 0) + 1);
    this.lastAt.set(m.id, atMs);
    const at = new Date(atMs).toISOString();
    const location = m.kind === 'heartbeat' ? m.locations[0]! : this.location;
    const p = this.pending;
    p.results.push({ ...toStoredResult(result, atMs, location), series: m.series });
    const streak = m.streak && m.streak.ok === result.ok ? { ...m.streak, count: m.streak.count + 1 } : { ok: result.ok, count: 1, startedAt: at };
    m.streak = streak;
    const t = thresholdsOf(m);
    // A run longer than both thresholds decides nothing more: its length need not be kept, except
    // where other locations read it for the quorum (and judge how fresh it is).
    if (t.locationCount > 1 || streak.count <= Math.max(t.failureThreshold, t.recoveryThreshold) || requestedAt) {
      p.states.set(m.id, { monitorId: m.id, location, ok: result.ok, streak: streak.count, streakStartedAt: streak.startedAt, checkedAt: at, message: result.message });
    }
    if (this.lastCheckDue(m.id, result, atMs, requestedAt !== null)) {
      p.lastChecks.set(m.id, { monitorId: m.id, checkedAt: at, ok: result.ok, message: result.message, responseMs: result.responseMs === null ? null : Math.round(result.responseMs) });
    }
    if (requestedAt) p.requests.push({ monitorId: m.id, requestedAt });
    if (!m.intervalEnsured && m.state !== 'pending') p.ensure.push({ monitorId: m.id, at, state: m.state });
    m.intervalEnsured = true;
    if (hasFacts(result)) p.notices.push({ monitor: m, result });
    this.decide(m, result, { location, ok: result.ok, streak: streak.count, streakStartedAt: streak.startedAt, checkedAt: at, message: result.message }, nowMs);
  }

  /**
   * The monitor row's last check is rewritten when the outcome or status changes, on "check now",
   * and otherwise every LAST_CHECK_REFRESH_MS: rewriting a monitor's row on every check was the
   * largest write of a busy worker. The newest result itself is always in check_results.
   */
  private lastCheckDue(monitorId: string, result: ProbeResult, atMs: number, requested: boolean): boolean {
    const status = result.statusCode ?? null;
    const last = this.lastWritten.get(monitorId);
    if (!requested && last && last.ok === result.ok && last.status === status && atMs - last.atMs < LAST_CHECK_REFRESH_MS) return false;
    this.lastWritten.set(monitorId, { atMs, ok: result.ok, status });
    return true;
  }

  private decide(m: EngineMonitor, result: ProbeResult, mine: LocationStreak, nowMs: number): void {
    const t = thresholdsOf(m);
    if (t.locationCount > 1) {
      this.pending.quorum.set(m.id, m);
      return;
    }
    const v = verdict(m.state, [mine], t);
    if (v) {
      const late = result.details?.late === true ? { expectedBy: String(result.details.expectedBy), lastPingAt: (result.details.lastPingAt as string | null) ?? null } : undefined;
      this.pending.changes.push({ monitor: m, change: { to: v.state, since: v.since, cause: v.cause, late } });
      m.state = v.state;
      m.stateChangedAt = mine.checkedAt;
    } else if (m.flapping && hasSettled(m.state, m.stateChangedAt ? Date.parse(m.stateChangedAt) : null, nowMs)) {
      this.pending.settles.push(m);
      m.flapping = false;
    }
  }

  /** A paused monitor's time stops being observed when it was paused. */
  paused(monitorId: string, at: string): void {
    this.pending.closes.push({ monitorId, at });
  }

  /** Resolves once everything recorded so far is written (or failed to be). */
  whenFlushed(): Promise<void> {
    return new Promise((resolve) => this.pending.waiters.push(resolve));
  }

  /** Writes the buffers; concurrent calls wait for the flush in progress, then flush again. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const batch = this.pending;
    this.pending = emptyPending();
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
      for (const resolve of batch.waiters) resolve();
    });
    await this.flushing;
  }

  private async write(batch: Pending): Promise<void> {
    const empty = batch.results.length === 0 && batch.closes.length === 0;
    if (empty) return;
    const now = this.deps.now();
    const { db, dialect } = this.deps.database;
    try {
      await db.transaction().execute(async (trx) => {
        await store.writeChecks(trx, dialect, { results: batch.results, states: [...batch.states.values()], lastChecks: [...batch.lastChecks.values()] });
        await store.clearRequests(trx, batch.requests);
        await store.closeIntervals(trx, batch.closes);
        await store.ensureOpenIntervals(trx, dialect, batch.ensure);
        await this.applyQuorum(trx, batch, now);
        for (const { monitor, change } of batch.changes) this.adopt(monitor, await applyStateChange(trx, monitor, change, now));
        for (const m of batch.settles) await settleFlapping(trx, m, now);
        for (const { monitor, result } of batch.notices) await noticeExpiry(trx, monitor, result, now);
      });
    } catch (err) {
      this.deps.logger.error({ err, results: batch.results.length }, 'check results could not be recorded');
      return;
    }
    await this.linkAssets(batch);
  }

  private adopt(m: EngineMonitor, applied: Awaited<ReturnType<typeof applyStateChange>>): void {
    m.state = applied.state;
    m.flapping = applied.flapping;
    m.stateChangedAt = applied.stateChangedAt;
    if (applied.updatedAt && applied.updatedAt > m.updatedAt) m.updatedAt = applied.updatedAt;
  }

  private async applyQuorum(trx: Parameters<typeof store.writeChecks>[0], batch: Pending, now: Date): Promise<void> {
    if (batch.quorum.size === 0) return;
    const ids = [...batch.quorum.keys()];
    const streaks = await store.locationStreaks(trx, ids);
    const rows = await trx.selectFrom('monitors').select(['id', 'state']).where('id', 'in', ids).execute();
    for (const row of rows) {
      const m = batch.quorum.get(row.id)!;
      const oldest = now.getTime() - FRESH_INTERVALS * m.intervalMs;
      const fresh = (streaks.get(m.id) ?? []).filter((s) => m.locations.includes(s.location) && Date.parse(s.checkedAt) >= oldest);
      const state = row.state === 'up' || row.state === 'down' ? row.state : 'pending';
      const v = verdict(state, fresh, thresholdsOf(m));
      if (v) this.adopt(m, await applyStateChange(trx, m, { to: v.state, since: v.since, cause: v.cause }, now));
    }
  }

  private async linkAssets(batch: Pending): Promise<void> {
    for (const { monitor, result } of batch.notices) {
      const facts = assetFacts(result);
      if (!facts || !monitor.assetId) continue;
      const key = `${monitor.assetId}:${facts.expiresOn}:${facts.registrar ?? ''}`;
      if (this.linked.get(monitor.id) === key) continue;
      try {
        await linkAsset(this.deps, monitor, facts);
        this.linked.set(monitor.id, key);
      } catch (err) {
        this.deps.logger.warn({ err, monitorId: monitor.id }, 'the linked asset could not be updated');
      }
    }
  }
}

import type { MonitorKind } from '../probes/configs.ts';
import type { ProbeContext, ProbeResult } from '../probes/probe.ts';
import { firstDueAt, nextDueAt } from '../schedule.model.ts';
import { DueQueue } from './due-queue.ts';
import type { EngineMonitor } from './monitor.ts';
import { LAST_CHECK_REFRESH_MS, type Recorder } from './recorder.ts';

/**
 * Runs each monitor's checks on time: a heap of due times, at most `concurrency` checks at
 * once, each with its own timeout, and never two checks of one monitor at the same time (the
 * next check is booked only when the current one has finished). A probe that throws, hangs
 * past its timeout or ignores its abort signal is recorded as a failed check; the loop goes on.
 */
export type RunProbe = (kind: MonitorKind, config: unknown, ctx: ProbeContext) => Promise<ProbeResult>;

export interface SchedulerOptions {
  concurrency: number;
  recorder: Recorder;
  runProbe: RunProbe;
  /** Heartbeats check nothing: they are judged on their pings. */
  judgeHeartbeat: (m: EngineMonitor) => Promise<ProbeResult>;
  context: (signal: AbortSignal, timeoutMs: number) => ProbeContext;
  /** Milliseconds, for timing (not for what is stored): real time unless a test passes its own. */
  clock?: () => number;
}

/** A probe that ignores its signal gets this long past the timeout before it is given up on. */
const HARD_STOP_GRACE_MS = 1000;
const ABORT_AFTER_DEADLINE_MS = 250;
const LATENESS_SAMPLES = 200_000;

export class Scheduler {
  readonly monitors = new Map<string, EngineMonitor>();
  private readonly queue = new DueQueue();
  private readonly requested = new Map<string, string>();
  private running = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private stopped = false;
  private readonly inflight = new Set<Promise<void>>();
  private readonly clock: () => number;
  /** Milliseconds each check started after it was due (a ring of the latest samples). */
  readonly lateness = new Float64Array(LATENESS_SAMPLES);
  checks = 0;
  firstCheckAt = new Map<string, number>();
  trackFirstChecks = false;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Adds or replaces a monitor's settings, keeping what the scheduler tracks about it. */
  upsert(next: EngineMonitor): void {
    const current = this.monitors.get(next.id);
    if (current) {
      // A row read before this worker's own latest change of state must not undo it in memory.
      if (next.updatedAt < current.updatedAt) {
        next.state = current.state;
        next.flapping = current.flapping;
        next.stateChangedAt = current.stateChangedAt;
        next.updatedAt = current.updatedAt;
      }
      next.streak = current.streak;
      next.running = current.running;
      next.generation = current.generation;
      next.intervalEnsured = current.intervalEnsured && !current.paused;
    }
    this.monitors.set(next.id, next);
    const retimed = !current || current.intervalMs !== next.intervalMs || current.paused !== next.paused;
    if (next.paused) next.generation++;
    else if (retimed && !next.running) {
      const now = this.clock();
      this.book(next, current ? nextDueAt(next.id, next.intervalMs, now) : firstDueAt(next.id, next.intervalMs, next.lastCheckedAt ? Date.parse(next.lastCheckedAt) : null, now, LAST_CHECK_REFRESH_MS));
    }
  }

  remove(monitorId: string): void {
    const m = this.monitors.get(monitorId);
    if (m) m.generation++;
    this.monitors.delete(monitorId);
  }

  /** "Check now": as soon as a slot is free, or right after the check in progress. */
  checkNow(monitorId: string, requestedAt: string): void {
    const m = this.monitors.get(monitorId);
    if (!m || m.paused) return;
    this.requested.set(monitorId, requestedAt);
    if (!m.running) this.book(m, this.clock());
  }

  start(): void {
    this.stopped = false;
    this.pump();
  }

  /** Stops starting checks and waits for those in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.inflight]);
  }

  /** Checks of these monitors still running. */
  runningOf(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) if (this.monitors.get(id)?.running) n++;
    return n;
  }

  private book(m: EngineMonitor, dueAt: number): void {
    m.generation++;
    this.queue.push({ dueAt, monitorId: m.id, generation: m.generation });
    if (!this.stopped && dueAt < this.timerAt) this.arm(dueAt);
  }

  private arm(dueAt: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, dueAt - this.clock()));
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.clock();
    while (this.running < this.options.concurrency) {
      const top = this.queue.peek();
      if (!top || top.dueAt > now) break;
      this.queue.pop();
      const m = this.monitors.get(top.monitorId);
      if (!m || m.generation !== top.generation || m.running || m.paused) continue;
      this.lateness[this.checks % LATENESS_SAMPLES] = now - top.dueAt;
      this.checks++;
      if (this.trackFirstChecks && !this.firstCheckAt.has(m.id)) this.firstCheckAt.set(m.id, now);
      const run = this.run(m, top.dueAt);
      this.inflight.add(run);
      void run.finally(() => this.inflight.delete(run));
    }
    const next = this.queue.peek();
    // When every slot is busy, the next finishing check pumps again.
    if (next && this.running < this.options.concurrency && next.dueAt < this.timerAt) this.arm(next.dueAt);
  }

  private async run(m: EngineMonitor, dueAt: number): Promise<void> {
    m.running = true;
    this.running++;
    const requestedAt = this.requested.get(m.id) ?? null;
    this.requested.delete(m.id);
    const settled = this.probe(m);
    let result: ProbeResult;
    let hardStop: NodeJS.Timeout | undefined;
    try {
      result = await Promise.race([
        settled,
        new Promise<ProbeResult>((resolve) => {
          hardStop = setTimeout(() => resolve({ ok: false, message: `Timed out after ${m.timeoutMs} ms`, responseMs: null }), m.timeoutMs + HARD_STOP_GRACE_MS);
        }),
      ]);
    } finally {
      clearTimeout(hardStop);
    }
    // No verdict (a registry throttling us, the worker stopping): the monitor keeps its state,
    // and the check is tried again when the peer asked, or at the next interval.
    const retryAt = result.inconclusive ? this.clock() + (result.retryAfterMs ?? m.intervalMs) : null;
    if (retryAt === null) this.options.recorder.record(m, result, requestedAt);
    this.running--;
    // A probe past its hard stop still holds the monitor: its next check waits for it to end.
    await settled;
    m.running = false;
    if (this.monitors.get(m.id) === m && !m.paused) {
      const again = this.requested.has(m.id);
      const next = nextDueAt(m.id, m.intervalMs, Math.max(dueAt + 1, this.clock()));
      this.book(m, again ? this.clock() : retryAt !== null ? Math.min(retryAt, next) : next);
    }
    this.pump();
  }

  private async probe(m: EngineMonitor): Promise<ProbeResult> {
    if (m.configError !== null) return { ok: false, message: m.configError, responseMs: null };
    if (m.kind === 'heartbeat') return this.guard(() => this.options.judgeHeartbeat(m));
    const controller = new AbortController();
    // The probe keeps its own deadline of timeoutMs and reports it; the abort is the backstop.
    const timer = setTimeout(() => controller.abort(new DOMException(`Timed out after ${m.timeoutMs} ms`, 'TimeoutError')), m.timeoutMs + ABORT_AFTER_DEADLINE_MS);
    try {
      return await this.guard(() => this.options.runProbe(m.kind, m.config, this.options.context(controller.signal, m.timeoutMs)));
    } finally {
      clearTimeout(timer);
    }
  }

  private async guard(check: () => Promise<ProbeResult>): Promise<ProbeResult> {
    try {
      return await check();
    } catch (err) {
      return { ok: false, message: `The check failed: ${(err as Error)?.message ?? String(err)}`, responseMs: null };
    }
  }
}

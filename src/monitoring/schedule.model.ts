import { DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './probes/configs.ts';

/**
 * When monitors are checked and who checks them. Pure: the scheduler and the lease keeper
 * take these decisions from ids, intervals and clocks they pass in.
 */
export const SHARDS = 256;

/** FNV-1a over the id's characters: cheap, stable across processes and releases. */
function hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The lease bucket (0..255) a monitor falls into; set once when the monitor is created. */
export function shardOf(monitorId: string): number {
  return hash(monitorId, 0x811c9dc5) % SHARDS;
}

export function intervalMsOf(intervalSeconds: number | null | undefined): number {
  const seconds = intervalSeconds && Number.isFinite(intervalSeconds) ? intervalSeconds : DEFAULT_INTERVAL_SECONDS;
  return Math.max(MIN_INTERVAL_SECONDS, seconds) * 1000;
}

/**
 * Each monitor's checks keep a fixed offset inside its interval, derived from its id: checks of
 * many monitors spread evenly instead of firing together, and after a restart every monitor's
 * next check comes within one interval, at the same offset as before.
 */
export function phaseOf(monitorId: string, intervalMs: number): number {
  return hash(monitorId, 0x2545f491) % intervalMs;
}

/** The first check time at or after `atMs` that keeps the monitor's offset. */
export function nextDueAt(monitorId: string, intervalMs: number, atMs: number): number {
  const phase = phaseOf(monitorId, intervalMs);
  const base = Math.floor(atMs / intervalMs) * intervalMs + phase;
  return base >= atMs ? base : base + intervalMs;
}

/** Monitors that missed their slot (a restart, a worker taking over) are caught up within this. */
export const CATCH_UP_MS = 10_000;

/**
 * A monitor's first check after it was loaded: at its usual offset, unless its last check is
 * more than an interval ago (the worker was down, or the monitor just changed hands) — then soon,
 * spread over CATCH_UP_MS so a restart after an outage does not fire every check at once.
 * `toleranceMs`: how stale the recorded last check may be while the monitor is still on time.
 */
export function firstDueAt(monitorId: string, intervalMs: number, lastCheckedMs: number | null, nowMs: number, toleranceMs = 0): number {
  const usual = nextDueAt(monitorId, intervalMs, nowMs);
  if (lastCheckedMs === null || lastCheckedMs + intervalMs + toleranceMs >= nowMs) return usual;
  const window = Math.min(intervalMs, CATCH_UP_MS);
  return Math.min(usual, nowMs + phaseOf(monitorId, window));
}

/**
 * The shards a worker should hold: shard s belongs to the (s mod n)-th live worker of the
 * location, ids sorted. Every worker computes the same split from the same list, so a worker
 * joining gets a fair share and one leaving has its shares spread over the others.
 */
export function desiredShards(liveWorkerIds: readonly string[], me: string): Set<number> {
  const workers = [...new Set([...liveWorkerIds, me])].sort();
  const index = workers.indexOf(me);
  const mine = new Set<number>();
  for (let s = 0; s < SHARDS; s++) if (s % workers.length === index) mine.add(s);
  return mine;
}

/** Monitors run at every location listed; an empty or unreadable list means the main one. */
export function locationsOf(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (Array.isArray(list) && list.length > 0 && list.every((l) => typeof l === 'string')) return list as string[];
  } catch {
    // fall through
  }
  return ['main'];
}

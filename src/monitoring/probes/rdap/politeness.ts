/**
 * How politely Upkeep asks each RDAP server: registries throttle (CentralNic's terms forbid
 * "high-volume, automated" use) and block clients that ignore it. Per server host:
 * - a rate limit (a token bucket, as the generic cell rate algorithm: each request reserves the
 *   next free slot), so a thousand domains of one TLD are asked one after another, not at once;
 * - a back-off after HTTP 429: the server's Retry-After when it gives one, else doubling from
 *   `firstBackoffMs`; no request goes to that host until it has passed.
 * One instance is shared by every check of the process. A check that would have to wait longer
 * than it may is told how long instead, and no slot is taken for it.
 */
export interface PolitenessOptions {
  /** Requests per second to one host; default 1. */
  requestsPerSecond?: number;
  /** Requests that may go at once after a quiet spell; default 2. */
  burst?: number;
  /** Back-off after a 429 without Retry-After, doubled each time in a row; default 30 s. */
  firstBackoffMs?: number;
  /** The longest back-off, Retry-After included; default 6 h. */
  maxBackoffMs?: number;
  /** Milliseconds of a monotonic clock; tests pass their own. */
  now?: () => number;
}

export type Turn = { granted: true } | { granted: false; retryAfterMs: number };

export interface RdapPoliteness {
  /** Waits for the host's turn, or (nothing reserved) says how long it would be when that exceeds `maxWaitMs`. */
  turn(host: string, maxWaitMs: number, signal: AbortSignal): Promise<Turn>;
  /** Records a 429 (or a 503 with Retry-After); returns the back-off now in force. */
  throttled(host: string, retryAfterMs: number | null): number;
  /** Records an answer that was not a throttle: the back-off starts again from the first step. */
  answered(host: string): void;
}

interface HostState {
  /** Theoretical arrival time: when the bucket is empty again. */
  tat: number;
  blockedUntil: number;
  strikes: number;
}

export function createRdapPoliteness(options: PolitenessOptions = {}): RdapPoliteness {
  const interval = 1000 / (options.requestsPerSecond ?? 1);
  const tolerance = ((options.burst ?? 2) - 1) * interval;
  const firstBackoffMs = options.firstBackoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 6 * 3_600_000;
  const now = options.now ?? (() => performance.now());
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { tat: 0, blockedUntil: 0, strikes: 0 }));
    return state;
  };

  return {
    async turn(host, maxWaitMs, signal) {
      const state = stateOf(host);
      const at = now();
      const start = Math.max(at, state.blockedUntil, state.tat - tolerance);
      const waitMs = start - at;
      if (waitMs > maxWaitMs) return { granted: false, retryAfterMs: Math.ceil(waitMs) };
      state.tat = Math.max(state.tat, start) + interval;
      if (waitMs > 0) await sleep(waitMs, signal);
      return { granted: true };
    },
    throttled(host, retryAfterMs) {
      const state = stateOf(host);
      state.strikes += 1;
      const backoff = Math.min(maxBackoffMs, retryAfterMs ?? firstBackoffMs * 2 ** (state.strikes - 1));
      state.blockedUntil = Math.max(state.blockedUntil, now() + backoff);
      return backoff;
    },
    answered(host) {
      stateOf(host).strikes = 0;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `nowMs`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

import type { HeartbeatConfig } from './probes/configs.ts';

/**
 * Heartbeat monitors are the other way round: the job pings us. It is late (down) when no
 * success came within its period plus grace, or when it said it started and did not finish
 * within the grace; a `fail` ping or a non-zero exit code is a failed run.
 */
export interface Ping {
  kind: 'success' | 'start' | 'fail';
  exitCode: number | null;
  sizeBytes: number | null;
  receivedAt: string;
}

export interface HeartbeatStatus {
  ok: boolean;
  late: boolean;
  message: string;
  /** When the next success is due at the latest. */
  expectedBy: string;
  lastPingAt: string | null;
  /** A reported size that dropped by more than half against recent runs. */
  warning: boolean;
}

function failed(p: Ping): boolean {
  return p.kind === 'fail' || (p.exitCode !== null && p.exitCode !== 0);
}

/**
 * The status from the monitor's recent pings (newest first). `since` is when watching began
 * (creation or resumption): a monitor that never pinged is late one period plus grace after it.
 */
export function heartbeatStatus(config: Pick<HeartbeatConfig, 'periodSeconds' | 'graceSeconds'>, pings: readonly Ping[], since: string, now: Date): HeartbeatStatus {
  const graceMs = config.graceSeconds * 1000;
  const finished = pings.find((p) => p.kind !== 'start');
  const lastSuccess = pings.find((p) => p.kind === 'success' && !failed(p));
  const started = pings[0]?.kind === 'start' ? pings[0] : undefined;
  const base = lastSuccess?.receivedAt ?? since;
  const expectedBy = new Date(Math.max(Date.parse(base), Date.parse(since)) + config.periodSeconds * 1000 + graceMs).toISOString();
  const lastPingAt = pings[0]?.receivedAt ?? null;
  const status = (ok: boolean, late: boolean, message: string, warning = false): HeartbeatStatus => ({ ok, late, message, expectedBy, lastPingAt, warning });
  if (started && now.getTime() > Date.parse(started.receivedAt) + graceMs) {
    return status(false, true, `Started at ${started.receivedAt} but did not finish within ${config.graceSeconds} s`);
  }
  if (finished && failed(finished)) {
    return status(false, false, finished.exitCode !== null && finished.exitCode !== 0 ? `Job failed with exit code ${finished.exitCode}` : 'Job reported a failure');
  }
  if (now.getTime() > Date.parse(expectedBy)) {
    return status(false, true, lastSuccess ? `No ping since ${lastSuccess.receivedAt}` : 'No ping received yet');
  }
  const drop = sizeDrop(pings.filter((p) => p.kind === 'success' && !failed(p)).map((p) => p.sizeBytes));
  if (drop) return status(true, false, drop, true);
  return status(true, false, lastSuccess ? 'Pinged on time' : 'Waiting for the first ping');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Recent runs compared against to spot a shrinking backup. */
export const SIZE_HISTORY = 10;

/**
 * A message when the newest reported size is less than half the median of the previous ones
 * (newest first, nulls ignored); null when it did not drop or there is too little history.
 */
export function sizeDrop(sizesNewestFirst: readonly (number | null)[]): string | null {
  const sizes = sizesNewestFirst.filter((s): s is number => s !== null);
  if (sizes.length < 3) return null;
  const [latest, ...previous] = sizes.slice(0, SIZE_HISTORY + 1) as [number, ...number[]];
  const typical = median(previous);
  if (typical <= 0 || latest >= typical / 2) return null;
  const percent = Math.round((1 - latest / typical) * 100);
  return `Reported size dropped ${percent}% (${latest} bytes against a median of ${Math.round(typical)})`;
}

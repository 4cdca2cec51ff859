/**
 * When a monitor goes down or up, and what that does to its incident. Pure: the engine passes
 * in what each location last saw, the monitor's state and its recent changes of state.
 *
 * - Down after `failureThreshold` consecutive failures at `quorum` of its locations (one location:
 *   just the failures); up again after `recoveryThreshold` consecutive successes once fewer than
 *   a quorum still fail. A new monitor is up at its first success.
 * - Flapping: FLAP_CHANGES changes of state within FLAP_WINDOW_MS. A flapping monitor keeps one
 *   incident open (marked flapping) instead of opening one per bounce; it is resolved once the
 *   monitor has stayed up for a whole window.
 */
export type MonitorState = 'pending' | 'up' | 'down';

export interface Thresholds {
  failureThreshold: number;
  recoveryThreshold: number;
  quorum: number;
  /** How many locations run the monitor. */
  locationCount: number;
}

/** What one location saw last: the run of equal outcomes it is in. */
export interface LocationStreak {
  location: string;
  ok: boolean;
  streak: number;
  streakStartedAt: string;
  checkedAt: string;
  message: string;
}

export const FLAP_WINDOW_MS = 30 * 60_000;
export const FLAP_CHANGES = 4;

export interface Verdict {
  state: 'up' | 'down';
  /** For down: when the failures began (the earliest failing run among the agreeing locations). */
  since: string;
  /** For down: the failure message, with the location when several run the monitor. */
  cause: string;
}

function quorumOf(t: Thresholds): number {
  return Math.max(1, Math.min(t.quorum, t.locationCount));
}

/** The state the locations call for, or null when the monitor stays as it is. */
export function verdict(state: MonitorState, streaks: readonly LocationStreak[], t: Thresholds): Verdict | null {
  const quorum = quorumOf(t);
  const failing = streaks.filter((s) => !s.ok);
  const confirmedDown = failing.filter((s) => s.streak >= Math.max(1, t.failureThreshold));
  if (state !== 'down' && confirmedDown.length >= quorum) {
    const first = [...confirmedDown].sort((a, b) => a.streakStartedAt.localeCompare(b.streakStartedAt))[0]!;
    const cause = t.locationCount > 1 ? confirmedDown.map((s) => `${s.location}: ${s.message}`).join('; ') : first.message;
    return { state: 'down', since: first.streakStartedAt, cause };
  }
  const needed = state === 'pending' ? 1 : Math.max(1, t.recoveryThreshold);
  const recovered = streaks.filter((s) => s.ok && s.streak >= needed);
  if (state !== 'up' && failing.length < quorum && recovered.length > 0) {
    const latest = [...recovered].sort((a, b) => b.checkedAt.localeCompare(a.checkedAt))[0]!;
    return { state: 'up', since: latest.checkedAt, cause: '' };
  }
  return null;
}

/** True when the changes of state (epoch ms, including the one just made) within the window reach FLAP_CHANGES. */
export function isFlapping(changes: readonly number[], now: number): boolean {
  return changes.filter((at) => at > now - FLAP_WINDOW_MS && at <= now).length >= FLAP_CHANGES;
}

export interface OpenIncident {
  id: string;
  flapping: boolean;
}

export type IncidentStep =
  | { kind: 'open'; flapping: boolean }
  | { kind: 'resolve' }
  /** Keep the open incident and mark it (and the monitor) flapping. */
  | { kind: 'flapping' }
  | { kind: 'none' };

/**
 * What a change of state does to the monitor's incident. `changes` are the monitor's recent
 * changes of state including this one.
 */
export function incidentStep(from: MonitorState, to: 'up' | 'down', open: OpenIncident | null, changes: readonly number[], now: number): IncidentStep {
  const flapping = isFlapping(changes, now);
  if (to === 'down') {
    if (!open) return { kind: 'open', flapping };
    return open.flapping ? { kind: 'none' } : { kind: 'flapping' };
  }
  if (!open || from === 'pending') return { kind: 'none' };
  if (!flapping) return { kind: 'resolve' };
  return open.flapping ? { kind: 'none' } : { kind: 'flapping' };
}

/**
 * A flapping monitor that is up settles once it has not changed state for a whole window:
 * then its held-open incident is resolved.
 */
export function hasSettled(state: MonitorState, lastChangeAt: number | null, now: number): boolean {
  return state === 'up' && lastChangeAt !== null && now - lastChangeAt >= FLAP_WINDOW_MS;
}

/** Seconds between the start of an incident and its end. */
export function downtimeSeconds(startedAt: string, resolvedAt: string): number {
  return Math.max(0, Math.round((Date.parse(resolvedAt) - Date.parse(startedAt)) / 1000));
}

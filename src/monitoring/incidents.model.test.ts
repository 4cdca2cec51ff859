import { describe, expect, it } from 'vitest';
import { FLAP_WINDOW_MS, hasSettled, incidentStep, isFlapping, verdict, type LocationStreak, type Thresholds } from './incidents.model.ts';

const one: Thresholds = { failureThreshold: 2, recoveryThreshold: 3, quorum: 1, locationCount: 1 };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString();
function streak(ok: boolean, count: number, location = 'main', startedMinute = 0): LocationStreak {
  return { location, ok, streak: count, streakStartedAt: at(startedMinute), checkedAt: at(startedMinute + count - 1), message: ok ? 'HTTP 200' : 'HTTP 503' };
}

describe('verdict with one location', () => {
  it('goes down only after N consecutive failures, from the first of them', () => {
    expect(verdict('up', [streak(false, 1)], one)).toBeNull();
    expect(verdict('up', [streak(false, 2, 'main', 5)], one)).toEqual({ state: 'down', since: at(5), cause: 'HTTP 503' });
    expect(verdict('down', [streak(false, 7)], one)).toBeNull();
  });

  it('comes back up only after M consecutive successes', () => {
    expect(verdict('down', [streak(true, 2)], one)).toBeNull();
    expect(verdict('down', [streak(true, 3)], one)?.state).toBe('up');
    expect(verdict('up', [streak(true, 3)], one)).toBeNull();
  });

  it('takes a new monitor up at its first success, down after N failures', () => {
    expect(verdict('pending', [streak(true, 1)], one)?.state).toBe('up');
    expect(verdict('pending', [streak(false, 1)], one)).toBeNull();
    expect(verdict('pending', [streak(false, 2)], one)?.state).toBe('down');
  });
});

describe('verdict with several locations', () => {
  const three: Thresholds = { failureThreshold: 2, recoveryThreshold: 2, quorum: 2, locationCount: 3 };
  it('needs a quorum of locations agreeing before down', () => {
    expect(verdict('up', [streak(false, 5, 'eu'), streak(true, 5, 'us'), streak(true, 5, 'asia')], three)).toBeNull();
    expect(verdict('up', [streak(false, 5, 'eu'), streak(false, 1, 'us'), streak(true, 5, 'asia')], three)).toBeNull();
    const v = verdict('up', [streak(false, 5, 'eu', 3), streak(false, 2, 'us', 6), streak(true, 5, 'asia')], three);
    expect(v).toEqual({ state: 'down', since: at(3), cause: 'eu: HTTP 503; us: HTTP 503' });
  });

  it('comes up once fewer than a quorum still fail and one location has recovered', () => {
    expect(verdict('down', [streak(false, 9, 'eu'), streak(false, 9, 'us'), streak(true, 2, 'asia')], three)).toBeNull();
    expect(verdict('down', [streak(false, 9, 'eu'), streak(true, 2, 'us'), streak(true, 1, 'asia')], three)?.state).toBe('up');
  });

  it('treats a quorum larger than the locations as all of them', () => {
    const two: Thresholds = { failureThreshold: 1, recoveryThreshold: 1, quorum: 5, locationCount: 2 };
    expect(verdict('up', [streak(false, 1, 'eu'), streak(true, 1, 'us')], two)).toBeNull();
    expect(verdict('up', [streak(false, 1, 'eu'), streak(false, 1, 'us')], two)?.state).toBe('down');
  });
});

describe('incidents and flapping', () => {
  const now = Date.UTC(2026, 2, 1, 12);
  it('opens one incident when going down and resolves it when up again', () => {
    expect(incidentStep('up', 'down', null, [now], now)).toEqual({ kind: 'open', flapping: false });
    expect(incidentStep('down', 'up', { id: 'inc_1', flapping: false }, [now - 60_000, now], now)).toEqual({ kind: 'resolve' });
  });

  it('keeps one incident open, marked flapping, while the monitor bounces', () => {
    const changes = [now - 9 * 60_000, now - 6 * 60_000, now - 3 * 60_000, now];
    expect(isFlapping(changes, now)).toBe(true);
    expect(incidentStep('down', 'up', { id: 'inc_1', flapping: false }, changes, now)).toEqual({ kind: 'flapping' });
    expect(incidentStep('up', 'down', { id: 'inc_1', flapping: true }, [...changes, now + 1], now + 1)).toEqual({ kind: 'none' });
    expect(incidentStep('down', 'up', { id: 'inc_1', flapping: true }, [...changes, now + 1, now + 2], now + 2)).toEqual({ kind: 'none' });
  });

  it('does not count changes older than the window', () => {
    expect(isFlapping([now - FLAP_WINDOW_MS - 1, now - FLAP_WINDOW_MS, now - 60_000, now], now)).toBe(false);
  });

  it('resolves a flapping monitor once it stayed up a whole window', () => {
    expect(hasSettled('up', now - FLAP_WINDOW_MS + 1, now)).toBe(false);
    expect(hasSettled('up', now - FLAP_WINDOW_MS, now)).toBe(true);
    expect(hasSettled('down', now - 2 * FLAP_WINDOW_MS, now)).toBe(false);
  });

  it('opens nothing for a first success', () => {
    expect(incidentStep('pending', 'up', null, [now], now)).toEqual({ kind: 'none' });
  });
});

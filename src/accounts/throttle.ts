import { ProblemError } from '../platform/http/problem.ts';

/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one email within the window,
 * that email is refused until the window has passed. Kept in memory: a restart forgets it,
 * which is acceptable for a guard whose job is to make guessing slow, not impossible.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  check(email: string, now: Date): void {
    const entry = this.failures.get(email.toLowerCase());
    if (!entry || now.getTime() - entry.since > WINDOW_MS) return;
    if (entry.count >= MAX_FAILURES) {
      const retryAfter = Math.ceil((entry.since + WINDOW_MS - now.getTime()) / 1000);
      throw new ProblemError(429, 'too-many-attempts', 'Too many sign-in attempts', `Try again in ${retryAfter} seconds.`, undefined, { retryAfter });
    }
  }

  fail(email: string, now: Date): void {
    const key = email.toLowerCase();
    const entry = this.failures.get(key);
    if (!entry || now.getTime() - entry.since > WINDOW_MS) {
      if (this.failures.size >= MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, { count: 1, since: now.getTime() });
    } else {
      entry.count++;
    }
  }

  succeed(email: string): void {
    this.failures.delete(email.toLowerCase());
  }
}

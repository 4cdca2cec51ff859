/**
 * Dunning: what happens after a renewal charge fails. A soft decline (insufficient funds, a
 * processing error) is retried on a schedule of days after the first failure — by default the 1st,
 * 3rd, 5th and 7th — and the client is told at each step, in their language, with a link to pay
 * now. A hard decline (stolen or lost card, closed account) is never retried: the card will not
 * work again, so the client is asked to pay or change the method at once. A charge the bank wants
 * the card holder to confirm (3-D Secure) cannot be retried unattended either. When the schedule
 * is used up, an optional fallback gateway gets one try, then a person gets a task.
 */
export type DeclineKind =
  /** Worth trying again later: insufficient funds, a processing error, a timeout. */
  | 'soft'
  /** Will never succeed with this method: stolen, lost, closed, fraudulent, not supported. */
  | 'hard'
  /** The card holder must confirm the payment themselves (authentication required). */
  | 'needs-customer';

export const DEFAULT_RETRY_DAYS: readonly number[] = [1, 3, 5, 7];

export interface DunningPolicy {
  /** Days after the first failure on which to retry, strictly rising, each 1–60. */
  retryDays: readonly number[];
  /** A second gateway to try once when the retries are used up (null: none). */
  fallbackGateway: string | null;
}

export interface FailedAttempt {
  at: Date;
  decline: DeclineKind;
  gateway: string;
}

export type DunningStep =
  | { kind: 'retry'; at: Date; attempt: number; of: number; gateway: string }
  | { kind: 'fallback'; at: Date; gateway: string }
  /** Stop charging; tell the client and hand over to a person (an internal task). */
  | { kind: 'give-up'; reason: 'hard-decline' | 'needs-customer' | 'retries-used-up' };

const DAY_MS = 86_400_000;

/** Problems with a policy, as field → reason (empty when fine). */
export function policyProblems(policy: DunningPolicy): Record<string, string> {
  const days = policy.retryDays;
  if (days.length > 10) return { retryDays: 'can have at most 10 retries' };
  for (const [i, day] of days.entries()) {
    if (!Number.isInteger(day) || day < 1 || day > 60) return { [`retryDays.${i}`]: 'must be a whole number of days from 1 to 60' };
    if (i > 0 && day <= days[i - 1]!) return { [`retryDays.${i}`]: `must come after the previous retry (day ${days[i - 1]})` };
  }
  return {};
}

/**
 * The next step after the attempts so far (oldest first, all failed). Retries are counted from the
 * first failure, so a late retry does not push the rest of the schedule back; a retry whose day
 * has passed (the service was down) is due at once, and only the latest one missed is made.
 */
export function nextDunningStep(policy: DunningPolicy, failures: readonly FailedAttempt[], now: Date): DunningStep {
  const first = failures[0];
  const last = failures.at(-1);
  if (!first || !last) throw new RangeError('Dunning starts with a failed attempt');
  if (last.decline === 'hard') return { kind: 'give-up', reason: 'hard-decline' };
  if (last.decline === 'needs-customer') return { kind: 'give-up', reason: 'needs-customer' };
  const primary = first.gateway;
  const retries = failures.filter((f, i) => i > 0 && f.gateway === primary);
  const retriesMade = retries.length;
  const slotsBy = (t: number) => policy.retryDays.filter((day) => first.at.getTime() + day * DAY_MS <= t).length;
  // Skip retries whose day passed while nothing ran: one catch-up attempt, not a burst. Every
  // slot due by the latest retry counts as used by it, so the catch-up is not made again.
  const slotsUsed = retries.length > 0 ? Math.max(retriesMade, slotsBy(retries.at(-1)!.at.getTime())) : 0;
  const attempt = Math.max(slotsUsed + 1, slotsBy(now.getTime()));
  const of = policy.retryDays.length;
  if (retriesMade < of && attempt <= of) {
    const at = new Date(Math.max(first.at.getTime() + policy.retryDays[attempt - 1]! * DAY_MS, last.at.getTime()));
    return { kind: 'retry', at, attempt, of, gateway: primary };
  }
  const fallbackTried = failures.some((f) => f.gateway !== primary);
  if (policy.fallbackGateway && !fallbackTried) return { kind: 'fallback', at: now, gateway: policy.fallbackGateway };
  return { kind: 'give-up', reason: 'retries-used-up' };
}

/** Recovered / entered dunning, as a percentage with one decimal; null when nothing entered. */
export function recoveryRate(entered: number, recovered: number): number | null {
  if (entered === 0) return null;
  return Math.round((recovered / entered) * 1000) / 10;
}

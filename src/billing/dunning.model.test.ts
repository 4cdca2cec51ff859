import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_DAYS, nextDunningStep, policyProblems, recoveryRate, type FailedAttempt } from './dunning.model.ts';

const policy = { retryDays: DEFAULT_RETRY_DAYS, fallbackGateway: null };
const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, 1 + n, hour));
const soft = (at: Date, gateway = 'stripe'): FailedAttempt => ({ at, decline: 'soft', gateway });

describe('the dunning schedule', () => {
  it('retries a soft decline on days 1, 3, 5 and 7 after the first failure', () => {
    const failures = [soft(day(0))];
    expect(nextDunningStep(policy, failures, day(0))).toEqual({ kind: 'retry', at: day(1), attempt: 1, of: 4, gateway: 'stripe' });
    failures.push(soft(day(1)));
    expect(nextDunningStep(policy, failures, day(1))).toMatchObject({ at: day(3), attempt: 2 });
    failures.push(soft(day(3)));
    failures.push(soft(day(5)));
    expect(nextDunningStep(policy, failures, day(5))).toMatchObject({ at: day(7), attempt: 4 });
    failures.push(soft(day(7)));
    expect(nextDunningStep(policy, failures, day(7))).toEqual({ kind: 'give-up', reason: 'retries-used-up' });
  });

  it('counts from the first failure, so a retry made late does not push the rest back', () => {
    const failures = [soft(day(0)), soft(day(2))]; // the day-1 retry ran a day late
    expect(nextDunningStep(policy, failures, day(2))).toMatchObject({ at: day(3), attempt: 2 });
  });

  it('after an outage makes one catch-up retry for the latest missed day, not a burst', () => {
    const step = nextDunningStep(policy, [soft(day(0))], day(6));
    expect(step).toEqual({ kind: 'retry', at: day(5), attempt: 3, of: 4, gateway: 'stripe' });
    // The catch-up made at 10:00 used the missed days: the next retry is day 7, not 10:15.
    const afterCatchUp = nextDunningStep(policy, [soft(day(0)), soft(day(6))], new Date(day(6).getTime() + 15 * 60_000));
    expect(afterCatchUp).toEqual({ kind: 'retry', at: day(7), attempt: 4, of: 4, gateway: 'stripe' });
    expect(nextDunningStep(policy, [soft(day(0)), soft(day(6)), soft(day(7))], day(7))).toEqual({ kind: 'give-up', reason: 'retries-used-up' });
  });

  it('never retries a hard decline or a charge the card holder must confirm', () => {
    expect(nextDunningStep(policy, [{ at: day(0), decline: 'hard', gateway: 'stripe' }], day(0))).toEqual({ kind: 'give-up', reason: 'hard-decline' });
    expect(nextDunningStep(policy, [soft(day(0)), { at: day(1), decline: 'hard', gateway: 'stripe' }], day(1))).toEqual({ kind: 'give-up', reason: 'hard-decline' });
    expect(nextDunningStep(policy, [{ at: day(0), decline: 'needs-customer', gateway: 'stripe' }], day(0))).toEqual({ kind: 'give-up', reason: 'needs-customer' });
  });

  it('tries the fallback gateway once when the retries are used up', () => {
    const withFallback = { retryDays: [1, 3], fallbackGateway: 'paypal' };
    const failures = [soft(day(0)), soft(day(1)), soft(day(3))];
    expect(nextDunningStep(withFallback, failures, day(3))).toEqual({ kind: 'fallback', at: day(3), gateway: 'paypal' });
    expect(nextDunningStep(withFallback, [...failures, soft(day(3), 'paypal')], day(3))).toEqual({ kind: 'give-up', reason: 'retries-used-up' });
  });

  it('gives up at once with an empty schedule', () => {
    expect(nextDunningStep({ retryDays: [], fallbackGateway: null }, [soft(day(0))], day(0))).toEqual({ kind: 'give-up', reason: 'retries-used-up' });
  });
});

describe('a dunning policy', () => {
  it('needs rising whole days from 1 to 60', () => {
    expect(policyProblems({ retryDays: [1, 3, 5, 7], fallbackGateway: null })).toEqual({});
    expect(policyProblems({ retryDays: [3, 3], fallbackGateway: null })).toEqual({ 'retryDays.1': 'must come after the previous retry (day 3)' });
    expect(policyProblems({ retryDays: [0], fallbackGateway: null })).toHaveProperty('retryDays.0');
    expect(policyProblems({ retryDays: [1.5], fallbackGateway: null })).toHaveProperty('retryDays.0');
    expect(policyProblems({ retryDays: [61], fallbackGateway: null })).toHaveProperty('retryDays.0');
  });
});

describe('the recovery rate', () => {
  it('is recovered over entered, to one decimal', () => {
    expect(recoveryRate(0, 0)).toBeNull();
    expect(recoveryRate(3, 2)).toBe(66.7);
    expect(recoveryRate(8, 8)).toBe(100);
  });
});

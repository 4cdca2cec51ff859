import { describe, expect, it } from 'vitest';
import { allowedDowntime, calendarMonth, creditFor, durationParts, tierFor, uptimeAgainstGuarantee } from './credits.model.ts';
import { DEFAULT_SLA_PLAN } from './plan.model.ts';

const tiers = DEFAULT_SLA_PLAN.uptimeGuarantee!.creditTiers;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('allowedDowntime', () => {
  const month = (m: string, zone = 'UTC') => {
    const { start, end } = calendarMonth(m, zone);
    return allowedDowntime(start, end, 99.9);
  };

  it('allows 43 min 12 s in a 30-day month at 99.9 %', () => {
    // 30 × 86 400 s = 2 592 000 s; 0.1 % = 2 592 s = 43 × 60 + 12.
    expect(month('2026-11')).toBe(2592);
    expect(durationParts(2592)).toEqual({ days: 0, hours: 0, minutes: 43, seconds: 12 });
  });

  it('allows 8 h 45 min 36 s in a 365-day year at 99.9 %', () => {
    // 365 × 86 400 s = 31 536 000 s; 0.1 % = 31 536 s = 8 × 3600 + 45 × 60 + 36.
    const seconds = allowedDowntime(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), 99.9);
    expect(seconds).toBe(31_536);
    expect(durationParts(seconds)).toEqual({ days: 0, hours: 8, minutes: 45, seconds: 36 });
  });

  it('takes a month’s actual length: 31 days, February in a leap year and not', () => {
    // 31 × 86 400 = 2 678 400 s → 2 678.4 s (44 min 38.4 s).
    expect(month('2026-12')).toBe(2678.4);
    expect(durationParts(2678.4)).toMatchObject({ days: 0, hours: 0, minutes: 44 });
    expect(durationParts(2678.4).seconds).toBeCloseTo(38.4, 9);
    // 29 × 86 400 = 2 505 600 s → 2 505.6 s; 28 days → 2 419.2 s.
    expect(month('2028-02')).toBe(2505.6);
    expect(month('2026-02')).toBe(2419.2);
  });

  it('takes a month in the plan’s time zone, an hour short in a spring DST month', () => {
    // March 2026 in Stockholm: 31 × 24 − 1 = 743 h = 2 674 800 s → 2 674.8 s.
    expect(month('2026-03', 'Europe/Stockholm')).toBe(2674.8);
    // October 2026 there: 745 h = 2 682 000 s → 2 682 s.
    expect(month('2026-10', 'Europe/Stockholm')).toBe(2682);
  });

  it('scales with the guarantee without float drift', () => {
    const { start, end } = calendarMonth('2026-11', 'UTC');
    expect(allowedDowntime(start, end, 99.99)).toBe(259.2); // 2 592 000 × 0.0001
    expect(allowedDowntime(start, end, 99.95)).toBe(1296); // × 0.0005
    expect(allowedDowntime(start, end, 100)).toBe(0);
    expect(() => allowedDowntime(end, start, 99.9)).toThrow(RangeError);
  });
});

describe('creditFor', () => {
  it('owes nothing at exactly the guarantee, and 10 % just below it', () => {
    expect(creditFor(99.9, tiers, eur(12_345))).toEqual({ tier: null, credit: eur(0) });
    // 10 % of 12 345 cents = 1 234.5 → rounded half up to 1 235.
    expect(creditFor(99.8999, tiers, eur(12_345))).toEqual({ tier: { belowPercent: 99.9, creditPercent: 10 }, credit: eur(1235) });
  });

  it('moves to a deeper tier only below its threshold', () => {
    expect(creditFor(99.0, tiers, eur(12_345)).credit).toEqual(eur(1235)); // 99.0 is not below 99.0: still 10 %
    expect(creditFor(98.9999, tiers, eur(12_345)).credit).toEqual(eur(3086)); // 25 %: 3 086.25 → 3 086
    expect(creditFor(95.0, tiers, eur(12_345)).credit).toEqual(eur(3086));
    expect(creditFor(94.99, tiers, eur(12_345)).credit).toEqual(eur(12_345)); // 100 %
    expect(creditFor(100, tiers, eur(12_345)).tier).toBeNull();
  });

  it('reads an uptime from a float division as the figure it is', () => {
    // 43 min 12 s down in 30 days: (1 − 2592 / 2 592 000) × 100 is 99.9, however the float comes out.
    expect(creditFor((1 - 2592 / 2_592_000) * 100, tiers, eur(10_000)).tier).toBeNull();
    // One second more: 99.899961… → 10 %.
    expect(creditFor((1 - 2593 / 2_592_000) * 100, tiers, eur(10_000)).credit).toEqual(eur(1000));
  });

  it('rounds half up in the currency’s minor unit and keeps the currency', () => {
    const halves = [{ belowPercent: 99.9, creditPercent: 12.5 }];
    expect(creditFor(99, halves, eur(999)).credit).toEqual(eur(125)); // 124.875 → 125
    expect(creditFor(99, halves, eur(996)).credit).toEqual(eur(125)); // 124.5 → 125
    expect(creditFor(99, halves, eur(995)).credit).toEqual(eur(124)); // 124.375 → 124
    expect(creditFor(99, tiers, { amount: 1005, currency: 'JPY' }).credit).toEqual({ amount: 101, currency: 'JPY' }); // 100.5 → 101
    expect(() => creditFor(99, tiers, eur(-1))).toThrow(RangeError);
    expect(() => creditFor(99, tiers, eur(9.99))).toThrow(RangeError);
  });

  it('finds the deepest tier hit whatever order the tiers come in', () => {
    expect(tierFor(90, [...tiers].reverse())).toEqual({ belowPercent: 95, creditPercent: 100 });
    expect(tierFor(99.5, [...tiers].reverse())).toEqual({ belowPercent: 99.9, creditPercent: 10 });
    expect(tierFor(99.5, [])).toBeNull();
  });
});

describe('uptimeAgainstGuarantee', () => {
  it('meets the guarantee at exactly the allowance and misses it a second over', () => {
    // 30 days observed: 2 592 s allowed at 99.9 %.
    expect(uptimeAgainstGuarantee(2592, 2_592_000, 99.9)).toMatchObject({ allowedDowntimeSeconds: 2592, met: true });
    expect(uptimeAgainstGuarantee(2593, 2_592_000, 99.9)).toMatchObject({ met: false });
    expect(uptimeAgainstGuarantee(2593, 2_592_000, 99.9).uptimePercent).toBeCloseTo(99.89996, 5);
  });

  it('has nothing to say about a month with nothing observed', () => {
    expect(uptimeAgainstGuarantee(0, 0, 99.9)).toEqual({ uptimePercent: null, downtimeSeconds: 0, allowedDowntimeSeconds: 0, met: null });
  });
});

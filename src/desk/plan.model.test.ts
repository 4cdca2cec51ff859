import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_PLAN, slaPlanSchema, type SlaPlan } from './plan.model.ts';

const issues = (input: unknown) => {
  const result = slaPlanSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

/** The default plan with some severity terms or the guarantee changed; deep enough copies to edit safely. */
function plan(change: (p: SlaPlan) => void): SlaPlan {
  const copy = structuredClone(DEFAULT_SLA_PLAN) as SlaPlan;
  change(copy);
  return copy;
}

describe('DEFAULT_SLA_PLAN', () => {
  it('holds the shipped terms', () => {
    const { critical, high, medium, low } = DEFAULT_SLA_PLAN.severities;
    expect(critical).toEqual({ firstResponse: { kind: 'minutes', minutes: 15 }, resolution: { kind: 'minutes', minutes: 120 }, noResolutionTarget: null, measure: 'around-the-clock' });
    expect(high).toEqual({ firstResponse: { kind: 'minutes', minutes: 60 }, resolution: { kind: 'minutes', minutes: 480 }, noResolutionTarget: null, measure: 'business' });
    expect(medium).toEqual({ firstResponse: { kind: 'minutes', minutes: 240 }, resolution: null, noResolutionTarget: 'work-queue', measure: 'business' });
    expect(low).toEqual({ firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'business' });
    expect(DEFAULT_SLA_PLAN.supportHours.week.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(DEFAULT_SLA_PLAN.supportHours.week.sat).toEqual([]);
    expect(DEFAULT_SLA_PLAN.channels).toEqual(['tickets', 'email', 'phone']);
    expect(DEFAULT_SLA_PLAN.uptimeGuarantee?.creditTiers).toEqual([
      { belowPercent: 99.9, creditPercent: 10 },
      { belowPercent: 99.0, creditPercent: 25 },
      { belowPercent: 95.0, creditPercent: 100 },
    ]);
  });

  it('passes its own schema unchanged', () => {
    expect(slaPlanSchema.parse(DEFAULT_SLA_PLAN)).toEqual(DEFAULT_SLA_PLAN);
  });
});

describe('slaPlanSchema', () => {
  it('rejects targets of zero or negative minutes, with the path', () => {
    expect(issues(plan((p) => (p.severities.high.firstResponse = { kind: 'minutes', minutes: 0 })))).toEqual([
      { path: ['severities', 'high', 'firstResponse', 'minutes'], message: 'must be more than 0 minutes' },
    ]);
    expect(issues(plan((p) => (p.severities.critical.resolution = { kind: 'minutes', minutes: -5 })))).toEqual([
      { path: ['severities', 'critical', 'resolution', 'minutes'], message: 'must be more than 0 minutes' },
    ]);
    expect(issues(plan((p) => (p.severities.critical.resolution = { kind: 'minutes', minutes: 1.5 })))).toEqual([
      { path: ['severities', 'critical', 'resolution', 'minutes'], message: 'must be a whole number of minutes' },
    ]);
  });

  it('rejects a resolution target shorter than the first response', () => {
    expect(issues(plan((p) => (p.severities.high.resolution = { kind: 'minutes', minutes: 30 })))).toEqual([
      { path: ['severities', 'high', 'resolution', 'minutes'], message: 'must be at least the first-response target (60 minutes)' },
    ]);
    expect(issues(plan((p) => (p.severities.high.resolution = { kind: 'minutes', minutes: 60 })))).toEqual([]);
  });

  it('compares next business day with whole support days (09:00–18:00 is 540 minutes)', () => {
    // Next business day can be as long as two support days: 2 × 540 = 1080.
    const short = plan((p) => (p.severities.low.resolution = { kind: 'minutes', minutes: 1000 }));
    expect(issues(short)).toEqual([
      { path: ['severities', 'low', 'resolution', 'minutes'], message: 'must be at least 1080 minutes (two full support days), or it can fall due before the next-business-day first response' },
    ]);
    expect(issues(plan((p) => (p.severities.low.resolution = { kind: 'minutes', minutes: 1080 })))).toEqual([]);
    // A first response longer than one support day may fall due after a next-business-day resolution.
    const late = plan((p) => (p.severities.medium.resolution = { kind: 'next-business-day' }));
    expect(issues(late)).toEqual([]);
    late.severities.medium.firstResponse = { kind: 'minutes', minutes: 600 };
    expect(issues(late)).toEqual([
      { path: ['severities', 'medium', 'firstResponse', 'minutes'], message: 'must be at most 540 minutes (one support day), or it can fall due after the next-business-day resolution' },
    ]);
  });

  it('wants next business day measured in business time, and says how untargeted tickets are handled', () => {
    expect(issues(plan((p) => (p.severities.low.measure = 'around-the-clock')))).toEqual([
      { path: ['severities', 'low', 'measure'], message: 'must be business when a target is next business day, which is counted in support hours' },
    ]);
    expect(issues(plan((p) => (p.severities.medium.noResolutionTarget = null)))).toEqual([
      { path: ['severities', 'medium', 'noResolutionTarget'], message: 'must say how a ticket without a resolution target is handled: work-queue or best-effort' },
    ]);
  });

  it('rejects credit tiers that are not monotonic', () => {
    const flat = plan((p) => (p.uptimeGuarantee!.creditTiers[1]!.creditPercent = 10));
    expect(issues(flat)).toEqual([
      { path: ['uptimeGuarantee', 'creditTiers', 1, 'creditPercent'], message: "must be more than the previous tier's 10 %: lower uptime earns a higher credit" },
    ]);
    const unordered = plan((p) => p.uptimeGuarantee!.creditTiers.reverse());
    expect(issues(unordered).map((i) => i.path)).toEqual([
      ['uptimeGuarantee', 'creditTiers', 1, 'belowPercent'],
      ['uptimeGuarantee', 'creditTiers', 1, 'creditPercent'],
      ['uptimeGuarantee', 'creditTiers', 2, 'belowPercent'],
      ['uptimeGuarantee', 'creditTiers', 2, 'creditPercent'],
    ]);
    const above = plan((p) => (p.uptimeGuarantee!.creditTiers[0]!.belowPercent = 99.95));
    expect(issues(above)).toEqual([
      { path: ['uptimeGuarantee', 'creditTiers', 0, 'belowPercent'], message: 'cannot be above the guarantee (99.9 %), or credit is owed while the guarantee is met' },
    ]);
  });

  it('keeps percentages in range with at most 4 decimals', () => {
    expect(issues(plan((p) => (p.uptimeGuarantee!.percent = 100.1)))).toContainEqual({ path: ['uptimeGuarantee', 'percent'], message: 'the guarantee can be at most 100 %' });
    expect(issues(plan((p) => (p.uptimeGuarantee!.creditTiers[2]!.creditPercent = 0)))).toContainEqual({
      path: ['uptimeGuarantee', 'creditTiers', 2, 'creditPercent'],
      message: 'the credit must be more than 0 %',
    });
    expect(issues(plan((p) => (p.uptimeGuarantee!.percent = 99.99999)))).toEqual([{ path: ['uptimeGuarantee', 'percent'], message: 'the guarantee can have at most 4 decimals' }]);
    expect(issues(plan((p) => (p.uptimeGuarantee!.percent = 99.9999)))).toEqual([]);
    expect(issues(plan((p) => (p.uptimeGuarantee = null)))).toEqual([]);
  });

  it('checks the support hours, channels and name', () => {
    expect(issues(plan((p) => (p.supportHours.timeZone = 'Nowhere/Land'))).map((i) => i.path)).toEqual([['supportHours', 'timeZone']]);
    expect(issues(plan((p) => (p.supportHours.week.mon = [{ start: '18:00', end: '09:00' }]))).map((i) => i.path)).toEqual([['supportHours', 'week', 'mon', 0, 'end']]);
    expect(issues(plan((p) => (p.channels = [])))).toEqual([{ path: ['channels'], message: 'must list at least one way to reach support' }]);
    expect(issues(plan((p) => (p.channels = ['email', 'email'])))).toEqual([{ path: ['channels'], message: 'lists a channel twice' }]);
    expect(issues(plan((p) => (p.name = '  '))).map((i) => i.path)).toEqual([['name']]);
  });
});

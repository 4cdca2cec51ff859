import { describe, expect, it } from 'vitest';
import { leadDays, median, renewalKpis, type RenewalOutcome } from './kpis.model.ts';

const outcome = (fields: Partial<RenewalOutcome> & Pick<RenewalOutcome, 'assetId' | 'dueOn'>): RenewalOutcome => ({
  clientId: 'c1',
  renewedOn: null,
  lapsed: false,
  taskCreatedOn: null,
  amountPaid: null,
  ...fields,
});

const firstQuarter = { from: '2026-01-01', to: '2026-03-31' };

describe('renewalKpis', () => {
  // Hand-computed for 2026-01-01 … 2026-03-31.
  const outcomes: RenewalOutcome[] = [
    outcome({ assetId: 'o1', dueOn: '2026-01-10', renewedOn: '2026-01-03', amountPaid: { amount: 1200, currency: 'EUR' } }),
    outcome({ assetId: 'o2', dueOn: '2026-01-31', renewedOn: '2026-01-31', amountPaid: { amount: 500, currency: 'SEK' } }),
    outcome({ assetId: 'o3', dueOn: '2026-02-28', renewedOn: '2026-03-02', lapsed: true, amountPaid: { amount: 1000, currency: 'EUR' } }),
    outcome({ assetId: 'o4', dueOn: '2026-03-15', lapsed: true }),
    // Due after the period but paid inside it: counts as March spend only.
    outcome({ assetId: 'o5', dueOn: '2026-04-10', renewedOn: '2026-03-20', amountPaid: { amount: 300, currency: 'EUR' } }),
    // Entirely before the period.
    outcome({ assetId: 'o6', dueOn: '2025-12-31', renewedOn: '2025-12-20', amountPaid: { amount: 999, currency: 'EUR' } }),
    // 2026-02-01 → 2026-03-01 is 28 days (no leap day in 2026).
    outcome({ assetId: 'o7', dueOn: '2026-03-01', renewedOn: '2026-02-01', amountPaid: { amount: 700, currency: 'EUR' } }),
  ];
  const kpis = renewalKpis(outcomes, firstQuarter);

  it('rates renewals done on or before their due day against all due in the period', () => {
    expect(kpis.successRate).toEqual({ renewedInTime: 3, due: 5, rate: 0.6 });
  });

  it('counts and lists the lapses due in the period', () => {
    expect(kpis.lapses.count).toBe(2);
    expect(kpis.lapses.outcomes.map((o) => o.assetId)).toEqual(['o3', 'o4']);
  });

  it('takes the median lead time over an even count as the mean of the middle two', () => {
    // Lead days 7, 0, −2 (late), 28 → sorted −2, 0, 7, 28 → (0 + 7) / 2.
    expect(kpis.medianLeadDays).toBe(3.5);
  });

  it('adds what was paid per calendar month of renewal, one total per currency', () => {
    expect(kpis.costPerMonth).toEqual([
      { month: '2026-01', totals: [{ currency: 'EUR', amount: 1200 }, { currency: 'SEK', amount: 500 }] },
      { month: '2026-02', totals: [{ currency: 'EUR', amount: 700 }] },
      { month: '2026-03', totals: [{ currency: 'EUR', amount: 1300 }] },
    ]);
  });

  it('reports no rate and no median for a period where nothing was due', () => {
    const empty = renewalKpis([], { from: '2026-11-15', to: '2027-01-10' });
    expect(empty.successRate).toEqual({ renewedInTime: 0, due: 0, rate: null });
    expect(empty.lapses).toEqual({ count: 0, outcomes: [] });
    expect(empty.medianLeadDays).toBeNull();
    expect(empty.costPerMonth).toEqual([
      { month: '2026-11', totals: [] },
      { month: '2026-12', totals: [] },
      { month: '2027-01', totals: [] },
    ]);
  });

  it('has no median when renewals were due but none was done', () => {
    const undone = renewalKpis([outcome({ assetId: 'a', dueOn: '2026-02-01', lapsed: true })], firstQuarter);
    expect(undone.successRate).toEqual({ renewedInTime: 0, due: 1, rate: 0 });
    expect(undone.medianLeadDays).toBeNull();
  });

  it('includes both ends of the period', () => {
    const edges = renewalKpis(
      [
        outcome({ assetId: 'a', dueOn: '2026-01-01', renewedOn: '2026-01-01', amountPaid: { amount: 1, currency: 'JPY' } }),
        outcome({ assetId: 'b', dueOn: '2026-03-31', renewedOn: '2026-03-31', amountPaid: { amount: 2, currency: 'JPY' } }),
      ],
      firstQuarter,
    );
    expect(edges.successRate.due).toBe(2);
    expect(edges.costPerMonth.map((m) => m.totals)).toEqual([[{ currency: 'JPY', amount: 1 }], [], [{ currency: 'JPY', amount: 2 }]]);
  });

  it('rejects a period that ends before it starts or is no calendar date', () => {
    expect(() => renewalKpis([], { from: '2026-02-01', to: '2026-01-31' })).toThrow(RangeError);
    expect(() => renewalKpis([], { from: '2026-02-30', to: '2026-03-31' })).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1])).toBe(2.5);
    expect(median([10])).toBe(10);
    expect(median([])).toBeNull();
  });
});

describe('leadDays', () => {
  it('counts calendar days across February, leap years included', () => {
    expect(leadDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(leadDays('2026-03-01', '2026-02-28')).toBe(1);
    expect(leadDays('2026-01-10', '2026-01-12')).toBe(-2);
  });
});

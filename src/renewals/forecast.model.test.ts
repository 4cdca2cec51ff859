import { describe, expect, it } from 'vitest';
import { addMonths, exactSum, forecastSpend, forecastTotals, renewalDays, type ForecastAsset } from './forecast.model.ts';

const asset = (fields: Partial<ForecastAsset> & Pick<ForecastAsset, 'id'>): ForecastAsset => ({
  clientId: 'c1',
  providerId: 'p1',
  status: 'active',
  expiresOn: '2027-01-01',
  billingCycle: 'yearly',
  cycleMonths: null,
  currency: 'EUR',
  costAmount: 1000,
  renewalAmount: null,
  ...fields,
});

describe('addMonths', () => {
  it('clamps to the last day of shorter months, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('crosses year ends', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
  });
});

describe('renewalDays', () => {
  it('steps a month-end monthly asset from its own day, so March is the 31st again', () => {
    const monthly = asset({ id: 'a', billingCycle: 'monthly', expiresOn: '2027-01-31' });
    expect(renewalDays(monthly, '2027-01-01', '2027-05-01')).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    const leap = asset({ id: 'a', billingCycle: 'monthly', expiresOn: '2028-01-31' });
    expect(renewalDays(leap, '2028-02-01', '2028-03-01')).toEqual(['2028-02-29']);
  });

  it('rolls an asset that expired before the window forward to its next cycle day', () => {
    const yearly = asset({ id: 'a', expiresOn: '2026-06-15' });
    expect(renewalDays(yearly, '2026-11-21', '2027-11-01')).toEqual(['2027-06-15']);
    const longAgo = asset({ id: 'a', billingCycle: 'monthly', expiresOn: '2020-03-31' });
    expect(renewalDays(longAgo, '2026-11-21', '2027-01-01')).toEqual(['2026-11-30', '2026-12-31']);
  });

  it('counts quarters from the expiry day', () => {
    const quarterly = asset({ id: 'a', billingCycle: 'quarterly', expiresOn: '2026-11-30' });
    expect(renewalDays(quarterly, '2026-11-01', '2027-11-01')).toEqual(['2026-11-30', '2027-02-28', '2027-05-30', '2027-08-30']);
  });

  it('uses cycle_months for multi-year assets, 24 when none is recorded', () => {
    const threeYears = asset({ id: 'a', billingCycle: 'multi-year', cycleMonths: 36, expiresOn: '2024-02-29' });
    expect(renewalDays(threeYears, '2026-11-01', '2027-11-01')).toEqual(['2027-02-28']);
    expect(renewalDays(threeYears, '2027-03-01', '2029-11-01')).toEqual([]);
    const twoYears = asset({ id: 'a', billingCycle: 'multi-year', cycleMonths: null, expiresOn: '2025-03-10' });
    expect(renewalDays(twoYears, '2026-11-01', '2027-11-01')).toEqual(['2027-03-10']);
  });

  it('renews a one-off purchase never again', () => {
    expect(renewalDays(asset({ id: 'a', billingCycle: 'one-off', expiresOn: '2027-02-01' }), '2026-11-01', '2027-11-01')).toEqual([
      '2027-02-01',
    ]);
    expect(renewalDays(asset({ id: 'a', billingCycle: 'one-off', expiresOn: '2026-02-01' }), '2026-11-01', '2027-11-01')).toEqual([]);
  });

  it('forecasts nothing for retired, cancelled or undated assets, or a zero-month cycle', () => {
    for (const status of ['retired', 'cancelled'] as const) {
      expect(renewalDays(asset({ id: 'a', status, expiresOn: '2027-01-01' }), '2026-11-01', '2027-11-01')).toEqual([]);
    }
    expect(renewalDays(asset({ id: 'a', expiresOn: null }), '2026-11-01', '2027-11-01')).toEqual([]);
    const broken = asset({ id: 'a', billingCycle: 'multi-year', cycleMonths: 0 });
    expect(renewalDays(broken, '2026-11-01', '2027-11-01')).toEqual([]);
  });

  it('still forecasts an expired asset, which may yet be renewed', () => {
    expect(renewalDays(asset({ id: 'a', status: 'expired', expiresOn: '2026-10-01' }), '2026-11-01', '2027-11-01')).toEqual(['2027-10-01']);
  });
});

describe('forecastSpend', () => {
  // Hand-computed: from 2026-11-21 the window is 2026-11 … 2027-10 (renewals before the 21st excluded).
  const portfolio: ForecastAsset[] = [
    // 12 renewals on month ends, 2026-11-30 … 2027-10-31: 12 × 1000 EUR.
    asset({ id: 'a1', billingCycle: 'monthly', expiresOn: '2026-11-30', costAmount: 1000 }),
    // Expired before the window; renews 2027-03-01 at the renewal price, not the cost.
    asset({ id: 'a2', providerId: 'p2', expiresOn: '2026-03-01', currency: 'SEK', costAmount: 50_000, renewalAmount: 60_000 }),
    // 2027-01-15, 04-15, 07-15, 10-15: 4 × 2500 EUR.
    asset({ id: 'a3', clientId: 'c2', billingCycle: 'quarterly', expiresOn: '2027-01-15', costAmount: null, renewalAmount: 2500 }),
    // 2024-08-31 + 36 months = 2027-08-31, no provider recorded.
    asset({
      id: 'a4',
      clientId: 'c2',
      providerId: null,
      billingCycle: 'multi-year',
      cycleMonths: 36,
      expiresOn: '2024-08-31',
      currency: 'USD',
      costAmount: 9000,
    }),
    asset({ id: 'a5', clientId: 'c2', status: 'cancelled', billingCycle: 'monthly', expiresOn: '2026-12-01', costAmount: 99_999 }),
    asset({ id: 'a6', expiresOn: '2027-05-05', costAmount: null, renewalAmount: null }),
  ];
  const forecast = forecastSpend(portfolio, '2026-11-21');

  it('lists every month of the window, empty ones included', () => {
    expect(forecast.months.map((m) => m.month)).toEqual([
      '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04',
      '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10',
    ]);
  });

  it('adds each month per client, per provider and per currency', () => {
    const january = forecast.months.find((m) => m.month === '2027-01')!;
    expect(january.byClient).toEqual([
      { clientId: 'c1', currency: 'EUR', amount: 1000 },
      { clientId: 'c2', currency: 'EUR', amount: 2500 },
    ]);
    expect(january.byProvider).toEqual([{ providerId: 'p1', currency: 'EUR', amount: 3500 }]);
    expect(january.totals).toEqual([{ currency: 'EUR', amount: 3500 }]);

    const march = forecast.months.find((m) => m.month === '2027-03')!;
    expect(march.totals).toEqual([
      { currency: 'EUR', amount: 1000 },
      { currency: 'SEK', amount: 60_000 },
    ]);
    const august = forecast.months.find((m) => m.month === '2027-08')!;
    expect(august.byProvider).toEqual([
      { providerId: null, currency: 'USD', amount: 9000 },
      { providerId: 'p1', currency: 'EUR', amount: 1000 },
    ]);
  });

  it('lists renewals without any price apart instead of counting them as free', () => {
    expect(forecast.unpriced).toEqual([{ assetId: 'a6', clientId: 'c1', renewsOn: '2027-05-05' }]);
    expect(forecast.renewals.some((r) => r.assetId === 'a6' || r.assetId === 'a5')).toBe(false);
    expect(forecast.renewals).toHaveLength(12 + 1 + 4 + 1);
  });

  it('totals the window per client and per provider without mixing currencies', () => {
    expect(forecastTotals(forecast)).toEqual({
      byClient: [
        { clientId: 'c1', currency: 'EUR', amount: 12_000 },
        { clientId: 'c1', currency: 'SEK', amount: 60_000 },
        { clientId: 'c2', currency: 'EUR', amount: 10_000 },
        { clientId: 'c2', currency: 'USD', amount: 9000 },
      ],
      byProvider: [
        { providerId: null, currency: 'USD', amount: 9000 },
        { providerId: 'p1', currency: 'EUR', amount: 22_000 },
        { providerId: 'p2', currency: 'SEK', amount: 60_000 },
      ],
      totals: [
        { currency: 'EUR', amount: 22_000 },
        { currency: 'SEK', amount: 60_000 },
        { currency: 'USD', amount: 9000 },
      ],
    });
  });

  it('skips renewals earlier in the first month than the start day', () => {
    const early = forecastSpend([asset({ id: 'a', billingCycle: 'monthly', expiresOn: '2026-10-05' })], '2026-11-21');
    expect(early.months[0]!.totals).toEqual([]);
    expect(early.renewals.map((r) => r.renewsOn)).toEqual([
      '2026-12-05', '2027-01-05', '2027-02-05', '2027-03-05', '2027-04-05', '2027-05-05',
      '2027-06-05', '2027-07-05', '2027-08-05', '2027-09-05', '2027-10-05',
    ]);
  });

  it('gives empty months and totals when nothing renews', () => {
    const empty = forecastSpend([], '2027-01-01', 3);
    expect(empty.months).toEqual([
      { month: '2027-01', byClient: [], byProvider: [], totals: [] },
      { month: '2027-02', byClient: [], byProvider: [], totals: [] },
      { month: '2027-03', byClient: [], byProvider: [], totals: [] },
    ]);
    expect(forecastTotals(empty)).toEqual({ byClient: [], byProvider: [], totals: [] });
  });

  it('rejects a start that is no calendar date and a window that is no whole number of months', () => {
    expect(() => forecastSpend([], '2026-02-30')).toThrow(RangeError);
    expect(() => forecastSpend([], '2026-11-01', 0)).toThrow(RangeError);
    expect(() => forecastSpend([], '2026-11-01', 1.5)).toThrow(RangeError);
  });
});

describe('exactSum', () => {
  it('adds whole minor units and refuses totals it could not hold exactly', () => {
    expect(exactSum(999, 1)).toBe(1000);
    expect(() => exactSum(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => exactSum(9.99, 1)).toThrow(RangeError);
  });
});

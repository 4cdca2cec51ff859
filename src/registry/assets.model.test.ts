import { describe, expect, it } from 'vitest';
import {
  dateAfterDays,
  daysUntilRenewal,
  effectiveStatus,
  isCalendarDate,
  monthsPerCycle,
  searchText,
  searchWords,
  yearlyCost,
  type Asset,
} from './assets.model.ts';

type CostFields = Pick<Asset, 'billingCycle' | 'cycleMonths' | 'costAmount' | 'renewalAmount' | 'status'>;
const priced = (fields: Partial<CostFields>): CostFields => ({
  billingCycle: 'yearly',
  cycleMonths: null,
  costAmount: null,
  renewalAmount: null,
  status: 'active',
  ...fields,
});

describe('monthsPerCycle', () => {
  it('knows each cycle, with 24 months as the multi-year default', () => {
    expect(monthsPerCycle('monthly', null)).toBe(1);
    expect(monthsPerCycle('quarterly', null)).toBe(3);
    expect(monthsPerCycle('yearly', null)).toBe(12);
    expect(monthsPerCycle('multi-year', 36)).toBe(36);
    expect(monthsPerCycle('multi-year', null)).toBe(24);
    expect(monthsPerCycle('one-off', null)).toBeNull();
  });
});

describe('yearlyCost', () => {
  it('spreads the price of one cycle over a year', () => {
    expect(yearlyCost(priced({ billingCycle: 'monthly', costAmount: 999 }))).toBe(11_988);
    expect(yearlyCost(priced({ billingCycle: 'quarterly', costAmount: 2500 }))).toBe(10_000);
    expect(yearlyCost(priced({ billingCycle: 'yearly', costAmount: 1299 }))).toBe(1299);
    expect(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 24, costAmount: 3000 }))).toBe(1500);
  });

  it('rounds to a whole minor unit, half up', () => {
    // 10000 over three years is 3333.33… per year.
    expect(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 36, costAmount: 10_000 }))).toBe(3333);
    // 1001 over two years is exactly 500.5.
    expect(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 24, costAmount: 1001 }))).toBe(501);
    // 5 over three years is 1.67.
    expect(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 36, costAmount: 5 }))).toBe(2);
    // 1 over 120 months is 0.1.
    expect(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 120, costAmount: 1 }))).toBe(0);
    expect(Number.isInteger(yearlyCost(priced({ billingCycle: 'multi-year', cycleMonths: 84, costAmount: 12_345 })))).toBe(true);
  });

  it('uses the renewal price, which is what will be paid next, over the current cost', () => {
    expect(yearlyCost(priced({ costAmount: 99, renewalAmount: 1899 }))).toBe(1899);
    expect(yearlyCost(priced({ costAmount: 99, renewalAmount: null }))).toBe(99);
    expect(yearlyCost(priced({ billingCycle: 'monthly', costAmount: 500, renewalAmount: 0 }))).toBe(0);
  });

  it('is zero for one-off purchases, unpriced, cancelled and retired assets', () => {
    expect(yearlyCost(priced({ billingCycle: 'one-off', costAmount: 50_000 }))).toBe(0);
    expect(yearlyCost(priced({}))).toBe(0);
    expect(yearlyCost(priced({ status: 'cancelled', costAmount: 1000 }))).toBe(0);
    expect(yearlyCost(priced({ status: 'retired', costAmount: 1000 }))).toBe(0);
    // An asset that has expired is still something the client pays for until it is cancelled.
    expect(yearlyCost(priced({ status: 'expired', costAmount: 1000 }))).toBe(1000);
  });
});

describe('daysUntilRenewal', () => {
  const at = (iso: string) => new Date(iso);

  it('counts calendar days in UTC, whatever the time of day', () => {
    expect(daysUntilRenewal('2026-12-01', at('2026-11-21T00:00:00Z'))).toBe(10);
    expect(daysUntilRenewal('2026-12-01', at('2026-11-21T23:59:59.999Z'))).toBe(10);
    expect(daysUntilRenewal('2026-11-21', at('2026-11-21T18:00:00Z'))).toBe(0);
    expect(daysUntilRenewal('2026-11-20', at('2026-11-21T00:00:01Z'))).toBe(-1);
    expect(daysUntilRenewal(null, at('2026-11-21T00:00:00Z'))).toBeNull();
  });

  it('crosses month and year ends', () => {
    expect(daysUntilRenewal('2026-02-01', at('2026-01-31T23:00:00Z'))).toBe(1);
    expect(daysUntilRenewal('2026-05-01', at('2026-04-30T12:00:00Z'))).toBe(1);
    expect(daysUntilRenewal('2027-01-01', at('2026-12-31T23:59:00Z'))).toBe(1);
    expect(daysUntilRenewal('2027-01-31', at('2026-12-31T00:00:00Z'))).toBe(31);
  });

  it('counts 29 February in leap years only', () => {
    expect(daysUntilRenewal('2026-03-01', at('2026-02-28T10:00:00Z'))).toBe(1);
    expect(daysUntilRenewal('2028-03-01', at('2028-02-28T10:00:00Z'))).toBe(2);
    expect(daysUntilRenewal('2028-02-29', at('2028-02-28T10:00:00Z'))).toBe(1);
    expect(daysUntilRenewal('2029-02-28', at('2028-02-29T00:00:00Z'))).toBe(365);
    expect(daysUntilRenewal('2028-02-28', at('2027-02-28T00:00:00Z'))).toBe(365);
    expect(daysUntilRenewal('2029-02-28', at('2028-02-28T00:00:00Z'))).toBe(366);
  });

  it('is not thrown off by a daylight-saving change in a local zone', () => {
    // Central Europe moves its clocks on 29 March 2026 and 25 October 2026.
    expect(daysUntilRenewal('2026-03-30', at('2026-03-28T23:30:00Z'))).toBe(2);
    expect(daysUntilRenewal('2026-10-26', at('2026-10-24T22:30:00Z'))).toBe(2);
  });
});

describe('dateAfterDays', () => {
  it('gives the UTC calendar date N days on', () => {
    expect(dateAfterDays(new Date('2026-11-21T23:30:00Z'), 0)).toBe('2026-11-21');
    expect(dateAfterDays(new Date('2026-11-21T10:00:00Z'), 30)).toBe('2026-12-21');
    expect(dateAfterDays(new Date('2028-02-28T10:00:00Z'), 1)).toBe('2028-02-29');
    expect(dateAfterDays(new Date('2026-02-28T10:00:00Z'), 1)).toBe('2026-03-01');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates in YYYY-MM-DD form', () => {
    for (const d of ['2026-12-31', '2026-01-01', '2028-02-29', '2000-02-29', '2026-04-30']) expect(isCalendarDate(d), d).toBe(true);
  });

  it('rejects days that do not exist', () => {
    for (const d of ['2026-02-29', '2026-02-30', '2026-04-31', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });

  it('rejects other spellings of a date', () => {
    for (const d of ['31.12.2026', '12/31/2026', '2026-1-05', '2026-12-31T00:00:00Z', ' 2026-12-31', '20261231', '', 'tomorrow']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });
});

describe('effectiveStatus', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  const of = (status: Asset['status'], expiresOn: string | null) => effectiveStatus({ status, expiresOn }, now);

  it('turns a stored active asset into expiring within 30 days and expired after the date', () => {
    expect(of('active', '2026-12-22')).toBe('active'); // 31 days
    expect(of('active', '2026-12-21')).toBe('expiring'); // 30 days
    expect(of('active', '2026-11-22')).toBe('expiring');
    expect(of('active', '2026-11-21')).toBe('expiring'); // the last day is still "expiring"
    expect(of('active', '2026-11-20')).toBe('expired');
    expect(of('active', null)).toBe('active');
  });

  it('treats a stored "expiring" like active: the date decides', () => {
    expect(of('expiring', '2027-06-01')).toBe('active');
    expect(of('expiring', '2026-12-01')).toBe('expiring');
    expect(of('expiring', '2026-01-01')).toBe('expired');
    expect(of('expiring', null)).toBe('active');
  });

  it('keeps statuses a person set, whatever the date', () => {
    expect(of('cancelled', '2026-01-01')).toBe('cancelled');
    expect(of('renewing', '2026-11-01')).toBe('renewing');
    expect(of('retired', '2026-12-01')).toBe('retired');
    expect(of('expired', '2027-06-01')).toBe('expired');
  });

  it('moves with the clock', () => {
    const asset = { status: 'active' as const, expiresOn: '2027-01-31' };
    expect(effectiveStatus(asset, new Date('2026-12-31T23:59:59Z'))).toBe('active');
    expect(effectiveStatus(asset, new Date('2027-01-01T00:00:00Z'))).toBe('expiring');
    expect(effectiveStatus(asset, new Date('2027-01-31T23:59:59Z'))).toBe('expiring');
    expect(effectiveStatus(asset, new Date('2027-02-01T00:00:00Z'))).toBe('expired');
  });
});

describe('search words', () => {
  it('splits on anything that is not a letter or digit, and lower-cases', () => {
    expect(searchWords('shop.example.com')).toEqual(['shop', 'example', 'com']);
    expect(searchWords('  SRV-01_backup/eu  ')).toEqual(['srv', '01', 'backup', 'eu']);
    expect(searchWords('')).toEqual([]);
    expect(searchWords('--- ...')).toEqual([]);
  });

  it('drops diacritics so "cafe" finds "Café"', () => {
    expect(searchWords('Café Crème Brûlée')).toEqual(['cafe', 'creme', 'brulee']);
    expect(searchWords('Ångström Malmö Øre')).toEqual(['angstrom', 'malmo', 'øre']);
    expect(searchWords('ﬁle')).toEqual(['file']); // a ligature, unfolded
    expect(searchWords('Сайт клиента')).toEqual(['саит', 'клиента']);
    expect(searchWords('café')).toEqual(searchWords('cafe\u0301')); // precomposed and combining forms agree
  });

  it('indexes name, identifier parts, tags and notes once each', () => {
    const text = searchText({ name: 'Shop', identifier: 'shop.example.com', tags: ['web', 'Café'], notes: 'Shop renewals: call Anna' });
    expect(text).toBe('shop example com web cafe renewals call anna');
    expect(text.split(' ')).toContain('example');
  });
});

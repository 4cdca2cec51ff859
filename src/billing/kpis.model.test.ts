import { describe, expect, it } from 'vitest';
import { addMonths, dayEdges, daysSalesOutstanding, dunningRecovery, failedPayments, monthEdges, monthsOf, percentOf, renewalRevenue } from './kpis.model.ts';

describe('months of a period', () => {
  it('lists every month across a year end, both ends included', () => {
    expect(monthsOf({ from: '2026-11', to: '2027-02' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(addMonths('2026-01', -11)).toBe('2025-02');
  });

  it('refuses a period that ends before it starts or is not made of months', () => {
    expect(() => monthsOf({ from: '2026-03', to: '2026-02' })).toThrow(RangeError);
    expect(() => monthsOf({ from: '2026-13', to: '2027-01' })).toThrow(RangeError);
  });

  it("begins each month at midnight in the agency's zone, summer time included", () => {
    // Stockholm is UTC+1 in winter and UTC+2 from the last Sunday of March.
    expect(monthEdges(['2026-03', '2026-04'], 'Europe/Stockholm')).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z']);
    expect(monthEdges([], 'UTC')).toEqual([]);
  });

  it('has one edge more than days, across a leap day', () => {
    const edges = dayEdges('2028-02-28', '2028-03-01', 'Asia/Tokyo');
    expect(edges).toEqual(['2028-02-27T15:00:00.000Z', '2028-02-28T15:00:00.000Z', '2028-02-29T15:00:00.000Z', '2028-03-01T15:00:00.000Z']);
  });

  it('begins each day when it begins in the zone, across summer time both ways', () => {
    // Stockholm: clocks go forward on March 31, 2030 and back on October 27.
    expect(dayEdges('2030-03-30', '2030-03-31', 'Europe/Stockholm')).toEqual(['2030-03-29T23:00:00.000Z', '2030-03-30T23:00:00.000Z', '2030-03-31T22:00:00.000Z']);
    expect(dayEdges('2030-10-27', '2030-10-27', 'Europe/Stockholm')).toEqual(['2030-10-26T22:00:00.000Z', '2030-10-27T23:00:00.000Z']);
    // Santiago skips from 00:00 to 01:00 on September 8, 2030: that day begins at 01:00 (UTC−3).
    expect(dayEdges('2030-09-07', '2030-09-09', 'America/Santiago')).toEqual(['2030-09-07T04:00:00.000Z', '2030-09-08T04:00:00.000Z', '2030-09-09T03:00:00.000Z', '2030-09-10T03:00:00.000Z']);
  });
});

describe('renewalRevenue', () => {
  const months = ['2026-01', '2026-02', '2026-03'];

  it('keeps each currency apart per month and in the totals, and takes credits off in their own month', () => {
    const view = renewalRevenue(months, {
      billed: [
        { month: '2026-01', currency: 'EUR', amount: 12_000 },
        { month: '2026-01', currency: 'JPY', amount: 5_000 },
        { month: '2026-03', currency: 'EUR', amount: 3_000 },
      ],
      // January's EUR invoice partly credited in February: February goes below nothing.
      credited: [{ month: '2026-02', currency: 'EUR', amount: 2_000 }],
      collected: [
        { month: '2026-02', currency: 'EUR', amount: 10_000 },
        { month: '2026-02', currency: 'JPY', amount: 5_000 },
      ],
    });
    expect(view.months).toEqual([
      {
        month: '2026-01',
        totals: [
          { currency: 'EUR', invoiced: 12_000, credited: 0, collected: 0 },
          { currency: 'JPY', invoiced: 5_000, credited: 0, collected: 0 },
        ],
      },
      {
        month: '2026-02',
        totals: [
          { currency: 'EUR', invoiced: -2_000, credited: 2_000, collected: 10_000 },
          { currency: 'JPY', invoiced: 0, credited: 0, collected: 5_000 },
        ],
      },
      { month: '2026-03', totals: [{ currency: 'EUR', invoiced: 3_000, credited: 0, collected: 0 }] },
    ]);
    expect(view.totals).toEqual([
      { currency: 'EUR', invoiced: 13_000, credited: 2_000, collected: 10_000 },
      { currency: 'JPY', invoiced: 5_000, credited: 0, collected: 5_000 },
    ]);
  });

  it('lists every month, empty, when nothing happened', () => {
    const view = renewalRevenue(months, { billed: [], credited: [], collected: [] });
    expect(view.months).toEqual(months.map((month) => ({ month, totals: [] })));
    expect(view.totals).toEqual([]);
  });

  it('refuses a sum for a month outside the period', () => {
    expect(() => renewalRevenue(months, { billed: [{ month: '2026-04', currency: 'EUR', amount: 1 }], credited: [], collected: [] })).toThrow(RangeError);
  });
});

describe('failedPayments', () => {
  it('rates declines against settled attempts, overall and per gateway, with gateway errors and open attempts apart', () => {
    const view = failedPayments([
      { gateway: 'stripe', state: 'succeeded', count: 6 },
      { gateway: 'stripe', state: 'declined', count: 2 },
      { gateway: 'stripe', state: 'failed', count: 5 },
      { gateway: 'paypal', state: 'succeeded', count: 1 },
      { gateway: 'paypal', state: 'declined', count: 2 },
      { gateway: 'paypal', state: 'pending', count: 1 },
      { gateway: 'paypal', state: 'requested', count: 1 },
    ]);
    // 4 declined of 11 settled: 36.36… % → 36.4.
    expect(view.overall).toEqual({ succeeded: 7, declined: 4, failed: 5, unsettled: 2, percent: 36.4 });
    expect(view.byGateway).toEqual([
      // 2 of 3: 66.66… % → 66.7.
      { gateway: 'paypal', succeeded: 1, declined: 2, failed: 0, unsettled: 2, percent: 66.7 },
      { gateway: 'stripe', succeeded: 6, declined: 2, failed: 5, unsettled: 0, percent: 25 },
    ]);
  });

  it('has no rate when no attempt was settled, even with gateway errors', () => {
    expect(failedPayments([]).overall).toEqual({ succeeded: 0, declined: 0, failed: 0, unsettled: 0, percent: null });
    expect(failedPayments([{ gateway: 'stripe', state: 'failed', count: 3 }]).byGateway).toEqual([{ gateway: 'stripe', succeeded: 0, declined: 0, failed: 3, unsettled: 0, percent: null }]);
  });
});

describe('dunningRecovery', () => {
  it('rates recovered cases against ended ones and reports the active ones beside', () => {
    const view = dunningRecovery([
      { state: 'recovered', count: 2 },
      { state: 'exhausted', count: 1 },
      { state: 'stopped', count: 3 },
      { state: 'active', count: 4 },
    ]);
    // 2 of 6 ended: 33.33… % → 33.3.
    expect(view).toEqual({ entered: 10, active: 4, recovered: 2, exhausted: 1, stopped: 3, ended: 6, percent: 33.3 });
  });

  it('has no rate while every case is still active, nor for no cases', () => {
    expect(dunningRecovery([{ state: 'active', count: 2 }]).percent).toBeNull();
    expect(dunningRecovery([])).toEqual({ entered: 0, active: 0, recovered: 0, exhausted: 0, stopped: 0, ended: 0, percent: null });
  });
});

describe('daysSalesOutstanding', () => {
  // A 90-day first quarter (2026 is no leap year): 31 + 28 + 31.
  const quarter = { firstDay: '2026-01-01', lastDay: '2026-03-31' };

  it('works out DSO and the mean days to pay per currency, JPY and EUR apart', () => {
    const rows = daysSalesOutstanding({
      ...quarter,
      // €3,000.00 owed of €9,000.00 invoiced over 90 days: 30 days.
      receivable: [
        { currency: 'EUR', amount: 300_000 },
        { currency: 'JPY', amount: 70_000 },
      ],
      invoiced: [
        { currency: 'EUR', amount: 900_000 },
        // ¥70,000 of ¥210,000: a third of 90 days, 30 days; whole yen, no minor digits.
        { currency: 'JPY', amount: 210_000 },
      ],
      paid: [
        // EUR: issued Jan 1 (day 0), paid Jan 15 and Jan 31 (days 14 and 30): 14 + 30 days.
        { currency: 'EUR', issuedOn: '2026-01-01', invoices: 2, paidDaySum: 44 },
        // Issued Dec 20 of the year before (day −12), paid Jan 3 (day 2): 14 days.
        { currency: 'EUR', issuedOn: '2025-12-20', invoices: 1, paidDaySum: 2 },
        // JPY: issued Feb 1 (day 31), paid Mar 2 (day 60): 29 days.
        { currency: 'JPY', issuedOn: '2026-02-01', invoices: 1, paidDaySum: 60 },
      ],
    });
    expect(rows).toEqual([
      // (14 + 30 + 14) / 3 = 19.33… → 19.3.
      { currency: 'EUR', receivableAtEnd: 300_000, invoiced: 900_000, dso: 30, paidInvoices: 3, averageDaysToPay: 19.3 },
      { currency: 'JPY', receivableAtEnd: 70_000, invoiced: 210_000, dso: 30, paidInvoices: 1, averageDaysToPay: 29 },
    ]);
  });

  it('has no DSO for a currency only owed, and no mean when nothing was paid', () => {
    const rows = daysSalesOutstanding({ ...quarter, receivable: [{ currency: 'SEK', amount: 5_000 }], invoiced: [], paid: [] });
    expect(rows).toEqual([{ currency: 'SEK', receivableAtEnd: 5_000, invoiced: 0, dso: null, paidInvoices: 0, averageDaysToPay: null }]);
  });

  it('rounds DSO to one decimal over a period of one day', () => {
    // 1 / 3 of one day: 0.33… → 0.3.
    const rows = daysSalesOutstanding({ firstDay: '2026-05-31', lastDay: '2026-05-31', receivable: [{ currency: 'EUR', amount: 100 }], invoiced: [{ currency: 'EUR', amount: 300 }], paid: [] });
    expect(rows[0]!.dso).toBe(0.3);
  });

  it('answers nothing for no data', () => {
    expect(daysSalesOutstanding({ ...quarter, receivable: [], invoiced: [], paid: [] })).toEqual([]);
  });
});

describe('percentOf', () => {
  it('gives one decimal and null for nothing to divide by', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });
});

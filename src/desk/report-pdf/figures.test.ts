import { describe, expect, it } from 'vitest';
import type { SiteUptime } from '../reports.types.ts';
import { dailyAcrossSites, meetsGuarantee, uptimeAxis } from './figures.ts';

function site(daily: (number | null)[]): SiteUptime {
  return {
    monitorId: 'mon_1', name: 'Site', target: 'https://example.com/', uptimePercent: null, downtimeSeconds: 0, maintenanceSeconds: 0, meetsGuarantee: null,
    daily: daily.map((uptimePercent, i) => ({ date: `2026-11-0${i + 1}`, uptimePercent })),
  };
}

describe('the daily chart’s figures', () => {
  it('averages the sites monitored each day and leaves unmonitored days empty', () => {
    const days = dailyAcrossSites([site([100, 99, null]), site([98, null, null])]);
    expect(days).toEqual([
      { date: '2026-11-01', uptimePercent: 99 },
      { date: '2026-11-02', uptimePercent: 99 },
      { date: '2026-11-03', uptimePercent: null },
    ]);
    expect(dailyAcrossSites([])).toEqual([]);
  });

  it('zooms the axis to 95–100 % and widens it only for a lower day or guarantee', () => {
    const day = (uptimePercent: number | null) => ({ date: '2026-11-01', uptimePercent });
    expect(uptimeAxis([day(99.5), day(null)], 99.9)).toEqual({ floor: 95, ticks: [95, 96, 97, 98, 99, 100] });
    expect(uptimeAxis([day(95)], 99.9).floor).toBe(95);
    expect(uptimeAxis([day(94.9)], 99.9)).toEqual({ floor: 90, ticks: [90, 92, 94, 96, 98, 100] });
    expect(uptimeAxis([day(62)], null).floor).toBe(50);
    expect(uptimeAxis([day(3)], null).floor).toBe(0);
    expect(uptimeAxis([day(100)], 93).floor).toBe(90);
  });

  it('decides met at a millionth of a percent, as the credit does', () => {
    expect(meetsGuarantee(99.9, 99.9)).toBe(true);
    expect(meetsGuarantee(99.89999999999999, 99.9)).toBe(true);
    expect(meetsGuarantee(99.8999, 99.9)).toBe(false);
    expect(meetsGuarantee(null, 99.9)).toBeNull();
    expect(meetsGuarantee(99, null)).toBeNull();
  });
});

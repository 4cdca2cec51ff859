import { describe, expect, it } from 'vitest';
import { calendarMonth } from './credits.model.ts';
import { DEFAULT_SLA_PLAN } from './plan.model.ts';
import {
  assembleReport,
  creditOwed,
  localDays,
  monthProblem,
  overallUptime,
  reportIncidents,
  reportMonths,
  reportPercent,
  siteTarget,
  siteUptime,
  summaryOf,
  ticketOutcome,
  type Period,
  type PlanTerms,
  type SiteSource,
  type TicketFacts,
} from './reports.model.ts';
import type { TicketSla } from './tickets.model.ts';

const november: Period = { ...calendarMonth('2026-11', 'UTC'), timeZone: 'UTC' };
const AFTER = new Date('2026-12-05T00:00:00Z');
const MONTH_S = 30 * 86_400;
const iso = (ms: number) => new Date(ms).toISOString();

/** Up all month but for `downSeconds` from the 10th at noon. */
function site(downSeconds: number, extra: Partial<SiteSource> = {}): SiteSource {
  const downAt = Date.parse('2026-11-10T12:00:00Z');
  return {
    monitorId: `mon_${downSeconds}`,
    name: `Site ${downSeconds}`,
    target: 'https://shop.example/',
    intervals: [
      { startedAt: '2026-10-20T00:00:00Z', endedAt: iso(downAt), state: 'up' },
      { startedAt: iso(downAt), endedAt: iso(downAt + downSeconds * 1000), state: 'down' },
      { startedAt: iso(downAt + downSeconds * 1000), endedAt: null, state: 'up' },
    ],
    maintenance: [],
    ...extra,
  };
}

const gold: PlanTerms = { id: 'slp_1', name: 'Gold', guaranteePercent: 99.9, creditTiers: DEFAULT_SLA_PLAN.uptimeGuarantee!.creditTiers, monthlyFee: { amount: 50_000, currency: 'EUR' } };

describe('monthProblem', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('takes YYYY-MM from 2000-01 up to the month that has begun somewhere', () => {
    expect(monthProblem('2026-11', now)).toBeNull();
    expect(monthProblem('2000-01', now)).toBeNull();
    expect(monthProblem('2026-13', now)).toMatch(/YYYY-MM/);
    expect(monthProblem('2026-1', now)).toMatch(/YYYY-MM/);
    expect(monthProblem('1999-12', now)).toMatch(/2000-01 or later/);
    expect(monthProblem('2026-12', now)).toMatch(/not begun/);
    // 30 November 10:00 UTC is 1 December 00:00 at UTC+14: December has begun there.
    expect(monthProblem('2026-12', new Date('2026-11-30T10:00:00Z'))).toBeNull();
  });
});

describe('reportMonths', () => {
  it('lists newest first from the first month to the current one in the zone, the current one incomplete', () => {
    expect(reportMonths('2026-09', new Date('2026-11-21T12:00:00Z'), 'Europe/Stockholm')).toEqual([
      { month: '2026-11', complete: false },
      { month: '2026-10', complete: true },
      { month: '2026-09', complete: true },
    ]);
  });
  it('reads the month in the plan’s zone and stops at 24', () => {
    // 30 Nov 23:30 UTC is already December in Stockholm.
    expect(reportMonths('2026-11', new Date('2026-11-30T23:30:00Z'), 'Europe/Stockholm')).toEqual([
      { month: '2026-12', complete: false },
      { month: '2026-11', complete: true },
    ]);
    const long = reportMonths('2010-01', new Date('2026-11-21T12:00:00Z'), 'UTC');
    expect(long).toHaveLength(24);
    expect(long.at(-1)!.month).toBe('2024-12');
  });
});

describe('reportPercent', () => {
  it('rounds down to four decimals, after taking off division noise', () => {
    expect(reportPercent((MONTH_S - 2592) / MONTH_S)).toBe(99.9);
    expect(reportPercent((MONTH_S - 2593) / MONTH_S)).toBe(99.8999);
    expect(reportPercent(1)).toBe(100);
    expect(reportPercent(0)).toBe(0);
  });
});

describe('siteUptime against a 99.9 % guarantee in a 30-day month', () => {
  it('meets it at exactly 43 min 12 s down, and misses it a second later', () => {
    const exact = siteUptime(site(2592), november, 99.9, AFTER);
    expect(exact).toMatchObject({ uptimePercent: 99.9, downtimeSeconds: 2592, monitoredSeconds: MONTH_S, maintenanceSeconds: 0, meetsGuarantee: true });
    const over = siteUptime(site(2593), november, 99.9, AFTER);
    expect(over).toMatchObject({ uptimePercent: 99.8999, downtimeSeconds: 2593, meetsGuarantee: false });
  });

  it('leaves maintenance out of both the time monitored and the downtime', () => {
    // Down 1 h from the 10th at noon, of which the first 30 min are planned maintenance.
    const downAt = Date.parse('2026-11-10T12:00:00Z');
    const figures = siteUptime(site(3600, { maintenance: [{ start: downAt, end: downAt + 1_800_000 }] }), november, 99.9, AFTER);
    expect(figures).toMatchObject({ downtimeSeconds: 1800, maintenanceSeconds: 1800, monitoredSeconds: MONTH_S - 1800 });
    // 1 − 1800 / 2 590 200 = 0.99930507… → 99.9305 %.
    expect(figures.uptimePercent).toBe(99.9305);
  });

  it('draws one bar per day, the day of the outage lower, days not yet come null', () => {
    const figures = siteUptime(site(8640), november, 99.9, new Date('2026-11-20T00:00:00Z'));
    expect(figures.daily).toHaveLength(30);
    expect(figures.daily[0]).toEqual({ date: '2026-11-01', uptimePercent: 100 });
    // 8 640 s is a tenth of a day: 90 %.
    expect(figures.daily[9]).toEqual({ date: '2026-11-10', uptimePercent: 90 });
    expect(figures.daily[19]).toEqual({ date: '2026-11-20', uptimePercent: null });
  });

  it('has no figures and no verdict for a site not monitored in the month, or without a guarantee', () => {
    expect(siteUptime({ ...site(0), intervals: [] }, november, 99.9, AFTER)).toMatchObject({ uptimePercent: null, meetsGuarantee: null, monitoredSeconds: 0 });
    expect(siteUptime(site(10), november, null, AFTER).meetsGuarantee).toBeNull();
  });
});

describe('localDays', () => {
  it('follows the plan’s zone: October 2026 in Stockholm has 31 days, one of 25 hours', () => {
    const days = localDays({ ...calendarMonth('2026-10', 'Europe/Stockholm'), timeZone: 'Europe/Stockholm' });
    expect(days).toHaveLength(31);
    expect(days[0]!.start).toBe(Date.parse('2026-09-30T22:00:00Z'));
    const long = days.find((d) => d.date === '2026-10-25')!;
    expect(long.end - long.start).toBe(25 * 3_600_000);
  });
});

describe('overall uptime and the credit', () => {
  it('is total time up over total time monitored across the sites', () => {
    const sites = [siteUptime(site(2592), november, 99.9, AFTER), siteUptime(site(0), november, 99.9, AFTER)];
    // 2 592 s down of 5 184 000 s: 99.95 %.
    const overall = overallUptime(sites);
    expect(overall).toMatchObject({ downtimeSeconds: 2592, monitoredSeconds: 2 * MONTH_S });
    expect(overall.percent).toBeCloseTo(99.95, 10);
  });

  it('owes nothing at exactly 99.9 %, and 10 % of the fee just below it', () => {
    expect(creditOwed(((MONTH_S - 2592) / MONTH_S) * 100, gold)).toEqual({ tier: null, amount: { amount: 0, currency: 'EUR' } });
    expect(creditOwed(((MONTH_S - 2593) / MONTH_S) * 100, gold)).toEqual({ tier: { belowPercent: 99.9, creditPercent: 10 }, amount: { amount: 5_000, currency: 'EUR' } });
    // Below 99 %: 25 %; below 95 %: all of it.
    expect(creditOwed(98.5, gold)!.amount.amount).toBe(12_500);
    expect(creditOwed(94.99, gold)!.amount.amount).toBe(50_000);
  });

  it('is null without a guarantee or a fee, and zero when nothing was monitored', () => {
    expect(creditOwed(90, { ...gold, monthlyFee: null })).toBeNull();
    expect(creditOwed(90, { ...gold, guaranteePercent: null })).toBeNull();
    expect(creditOwed(null, gold)).toEqual({ tier: null, amount: { amount: 0, currency: 'EUR' } });
  });
});

const minutes = (n: number) => ({ kind: 'minutes' as const, minutes: n });
const aroundTheClock: TicketSla = {
  planId: 'slp_1',
  severities: {
    critical: { firstResponse: minutes(15), resolution: minutes(120), noResolutionTarget: null, measure: 'around-the-clock' },
    high: { firstResponse: minutes(60), resolution: minutes(480), noResolutionTarget: null, measure: 'around-the-clock' },
    medium: { firstResponse: minutes(240), resolution: null, noResolutionTarget: 'work-queue', measure: 'around-the-clock' },
    low: { firstResponse: minutes(600), resolution: null, noResolutionTarget: 'best-effort', measure: 'around-the-clock' },
  },
  supportHours: DEFAULT_SLA_PLAN.supportHours,
};

const ticket = (severity: TicketFacts['severity'], extra: Partial<TicketFacts> = {}): TicketFacts => ({
  severity,
  sla: aroundTheClock,
  createdAt: '2026-11-10T10:00:00.000Z',
  firstResponseAt: null,
  history: [{ at: '2026-11-10T10:00:00.000Z', status: 'new' }],
  ...extra,
});

describe('ticketOutcome', () => {
  it('reads met targets with their counting minutes, pauses left out', () => {
    const outcome = ticketOutcome(
      ticket('critical', {
        firstResponseAt: '2026-11-10T10:10:00.000Z',
        history: [
          { at: '2026-11-10T10:00:00.000Z', status: 'new' },
          { at: '2026-11-10T10:10:00.000Z', status: 'open' },
          // Waiting on the client for an hour: the clock stands still.
          { at: '2026-11-10T10:30:00.000Z', status: 'waiting' },
          { at: '2026-11-10T11:30:00.000Z', status: 'open' },
          { at: '2026-11-10T12:00:00.000Z', status: 'resolved' },
        ],
      }),
      AFTER,
    );
    expect(outcome).toEqual({ severity: 'critical', firstResponse: 'met', resolution: 'met', minutesToFirstResponse: 10, minutesToResolve: 60 });
  });

  it('counts a late answer as missed and an unanswered, not yet due one as pending', () => {
    expect(ticketOutcome(ticket('critical', { firstResponseAt: '2026-11-10T10:20:00.000Z' }), AFTER)).toMatchObject({ firstResponse: 'missed', minutesToFirstResponse: 20, resolution: 'missed', minutesToResolve: null });
    expect(ticketOutcome(ticket('high'), new Date('2026-11-10T10:30:00Z'))).toMatchObject({ firstResponse: 'pending', resolution: 'pending', minutesToFirstResponse: null });
  });

  it('has no resolution target for the work queue but still a time to resolve', () => {
    const outcome = ticketOutcome(ticket('medium', { firstResponseAt: '2026-11-10T11:00:00.000Z', history: [{ at: '2026-11-10T10:00:00.000Z', status: 'new' }, { at: '2026-11-10T15:00:00.000Z', status: 'resolved' }] }), AFTER);
    expect(outcome).toEqual({ severity: 'medium', firstResponse: 'met', resolution: 'none', minutesToFirstResponse: 60, minutesToResolve: 300 });
  });
});

describe('reportIncidents', () => {
  it('counts only the part inside the month and before now', () => {
    const incidents = reportIncidents(
      [
        { id: 'inc_2', monitorName: 'Shop', startedAt: '2026-11-30T23:00:00.000Z', resolvedAt: '2026-12-01T01:00:00.000Z', cause: 'timeout', ticketId: null },
        { id: 'inc_1', monitorName: 'Shop', startedAt: '2026-10-31T23:30:00.000Z', resolvedAt: '2026-11-01T00:45:00.000Z', cause: 'HTTP 503', ticketId: 'tkt_1' },
        { id: 'inc_3', monitorName: 'Blog', startedAt: '2026-11-15T10:00:00.000Z', resolvedAt: null, cause: 'refused', ticketId: null },
      ],
      november,
      new Date('2026-11-15T10:30:00Z'),
    );
    expect(incidents.map((i) => [i.id, i.durationSeconds])).toEqual([
      ['inc_1', 45 * 60],
      ['inc_3', 30 * 60],
      // Not begun by now.
      ['inc_2', 0],
    ]);
  });
});

describe('assembleReport', () => {
  it('puts the parts together with the allowed downtime of the month and the credit of the overall uptime', () => {
    const report = assembleReport(
      {
        client: { id: 'cli_1', name: 'Client A', language: 'en' },
        month: '2026-11',
        period: november,
        plan: gold,
        sites: [site(2593), site(2593, { monitorId: 'mon_b', name: 'Another' })],
        tickets: [ticket('critical', { firstResponseAt: '2026-11-10T10:05:00.000Z' }), ticket('low')],
        incidents: [],
      },
      AFTER,
    );
    expect(report.allowedDowntimeSeconds).toBe(2592);
    expect(report.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC', days: 30 });
    expect(report.complete).toBe(true);
    expect(report.uptime.sites.map((s) => s.name)).toEqual(['Another', 'Site 2593']);
    expect(report.uptime.overallPercent).toBe(99.8999);
    expect(report.credit).toEqual({ tier: { belowPercent: 99.9, creditPercent: 10 }, amount: { amount: 5_000, currency: 'EUR' } });
    expect(report.tickets.bySeverity.critical).toMatchObject({ tickets: 1, firstResponse: { counted: 1, met: 1, percentMet: 100 } });
    expect(report.tickets.all.tickets).toBe(2);
    expect(summaryOf(report)).toEqual({
      clientId: 'cli_1',
      clientName: 'Client A',
      month: '2026-11',
      overallPercent: 99.8999,
      guaranteePercent: 99.9,
      credit: { amount: 5_000, currency: 'EUR' },
      tickets: 2,
      firstResponsePercentMet: 50,
      resolutionPercentMet: 0,
      incidents: 0,
    });
  });
});

describe('siteTarget', () => {
  it('names the URL, host and port, or host', () => {
    expect(siteTarget('http', { url: 'https://a.example/' })).toBe('https://a.example/');
    expect(siteTarget('tcp', { host: 'db.example', port: 5432 })).toBe('db.example:5432');
    expect(siteTarget('dns', { host: 'a.example' })).toBe('a.example');
  });
});

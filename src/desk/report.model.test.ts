import { describe, expect, it } from 'vitest';
import type { ClockStatus } from './clock.model.ts';
import { median, outcomeOf, ticketStats, type TicketOutcome } from './report.model.ts';

const ticket = (overrides: Partial<TicketOutcome>): TicketOutcome => ({
  severity: 'high',
  firstResponse: 'met',
  resolution: 'met',
  minutesToFirstResponse: 30,
  minutesToResolve: 300,
  ...overrides,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('outcomeOf', () => {
  const status = (s: Partial<ClockStatus>) => ({ met: false, breached: false, ...s }) as ClockStatus;
  it('reads met, missed (late or overdue), pending and no target', () => {
    expect(outcomeOf(status({ met: true }))).toBe('met');
    expect(outcomeOf(status({ met: true, breached: true }))).toBe('missed');
    expect(outcomeOf(status({ breached: true }))).toBe('missed');
    expect(outcomeOf(status({}))).toBe('pending');
    expect(outcomeOf(null)).toBe('none');
  });
});

describe('ticketStats', () => {
  const tickets: TicketOutcome[] = [
    ticket({ minutesToFirstResponse: 20, minutesToResolve: 200 }),
    ticket({ minutesToFirstResponse: 90, firstResponse: 'missed', minutesToResolve: 400 }),
    ticket({ minutesToFirstResponse: 40, resolution: 'missed', minutesToResolve: 700 }),
    ticket({ minutesToFirstResponse: null, firstResponse: 'pending', resolution: 'pending', minutesToResolve: null }),
    ticket({ severity: 'critical', minutesToFirstResponse: 10, minutesToResolve: 100 }),
    ticket({ severity: 'medium', minutesToFirstResponse: 100, resolution: 'none', minutesToResolve: 2000 }),
  ];

  it('counts decided targets only, per severity', () => {
    const { bySeverity } = ticketStats(tickets);
    // High: first response met 2 of 3 decided (one pending) → 66.7 %; resolution met 2 of 3 → 66.7 %.
    expect(bySeverity.high).toEqual({
      tickets: 4,
      firstResponse: { counted: 3, met: 2, percentMet: 66.7 },
      resolution: { counted: 3, met: 2, percentMet: 66.7 },
      medianMinutesToFirstResponse: 40, // of 20, 40, 90
      medianMinutesToResolve: 400, // of 200, 400, 700
    });
    // Medium has no resolution target: nothing counted, but the time to resolve is still reported.
    expect(bySeverity.medium.resolution).toEqual({ counted: 0, met: 0, percentMet: null });
    expect(bySeverity.medium.medianMinutesToResolve).toBe(2000);
    expect(bySeverity.low).toEqual({ tickets: 0, firstResponse: { counted: 0, met: 0, percentMet: null }, resolution: { counted: 0, met: 0, percentMet: null }, medianMinutesToFirstResponse: null, medianMinutesToResolve: null });
  });

  it('sums over all severities', () => {
    const { all } = ticketStats(tickets);
    // First response: met 4 (20, 40, critical, medium) of 5 decided → 80 %. Resolution: met 3 of 4 → 75 %.
    expect(all.firstResponse).toEqual({ counted: 5, met: 4, percentMet: 80 });
    expect(all.resolution).toEqual({ counted: 4, met: 3, percentMet: 75 });
    // First responses 10, 20, 40, 90, 100 → 40; resolves 100, 200, 400, 700, 2000 → 400.
    expect(all.medianMinutesToFirstResponse).toBe(40);
    expect(all.medianMinutesToResolve).toBe(400);
  });
});

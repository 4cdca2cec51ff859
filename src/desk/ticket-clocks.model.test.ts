import { describe, expect, it } from 'vitest';
import { weeklyCalendar } from './calendar.model.ts';
import { clockStatus } from './clock.model.ts';
import { DEFAULT_SLA_PLAN, type SlaPlan } from './plan.model.ts';
import { clockFactsOf, firstResponseAt, ticketClocks, type StatusChange, type TicketSlaFacts } from './ticket-clocks.model.ts';

/** The default plan with support hours Mon–Fri 09:00–18:00 in UTC, so the sums read off directly. */
const plan: SlaPlan = { ...DEFAULT_SLA_PLAN, supportHours: weeklyCalendar('UTC', ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]) };
const facts = (overrides: Partial<TicketSlaFacts>): TicketSlaFacts => ({ severity: 'high', createdAt: '2026-11-23T09:00:00Z', pauses: [], firstRespondedAt: null, resolvedAt: null, ...overrides });
const status = (f: TicketSlaFacts, now: string) => {
  const clocks = ticketClocks(plan, f);
  return { firstResponse: clockStatus(clocks.firstResponse, new Date(now)), resolution: clocks.resolution && clockStatus(clocks.resolution, new Date(now)) };
};

describe('ticketClocks', () => {
  it('sets both clocks of a high ticket in business time', () => {
    // Mon 09:00 + 60 → 10:00; + 480 → 17:00.
    const { firstResponse, resolution } = status(facts({}), '2026-11-23T09:30:00Z');
    expect(firstResponse.dueAt).toBe('2026-11-23T10:00:00.000Z');
    expect(resolution?.dueAt).toBe('2026-11-23T17:00:00.000Z');
  });

  it('has no resolution clock for the work queue or best effort', () => {
    expect(ticketClocks(plan, facts({ severity: 'medium' })).resolution).toBeNull();
    expect(ticketClocks(plan, facts({ severity: 'low' })).resolution).toBeNull();
  });

  it('turns next business day into business minutes to the next day’s close', () => {
    // Low, Fri 2026-11-27 17:30: Fri 17:30–18:00 (30) + Mon 09:00–18:00 (540) = 570 minutes, due Mon 18:00.
    const clocks = ticketClocks(plan, facts({ severity: 'low', createdAt: '2026-11-27T17:30:00Z' }));
    expect(clocks.firstResponse.targetMinutes).toBe(570);
    expect(clockStatus(clocks.firstResponse, new Date('2026-11-28T12:00:00Z')).dueAt).toBe('2026-11-30T18:00:00.000Z');
  });

  it('recomputes from creation when severity changes mid-ticket', () => {
    // Created Mon 09:00 as medium: first response 240 business minutes → 13:00. At 10:30 it is raised to critical:
    // 15 minutes around the clock from creation → 09:15, already passed; resolution 120 → 11:00, still ahead.
    const now = '2026-11-23T10:30:00Z';
    expect(status(facts({ severity: 'medium' }), now).firstResponse).toMatchObject({ dueAt: '2026-11-23T13:00:00.000Z', breached: false });
    const raised = status(facts({ severity: 'critical' }), now);
    expect(raised.firstResponse).toMatchObject({ dueAt: '2026-11-23T09:15:00.000Z', breached: true, breachedAt: '2026-11-23T09:15:00.000Z' });
    expect(raised.resolution).toMatchObject({ dueAt: '2026-11-23T11:00:00.000Z', elapsedMinutes: 90, breached: false });
  });

  it('keeps a first response already given when severity changes', () => {
    // Answered at 09:10, then raised to critical at 10:30: 10 minutes used of 15, met on time.
    const raised = status(facts({ severity: 'critical', firstRespondedAt: '2026-11-23T09:10:00Z' }), '2026-11-23T10:30:00Z');
    expect(raised.firstResponse).toMatchObject({ met: true, breached: false, elapsedMinutes: 10 });
  });

  it('pauses both clocks while waiting on the client', () => {
    // High, waiting 09:30–11:30: first response 09:00–09:30 (30) then 11:30 + 30 → 12:00; resolution 480 + 120 → Mon 18:00 + 60 → Tue 10:00.
    const pauses = [{ pausedAt: '2026-11-23T09:30:00Z', resumedAt: '2026-11-23T11:30:00Z' }];
    const { firstResponse, resolution } = status(facts({ pauses }), '2026-11-23T12:00:00Z');
    expect(firstResponse.dueAt).toBe('2026-11-23T12:00:00.000Z');
    expect(resolution?.dueAt).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('firstResponseAt', () => {
  it('is the earliest public staff reply; the acknowledgement, internal notes and client messages do not count', () => {
    const thread = [
      { at: '2026-11-23T09:00:00Z', author: 'system' as const, visibility: 'public' as const },
      { at: '2026-11-23T09:05:00Z', author: 'staff' as const, visibility: 'internal' as const },
      { at: '2026-11-23T09:06:00Z', author: 'client' as const, visibility: 'public' as const },
      { at: '2026-11-23T09:40:00Z', author: 'staff' as const, visibility: 'public' as const },
      { at: '2026-11-23T09:20:00Z', author: 'staff' as const, visibility: 'public' as const },
    ];
    expect(firstResponseAt(thread)).toBe('2026-11-23T09:20:00Z');
    expect(firstResponseAt(thread.slice(0, 3))).toBeNull();
  });
});

describe('clockFactsOf', () => {
  const change = (at: string, status: StatusChange['status']): StatusChange => ({ at: `2026-11-23T${at}:00Z`, status });

  it('turns the waiting-on-client stretches into pauses, the last one open while it lasts', () => {
    const history = [change('09:00', 'new'), change('09:05', 'open'), change('10:00', 'waiting-on-client'), change('11:30', 'open'), change('13:00', 'waiting-on-client'), change('13:10', 'waiting-on-client')];
    expect(clockFactsOf(history)).toEqual({
      pauses: [
        { pausedAt: '2026-11-23T10:00:00Z', resumedAt: '2026-11-23T11:30:00Z' },
        { pausedAt: '2026-11-23T13:00:00Z', resumedAt: null },
      ],
      resolvedAt: null,
    });
  });

  it('stops at the resolution, and closing afterwards does not move it', () => {
    const history = [change('09:00', 'new'), change('10:00', 'waiting-on-client'), change('11:00', 'resolved'), change('12:00', 'closed')];
    expect(clockFactsOf(history)).toEqual({ pauses: [{ pausedAt: '2026-11-23T10:00:00Z', resumedAt: '2026-11-23T11:00:00Z' }], resolvedAt: '2026-11-23T11:00:00Z' });
  });

  it('treats a resolution the client reopened as a pause, and counts on from the reopening', () => {
    const history = [change('09:00', 'new'), change('10:00', 'resolved'), change('14:00', 'reopened'), change('15:00', 'resolved')];
    const facts = clockFactsOf(history);
    expect(facts).toEqual({ pauses: [{ pausedAt: '2026-11-23T10:00:00Z', resumedAt: '2026-11-23T14:00:00Z' }], resolvedAt: '2026-11-23T15:00:00Z' });
    // High (480 business minutes, Mon 09–18 UTC): used 09–10 and 14–15 = 120.
    const clocks = ticketClocks(plan, { severity: 'high', createdAt: '2026-11-23T09:00:00Z', firstRespondedAt: null, ...facts });
    expect(clockStatus(clocks.resolution!, new Date('2026-11-24T12:00:00Z'))).toMatchObject({ elapsedMinutes: 120, met: true, breached: false });
  });
});

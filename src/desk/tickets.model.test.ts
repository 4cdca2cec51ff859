import { describe, expect, it } from 'vitest';
import { acknowledgementFor } from './acknowledgement.model.ts';
import { weeklyCalendar } from './calendar.model.ts';
import { DEFAULT_SLA_PLAN } from './plan.model.ts';
import { acknowledgementText, newlyPassed, statusAfterMessage, storedDue, ticketClocksAt, transitionProblem, type TicketSla } from './tickets.model.ts';

const sla: TicketSla = {
  planId: 'slp_1',
  severities: DEFAULT_SLA_PLAN.severities,
  supportHours: weeklyCalendar('Europe/Stockholm', ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]),
};
const nothing = { firstResponse: { warnedAt: null, breachedAt: null }, resolution: { warnedAt: null, breachedAt: null } };

describe('status moves', () => {
  it('allows the usual flow and names the allowed moves when refusing', () => {
    expect(transitionProblem('new', 'open', 'staff')).toBeNull();
    expect(transitionProblem('waiting', 'open', 'staff')).toBeNull();
    expect(transitionProblem('resolved', 'reopened', 'client')).toBeNull();
    expect(transitionProblem('closed', 'open', 'staff')).toBe('A closed ticket cannot become open: from closed it can become reopened.');
    expect(transitionProblem('open', 'waiting', 'client')).toBe('A client can only close or reopen a ticket, not set it to waiting.');
    expect(transitionProblem('new', 'reopened', 'client')).toContain('cannot become reopened');
  });

  it('moves by itself on public replies only', () => {
    expect(statusAfterMessage('waiting', 'client', 'public')).toBe('open');
    expect(statusAfterMessage('new', 'staff', 'public')).toBe('open');
    expect(statusAfterMessage('new', 'staff', 'internal')).toBeNull();
    expect(statusAfterMessage('waiting', 'staff', 'public')).toBeNull();
  });
});

describe('clocks of a ticket', () => {
  const input = (history: { at: string; status: 'new' | 'waiting' | 'open' | 'resolved' }[], firstResponseAt: string | null = null) => ({
    sla, severity: 'high' as const, createdAt: '2026-11-23T09:00:00.000Z', firstResponseAt, history,
  });

  it('store the running due instants only, the nearest first', () => {
    const clocks = ticketClocksAt(input([{ at: '2026-11-23T09:00:00.000Z', status: 'new' }], '2026-11-23T09:30:00.000Z'), new Date('2026-11-23T10:00:00.000Z'));
    expect(storedDue(clocks)).toEqual({
      firstResponseDueAt: null,
      firstResponseWarningAt: null,
      resolutionDueAt: '2026-11-23T17:00:00.000Z',
      resolutionWarningAt: '2026-11-23T15:00:00.000Z',
      nextDueAt: '2026-11-23T17:00:00.000Z',
    });
  });

  it('report a warning and breach once, and no warning for a target met before 75 %', () => {
    const history = [{ at: '2026-11-23T09:00:00.000Z', status: 'new' as const }];
    const late = ticketClocksAt(input(history), new Date('2026-11-23T10:30:00.000Z'));
    expect(newlyPassed(late, nothing, new Date('2026-11-23T10:30:00.000Z')).firstResponse).toEqual({ warnedAt: '2026-11-23T09:45:00.000Z', breachedAt: '2026-11-23T10:00:00.000Z' });
    const recorded = { ...nothing, firstResponse: { warnedAt: '2026-11-23T09:45:00.000Z', breachedAt: '2026-11-23T10:00:00.000Z' } };
    expect(newlyPassed(late, recorded, new Date('2026-11-23T10:30:00.000Z')).firstResponse).toEqual({ warnedAt: null, breachedAt: null });
    const quick = ticketClocksAt(input(history, '2026-11-23T09:20:00.000Z'), new Date('2026-11-23T12:00:00.000Z'));
    expect(newlyPassed(quick, nothing, new Date('2026-11-23T12:00:00.000Z')).firstResponse).toEqual({ warnedAt: null, breachedAt: null });
  });
});

describe('the acknowledgement text', () => {
  it('says when work starts outside support hours, in the support hours’ zone', () => {
    const plan = { ...DEFAULT_SLA_PLAN, supportHours: sla.supportHours };
    const text = acknowledgementText('Mail down', acknowledgementFor(plan, 'high', new Date('2026-11-21T10:00:00.000Z')));
    expect(text).toContain('outside our support hours; work on it starts Mon 23 Nov 2026 at 09:00.');
    expect(text).toContain('First response by Mon 23 Nov 2026 at 10:00.');
    expect(text).toContain('Resolution target: Mon 23 Nov 2026 at 17:00.');
    const low = acknowledgementText('Typo', acknowledgementFor(plan, 'low', new Date('2026-11-21T10:00:00.000Z')));
    expect(low).toContain('best-effort');
  });
});

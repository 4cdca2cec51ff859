import { describe, expect, it } from 'vitest';
import { acknowledgementFor } from './acknowledgement.model.ts';
import { weeklyCalendar } from './calendar.model.ts';
import { DEFAULT_SLA_PLAN, type SlaPlan } from './plan.model.ts';

/** The default plan, support hours Mon–Fri 09:00–18:00 in Stockholm (UTC+1 in November). */
const plan: SlaPlan = { ...DEFAULT_SLA_PLAN, supportHours: weeklyCalendar('Europe/Stockholm', ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]) };
/** A monitoring incident on Sun 2026-11-22 at 02:00 Stockholm time. */
const sundayNight = new Date('2026-11-22T01:00:00Z');

describe('acknowledgementFor', () => {
  it('starts a critical ticket at 02:00 on a Sunday now, around the clock', () => {
    // 15 and 120 real minutes from 01:00Z.
    expect(acknowledgementFor(plan, 'critical', sundayNight)).toEqual({
      severity: 'critical',
      measure: 'around-the-clock',
      firstResponse: { target: { kind: 'minutes', minutes: 15 }, dueAt: '2026-11-22T01:15:00.000Z' },
      resolution: { target: { kind: 'minutes', minutes: 120 }, dueAt: '2026-11-22T03:00:00.000Z' },
      noResolutionTarget: null,
      withinSupportHours: false,
      workStartsAt: '2026-11-22T01:00:00.000Z',
      timeZone: 'Europe/Stockholm',
    });
  });

  it('starts a high ticket from the same Sunday night at Monday’s opening', () => {
    // Mon 09:00 CET = 08:00Z; + 60 business minutes → 09:00Z; + 480 → Mon 17:00 CET = 16:00Z.
    const ack = acknowledgementFor(plan, 'high', sundayNight);
    expect(ack).toMatchObject({ measure: 'business', withinSupportHours: false, workStartsAt: '2026-11-23T08:00:00.000Z' });
    expect(ack.firstResponse.dueAt).toBe('2026-11-23T09:00:00.000Z');
    expect(ack.resolution?.dueAt).toBe('2026-11-23T16:00:00.000Z');
  });

  it('starts now during support hours, and says how a ticket without a resolution target is handled', () => {
    // Tue 2026-11-24 10:00 CET = 09:00Z; medium: 240 business minutes → 14:00 CET = 13:00Z.
    const ack = acknowledgementFor(plan, 'medium', new Date('2026-11-24T09:00:00Z'));
    expect(ack).toMatchObject({ withinSupportHours: true, workStartsAt: '2026-11-24T09:00:00.000Z', resolution: null, noResolutionTarget: 'work-queue' });
    expect(ack.firstResponse.dueAt).toBe('2026-11-24T13:00:00.000Z');
  });

  it('promises a low ticket an answer by the next business day’s close', () => {
    // Sunday night → next business day after Sunday is Monday, close 18:00 CET = 17:00Z.
    const ack = acknowledgementFor(plan, 'low', sundayNight);
    expect(ack.firstResponse).toEqual({ target: { kind: 'next-business-day' }, dueAt: '2026-11-23T17:00:00.000Z' });
    expect(ack.noResolutionTarget).toBe('best-effort');
  });

  it('times a Sunday-night incident on the autumn DST change in real time for critical, in business time for high', () => {
    // Sun 2026-10-25 02:00 CEST (first showing) = 00:00Z; clocks go back at 03:00 CEST = 01:00Z.
    const incident = new Date('2026-10-25T00:00:00Z');
    // Critical: 15 and 120 real minutes → 00:15Z and 02:00Z (which the wall clock shows as 03:00 CET).
    const critical = acknowledgementFor(plan, 'critical', incident);
    expect([critical.firstResponse.dueAt, critical.resolution?.dueAt, critical.workStartsAt]).toEqual(['2026-10-25T00:15:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T00:00:00.000Z']);
    // High: Mon 2026-10-26 09:00 CET = 08:00Z; + 60 → 09:00Z; + 480 → 17:00 CET = 16:00Z.
    const high = acknowledgementFor(plan, 'high', incident);
    expect([high.firstResponse.dueAt, high.resolution?.dueAt, high.workStartsAt]).toEqual(['2026-10-26T09:00:00.000Z', '2026-10-26T16:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RENEWAL_POLICY, type RenewalPolicy } from './policy.model.ts';
import { dueReminders, escalationDue, localInstant, nextRenewalDate, reminderSchedule, taskDue, type RenewalFacts } from './reminders.model.ts';

const policy = (override: Partial<RenewalPolicy> = {}): RenewalPolicy => ({ ...DEFAULT_RENEWAL_POLICY, ...override });
// Auto-renewing with no notice period: renewal and expired reminders only, unless a test says otherwise.
const asset = (override: Partial<RenewalFacts> = {}): RenewalFacts => ({ id: 'asset_1', status: 'active', expiresOn: '2026-06-20', autoRenew: true, ...override });
const at = (iso: string) => new Date(iso);
const sweep = (facts: RenewalFacts, p: RenewalPolicy, last: string | null, now: string, zone = 'Europe/Stockholm') => dueReminders(facts, p, last ? at(last) : null, at(now), zone);
const brief = (facts: RenewalFacts, p: RenewalPolicy, last: string | null, now: string, zone?: string) =>
  sweep(facts, p, last, now, zone).map(({ kind, offsetDays, remindOn, fireAt, late }) => ({ kind, offsetDays, remindOn, fireAt, late }));

describe('nextRenewalDate', () => {
  it('adds a month, clamping to the month end', () => {
    expect(nextRenewalDate('2026-01-31', 'monthly', null)).toBe('2026-02-28');
    expect(nextRenewalDate('2028-01-31', 'monthly', null)).toBe('2028-02-29');
    expect(nextRenewalDate('2026-03-31', 'monthly', null)).toBe('2026-04-30');
    expect(nextRenewalDate('2026-01-15', 'monthly', null)).toBe('2026-02-15');
  });

  it('moves a yearly renewal on Feb 29 to Feb 28 in a non-leap year', () => {
    expect(nextRenewalDate('2024-02-29', 'yearly', null)).toBe('2025-02-28');
    expect(nextRenewalDate('2028-02-29', 'yearly', null)).toBe('2029-02-28');
    // Feb 28 stays Feb 28 in a leap year: the day is kept, not the "last day of February".
    expect(nextRenewalDate('2027-02-28', 'yearly', null)).toBe('2028-02-28');
  });

  it('follows quarterly and multi-year cycles, and has no next date for a one-off purchase', () => {
    expect(nextRenewalDate('2026-11-30', 'quarterly', null)).toBe('2027-02-28');
    expect(nextRenewalDate('2024-02-29', 'multi-year', 36)).toBe('2027-02-28');
    expect(nextRenewalDate('2024-02-29', 'multi-year', 48)).toBe('2028-02-29');
    expect(nextRenewalDate('2026-03-31', 'multi-year', null)).toBe('2028-03-31');
    expect(nextRenewalDate('2026-03-31', 'one-off', null)).toBeNull();
  });
});

describe('reminderSchedule', () => {
  it('counts reminder days back in calendar days, across Feb 29', () => {
    const days = reminderSchedule({ autoRenew: true }, '2028-03-01', policy({ reminderOffsets: [30, 1, 0], expiredReminderDays: 2 }));
    expect(days.map((d) => [d.kind, d.offsetDays, d.remindOn])).toEqual([
      ['renewal', 30, '2028-01-31'],
      ['renewal', 1, '2028-02-29'],
      ['renewal', 0, '2028-03-01'],
      ['expired', 1, '2028-03-02'],
      ['expired', 2, '2028-03-03'],
    ]);
    expect(reminderSchedule({ autoRenew: true }, '2027-03-01', policy({ reminderOffsets: [1], expiredReminderDays: 0 }))[0]!.remindOn).toBe('2027-02-28');
  });

  it('adds cancellation reminders for an auto-renewing contract with a notice period, pay reminders otherwise', () => {
    const p = policy({ reminderOffsets: [], expiredReminderDays: 0, cancellationNoticeDays: 30, cancellationReminderOffsets: [7, 0], paymentReminderOffsets: [7] });
    expect(reminderSchedule({ autoRenew: true }, '2026-06-30', p).map((d) => [d.kind, d.remindOn, d.cancelBy])).toEqual([
      ['cancel', '2026-05-24', '2026-05-31'],
      ['cancel', '2026-05-31', '2026-05-31'],
    ]);
    expect(reminderSchedule({ autoRenew: false }, '2026-06-30', p).map((d) => [d.kind, d.remindOn])).toEqual([['pay', '2026-06-23']]);
  });
});

describe('the 08:00 firing instant across DST', () => {
  it('is 08:00 local in Stockholm on both sides of the spring change', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST: 08:00 CEST is 06:00 UTC; a week before, 08:00 CET is 07:00 UTC.
    expect(localInstant('2026-03-29', '08:00', 'Europe/Stockholm').toUTC().toISO()).toBe('2026-03-29T06:00:00.000Z');
    expect(localInstant('2026-03-22', '08:00', 'Europe/Stockholm').toUTC().toISO()).toBe('2026-03-22T07:00:00.000Z');
  });

  it('is 08:00 local in Stockholm on both sides of the autumn change', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 08:00 CET is 07:00 UTC; a week before, 08:00 CEST is 06:00 UTC.
    expect(localInstant('2026-10-25', '08:00', 'Europe/Stockholm').toUTC().toISO()).toBe('2026-10-25T07:00:00.000Z');
    expect(localInstant('2026-10-18', '08:00', 'Europe/Stockholm').toUTC().toISO()).toBe('2026-10-18T06:00:00.000Z');
  });

  it('is 08:00 local in New York on the days clocks change', () => {
    // 2026-03-08: EST → EDT, 08:00 EDT = 12:00 UTC (13:00 the week before). 2026-11-01: EDT → EST, 08:00 EST = 13:00 UTC.
    expect(localInstant('2026-03-08', '08:00', 'America/New_York').toUTC().toISO()).toBe('2026-03-08T12:00:00.000Z');
    expect(localInstant('2026-03-01', '08:00', 'America/New_York').toUTC().toISO()).toBe('2026-03-01T13:00:00.000Z');
    expect(localInstant('2026-11-01', '08:00', 'America/New_York').toUTC().toISO()).toBe('2026-11-01T13:00:00.000Z');
    expect(localInstant('2026-10-25', '08:00', 'America/New_York').toUTC().toISO()).toBe('2026-10-25T12:00:00.000Z');
  });

  it('fires the 7-day reminder on the spring-forward day in Stockholm at 06:00 UTC, not an hour later', () => {
    const facts = asset({ expiresOn: '2026-04-05' });
    expect(sweep(facts, policy(), '2026-03-29T05:00:00Z', '2026-03-29T05:59:59Z')).toEqual([]);
    expect(brief(facts, policy(), '2026-03-29T05:00:00Z', '2026-03-29T06:00:00Z')).toEqual([
      { kind: 'renewal', offsetDays: 7, remindOn: '2026-03-29', fireAt: '2026-03-29T06:00:00.000Z', late: false },
    ]);
  });

  it('fires the 7-day reminder on the fall-back day in New York at 13:00 UTC', () => {
    const facts = asset({ expiresOn: '2026-11-08' });
    expect(sweep(facts, policy(), '2026-11-01T12:00:00Z', '2026-11-01T12:59:00Z', 'America/New_York')).toEqual([]);
    expect(brief(facts, policy(), '2026-11-01T12:00:00Z', '2026-11-01T13:00:00Z', 'America/New_York')).toEqual([
      { kind: 'renewal', offsetDays: 7, remindOn: '2026-11-01', fireAt: '2026-11-01T13:00:00.000Z', late: false },
    ]);
  });
});

describe('time zones where the local date differs from the UTC date', () => {
  const facts = asset({ expiresOn: '2026-12-01' });

  it('fires east of UTC on the evening before, in UTC terms', () => {
    // Auckland is UTC+13 in November (NZDT): 08:00 on 24 November is 19:00 UTC on 23 November.
    const p = policy({ reminderOffsets: [7] });
    expect(sweep(facts, p, '2026-11-23T12:00:00Z', '2026-11-23T18:59:00Z', 'Pacific/Auckland')).toEqual([]);
    expect(brief(facts, p, '2026-11-23T12:00:00Z', '2026-11-23T19:00:00Z', 'Pacific/Auckland')).toEqual([
      { kind: 'renewal', offsetDays: 7, remindOn: '2026-11-24', fireAt: '2026-11-23T19:00:00.000Z', late: false },
    ]);
  });

  it('fires west of UTC after the UTC date has moved on, and is not late for it', () => {
    // Honolulu is UTC−10: 19:00 on 24 November is 05:00 UTC on 25 November.
    const p = policy({ reminderOffsets: [7], reminderTime: '19:00' });
    expect(sweep(facts, p, '2026-11-24T20:00:00Z', '2026-11-25T04:59:00Z', 'Pacific/Honolulu')).toEqual([]);
    expect(brief(facts, p, '2026-11-24T20:00:00Z', '2026-11-25T05:00:00Z', 'Pacific/Honolulu')).toEqual([
      { kind: 'renewal', offsetDays: 7, remindOn: '2026-11-24', fireAt: '2026-11-25T05:00:00.000Z', late: false },
    ]);
  });

  it('refuses an unknown time zone instead of skipping the day', () => {
    expect(() => sweep(facts, policy(), null, '2026-11-25T05:00:00Z', 'Mars/Olympus')).toThrow('Unknown time zone: Mars/Olympus');
  });
});

describe('idempotency', () => {
  it('gives the same reminders and keys for the same inputs', () => {
    const first = sweep(asset(), policy(), '2026-06-13T05:00:00Z', '2026-06-13T06:30:00Z');
    const second = sweep(asset(), policy(), '2026-06-13T05:00:00Z', '2026-06-13T06:30:00Z');
    expect(first).toEqual(second);
    expect(first.map((r) => r.key)).toEqual(['asset_1/2026-06-20/renewal/7']);
  });

  it('produces each reminder once over many sweeps, whatever their rhythm', () => {
    // Sweeps every 5 hours from 1 June to 25 June (renewal on 20 June), each starting where the last one stopped.
    const keys: string[] = [];
    let last: Date | null = at('2026-06-01T00:00:00Z');
    for (let t = last.getTime() + 5 * 3_600_000; t <= at('2026-06-25T12:00:00Z').getTime(); t += 5 * 3_600_000) {
      keys.push(...dueReminders(asset(), policy(), last, new Date(t), 'Europe/Stockholm').map((r) => r.key));
      last = new Date(t);
    }
    const expected = ['renewal/14', 'renewal/7', 'renewal/3', 'renewal/1', 'renewal/0', 'expired/1', 'expired/2', 'expired/3', 'expired/4', 'expired/5'];
    expect(keys).toEqual(expected.map((k) => `asset_1/2026-06-20/${k}`));
  });

  it('starts a new set of keys when the renewal date moves on', () => {
    const renewed = asset({ expiresOn: '2027-06-20' });
    expect(sweep(renewed, policy(), '2027-06-13T05:00:00Z', '2027-06-13T06:30:00Z').map((r) => r.key)).toEqual(['asset_1/2027-06-20/renewal/7']);
  });
});

describe('catching up after an outage', () => {
  it('sends only the most recent missed reminder after five days down, marked late', () => {
    // Down from 13 June 05:00 UTC to 18 June 05:00 UTC: the 7-day (13 June) and 3-day (17 June) reminders were missed.
    expect(brief(asset(), policy(), '2026-06-13T05:00:00Z', '2026-06-18T05:00:00Z')).toEqual([
      { kind: 'renewal', offsetDays: 3, remindOn: '2026-06-17', fireAt: '2026-06-17T06:00:00.000Z', late: true },
    ]);
    // The next sweeps carry on as usual.
    expect(sweep(asset(), policy(), '2026-06-18T05:00:00Z', '2026-06-18T05:15:00Z')).toEqual([]);
    expect(brief(asset(), policy(), '2026-06-19T05:00:00Z', '2026-06-19T06:00:00Z')).toEqual([
      { kind: 'renewal', offsetDays: 1, remindOn: '2026-06-19', fireAt: '2026-06-19T06:00:00.000Z', late: false },
    ]);
  });

  it('catches up once per kind', () => {
    const payByHand = asset({ autoRenew: false });
    // Pay reminders 7 and 1 days before; the 7-day ones of both kinds fell on 13 June.
    expect(brief(payByHand, policy(), '2026-06-12T05:00:00Z', '2026-06-14T10:00:00Z')).toEqual([
      { kind: 'renewal', offsetDays: 7, remindOn: '2026-06-13', fireAt: '2026-06-13T06:00:00.000Z', late: true },
      { kind: 'pay', offsetDays: 7, remindOn: '2026-06-13', fireAt: '2026-06-13T06:00:00.000Z', late: true },
    ]);
  });

  it('drops missed reminders whose date has passed, leaving the word to the expired ones', () => {
    // Down from 18 June to 22 June 10:00 UTC, over the renewal date (20 June).
    expect(brief(asset(), policy(), '2026-06-18T05:00:00Z', '2026-06-22T10:00:00Z')).toEqual([
      { kind: 'expired', offsetDays: 2, remindOn: '2026-06-22', fireAt: '2026-06-22T06:00:00.000Z', late: false },
    ]);
  });

  it('tells a newly added asset where it stands on its first sweep', () => {
    // Ten days before renewal, with no earlier sweep: the 14-day reminder, late.
    expect(brief(asset(), policy(), null, '2026-06-10T10:00:00Z')).toEqual([
      { kind: 'renewal', offsetDays: 14, remindOn: '2026-06-06', fireAt: '2026-06-06T06:00:00.000Z', late: true },
    ]);
    expect(sweep(asset({ expiresOn: '2024-01-10' }), policy(), null, '2026-06-10T10:00:00Z')).toEqual([]);
  });
});

describe('expired assets', () => {
  const expired = asset({ status: 'expired' });

  it('are reminded every day after the date', () => {
    expect(brief(expired, policy(), '2026-06-24T06:30:00Z', '2026-06-25T06:00:00Z')).toEqual([
      { kind: 'expired', offsetDays: 5, remindOn: '2026-06-25', fireAt: '2026-06-25T06:00:00.000Z', late: false },
    ]);
  });

  it('stop being reminded after the cap', () => {
    expect(sweep(expired, policy(), '2026-07-19T07:00:00Z', '2026-07-20T06:00:00Z').map((r) => r.key)).toEqual(['asset_1/2026-06-20/expired/30']);
    expect(sweep(expired, policy(), '2026-07-20T07:00:00Z', '2026-07-21T06:00:00Z')).toEqual([]);
    expect(sweep(expired, policy({ expiredReminderDays: 0 }), '2026-06-24T06:30:00Z', '2026-06-25T06:00:00Z')).toEqual([]);
  });

  it('is quiet for assets being renewed, cancelled, retired or without a date', () => {
    for (const status of ['renewing', 'cancelled', 'retired'] as const) {
      expect(sweep(asset({ status }), policy(), '2026-06-13T05:00:00Z', '2026-06-13T06:30:00Z')).toEqual([]);
    }
    expect(sweep(asset({ expiresOn: null }), policy(), '2026-06-13T05:00:00Z', '2026-06-13T06:30:00Z')).toEqual([]);
  });
});

describe('cancellation reminders', () => {
  it('come before the notice deadline and name it', () => {
    // Renewal on 30 June, 30 days' notice: cancel by 31 May; the 7-day reminder is on 24 May.
    const p = policy({ cancellationNoticeDays: 30 });
    const [reminder, ...rest] = sweep(asset({ expiresOn: '2026-06-30' }), p, '2026-05-23T07:00:00Z', '2026-05-24T06:00:00Z');
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ key: 'asset_1/2026-06-30/cancel/7', kind: 'cancel', cancelBy: '2026-05-31', late: false });
  });
});

describe('taskDue', () => {
  it('wants the task from lead-time days before the renewal, due on the renewal date', () => {
    expect(taskDue(asset({ expiresOn: '2026-06-30' }), policy(), at('2026-05-30T23:59:59Z'))).toBeNull();
    expect(taskDue(asset({ expiresOn: '2026-06-30' }), policy(), at('2026-05-31T00:00:00Z'))).toEqual({
      key: 'asset_1/2026-06-30/task',
      renewalOn: '2026-06-30',
      createOn: '2026-05-31',
      dueOn: '2026-06-30',
    });
  });

  it('counts days in the given time zone', () => {
    // 22:30 UTC on 30 May is 00:30 on 31 May in Stockholm.
    expect(taskDue(asset({ expiresOn: '2026-06-30' }), policy(), at('2026-05-30T22:30:00Z'), 'Europe/Stockholm')?.createOn).toBe('2026-05-31');
  });

  it('is due by the cancellation deadline of an auto-renewing contract, and created lead-time days before it', () => {
    const task = taskDue(asset({ expiresOn: '2026-06-30' }), policy({ cancellationNoticeDays: 45 }), at('2026-04-16T00:00:00Z'));
    expect(task).toMatchObject({ createOn: '2026-04-16', dueOn: '2026-05-16' });
  });

  it('stays wanted after the date has passed and while renewing; not for cancelled or retired assets', () => {
    expect(taskDue(asset({ status: 'expired' }), policy(), at('2026-07-10T00:00:00Z'))?.dueOn).toBe('2026-06-20');
    expect(taskDue(asset({ status: 'renewing' }), policy(), at('2026-06-10T00:00:00Z'))).not.toBeNull();
    expect(taskDue(asset({ status: 'cancelled' }), policy(), at('2026-06-10T00:00:00Z'))).toBeNull();
    expect(taskDue(asset({ status: 'retired' }), policy(), at('2026-06-10T00:00:00Z'))).toBeNull();
  });
});

describe('escalationDue', () => {
  const task = { assetId: 'asset_1', renewalOn: '2026-06-30', dueOn: '2026-06-30', open: true };

  it('escalates an open task from N days before it is due, once per renewal', () => {
    expect(escalationDue(task, policy(), at('2026-06-22T23:59:59Z'))).toBeNull();
    expect(escalationDue(task, policy(), at('2026-06-23T00:00:00Z'))).toEqual({ key: 'asset_1/2026-06-30/escalation', escalateOn: '2026-06-23' });
    expect(escalationDue(task, policy(), at('2026-07-02T00:00:00Z'))?.key).toBe('asset_1/2026-06-30/escalation');
  });

  it('leaves a closed task alone, and every task when escalation is off', () => {
    expect(escalationDue({ ...task, open: false }, policy(), at('2026-06-29T00:00:00Z'))).toBeNull();
    expect(escalationDue(task, policy({ escalateDaysBefore: null }), at('2026-06-29T00:00:00Z'))).toBeNull();
  });

  it('counts days in the given time zone', () => {
    // 13:00 UTC on 22 June is 01:00 on 23 June in Auckland (NZST, UTC+12).
    expect(escalationDue(task, policy(), at('2026-06-22T13:00:00Z'), 'Pacific/Auckland')?.escalateOn).toBe('2026-06-23');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RENEWAL_POLICY, effectivePolicy, layersFor, type PolicyLayer, type RenewalPolicy } from './policy.model.ts';
import { addDays, dueReminders } from './reminders.model.ts';
import {
  autoRenewVerified,
  dayNumber,
  daysBetween,
  judgeAsset,
  judgeTask,
  mayRemind,
  policiesInForce,
  policyResolver,
  reminderDays,
  sweepMoment,
  sweepWindow,
  type SweptAsset,
  type WorkingTask,
} from './sweep.model.ts';

const policy = (override: Partial<RenewalPolicy> = {}): RenewalPolicy => ({ ...DEFAULT_RENEWAL_POLICY, ...override });
const asset = (override: Partial<SweptAsset> = {}): SweptAsset => ({
  id: 'ast_1',
  clientId: 'cli_1',
  kind: 'domain',
  name: 'shop.example',
  status: 'active',
  expiresOn: '2030-06-20',
  autoRenew: false,
  ownerId: null,
  providerId: null,
  currency: 'EUR',
  renewalAmount: null,
  costAmount: null,
  ...override,
});

describe('sweepWindow', () => {
  it('reaches back over the expired reminders and ahead to the earliest reminder, with two days for time zones', () => {
    expect(sweepWindow([DEFAULT_RENEWAL_POLICY], '2030-06-15')).toEqual({ from: addDays('2030-06-15', -32), to: addDays('2030-06-15', 62) });
  });

  it('reaches back over the auto-renew grace when it is longer than the expired reminders', () => {
    expect(sweepWindow([policy({ expiredReminderDays: 0, autoRenewGraceDays: 10 })], '2030-06-15').from).toBe('2030-06-02');
  });

  it('combines one override’s lead time with another’s notice period', () => {
    const base = policy({ reminderOffsets: [7], paymentReminderOffsets: [1] });
    const layers: PolicyLayer[] = [
      { target: { scope: 'client', clientId: 'cli_1' }, override: { taskLeadDays: 40 } },
      { target: { scope: 'kind', kind: 'licence' }, override: { cancellationNoticeDays: 90 } },
    ];
    // A licence of that client: its task comes 40 days before a deadline 90 days before renewal.
    expect(sweepWindow(policiesInForce(base, layers), '2030-01-01').to).toBe(addDays('2030-01-01', 132));
  });

  it('reaches to the cancellation reminders before a notice deadline', () => {
    expect(sweepWindow([policy({ cancellationNoticeDays: 60, cancellationReminderOffsets: [30], taskLeadDays: 10 })], '2030-01-01').to).toBe(addDays('2030-01-01', 92));
  });
});

describe('policyResolver', () => {
  const layers: PolicyLayer[] = [
    { target: { scope: 'asset', assetId: 'ast_2' }, override: { taskLeadDays: 5 } },
    { target: { scope: 'client', clientId: 'cli_1' }, override: { taskLeadDays: 20, reminderOffsets: [10] } },
    { target: { scope: 'kind', kind: 'licence' }, override: { reminderOffsets: [90] } },
  ];
  const resolve = policyResolver(DEFAULT_RENEWAL_POLICY, layers);

  it('gives what effectivePolicy gives for every combination of overrides', () => {
    for (const clientId of ['cli_1', 'cli_2']) {
      for (const kind of ['domain', 'licence'] as const) {
        for (const id of ['ast_1', 'ast_2']) {
          const a = { id, clientId, kind };
          expect(resolve(a)).toEqual(effectivePolicy(DEFAULT_RENEWAL_POLICY, layersFor(a, layers)));
        }
      }
    }
  });

  it('hands out the same policy object to assets under the same overrides', () => {
    expect(resolve({ id: 'ast_8', clientId: 'cli_1', kind: 'domain' })).toBe(resolve({ id: 'ast_9', clientId: 'cli_1', kind: 'domain' }));
    expect(resolve({ id: 'ast_8', clientId: 'cli_9', kind: 'domain' })).toBe(DEFAULT_RENEWAL_POLICY);
  });
});

describe('mayRemind', () => {
  it('knows the reminder days of a policy, relative to the renewal date', () => {
    const p = policy({ reminderOffsets: [30, 0], expiredReminderDays: 2, paymentReminderOffsets: [7], cancellationNoticeDays: 10, cancellationReminderOffsets: [1] });
    expect(reminderDays(p, false)).toEqual([-30, -7, 0, 1, 2]);
    expect(reminderDays(p, true)).toEqual([-30, -11, 0, 1, 2]);
  });

  it('is true when a reminder day falls inside the days, false otherwise', () => {
    const days = [-30, 0, 1, 2];
    const renewal = dayNumber('2030-06-20');
    expect(mayRemind(renewal, days, dayNumber('2030-05-20'), dayNumber('2030-05-22'))).toBe(true);
    expect(mayRemind(renewal, days, dayNumber('2030-05-22'), dayNumber('2030-06-19'))).toBe(false);
    expect(mayRemind(renewal, days, dayNumber('2030-06-22'), dayNumber('2030-06-30'))).toBe(true);
    expect(mayRemind(renewal, days, dayNumber('2030-06-23'), dayNumber('2030-06-30'))).toBe(false);
    expect(mayRemind(renewal, days, null, dayNumber('2030-05-19'))).toBe(false);
    expect(mayRemind(renewal, days, null, dayNumber('2030-05-21'))).toBe(true);
  });

  it('never hides a reminder dueReminders would send, in any time zone, over many sweeps and outages', { timeout: 30_000 }, () => {
    const p = policy({ cancellationNoticeDays: 20 });
    const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Asia/Kolkata'];
    // Odd strides, so sweeps fall at every minute of the hour over the months.
    const gaps = [61 * 60_000, 86_400_000 + 7 * 60_000, 3 * 86_400_000 + 13 * 60_000];
    let missed = 0;
    for (const autoRenew of [true, false]) {
      const facts = asset({ autoRenew, expiresOn: '2030-03-31' });
      for (const zone of zones) {
        for (const gap of gaps) {
          for (let at = Date.parse('2030-01-25T00:00:00Z'); at < Date.parse('2030-05-05T00:00:00Z'); at += gap) {
            const moment = sweepMoment(new Date(at), new Date(at - gap));
            const due = dueReminders(facts, p, moment.lastSweepAt, moment.now, zone);
            if (due.length > 0 && !mayRemind(dayNumber(facts.expiresOn), reminderDays(p, autoRenew), moment.fromDay, moment.toDay)) missed++;
          }
        }
      }
    }
    expect(missed).toBe(0);
  });
});

describe('judgeAsset', () => {
  const moment = (now: string, last: string | null) => sweepMoment(new Date(now), last ? new Date(last) : null);

  it('gives the reminders, the task and nothing about auto-renewal for an asset paid by hand', () => {
    const verdict = judgeAsset(asset(), DEFAULT_RENEWAL_POLICY, moment('2030-06-13T08:00:00Z', '2030-06-13T07:45:00Z'), 'UTC', '2030-06-13');
    expect(verdict.reminders.map((r) => `${r.kind} ${r.offsetDays}`).sort()).toEqual(['pay 7', 'renewal 7']);
    expect(verdict.task).toMatchObject({ renewalOn: '2030-06-20', dueOn: '2030-06-20' });
    expect(verdict.autoRenewFailed).toBeNull();
  });

  it('raises a failed auto-renewal the day after the grace period, not on its last day', () => {
    const auto = asset({ autoRenew: true });
    expect(judgeAsset(auto, DEFAULT_RENEWAL_POLICY, moment('2030-06-23T12:00:00Z', null), 'UTC', '2030-06-23').autoRenewFailed).toBeNull();
    expect(judgeAsset(auto, DEFAULT_RENEWAL_POLICY, moment('2030-06-24T00:00:00Z', null), 'UTC', '2030-06-24').autoRenewFailed).toEqual({ renewalOn: '2030-06-20', graceEndedOn: '2030-06-23' });
  });

  it('counts the grace period across a month end and Feb 29', () => {
    const leap = asset({ autoRenew: true, expiresOn: '2032-02-27' });
    expect(judgeAsset(leap, DEFAULT_RENEWAL_POLICY, moment('2032-03-01T12:00:00Z', null), 'UTC', '2032-03-01').autoRenewFailed).toBeNull();
    expect(judgeAsset(leap, DEFAULT_RENEWAL_POLICY, moment('2032-03-02T12:00:00Z', null), 'UTC', '2032-03-02').autoRenewFailed).toEqual({ renewalOn: '2032-02-27', graceEndedOn: '2032-03-01' });
  });
});

describe('judgeTask', () => {
  const task = (override: Partial<WorkingTask> = {}): WorkingTask => ({
    id: 'tsk_1',
    renewalOn: '2030-06-20',
    dueOn: '2030-06-20',
    state: 'open',
    snoozedUntil: null,
    escalatedAt: null,
    asset: { id: 'ast_1', clientId: 'cli_1', kind: 'domain', status: 'active', expiresOn: '2030-06-20', autoRenew: false },
    ...override,
  });
  const at = (day: string) => new Date(`${day}T12:00:00Z`);

  it('escalates an open task from 7 days before it is due, once', () => {
    expect(judgeTask(task(), DEFAULT_RENEWAL_POLICY, at('2030-06-12'), 'UTC', '2030-06-12').escalate).toBe(false);
    expect(judgeTask(task(), DEFAULT_RENEWAL_POLICY, at('2030-06-13'), 'UTC', '2030-06-13').escalate).toBe(true);
    expect(judgeTask(task({ escalatedAt: '2030-06-13T00:00:00.000Z' }), DEFAULT_RENEWAL_POLICY, at('2030-06-14'), 'UTC', '2030-06-14').escalate).toBe(false);
  });

  it('does not escalate a task whose renewal already happened, or under a policy that never escalates', () => {
    const moved = task({ asset: { ...task().asset, expiresOn: '2031-06-20' } });
    expect(judgeTask(moved, DEFAULT_RENEWAL_POLICY, at('2030-06-19'), 'UTC', '2030-06-19').escalate).toBe(false);
    expect(judgeTask(task(), policy({ escalateDaysBefore: null }), at('2030-06-19'), 'UTC', '2030-06-19').escalate).toBe(false);
  });

  it('wakes a snoozed task on its day, and still escalates it', () => {
    const snoozed = task({ state: 'snoozed', snoozedUntil: '2030-06-14' });
    expect(judgeTask(snoozed, DEFAULT_RENEWAL_POLICY, at('2030-06-13'), 'UTC', '2030-06-13')).toEqual({ wake: false, escalate: true });
    expect(judgeTask(snoozed, DEFAULT_RENEWAL_POLICY, at('2030-06-14'), 'UTC', '2030-06-14').wake).toBe(true);
  });
});

describe('dates', () => {
  it('adds days across month ends, Feb 29 and years', () => {
    expect(addDays('2032-02-28', 1)).toBe('2032-02-29');
    expect(addDays('2031-02-28', 1)).toBe('2031-03-01');
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(addDays('2030-03-01', -1)).toBe('2030-02-28');
    expect(addDays('2030-01-15', -400)).toBe('2028-12-11');
    expect(daysBetween('2032-02-01', '2032-03-01')).toBe(29);
    expect(daysBetween('2030-06-20', '2030-06-13')).toBe(-7);
  });

  it('knows an auto-renewal happened once the expiry moved past the renewal date', () => {
    expect(autoRenewVerified({ autoRenew: true, expiresOn: '2031-06-20' }, '2030-06-20')).toBe(true);
    expect(autoRenewVerified({ autoRenew: true, expiresOn: '2030-06-20' }, '2030-06-20')).toBe(false);
    expect(autoRenewVerified({ autoRenew: false, expiresOn: '2031-06-20' }, '2030-06-20')).toBe(false);
  });
});

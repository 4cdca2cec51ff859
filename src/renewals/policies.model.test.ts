import { describe, expect, it } from 'vitest';
import { DEFAULT_RENEWAL_POLICY, type PolicyLayer } from './policy.model.ts';
import { explainPolicy, schedulePreview } from './policies.model.ts';

const layers: PolicyLayer[] = [
  { target: { scope: 'asset', assetId: 'ast_1' }, override: { taskLeadDays: 10 } },
  { target: { scope: 'client', clientId: 'cli_1' }, override: { taskLeadDays: 45, reminderTime: '09:30' } },
  { target: { scope: 'kind', kind: 'domain' }, override: { reminderTime: '07:00', escalateDaysBefore: null } },
];

describe('explainPolicy', () => {
  it('names the most specific layer that set each field, whatever the order given', () => {
    const { policy, sources } = explainPolicy(DEFAULT_RENEWAL_POLICY, layers);
    expect(policy).toMatchObject({ taskLeadDays: 10, reminderTime: '07:00', escalateDaysBefore: null, expiredReminderDays: 30 });
    expect(sources).toMatchObject({ taskLeadDays: 'asset', reminderTime: 'kind', escalateDaysBefore: 'kind', expiredReminderDays: 'default', reminderOffsets: 'default' });
  });

  it('says default for every field with no layers', () => {
    const { sources } = explainPolicy(DEFAULT_RENEWAL_POLICY, []);
    expect(new Set(Object.values(sources))).toEqual(new Set(['default']));
  });
});

describe('schedulePreview', () => {
  const policy = { ...DEFAULT_RENEWAL_POLICY, reminderOffsets: [30, 7, 0], expiredReminderDays: 2, paymentReminderOffsets: [7] };

  it('lists reminders in date order, the task and the escalation, across a month end', () => {
    const preview = schedulePreview(false, '2030-03-01', policy);
    expect(preview.taskCreateOn).toBe('2030-01-30');
    expect(preview.taskDueOn).toBe('2030-03-01');
    expect(preview.escalateOn).toBe('2030-02-22');
    expect(preview.reminders.map((r) => `${r.kind}:${r.remindOn}`)).toEqual([
      'renewal:2030-01-30',
      'pay:2030-02-22',
      'renewal:2030-02-22',
      'renewal:2030-03-01',
      'expired:2030-03-02',
      'expired:2030-03-03',
    ]);
  });

  it('counts the task back from the cancellation deadline of an auto-renewing contract, and never escalates when told not to', () => {
    const preview = schedulePreview(true, '2030-06-30', { ...policy, cancellationNoticeDays: 30, cancellationReminderOffsets: [1], escalateDaysBefore: null });
    expect(preview.taskDueOn).toBe('2030-05-31');
    expect(preview.taskCreateOn).toBe('2030-05-01');
    expect(preview.escalateOn).toBeNull();
    expect(preview.reminders).toContainEqual({ kind: 'cancel', offsetDays: 1, remindOn: '2030-05-30', cancelBy: '2030-05-31' });
    expect(preview.reminders.some((r) => r.kind === 'pay')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RENEWAL_POLICY, effectivePolicy, layersFor, policyOverrideSchema, renewalPolicySchema, taskAssignee, type PolicyLayer } from './policy.model.ts';

const issues = (input: unknown, schema: typeof renewalPolicySchema | typeof policyOverrideSchema = policyOverrideSchema) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('renewal policy schema', () => {
  it('accepts the default policy unchanged', () => {
    expect(renewalPolicySchema.parse(DEFAULT_RENEWAL_POLICY)).toEqual(DEFAULT_RENEWAL_POLICY);
  });

  it('hands offsets on largest first, the order they fire in', () => {
    const parsed = policyOverrideSchema.parse({ reminderOffsets: [1, 0, 90, 7], paymentReminderOffsets: [3, 10] });
    expect(parsed.reminderOffsets).toEqual([90, 7, 1, 0]);
    expect(parsed.paymentReminderOffsets).toEqual([10, 3]);
  });

  it('rejects an offset given twice', () => {
    expect(issues({ reminderOffsets: [30, 7, 30] })).toEqual([{ path: ['reminderOffsets'], message: 'lists the same day twice' }]);
  });

  it('keeps offsets within 0..730 whole days, naming the entry', () => {
    expect(issues({ reminderOffsets: [7, -1] })).toEqual([{ path: ['reminderOffsets', 1], message: 'a reminder cannot be negative' }]);
    expect(issues({ reminderOffsets: [731] })).toEqual([{ path: ['reminderOffsets', 0], message: 'a reminder can be at most 730 days' }]);
    expect(issues({ cancellationReminderOffsets: [1.5] })).toEqual([{ path: ['cancellationReminderOffsets', 0], message: 'a cancellation reminder must be a whole number of days' }]);
    expect(issues({ reminderOffsets: [730, 0] })).toEqual([]);
  });

  it('checks the lead time, notice period and reminder time', () => {
    expect(issues({ taskLeadDays: -1 })).toEqual([{ path: ['taskLeadDays'], message: 'the task lead time cannot be negative' }]);
    expect(issues({ taskLeadDays: 0 })).toEqual([]);
    expect(issues({ cancellationNoticeDays: 800 })).toEqual([{ path: ['cancellationNoticeDays'], message: 'the notice period can be at most 730 days' }]);
    expect(issues({ reminderTime: '8:00' })).toEqual([{ path: ['reminderTime'], message: 'must be a time of day as HH:mm' }]);
    expect(issues({ reminderTime: '24:00' })).toEqual([{ path: ['reminderTime'], message: 'must be a time of day as HH:mm' }]);
    expect(issues({ expiredReminderDays: 366 })).toEqual([{ path: ['expiredReminderDays'], message: 'can be at most 365 days' }]);
    expect(issues({ fallbackAssigneeId: '' })).toEqual([{ path: ['fallbackAssigneeId'], message: 'must name a person, or be null' }]);
  });

  it('rejects escalating at or before the moment the task is created', () => {
    const message = 'must be fewer days than the task lead time, or the task is escalated as soon as it is created';
    expect(issues({ taskLeadDays: 30, escalateDaysBefore: 30 })).toEqual([{ path: ['escalateDaysBefore'], message }]);
    expect(issues({ ...DEFAULT_RENEWAL_POLICY, escalateDaysBefore: 45 }, renewalPolicySchema)).toEqual([{ path: ['escalateDaysBefore'], message }]);
    expect(issues({ taskLeadDays: 30, escalateDaysBefore: 29 })).toEqual([]);
    expect(issues({ taskLeadDays: 30, escalateDaysBefore: null })).toEqual([]);
  });

  it('wants every field in a whole policy, any subset in an override, and no unknown fields', () => {
    const { taskLeadDays: _dropped, ...partial } = DEFAULT_RENEWAL_POLICY;
    expect(issues(partial, renewalPolicySchema).map((i) => i.path)).toEqual([['taskLeadDays']]);
    expect(issues({})).toEqual([]);
    expect(issues({ leadDays: 3 }).length).toBe(1);
  });
});

describe('effectivePolicy', () => {
  const client: PolicyLayer = { target: { scope: 'client', clientId: 'client_1' }, override: { taskLeadDays: 45, reminderOffsets: [90, 30], reminderTime: '09:00' } };
  const kind: PolicyLayer = { target: { scope: 'kind', kind: 'domain' }, override: { taskLeadDays: 20, escalateDaysBefore: null } };
  const asset: PolicyLayer = { target: { scope: 'asset', assetId: 'asset_1' }, override: { taskLeadDays: 10, reminderOffsets: undefined } };

  it('is the default with no overrides', () => {
    expect(effectivePolicy(DEFAULT_RENEWAL_POLICY, [])).toEqual(DEFAULT_RENEWAL_POLICY);
  });

  it('lets the most specific layer win, field by field, whatever order the layers come in', () => {
    const expected = { ...DEFAULT_RENEWAL_POLICY, taskLeadDays: 10, reminderOffsets: [90, 30], reminderTime: '09:00', escalateDaysBefore: null };
    expect(effectivePolicy(DEFAULT_RENEWAL_POLICY, [client, kind, asset])).toEqual(expected);
    expect(effectivePolicy(DEFAULT_RENEWAL_POLICY, [asset, client, kind])).toEqual(expected);
  });

  it('puts the kind above the client', () => {
    expect(effectivePolicy(DEFAULT_RENEWAL_POLICY, [kind, client]).taskLeadDays).toBe(20);
  });

  it('takes an explicit null as an override and leaves the default untouched', () => {
    expect(effectivePolicy(DEFAULT_RENEWAL_POLICY, [kind]).escalateDaysBefore).toBeNull();
    expect(DEFAULT_RENEWAL_POLICY.escalateDaysBefore).toBe(7);
  });

  it('picks the layers that apply to an asset', () => {
    const other: PolicyLayer = { target: { scope: 'client', clientId: 'client_2' }, override: { taskLeadDays: 1 } };
    const hosting: PolicyLayer = { target: { scope: 'kind', kind: 'hosting' }, override: { taskLeadDays: 2 } };
    const layers = [client, kind, asset, other, hosting];
    expect(layersFor({ id: 'asset_1', clientId: 'client_1', kind: 'domain' }, layers)).toEqual([client, kind, asset]);
    expect(layersFor({ id: 'asset_9', clientId: 'client_2', kind: 'hosting' }, layers)).toEqual([other, hosting]);
  });
});

describe('taskAssignee', () => {
  const policy = { fallbackAssigneeId: 'user_fallback' };

  it('is the asset owner first', () => {
    expect(taskAssignee({ ownerId: 'user_owner' }, { managerId: 'user_manager' }, policy)).toBe('user_owner');
  });

  it('is the project manager when the asset has no owner', () => {
    expect(taskAssignee({ ownerId: null }, { managerId: 'user_manager' }, policy)).toBe('user_manager');
  });

  it('is the fallback person without owner or manager, and nobody without a fallback', () => {
    expect(taskAssignee({ ownerId: null }, { managerId: null }, policy)).toBe('user_fallback');
    expect(taskAssignee({ ownerId: null }, null, policy)).toBe('user_fallback');
    expect(taskAssignee({ ownerId: null }, null, { fallbackAssigneeId: null })).toBeNull();
  });
});

import { api, query, type Page } from '../../../api/client.ts';
import { ASSET_KINDS } from '../../../api/types.ts';
import { everyOf } from '../../../api/lists.ts';
import type { PolicyScope, RenewalPolicy } from '../../../../../src/renewals/policy.model.ts';
import type { OverrideView as PolicyOverride, PoliciesView } from '../../../../../src/renewals/policies.service.ts';

/** The renewal policy and its overrides as the API speaks them (src/renewals/policy.model.ts, policies.service.ts). */
export type { PoliciesView, PolicyOverride, PolicyScope, RenewalPolicy };
export { ASSET_KINDS };

export type PolicyField = keyof RenewalPolicy;
// policy.model.ts loads zod, so the form keeps its own lists, checked complete against the server's types.
export const POLICY_FIELDS = everyOf<PolicyField>()([
  'reminderOffsets',
  'expiredReminderDays',
  'reminderTime',
  'taskLeadDays',
  'fallbackAssigneeId',
  'escalateDaysBefore',
  'cancellationNoticeDays',
  'cancellationReminderOffsets',
  'paymentReminderOffsets',
  'autoRenewGraceDays',
]);

export const POLICY_SCOPES = everyOf<PolicyScope>()(['client', 'kind', 'asset']);

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: string | null;
}

export interface NamedClient {
  id: string;
  name: string;
}

export const loadPolicies = (cursor?: string) => api<PoliciesView>('GET', `/renewal-policies${query({ cursor, limit: 100 })}`);
export const saveDefault = (policy: unknown) => api<RenewalPolicy>('PUT', '/renewal-policies/default', policy);
export const saveOverride = (scope: PolicyScope, target: string, fields: unknown) =>
  api<PolicyOverride>('PUT', `/renewal-policies/${scope}/${encodeURIComponent(target)}`, fields);
export const removeOverride = (scope: PolicyScope, target: string) => api<void>('DELETE', `/renewal-policies/${scope}/${encodeURIComponent(target)}`);
export const loadStaff = async () => (await api<Page<StaffUser>>('GET', '/users?limit=200')).items.filter((u) => u.role !== 'client' && !u.disabledAt);
export const loadClients = async () => (await api<Page<NamedClient>>('GET', '/clients?limit=200')).items;

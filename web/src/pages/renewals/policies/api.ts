import { api, query, type Page } from '../../../api/client.ts';

/** The renewal policy as the API speaks it (src/renewals/policies.schemas.ts). */
export interface RenewalPolicy {
  reminderOffsets: number[];
  expiredReminderDays: number;
  reminderTime: string;
  taskLeadDays: number;
  fallbackAssigneeId: string | null;
  escalateDaysBefore: number | null;
  cancellationNoticeDays: number | null;
  cancellationReminderOffsets: number[];
  paymentReminderOffsets: number[];
  autoRenewGraceDays: number;
}

export type PolicyField = keyof RenewalPolicy;
export const POLICY_FIELDS: PolicyField[] = [
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
];

export type PolicyScope = 'client' | 'kind' | 'asset';
export const POLICY_SCOPES: PolicyScope[] = ['client', 'kind', 'asset'];
export const ASSET_KINDS = ['domain', 'hosting', 'certificate', 'licence', 'subscription', 'backup', 'other'] as const;

export interface PolicyOverride {
  id: string;
  scope: PolicyScope;
  target: string;
  targetName: string;
  override: Partial<RenewalPolicy>;
  updatedAt: string;
}

export interface PoliciesView {
  default: RenewalPolicy;
  overrides: PolicyOverride[];
  nextCursor: string | null;
}

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

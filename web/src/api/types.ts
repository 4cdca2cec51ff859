/** The shapes the API answers with, as the app uses them. */
export interface Money {
  amount: number;
  currency: string;
}

export type Role = 'owner' | 'admin' | 'manager' | 'viewer' | 'client';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
  locale: string;
  timeZone: string;
}

export interface Client {
  id: string;
  name: string;
  locale: string;
  currency: string;
  notes: string;
  archivedAt: string | null;
}

export interface Project {
  id: string;
  clientId: string;
  name: string;
  managerId: string | null;
}

export interface Asset {
  id: string;
  clientId: string;
  kind: string;
  name: string;
  identifier: string;
  providerId: string | null;
  status: string;
  expiresOn: string | null;
  billingCycle: string;
  renewalPrice: Money | null;
  cost: Money | null;
  autoRenew: boolean;
  ownerId: string | null;
  projectIds: string[];
  tags: string[];
  daysUntilRenewal: number | null;
  yearlyCost: Money;
}

export interface Attention {
  renewing: { days: number; count: number; cost: Money[] }[];
  expired: number;
  unowned: number;
}

export const ASSET_KINDS = ['domain', 'hosting', 'certificate', 'licence', 'subscription', 'backup', 'other'] as const;
export const ASSET_STATUSES = ['active', 'expiring', 'expired', 'renewing', 'cancelled', 'retired'] as const;
export const BILLING_CYCLES = ['monthly', 'quarterly', 'yearly', 'multi-year', 'one-off'] as const;

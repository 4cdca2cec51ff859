export interface Contact {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  role?: string | undefined;
}

export interface Client {
  id: string;
  name: string;
  contacts: Contact[];
  locale: string;
  currency: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface Project {
  id: string;
  clientId: string;
  name: string;
  managerId: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const PROVIDER_KINDS = ['registrar', 'host', 'ca', 'vendor', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  website: string | null;
  accountReference: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** Yearly cost totals, one per currency: money in different currencies is never added up. */
export type CostByCurrency = { currency: string; amount: number }[];

/**
 * Assets: the renewable things an agency looks after, and the pure rules about them.
 * Functions here take data and `now` and never touch the database or the network.
 */
export const ASSET_KINDS = ['domain', 'hosting', 'certificate', 'licence', 'subscription', 'backup', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_STATUSES = ['active', 'expiring', 'expired', 'renewing', 'cancelled', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const BILLING_CYCLES = ['monthly', 'quarterly', 'yearly', 'multi-year', 'one-off'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export type CustomFieldValue = string | number | boolean | null;

export interface Asset {
  id: string;
  clientId: string;
  kind: AssetKind;
  name: string;
  identifier: string;
  providerId: string | null;
  status: AssetStatus;
  /** The next renewal or expiry day, a calendar date (`YYYY-MM-DD`). */
  expiresOn: string | null;
  billingCycle: BillingCycle;
  /** Months per cycle for `multi-year` (24, 36, …); implied by the other cycles. */
  cycleMonths: number | null;
  currency: string;
  /** What one cycle costs now, in minor units. */
  costAmount: number | null;
  /** What the next renewal will cost, in minor units (often higher than the first year). */
  renewalAmount: number | null;
  autoRenew: boolean;
  ownerId: string | null;
  projectIds: string[];
  tags: string[];
  notes: string;
  customFields: Record<string, CustomFieldValue>;
  /** Names of the secrets held; their values are only given out by an audited reveal. */
  secretNames: string[];
  createdAt: string;
  updatedAt: string;
  retiredAt: string | null;
}

const MS_PER_DAY = 86_400_000;

/** Months in one billing cycle, or null for a one-off purchase. */
export function monthsPerCycle(cycle: BillingCycle, cycleMonths: number | null): number | null {
  switch (cycle) {
    case 'monthly':
      return 1;
    case 'quarterly':
      return 3;
    case 'yearly':
      return 12;
    case 'multi-year':
      return cycleMonths ?? 24;
    case 'one-off':
      return null;
  }
}

/**
 * What the asset costs per year, in minor units: the renewal price (what will actually be paid
 * next) or else the current cost, spread over the cycle. Rounded half up to a whole minor unit.
 * Retired and cancelled assets, and one-off purchases, cost nothing per year.
 */
export function yearlyCost(asset: Pick<Asset, 'billingCycle' | 'cycleMonths' | 'costAmount' | 'renewalAmount' | 'status'>): number {
  if (asset.status === 'retired' || asset.status === 'cancelled') return 0;
  const months = monthsPerCycle(asset.billingCycle, asset.cycleMonths);
  const perCycle = asset.renewalAmount ?? asset.costAmount;
  if (months === null || perCycle === null) return 0;
  return Math.round((perCycle * 12) / months);
}

/** Whole days from today (in UTC) until the renewal day; negative once it has passed. */
export function daysUntilRenewal(expiresOn: string | null, now: Date): number | null {
  if (!expiresOn) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const [y, m, d] = expiresOn.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - today) / MS_PER_DAY);
}

/** A real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The calendar date `days` after `now` (UTC), for "renewing within N days" filters. */
export function dateAfterDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Words an asset is found by: name, identifier (split on dots and dashes so "example" finds
 * "shop.example.com"), tags and notes, lower-cased. Stored so both databases can index it.
 */
export function searchText(asset: Pick<Asset, 'name' | 'identifier' | 'tags' | 'notes'>): string {
  const words = searchWords([asset.name, asset.identifier, ...asset.tags, asset.notes].join(' '));
  return [...new Set(words)].join(' ');
}

/** Lower-cased words of letters and digits, as the search index sees them. */
export function searchWords(text: string): string[] {
  // Most identifiers are plain ASCII; Unicode normalisation is only paid for text that needs it.
  // eslint-disable-next-line no-control-regex -- "all ASCII" is exactly the range 0-127
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Days before the renewal day from which an active asset counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * The status a person should see today. "Expiring" and "expired" follow from the date, so a
 * stored "active" never goes stale; the store's status filter applies the same rule in SQL.
 */
export function effectiveStatus(asset: Pick<Asset, 'status' | 'expiresOn'>, now: Date): AssetStatus {
  if (asset.status !== 'active' && asset.status !== 'expiring') return asset.status;
  const days = daysUntilRenewal(asset.expiresOn, now);
  if (days === null) return 'active';
  if (days < 0) return 'expired';
  return days <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active';
}

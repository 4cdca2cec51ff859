import type { Money } from '../../platform/money.ts';
import { DEFAULT_RETRY_DAYS, policyProblems } from '../dunning.model.ts';
import { DEFAULT_LEAD_DAYS } from '../card-expiry.model.ts';

/**
 * The agency's payment settings: which gateway charges clients, which one is tried once when a
 * failed payment's retries are used up, the retry schedule, the global approval threshold (a
 * client's own threshold in its billing profile wins), how early cards about to expire are
 * reported, and whether renewals are charged automatically at all.
 */
export const GATEWAY_NAMES = ['stripe', 'paypal'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export interface BillingSettings {
  /** The daily billing run invoices upcoming renewals; off until the agency bills through Upkeep. */
  invoiceRenewals: boolean;
  primaryGateway: GatewayName | null;
  fallbackGateway: GatewayName | null;
  retryDays: number[];
  approvalThreshold: Money | null;
  cardExpiryLeadDays: number;
  autoCharge: boolean;
}

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  invoiceRenewals: false,
  primaryGateway: null,
  fallbackGateway: null,
  retryDays: [...DEFAULT_RETRY_DAYS],
  approvalThreshold: null,
  cardExpiryLeadDays: DEFAULT_LEAD_DAYS,
  autoCharge: true,
};

/** Problems as field → reason; empty when the settings can be saved. */
export function settingsProblems(s: BillingSettings, configured: ReadonlySet<GatewayName>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (s.primaryGateway && !configured.has(s.primaryGateway)) problems.primaryGateway = `${s.primaryGateway} has no credentials yet: save them first`;
  if (s.fallbackGateway && !configured.has(s.fallbackGateway)) problems.fallbackGateway = `${s.fallbackGateway} has no credentials yet: save them first`;
  if (s.fallbackGateway && s.fallbackGateway === s.primaryGateway) problems.fallbackGateway = 'must be another gateway than the primary one';
  if (s.fallbackGateway && !s.primaryGateway) problems.fallbackGateway = 'needs a primary gateway';
  for (const [field, reason] of Object.entries(policyProblems({ retryDays: s.retryDays, fallbackGateway: s.fallbackGateway }))) problems[field] = reason;
  if (s.approvalThreshold && s.approvalThreshold.amount < 0) problems['approvalThreshold.amount'] = 'must not be negative';
  return problems;
}

/** The threshold a client's automatic charges are held at: its own, else the agency's. */
export function thresholdFor(clientThreshold: Money | null, settings: Pick<BillingSettings, 'approvalThreshold'>): Money | null {
  return clientThreshold ?? settings.approvalThreshold;
}

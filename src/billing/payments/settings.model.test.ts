import { describe, expect, it } from 'vitest';
import { DEFAULT_BILLING_SETTINGS, settingsProblems, thresholdFor, type GatewayName } from './settings.model.ts';

const both = new Set<GatewayName>(['stripe', 'paypal']);

describe('billing settings', () => {
  it('accepts the defaults and a primary with a fallback that both have credentials', () => {
    expect(settingsProblems(DEFAULT_BILLING_SETTINGS, new Set())).toEqual({});
    expect(settingsProblems({ ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'stripe', fallbackGateway: 'paypal' }, both)).toEqual({});
  });

  it('refuses a gateway without credentials, a fallback equal to the primary, or without one', () => {
    expect(settingsProblems({ ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'paypal' }, new Set(['stripe']))).toHaveProperty('primaryGateway');
    expect(settingsProblems({ ...DEFAULT_BILLING_SETTINGS, primaryGateway: 'stripe', fallbackGateway: 'stripe' }, both)).toHaveProperty('fallbackGateway');
    expect(settingsProblems({ ...DEFAULT_BILLING_SETTINGS, fallbackGateway: 'paypal' }, both)).toHaveProperty('fallbackGateway');
  });

  it('names the retry day that is out of order', () => {
    expect(settingsProblems({ ...DEFAULT_BILLING_SETTINGS, retryDays: [1, 5, 3] }, both)).toEqual({ 'retryDays.2': expect.stringContaining('after the previous') });
  });

  it("takes the client's threshold before the agency's", () => {
    const agency = { approvalThreshold: { amount: 50_000, currency: 'EUR' } };
    expect(thresholdFor({ amount: 10_000, currency: 'EUR' }, agency)).toEqual({ amount: 10_000, currency: 'EUR' });
    expect(thresholdFor(null, agency)).toEqual(agency.approvalThreshold);
    expect(thresholdFor(null, { approvalThreshold: null })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fromStripeAmount, toStripeAmount } from './amount.model.ts';

describe('toStripeAmount', () => {
  it('passes two-decimal and zero-decimal currencies through, lower-casing the code', () => {
    expect(toStripeAmount({ amount: 1999, currency: 'EUR' })).toEqual({ amount: 1999, currency: 'eur' });
    expect(toStripeAmount({ amount: 1200, currency: 'JPY' })).toEqual({ amount: 1200, currency: 'jpy' });
    expect(toStripeAmount({ amount: 1500, currency: 'BHD' })).toEqual({ amount: 1500, currency: 'bhd' });
  });

  it('sends Icelandic króna in the hundredths Stripe still expects', () => {
    expect(toStripeAmount({ amount: 4990, currency: 'ISK' })).toEqual({ amount: 499_000, currency: 'isk' });
  });
});

describe('fromStripeAmount', () => {
  it('reads Stripe amounts back into our minor units and upper-case codes', () => {
    expect(fromStripeAmount(1999, 'eur')).toEqual({ amount: 1999, currency: 'EUR' });
    expect(fromStripeAmount(1200, 'jpy')).toEqual({ amount: 1200, currency: 'JPY' });
    expect(fromStripeAmount(499_000, 'isk')).toEqual({ amount: 4990, currency: 'ISK' });
  });
});

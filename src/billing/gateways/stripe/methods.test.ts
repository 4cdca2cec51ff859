import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { methodOfPaymentMethod } from './methods.ts';

const method = (fields: Record<string, unknown>) => ({ id: 'pm_1', object: 'payment_method', ...fields }) as unknown as Stripe.PaymentMethod;

describe('methodOfPaymentMethod', () => {
  it('labels a card with its brand and last four, and gives its expiry', () => {
    expect(methodOfPaymentMethod(method({ type: 'card', card: { brand: 'amex', last4: '0005', exp_month: 12, exp_year: 2029 } }))).toEqual({
      ref: 'pm_1',
      kind: 'card',
      label: 'American Express ·· 0005',
      expMonth: 12,
      expYear: 2029,
    });
    expect(methodOfPaymentMethod(method({ type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 1, exp_year: 2030 } })).label).toBe('Visa ·· 4242');
  });

  it('keeps no more than four digits in a label, whatever arrives', () => {
    const label = methodOfPaymentMethod(method({ type: 'card', card: { brand: 'newbrand', last4: '4242424242424242', exp_month: 1, exp_year: 2030 } })).label;
    expect(label).toBe('Newbrand ·· 4242');
  });

  it('labels other methods without an expiry', () => {
    expect(methodOfPaymentMethod(method({ type: 'sepa_debit', sepa_debit: { last4: '3000' } }))).toEqual({ ref: 'pm_1', kind: 'other', label: 'SEPA Direct Debit ·· 3000', expMonth: null, expYear: null });
    expect(methodOfPaymentMethod(method({ type: 'paypal', paypal: {} }))).toMatchObject({ kind: 'paypal', label: 'PayPal' });
    expect(methodOfPaymentMethod(method({ type: 'us_bank_account', us_bank_account: { last4: '6789' } }))).toMatchObject({ kind: 'other', label: 'US bank account ·· 6789' });
    expect(methodOfPaymentMethod(method({ type: 'link', link: { email: 'a@b.example' } }))).toMatchObject({ kind: 'other', label: 'Link' });
    expect(methodOfPaymentMethod(method({ type: 'revolut_pay' }))).toMatchObject({ kind: 'other', label: 'Revolut pay' });
  });
});

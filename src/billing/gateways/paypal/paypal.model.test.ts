import type { Order, PaymentTokenResponse } from '@paypal/paypal-server-sdk';
import { describe, expect, it } from 'vitest';
import { declineFromError, methodRef, orderOutcome, parseMethodRef, paypalAmount, savedMethod, vaultCustomerId } from './paypal.model.ts';

const order = (fields: Record<string, unknown>) => fields as unknown as Order;

describe('vaultCustomerId', () => {
  it('is stable, distinct per client and within PayPal’s 22 characters', () => {
    expect(vaultCustomerId('cli_1')).toBe(vaultCustomerId('cli_1'));
    expect(vaultCustomerId('cli_1')).not.toBe(vaultCustomerId('cli_2'));
    expect(vaultCustomerId('a'.repeat(200))).toMatch(/^[0-9A-Za-z_-]{22}$/);
  });
});

describe('method refs', () => {
  it('round-trips the kind and token', () => {
    expect(parseMethodRef(methodRef('card', '8kk845'))).toEqual({ kind: 'card', tokenId: '8kk845' });
    expect(parseMethodRef('paypal:tok_1')).toEqual({ kind: 'paypal', tokenId: 'tok_1' });
  });

  it.each(['pm_123', 'card:', 'bank:tok', 'card:a/b'])('refuses %j', (ref) => {
    expect(parseMethodRef(ref)).toBeNull();
  });
});

describe('savedMethod', () => {
  it('labels a card by brand and last digits, with its expiry', () => {
    const token = { id: 't1', paymentSource: { card: { brand: 'AMEX', lastDigits: '0005', expiry: '2027-11' } } } as PaymentTokenResponse;
    expect(savedMethod(token)).toEqual({ ref: 'card:t1', kind: 'card', label: 'Amex ·· 0005', expMonth: 11, expYear: 2027 });
  });

  it('labels a PayPal wallet by its email, without expiry', () => {
    const token = { id: 't2', paymentSource: { paypal: { emailAddress: 'a@b.example' } } } as PaymentTokenResponse;
    expect(savedMethod(token)).toEqual({ ref: 'paypal:t2', kind: 'paypal', label: 'PayPal · a@b.example', expMonth: null, expYear: null });
  });

  it('leaves out kinds billing does not charge', () => {
    expect(savedMethod({ id: 't3', paymentSource: { venmo: {} } } as PaymentTokenResponse)).toBeNull();
  });
});

describe('paypalAmount', () => {
  it('writes the currency’s own minor digits', () => {
    expect(paypalAmount({ amount: 999, currency: 'EUR' })).toEqual({ currencyCode: 'EUR', value: '9.99' });
    expect(paypalAmount({ amount: 1200, currency: 'JPY' })).toEqual({ currencyCode: 'JPY', value: '1200' });
  });
});

describe('orderOutcome', () => {
  const withCapture = (capture: Record<string, unknown>) => order({ id: 'O1', status: 'COMPLETED', purchaseUnits: [{ payments: { captures: [capture] } }] });

  it('reads a completed capture as succeeded, charged under the capture id', () => {
    expect(orderOutcome(withCapture({ id: 'C1', status: 'COMPLETED' }))).toEqual({ status: 'succeeded', chargeRef: 'C1' });
  });

  it('reads a pending capture as pending', () => {
    expect(orderOutcome(withCapture({ id: 'C1', status: 'PENDING' }))).toEqual({ status: 'pending', chargeRef: 'C1' });
  });

  it('reads a declined capture by its processor response, unknown codes soft', () => {
    expect(orderOutcome(withCapture({ id: 'C1', status: 'DECLINED', processorResponse: { responseCode: '5120' } }))).toMatchObject({
      status: 'declined', chargeRef: 'C1', decline: 'soft', code: '5120',
    });
  });

  it('reads an order waiting for the payer as needing the customer', () => {
    expect(orderOutcome(order({ id: 'O2', status: 'PAYER_ACTION_REQUIRED' }))).toMatchObject({ status: 'declined', chargeRef: 'O2', decline: 'needs-customer' });
  });
});

describe('declineFromError', () => {
  const issue = (name: string) => ({ name: 'UNPROCESSABLE_ENTITY', details: [{ issue: name, description: `${name} happened` }] });

  it('turns instrument issues on a 422 into declines', () => {
    expect(declineFromError(422, issue('INSTRUMENT_DECLINED'))).toMatchObject({ decline: 'hard', code: 'INSTRUMENT_DECLINED', chargeRef: null });
    expect(declineFromError(422, issue('PAYER_ACTION_REQUIRED'))).toMatchObject({ decline: 'needs-customer' });
    expect(declineFromError(422, issue('TRANSACTION_REFUSED'))).toMatchObject({ decline: 'soft' });
  });

  it('leaves request errors and other statuses to the caller', () => {
    expect(declineFromError(422, issue('CANNOT_BE_ZERO_OR_NEGATIVE'))).toBeNull();
    expect(declineFromError(400, issue('INSTRUMENT_DECLINED'))).toBeNull();
    expect(declineFromError(422, undefined)).toBeNull();
  });
});

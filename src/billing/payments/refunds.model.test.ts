import { describe, expect, it } from 'vitest';
import { cumulativeRefOf, ledgerRefOf, refundAmount, RefundRuleError, refundKey, remainingOf } from './refunds.model.ts';
import { refundToRecord } from './webhooks.model.ts';

const payment = { kind: 'payment' as const, amount: 10_000, currency: 'EUR' };

function refusal(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof RefundRuleError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('refundAmount', () => {
  it('refunds all that remains when no amount is given, and any part of it', () => {
    expect(refundAmount(payment, 0, {})).toBe(10_000);
    expect(refundAmount(payment, 4_000, {})).toBe(6_000);
    expect(refundAmount(payment, 4_000, { amount: 6_000 })).toBe(6_000);
    expect(refundAmount(payment, 0, { amount: 1, currency: 'EUR' })).toBe(1);
  });

  it('refuses more than remains unrefunded, naming the amount and what remains', () => {
    expect(refusal(() => refundAmount(payment, 4_000, { amount: 6_001 }))).toEqual({ field: 'amount', message: 'must be at most 6000, what remains unrefunded of this payment' });
    expect(refusal(() => refundAmount(payment, 10_000, {}))).toEqual({ field: 'amount', message: 'nothing of this payment remains to refund' });
  });

  it('refuses nothing, a negative or a fractional amount', () => {
    for (const amount of [0, -5, 1.5]) expect(refusal(() => refundAmount(payment, 0, { amount })).field).toBe('amount');
  });

  it('refuses to refund a refund, and another currency than the payment’s', () => {
    expect(refusal(() => refundAmount({ ...payment, kind: 'refund' }, 0, {})).field).toBe('paymentId');
    expect(refusal(() => refundAmount(payment, 0, { amount: 100, currency: 'SEK' }))).toEqual({ field: 'currency', message: "must be the payment's currency, EUR" });
  });
});

describe('remainingOf', () => {
  it('is the payment less what is refunded, never below nothing, and nothing of a refund', () => {
    expect(remainingOf(payment, 2_500)).toBe(7_500);
    expect(remainingOf(payment, 12_000)).toBe(0);
    expect(remainingOf({ ...payment, kind: 'refund' }, 0)).toBe(0);
  });
});

describe('the ledger reference of a refund made from Upkeep', () => {
  it("is a Stripe charge's refunded total, so Stripe's later webhook with that total records nothing", () => {
    const first = ledgerRefOf('stripe', 'pi_1', 0, 4_000, 're_1');
    expect(first).toBe('pi_1:refund:4000');
    // charge.refunded: amount_refunded 4000, with the 4000 recorded under `first`.
    expect(refundToRecord({ chargeRef: 'pi_1', cumulative: { amount: 4_000, currency: 'EUR' } }, 4_000)).toBeNull();
    const second = ledgerRefOf('stripe', 'pi_1', 4_000, 6_000, 're_2');
    expect(second).toBe('pi_1:refund:10000');
    expect(refundToRecord({ chargeRef: 'pi_1', cumulative: { amount: 10_000, currency: 'EUR' } }, 10_000)).toBeNull();
  });

  it("is PayPal's refund id, the reference PayPal's webhook for that refund records under", () => {
    const ref = ledgerRefOf('paypal', 'CAPTURE-1', 0, 300, 'REFUND-7');
    expect(ref).toBe('CAPTURE-1:refund:REFUND-7');
    expect(refundToRecord({ chargeRef: 'CAPTURE-1', refundRef: 'REFUND-7', amount: { amount: 300, currency: 'SEK' } }, 0)?.gatewayRef).toBe(ref);
  });

  it('names what a cumulative webhook arriving first records the refund under', () => {
    expect(cumulativeRefOf('pi_1', 4_000, 1_000)).toBe(refundToRecord({ chargeRef: 'pi_1', cumulative: { amount: 5_000, currency: 'EUR' } }, 4_000)?.gatewayRef);
  });

  it('sends the same request under the same key', () => {
    expect(refundKey('payment_1', 'r-1')).toBe(refundKey('payment_1', 'r-1'));
    expect(refundKey('payment_1', 'r-1')).not.toBe(refundKey('payment_1', 'r-2'));
  });
});

import { describe, expect, it } from 'vitest';
import { fromPaypal, fromStripe, refundToRecord } from './webhooks.model.ts';

const paypal = (event_type: string, resource: Record<string, unknown>) => fromPaypal({ id: 'WH-1', event_type, resource });

describe('refundToRecord', () => {
  const cumulative = (amount: number) => ({ chargeRef: 'pi_1', cumulative: { amount, currency: 'EUR' } });

  it('records what a cumulative total adds to the refunds already recorded, named after the total', () => {
    expect(refundToRecord(cumulative(2_500), 0)).toEqual({ amount: 2_500, currency: 'EUR', gatewayRef: 'pi_1:refund:2500' });
    expect(refundToRecord(cumulative(4_000), 2_500)).toEqual({ amount: 1_500, currency: 'EUR', gatewayRef: 'pi_1:refund:4000' });
  });

  it('records nothing for a total already recorded or an older, smaller total arriving late', () => {
    expect(refundToRecord(cumulative(2_500), 2_500)).toBeNull();
    expect(refundToRecord(cumulative(2_500), 4_000)).toBeNull();
    expect(refundToRecord(cumulative(0), 0)).toBeNull();
  });

  it('records a single refund whole under its own id, whatever was refunded before', () => {
    const notice = { chargeRef: 'CAPTURE-1', refundRef: 'REFUND-7', amount: { amount: 300, currency: 'SEK' } };
    expect(refundToRecord(notice, 9_999)).toEqual({ amount: 300, currency: 'SEK', gatewayRef: 'CAPTURE-1:refund:REFUND-7' });
  });
});

describe('fromStripe', () => {
  const at = new Date('2026-11-21T12:00:00Z');

  it('keeps a charge answer with the idempotency key it echoes back', () => {
    const event = fromStripe({ kind: 'charge-updated', eventId: 'evt_1', occurredAt: at, outcome: { status: 'succeeded', chargeRef: 'pi_1' }, customerRef: 'cus_1', idempotencyKey: 'invoice:inv_1:attempt:1', metadata: {} }, 'payment_intent.succeeded');
    expect(event).toEqual({ kind: 'charge-updated', eventId: 'evt_1', type: 'payment_intent.succeeded', outcome: { status: 'succeeded', chargeRef: 'pi_1' }, idempotencyKey: 'invoice:inv_1:attempt:1' });
  });

  it("reads Stripe's refunded amount as a cumulative total and method events as the customer's methods changing", () => {
    expect(fromStripe({ kind: 'charge-refunded', eventId: 'evt_2', occurredAt: at, chargeRef: 'pi_1', refunded: { amount: 500, currency: 'EUR' } }, 'charge.refunded')).toMatchObject({
      kind: 'charge-refunded',
      refund: { chargeRef: 'pi_1', cumulative: { amount: 500, currency: 'EUR' } },
    });
    expect(fromStripe({ kind: 'method-removed', eventId: 'evt_3', occurredAt: at, methodRef: 'pm_1', customerRef: null }, 'payment_method.detached')).toEqual({
      kind: 'methods-changed',
      eventId: 'evt_3',
      type: 'payment_method.detached',
      customerRef: null,
      methodRefs: ['pm_1'],
    });
  });
});

describe('fromPaypal', () => {
  it('reads a capture completed, pending or denied as a charge answer keyed by its custom id', () => {
    expect(paypal('PAYMENT.CAPTURE.COMPLETED', { id: 'CAPTURE-1', status: 'COMPLETED', custom_id: 'invoice:inv_1:attempt:1' })).toEqual({
      kind: 'charge-updated',
      eventId: 'WH-1',
      type: 'PAYMENT.CAPTURE.COMPLETED',
      outcome: { status: 'succeeded', chargeRef: 'CAPTURE-1' },
      idempotencyKey: 'invoice:inv_1:attempt:1',
    });
    expect(paypal('PAYMENT.CAPTURE.PENDING', { id: 'CAPTURE-1', status: 'PENDING' })).toMatchObject({ outcome: { status: 'pending', chargeRef: 'CAPTURE-1' }, idempotencyKey: null });
    expect(paypal('PAYMENT.CAPTURE.DENIED', { id: 'CAPTURE-2', status: 'DECLINED', processor_response: { response_code: '5120' } })).toMatchObject({
      outcome: { status: 'declined', chargeRef: 'CAPTURE-2', decline: 'soft', code: '5120' },
    });
  });

  it('ignores a capture event without a capture id, and events billing does not follow', () => {
    expect(paypal('PAYMENT.CAPTURE.COMPLETED', { status: 'COMPLETED' })).toMatchObject({ kind: 'ignored' });
    expect(paypal('CHECKOUT.ORDER.APPROVED', { id: 'ORDER-1' })).toEqual({ kind: 'ignored', eventId: 'WH-1', type: 'CHECKOUT.ORDER.APPROVED' });
  });

  it('reads a refund against the capture in its "up" link, as a total when PayPal gives one', () => {
    const links = [{ rel: 'self', href: 'https://api.paypal.com/v2/payments/refunds/REFUND-1' }, { rel: 'up', href: 'https://api.paypal.com/v2/payments/captures/CAPTURE-1' }];
    expect(paypal('PAYMENT.CAPTURE.REFUNDED', { id: 'REFUND-1', amount: { currency_code: 'EUR', value: '10.00' }, links, seller_payable_breakdown: { total_refunded_amount: { currency_code: 'EUR', value: '25.50' } } })).toMatchObject({
      kind: 'charge-refunded',
      refund: { chargeRef: 'CAPTURE-1', cumulative: { amount: 2_550, currency: 'EUR' } },
    });
    expect(paypal('PAYMENT.CAPTURE.REFUNDED', { id: 'REFUND-1', amount: { currency_code: 'JPY', value: '1200' }, links })).toMatchObject({
      refund: { chargeRef: 'CAPTURE-1', refundRef: 'REFUND-1', amount: { amount: 1_200, currency: 'JPY' } },
    });
    expect(paypal('PAYMENT.CAPTURE.REFUNDED', { id: 'REFUND-1', amount: { currency_code: 'EUR', value: '10.00' } })).toMatchObject({ kind: 'ignored' });
  });

  it('reads vault tokens saved or deleted as methods changing, naming the ref the way we keep it', () => {
    expect(paypal('VAULT.PAYMENT-TOKEN.CREATED', { id: 'tok_1', customer: { id: 'up123' }, payment_source: { card: { last_digits: '4242' } } })).toMatchObject({
      kind: 'methods-changed',
      customerRef: 'up123',
      methodRefs: ['card:tok_1'],
    });
    expect(paypal('VAULT.PAYMENT-TOKEN.DELETED', { id: 'tok_2' })).toMatchObject({ kind: 'methods-changed', customerRef: null, methodRefs: ['paypal:tok_2', 'card:tok_2'] });
  });
});

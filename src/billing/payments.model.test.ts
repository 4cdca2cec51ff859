import { describe, expect, it } from 'vitest';
import { inLedgerOrder, standingAfter, type LedgerPayment } from './payments.model.ts';

const pay = (id: string, amount: number, receivedAt: string, extra: Partial<LedgerPayment> = {}): LedgerPayment => ({ id, kind: 'payment', amount, receivedAt, createdAt: receivedAt, ...extra });

describe('an invoice’s ledger of payments', () => {
  it('orders by when the money arrived, then when it was recorded, then by id', () => {
    const late = pay('pay_3', 100, '2026-11-20T10:00:00.000Z');
    const backdated = pay('pay_2', 100, '2026-11-01T09:00:00Z', { createdAt: '2026-11-21T08:00:00.000Z' });
    const sameInstantFirst = pay('pay_1', 100, '2026-11-01T09:00:00.000Z', { createdAt: '2026-11-02T08:00:00.000Z' });
    const tieB = pay('pay_b', 1, '2026-12-01T00:00:00.000Z');
    const tieA = pay('pay_a', 1, '2026-12-01T00:00:00Z');
    expect(inLedgerOrder([late, tieB, backdated, tieA, sameInstantFirst]).map((p) => p.id)).toEqual(['pay_1', 'pay_2', 'pay_3', 'pay_a', 'pay_b']);
  });

  it('counts what was paid up to and including a payment, and what was still due after it', () => {
    const payments = [pay('pay_2', 4_000, '2026-11-10T12:00:00Z'), pay('pay_1', 3_000, '2026-11-05T12:00:00Z'), pay('pay_3', 3_000, '2026-11-15T12:00:00Z')];
    expect(standingAfter(10_000, payments, [], 'pay_1')).toEqual({ paid: 3_000, credited: 0, due: 7_000 });
    expect(standingAfter(10_000, payments, [], 'pay_2')).toEqual({ paid: 7_000, credited: 0, due: 3_000 });
    expect(standingAfter(10_000, payments, [], 'pay_3')).toEqual({ paid: 10_000, credited: 0, due: 0 });
  });

  it('takes a refund back and never owes less than nothing', () => {
    const payments = [pay('pay_1', 12_000, '2026-11-05T12:00:00Z'), pay('pay_r', 2_000, '2026-11-06T12:00:00Z', { kind: 'refund' })];
    expect(standingAfter(10_000, payments, [], 'pay_1')).toEqual({ paid: 12_000, credited: 0, due: 0 });
    expect(standingAfter(10_000, payments, [], 'pay_r')).toEqual({ paid: 10_000, credited: 0, due: 0 });
    expect(standingAfter(11_000, payments, [], 'pay_r').due).toBe(1_000);
  });

  it('counts only the credit notes issued by the time the money arrived, the same instant included', () => {
    const payments = [pay('pay_1', 2_000, '2026-11-05T12:00:00Z'), pay('pay_2', 2_000, '2026-11-20T12:00:00Z')];
    const credits = [{ amount: 1_000, issuedAt: '2026-11-05T12:00:00.000Z' }, { amount: 500, issuedAt: '2026-11-10T00:00:00.000Z' }];
    expect(standingAfter(10_000, payments, credits, 'pay_1')).toEqual({ paid: 2_000, credited: 1_000, due: 7_000 });
    expect(standingAfter(10_000, payments, credits, 'pay_2')).toEqual({ paid: 4_000, credited: 1_500, due: 4_500 });
  });

  it('refuses a payment that is not in the ledger', () => {
    expect(() => standingAfter(100, [pay('pay_1', 1, '2026-11-05T12:00:00Z')], [], 'pay_x')).toThrow(/pay_x/);
  });
});

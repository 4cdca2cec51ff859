import { describe, expect, it } from 'vitest';
import { allowedMoves, amountDue, canMove, stateAfterPayments } from './invoice-states.model.ts';

describe('invoice states', () => {
  it('issues a draft, and never reopens a paid or void invoice', () => {
    expect(canMove('draft', 'open')).toBe(true);
    expect(canMove('paid', 'open')).toBe(false);
    expect(allowedMoves('void')).toEqual([]);
    expect(canMove('open', 'uncollectible')).toBe(true);
    expect(canMove('uncollectible', 'paid')).toBe(true);
    expect(canMove('partially-paid', 'void')).toBe(false);
  });

  it('follows payments: part, all, and a refund back to part', () => {
    expect(stateAfterPayments('open', 10_000, 4_000)).toBe('partially-paid');
    expect(stateAfterPayments('partially-paid', 10_000, 10_000)).toBe('paid');
    expect(stateAfterPayments('paid', 10_000, 6_000)).toBe('partially-paid');
    expect(stateAfterPayments('paid', 10_000, 0)).toBe('open');
    expect(stateAfterPayments('uncollectible', 10_000, 0)).toBe('uncollectible');
    expect(stateAfterPayments('uncollectible', 10_000, 10_000)).toBe('paid');
    expect(stateAfterPayments('draft', 10_000, 10_000)).toBe('draft');
  });

  it('owes the rest, never less than nothing', () => {
    expect(amountDue(10_000, 4_000)).toBe(6_000);
    expect(amountDue(10_000, 12_000)).toBe(0);
  });
});

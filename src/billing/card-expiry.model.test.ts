import { describe, expect, it } from 'vitest';
import { cardExpiryWarning, validThrough } from './card-expiry.model.ts';

describe('card expiry', () => {
  it('a card works through the last day of its month, February of a leap year included', () => {
    expect(validThrough({ expMonth: 2, expYear: 2028 })).toBe('2028-02-29');
    expect(validThrough({ expMonth: 2, expYear: 2027 })).toBe('2027-02-28');
    expect(validThrough({ expMonth: 12, expYear: 2026 })).toBe('2026-12-31');
    expect(() => validThrough({ expMonth: 13, expYear: 2026 })).toThrow(RangeError);
  });

  it('asks 30 days before the card ends when it ends before the next charge', () => {
    expect(cardExpiryWarning({ expMonth: 1, expYear: 2027 }, '2027-03-15', '2026-11-21')).toEqual({ validThrough: '2027-01-31', askOn: '2027-01-01' });
  });

  it('says nothing for a card that lasts until the charge, the charge day itself included', () => {
    expect(cardExpiryWarning({ expMonth: 3, expYear: 2027 }, '2027-03-15', '2026-11-21')).toBeNull();
    expect(cardExpiryWarning({ expMonth: 3, expYear: 2027 }, '2027-03-31', '2026-11-21')).toBeNull();
  });

  it('asks today when the lead time has already begun', () => {
    expect(cardExpiryWarning({ expMonth: 11, expYear: 2026 }, '2027-01-10', '2026-11-21')).toEqual({ validThrough: '2026-11-30', askOn: '2026-11-21' });
  });

  it('takes a custom lead time', () => {
    expect(cardExpiryWarning({ expMonth: 6, expYear: 2027 }, '2027-09-01', '2026-11-21', 45)).toEqual({ validThrough: '2027-06-30', askOn: '2027-05-16' });
  });
});

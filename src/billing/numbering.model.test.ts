import { describe, expect, it } from 'vitest';
import { formatNumber, gapsIn, nextSequence, yearOfIssue } from './numbering.model.ts';

describe('invoice numbers', () => {
  it('count per year from 1, four digits at least', () => {
    expect(formatNumber('invoice', 2026, nextSequence(null))).toBe('2026-0001');
    expect(formatNumber('invoice', 2026, nextSequence(41))).toBe('2026-0042');
    expect(formatNumber('invoice', 2026, 12_345)).toBe('2026-12345');
    expect(formatNumber('credit-note', 2027, 1)).toBe('CN-2027-0001');
  });

  it('take the year from the issue date', () => {
    expect(yearOfIssue('2026-12-31')).toBe(2026);
    expect(yearOfIssue('2027-01-01')).toBe(2027);
    expect(() => yearOfIssue('31.12.2026')).toThrow(RangeError);
  });

  it('refuse a sequence of 0 and a year out of range', () => {
    expect(() => formatNumber('invoice', 2026, 0)).toThrow(RangeError);
    expect(() => formatNumber('invoice', 1999, 1)).toThrow(RangeError);
  });

  it('finds the gaps in a year’s series', () => {
    expect(gapsIn([1, 2, 3])).toEqual([]);
    expect(gapsIn([2, 5, 3])).toEqual([1, 4]);
    expect(gapsIn([])).toEqual([]);
  });
});

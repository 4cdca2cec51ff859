import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.ts';

describe('newId', () => {
  it('has the type prefix and a 26-character ULID', () => {
    const id = newId('asset');
    expect(id).toMatch(/^ast_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isId('asset', id)).toBe(true);
    expect(isId('client', id)).toBe(false);
  });

  it('sorts by time', () => {
    expect(newId('asset', Date.UTC(2026, 0, 1)) < newId('asset', Date.UTC(2026, 0, 2))).toBe(true);
  });

  it('sorts in the order made within one millisecond, so bulk inserts append to indexes', () => {
    const now = Date.UTC(2026, 10, 21);
    const ids = Array.from({ length: 5000 }, () => newId('asset', now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

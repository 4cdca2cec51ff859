import { describe, expect, it } from 'vitest';
import { hashToken, randomToken } from './tokens.ts';

describe('hashToken', () => {
  it('is SHA-256 as lowercase hex', () => {
    // The FIPS 180-2 test vector for "abc".
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is stable and tells different tokens apart', () => {
    const token = randomToken('upk');
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(`${token}x`));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the UTF-8 bytes', () => {
    expect(hashToken('å')).toBe(hashToken(Buffer.from([0xc3, 0xa5]).toString('utf8')));
  });
});

describe('randomToken', () => {
  it('is the prefix, an underscore and base64url of 32 bytes by default', () => {
    const token = randomToken('upk');
    expect(token).toMatch(/^upk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
  });

  it.each([12, 15, 16, 128])('takes %i random bytes', (bytes) => {
    const token = randomToken('ses', bytes);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(bytes);
  });

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken('t')));
    expect(tokens.size).toBe(1000);
  });

  it.each(['', 'has space', 'under_score', 'a'.repeat(17)])('refuses the prefix %j', (prefix) => {
    expect(() => randomToken(prefix)).toThrow(RangeError);
  });

  it.each([0, 8, 11, 16.5, 129, Number.NaN])('refuses %s random bytes', (bytes) => {
    expect(() => randomToken('upk', bytes)).toThrow(RangeError);
  });
});

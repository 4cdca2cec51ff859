import { describe, expect, it } from 'vitest';
import { daysUntil, judgeDomain } from './domain-verdict.ts';
import type { DomainFacts } from './probe.ts';

const facts = (changes: Partial<DomainFacts> = {}): DomainFacts => ({
  domain: 'shop.example',
  expiresOn: '2025-06-01',
  expiryPublished: true,
  daysLeft: 90,
  registrar: 'Gandi',
  statuses: ['client transfer prohibited'],
  source: 'https://rdap.example/domain/shop.example',
  ...changes,
});

describe('daysUntil', () => {
  it('counts calendar days from the UTC date, whatever the hour', () => {
    expect(daysUntil('2025-03-02', new Date('2025-03-01T23:59:00Z'))).toBe(1);
    expect(daysUntil('2025-03-01', new Date('2025-03-01T00:00:00Z'))).toBe(0);
    expect(daysUntil('2024-03-01', new Date('2024-02-28T12:00:00Z'))).toBe(2); // leap year
    expect(daysUntil('2025-02-27', new Date('2025-03-01T12:00:00Z'))).toBe(-2);
  });
});

describe('judgeDomain', () => {
  it('is up well before expiry, naming the registrar', () => {
    expect(judgeDomain(facts(), 'rdap.example', 30, 7)).toEqual({
      ok: true,
      warning: false,
      message: 'shop.example registered until 2025-06-01 (90 days) (registrar Gandi)',
    });
  });

  it.each([
    [31, true, false, 'registered until'],
    [30, true, true, 'expires in 30 days'],
    [7, false, false, 'expires in 7 days'],
    [1, false, false, 'expires in 1 day'],
    [0, false, false, 'expires today'],
    [-1, false, false, 'expired on'],
  ])('%i days left: up %s, warning %s', (daysLeft, ok, warning, words) => {
    const verdict = judgeDomain(facts({ daysLeft }), 'rdap.example', 30, 7);
    expect(verdict).toMatchObject({ ok, warning });
    expect(verdict.message).toContain(words);
  });

  it('says plainly when expiry is not published, and stays up', () => {
    const verdict = judgeDomain(facts({ expiresOn: null, expiryPublished: false, daysLeft: null, registrar: null }), 'rdap.denic.de', 30, 7);
    expect(verdict).toEqual({ ok: true, warning: false, message: 'shop.example is registered; expiry not published by rdap.denic.de' });
  });

  it.each([
    ['redemption period', 'redemption period'],
    ['pending delete', 'pending deletion'],
    ['client hold', 'on hold by the registrar'],
    ['Server Hold', 'on hold by the registry'],
  ])('is down in the state %j, even with expiry far away', (status, words) => {
    const verdict = judgeDomain(facts({ statuses: ['active', status] }), 'rdap.example', 30, 7);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain(words);
  });
});

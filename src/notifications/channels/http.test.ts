import { describe, expect, it } from 'vitest';
import { describeUrl, parseRetryAfter, scrub, urlSecrets } from './http.ts';

const now = new Date('2025-03-01T03:12:00Z');

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('Sat, 01 Mar 2025 03:12:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 03:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('secrets in URLs', () => {
  it('finds the key in the path and the query, and scrubs it in any encoding', () => {
    const url = 'https://hooks.example.com/services/T1/B2/AbCdEf123456?sig=s%2Fig+value';
    const secrets = urlSecrets(url);
    expect(scrub('rejected /services/T1/B2/AbCdEf123456 for s/ig value', secrets)).toBe('rejected … for …');
    expect(scrub(`echo ${url}`, secrets)).toBe('echo …');
    expect(describeUrl(url)).toBe('https://hooks.example.com/…');
  });
});

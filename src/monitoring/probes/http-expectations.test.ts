import { describe, expect, it } from 'vitest';
import { judgeHttp, keywordFound, statusExpected } from './http-expectations.ts';

const base = { expectedStatus: ['200-399'], keyword: null, keywordIsRegex: false, keywordAbsent: false, maxResponseMs: null };

describe('statusExpected', () => {
  it.each([
    [['200'], 200, true],
    [['200'], 201, false],
    [['200-299'], 299, true],
    [['200-299'], 300, false],
    [['200', '404'], 404, true],
    [['nonsense'], 200, false],
  ])('%j accepts %i: %s', (expected, status, accepted) => {
    expect(statusExpected(expected, status)).toBe(accepted);
  });
});

describe('judgeHttp', () => {
  it('puts the status first, then the keyword, then the speed', () => {
    const slow = { ...base, keyword: 'ok', maxResponseMs: 100 };
    expect(judgeHttp(slow, { status: 500, body: 'nope', totalMs: 500 }).message).toBe('HTTP 500, expected 200-399');
    expect(judgeHttp(slow, { status: 200, body: 'nope', totalMs: 500 }).message).toBe('HTTP 200, but "ok" was not found in the response');
    expect(judgeHttp(slow, { status: 200, body: 'ok', totalMs: 500.4 }).message).toBe('HTTP 200 in 500 ms, slower than the 100 ms allowed');
    expect(judgeHttp(slow, { status: 200, body: 'ok', totalMs: 99 })).toEqual({ ok: true, message: 'HTTP 200 in 99 ms' });
  });

  it('shows a regular expression as one', () => {
    const verdict = judgeHttp({ ...base, keyword: 'a+b', keywordIsRegex: true }, { status: 200, body: 'xyz', totalMs: 1 });
    expect(verdict.message).toBe('HTTP 200, but /a+b/ was not found in the response');
  });
});

describe('keywordFound', () => {
  it('matches plain text literally, regular expressions as such', () => {
    expect(keywordFound('a.c', false, 'abc')).toBe(false);
    expect(keywordFound('a.c', true, 'abc')).toBe(true);
  });

  it('explains a pattern that does not compile', () => {
    expect(keywordFound('(', true, 'x')).toMatch(/^the keyword pattern is not a valid regular expression/);
  });

  it('stops a pattern that backtracks for too long instead of stalling the worker', () => {
    const started = Date.now();
    expect(keywordFound('^(a+)+$', true, `${'a'.repeat(40)}b`)).toMatch(/took longer than 50 ms/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

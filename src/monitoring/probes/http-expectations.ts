import vm from 'node:vm';
import type { HttpConfig } from './configs.ts';

/**
 * What makes an HTTP check pass, as pure rules over the response: the status among the expected
 * ones, the keyword present (or absent), the response fast enough.
 */
export interface HttpOutcome {
  status: number;
  /** The body as read (null when it was not read: no keyword set, or a HEAD request). */
  body: string | null;
  totalMs: number;
}

export interface HttpVerdict {
  ok: boolean;
  message: string;
}

type Expectations = Pick<HttpConfig, 'expectedStatus' | 'keyword' | 'keywordIsRegex' | 'keywordAbsent' | 'maxResponseMs'>;

export function judgeHttp(config: Expectations, outcome: HttpOutcome): HttpVerdict {
  const ms = Math.round(outcome.totalMs);
  const status = `HTTP ${outcome.status}`;
  if (!statusExpected(config.expectedStatus, outcome.status)) {
    return { ok: false, message: `${status}, expected ${config.expectedStatus.join(', ')}` };
  }
  if (config.keyword !== null) {
    const found = keywordFound(config.keyword, config.keywordIsRegex, outcome.body ?? '');
    if (typeof found === 'string') return { ok: false, message: found };
    const shown = config.keywordIsRegex ? `/${config.keyword}/` : `"${config.keyword}"`;
    if (!found && !config.keywordAbsent) return { ok: false, message: `${status}, but ${shown} was not found in the response` };
    if (found && config.keywordAbsent) return { ok: false, message: `${status}, but ${shown} was found in the response` };
  }
  if (config.maxResponseMs !== null && outcome.totalMs > config.maxResponseMs) {
    return { ok: false, message: `${status} in ${ms} ms, slower than the ${config.maxResponseMs} ms allowed` };
  }
  return { ok: true, message: `${status} in ${ms} ms` };
}

/** "200", "200-299": is the status one of them? Entries that are not codes or ranges match nothing. */
export function statusExpected(expected: readonly string[], status: number): boolean {
  return expected.some((entry) => {
    const match = /^(\d{3})(?:-(\d{3}))?$/.exec(entry.trim());
    if (!match) return false;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    return status >= from && status <= to;
  });
}

/**
 * A user's regular expression runs in a separate context with a time limit: a pattern that
 * backtracks catastrophically over a large page would otherwise stall every check of the worker.
 * Plain keywords are a simple `includes`.
 */
const REGEX_TIME_LIMIT_MS = 50;
const regexContext = vm.createContext({ pattern: /(?:)/, body: '' });
const regexTest = new vm.Script('pattern.test(body)');
const compiled = new Map<string, RegExp>();

/** True or false, or a message saying why the keyword could not be evaluated. */
export function keywordFound(keyword: string, isRegex: boolean, body: string): boolean | string {
  if (!isRegex) return body.includes(keyword);
  const pattern = compile(keyword);
  if (typeof pattern === 'string') return pattern;
  regexContext.pattern = pattern;
  regexContext.body = body;
  try {
    return regexTest.runInContext(regexContext, { timeout: REGEX_TIME_LIMIT_MS }) === true;
  } catch {
    return `the keyword pattern took longer than ${REGEX_TIME_LIMIT_MS} ms on this response; simplify it`;
  } finally {
    regexContext.body = '';
  }
}

function compile(keyword: string): RegExp | string {
  const known = compiled.get(keyword);
  if (known) return known;
  let pattern: RegExp;
  try {
    pattern = new RegExp(keyword);
  } catch (err) {
    return `the keyword pattern is not a valid regular expression: ${(err as Error).message}`;
  }
  // A bounded cache: monitors are many, distinct patterns few; clearing is cheaper than an LRU.
  if (compiled.size >= 1000) compiled.clear();
  compiled.set(keyword, pattern);
  return pattern;
}

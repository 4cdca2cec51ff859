import { OutboundError } from './errors.ts';

/** One request on the way to the final response: the first one, or one after a redirect. */
export interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin: they would hand credentials to it. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'transfer-encoding'];

/**
 * Builds a hop from a URL: only http and https, no fragment, and user info moved into a Basic
 * `Authorization` header (unless one is set) so it is neither sent in the request line nor logged.
 */
export function makeHop(url: URL, method: string, headers: Record<string, string>, body: Hop['body']): Hop {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('invalid-url', `only http and https URLs can be requested, not ${url.protocol}`, {
      retryable: false,
    });
  }
  const target = new URL(url);
  target.hash = '';
  let finalHeaders = headers;
  if (target.username || target.password) {
    const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    if (!headers.authorization) {
      finalHeaders = { ...headers, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
    }
    target.username = '';
    target.password = '';
  }
  return { url: target, method, headers: finalHeaders, body };
}

/**
 * The hop a redirect response leads to, or null when the response is not one to follow. Method
 * changes follow the Fetch standard: 303 becomes GET, and so does a POST answered with 301 or 302;
 * 307 and 308 repeat the request as it was.
 */
export function redirectHop(from: Hop, status: number, location: string | string[] | undefined): Hop | null {
  if (!REDIRECT_STATUSES.has(status) || typeof location !== 'string') return null;
  let url: URL;
  try {
    url = new URL(location, from.url);
  } catch {
    throw new OutboundError('redirects', 'redirected to a URL that is not valid', { retryable: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('redirects', `redirected to a ${url.protocol} URL, which is not followed`, { retryable: false });
  }
  const becomesGet = (status === 303 && from.method !== 'HEAD') || ((status === 301 || status === 302) && from.method === 'POST');
  const dropped = [
    ...(url.origin !== from.url.origin ? CREDENTIAL_HEADERS : []),
    ...(becomesGet ? BODY_HEADERS : []),
  ];
  const headers = Object.fromEntries(Object.entries(from.headers).filter(([name]) => !dropped.includes(name)));
  return makeHop(url, becomesGet ? 'GET' : from.method, headers, becomesGet ? undefined : from.body);
}

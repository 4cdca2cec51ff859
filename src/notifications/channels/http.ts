import type { OutboundResponse } from '../../platform/outbound/client.ts';
import { isRetryableStatus, OutboundError } from '../../platform/outbound/errors.ts';
import { ChannelError, type SendContext } from './channel.ts';

/**
 * What the HTTP-based channels (webhook, Slack, Teams, Discord, Telegram) share: one POST through
 * the outbound client, and one reading of what a failed answer means for the channel.
 */
export interface PostOptions {
  /** The service's name as a person knows it, for messages: "Slack", "the webhook". */
  service: string;
  url: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /** Secrets (tokens, URL paths) to cut out of anything the service answers before it goes into a message. */
  secrets: readonly string[];
}

/**
 * POSTs without following redirects: a redirected POST may turn into a GET that drops the
 * message while looking delivered, and a moved webhook URL is something the owner should fix.
 */
export async function post(options: PostOptions, context: SendContext): Promise<OutboundResponse> {
  try {
    return await context.outbound.request(options.url, {
      method: 'POST',
      headers: options.headers ?? {},
      ...(options.json !== undefined ? { json: options.json } : { body: options.body ?? '' }),
      maxRedirects: 0,
      signal: context.signal,
    });
  } catch (err) {
    throw unreachable(options.service, err, options.secrets);
  }
}

/** A request that got no answer: the outbound error already says whether trying again can help. */
export function unreachable(service: string, err: unknown, secrets: readonly string[]): ChannelError {
  if (err instanceof OutboundError) {
    return new ChannelError(`${service} could not be reached: ${scrub(err.message, secrets)}`, { permanent: !err.retryable, cause: err });
  }
  return new ChannelError(`${service} could not be reached: ${scrub(String((err as Error)?.message ?? err), secrets)}`, {
    permanent: false,
    cause: err,
  });
}

/**
 * What an answer that is not a success means. Revoked or deleted endpoints (401, 403, 404, 410)
 * and rejected messages (other 4xx) are permanent: sending again cannot help. Rate limits (429)
 * and the service's own trouble (5xx, 408) are temporary, with the wait the service asked for.
 */
export function failure(service: string, response: OutboundResponse, context: SendContext, options: { secrets: readonly string[]; detail?: string; retryAfterMs?: number }): ChannelError {
  const { status } = response;
  const detail = scrub(options.detail ?? excerpt(response.body), options.secrets);
  const said = detail ? `: ${detail}` : '';
  if (status === 429) {
    const retryAfterMs = options.retryAfterMs ?? parseRetryAfter(response.headers['retry-after'], context.now());
    const wait = retryAfterMs === undefined ? '' : ` (asked to wait ${Math.ceil(retryAfterMs / 1000)} s)`;
    return new ChannelError(`${service} is rate limiting (HTTP 429)${wait}${said}`, { permanent: false, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  if (isRetryableStatus(status)) return new ChannelError(`${service} failed for now (HTTP ${status})${said}`, { permanent: false });
  if (status >= 300 && status < 400) {
    return new ChannelError(`${service} answered with a redirect (HTTP ${status}); the URL has moved, update the channel`, { permanent: true });
  }
  if (status === 401 || status === 403) {
    return new ChannelError(`${service} refused the credentials (HTTP ${status}); the token or URL was revoked${said}`, { permanent: true });
  }
  if (status === 404 || status === 410) {
    return new ChannelError(`${service} no longer exists at this URL (HTTP ${status})${said}`, { permanent: true });
  }
  return new ChannelError(`${service} rejected the message (HTTP ${status})${said}`, { permanent: true });
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/**
 * Retry-After as seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The start of a response body on one line, enough to say why ("no_service", "chat not found"). */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Replaces every secret (and its URL-encoded form) with "…", so an echoing server cannot leak one into a log. */
export function scrub(text: string, secrets: readonly string[]): string {
  const forms = secrets.filter((secret) => secret.length >= 4).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  // Longest first: a whole URL goes before the path segment inside it.
  return [...new Set(forms)].sort((a, b) => b.length - a.length).reduce((clean, form) => clean.split(form).join('…'), text);
}

/**
 * The secret parts of a webhook URL: everything after the origin, its longer path segments and its
 * query values (Slack and Discord keep the key in the path, Teams Workflows in a `sig` parameter).
 */
export function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname}${parsed.search}`;
    const pathParts = parsed.pathname.split('/').filter((part) => part.length >= 8);
    const queryValues = [...parsed.searchParams.values()].filter((value) => value.length >= 4);
    return [url, rest, parsed.pathname, parsed.search, ...pathParts, ...queryValues];
  } catch {
    return [url];
  }
}

/** A webhook URL as it may be shown: the origin only. */
export function describeUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '(invalid URL)';
  }
}

import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { createAddressPolicy } from './address-policy.ts';
import { createAgentPool, type OutboundTlsOptions } from './agents.ts';
import { readBody } from './body.ts';
import { startDeadline, type Deadline } from './deadline.ts';
import { describeError, OutboundError } from './errors.ts';
import { makeHop, redirectHop, type Hop } from './redirects.ts';

/**
 * All outbound HTTP of Upkeep — webhooks, RDAP, payment gateways, HTTP monitors — goes through
 * an `Outbound`: one deadline per request, redirects re-checked hop by hop, a body size cap, the
 * private-address policy enforced on the address dialled, and one error type that says whether
 * to retry. It is built on undici's `request`, not the global fetch, which is ~5× slower here.
 * Tests that need to intercept outbound calls substitute this interface, or point it at a server
 * of their own on loopback (allow-listed).
 */
export interface OutboundOptions {
  /** Deadline for a whole request (connect, every redirect, headers and body), unless a request sets its own. */
  timeoutMs: number;
  /** Refuse loopback, LAN, link-local and similar addresses (see `address-policy.ts`). */
  blockPrivateAddresses: boolean;
  userAgent: string;
  /** Hosts (`status.lan`, `*.corp.example`) and addresses or CIDRs (`10.1.0.0/16`) allowed despite the blocking. */
  allow?: readonly string[];
  /** Redirects followed per request; default 5. */
  maxRedirects?: number;
  /** Largest response body read into memory; default 5 MiB. */
  maxBodyBytes?: number;
  tls?: OutboundTlsOptions;
}

export type OutboundMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface OutboundRequestOptions {
  method?: OutboundMethod;
  /** Header names are case-insensitive; `user-agent` defaults to the client's. */
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  /** Sent as the body, serialised, with `content-type: application/json` unless one is given. */
  json?: unknown;
  timeoutMs?: number;
  /** 0 turns following off: a 3xx response is then returned as it is. */
  maxRedirects?: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Replaces the client's TLS settings for this request. */
  tls?: OutboundTlsOptions;
  /** `text` (default) decodes the body as UTF-8; `buffer` returns the bytes. */
  responseType?: 'text' | 'buffer';
}

export interface OutboundResponse<Body = string> {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: Body;
  /** The URL of the final response, after redirects (without user info). */
  url: string;
  redirects: number;
  /** Milliseconds from the start of the call to the final response's headers and to its last byte. */
  timings: { headersMs: number; totalMs: number };
}

export interface Outbound {
  request(url: string | URL, options?: OutboundRequestOptions & { responseType?: 'text' }): Promise<OutboundResponse<string>>;
  request(url: string | URL, options: OutboundRequestOptions & { responseType: 'buffer' }): Promise<OutboundResponse<Buffer>>;
  /** Closes the pooled connections; requests in flight finish first. */
  close(): Promise<void>;
}

const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

interface Settings {
  timeoutMs: number;
  maxRedirects: number;
  maxBodyBytes: number;
  responseType: 'text' | 'buffer';
  agent: Dispatcher;
}

/** Where a request is, for error messages: the current hop, and whether headers arrived. */
interface Progress {
  method: string;
  origin: string | undefined;
  phase: 'response' | 'body';
}

export function createOutbound(options: OutboundOptions): Outbound {
  const policy = createAddressPolicy({ blockPrivateAddresses: options.blockPrivateAddresses, allow: options.allow ?? [] });
  const agents = createAgentPool(policy, options.timeoutMs, options.tls);

  async function request(url: string | URL, requestOptions: OutboundRequestOptions = {}): Promise<OutboundResponse<string | Buffer>> {
    const settings: Settings = {
      timeoutMs: requestOptions.timeoutMs ?? options.timeoutMs,
      maxRedirects: requestOptions.maxRedirects ?? options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      maxBodyBytes: requestOptions.maxBodyBytes ?? options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      responseType: requestOptions.responseType ?? 'text',
      agent: agents.agentFor(requestOptions.tls ?? options.tls),
    };
    const progress: Progress = { method: requestOptions.method ?? 'GET', origin: undefined, phase: 'response' };
    const deadline = startDeadline(settings.timeoutMs, requestOptions.signal);
    try {
      const first = firstHop(url, requestOptions, options.userAgent);
      return await follow(first, settings, deadline, progress);
    } catch (err) {
      throw toOutboundError(err, progress, deadline, settings.timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  return { request: request as Outbound['request'], close: () => agents.close() };
}

function firstHop(url: string | URL, options: OutboundRequestOptions, userAgent: string): Hop {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text is not echoed: a mistyped URL can still hold a token.
    throw new OutboundError('invalid-url', 'the URL is not valid', { retryable: false });
  }
  const headers: Record<string, string> = { 'user-agent': userAgent };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  return makeHop(parsed, options.method ?? 'GET', headers, body);
}

async function follow(first: Hop, settings: Settings, deadline: Deadline, progress: Progress): Promise<OutboundResponse<string | Buffer>> {
  const started = performance.now();
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    Object.assign(progress, { method: hop.method, origin: hop.url.origin, phase: 'response' });
    const response = await undiciRequest(hop.url, {
      dispatcher: settings.agent,
      method: hop.method as Dispatcher.HttpMethod,
      headers: hop.headers,
      body: hop.body,
      signal: deadline.signal,
    });
    const next = settings.maxRedirects > 0 ? redirectHop(hop, response.statusCode, response.headers.location) : null;
    if (next) {
      await response.body.dump();
      if (redirects >= settings.maxRedirects) {
        throw new OutboundError('redirects', `more than ${settings.maxRedirects} redirects`, { retryable: false });
      }
      hop = next;
      continue;
    }
    const headersMs = performance.now() - started;
    progress.phase = 'body';
    const bytes = await readBody(response.body, settings.maxBodyBytes, single(response.headers['content-length']));
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: settings.responseType === 'buffer' ? bytes : bytes.toString('utf8'),
      url: hop.url.href,
      redirects,
      timings: { headersMs, totalMs: performance.now() - started },
    };
  }
}

function toOutboundError(err: unknown, progress: Progress, deadline: Deadline, timeoutMs: number): OutboundError {
  const where = `${progress.method} ${progress.origin ?? '(no valid URL)'}`;
  let described = describeError(err);
  if (!(err instanceof OutboundError) && deadline.cancelled) {
    described = { kind: 'aborted', retryable: true, detail: 'cancelled by the caller' };
  } else if (!(err instanceof OutboundError) && deadline.timedOut) {
    const what = progress.phase === 'body' ? 'the response body did not finish' : 'no response';
    described = { kind: 'timeout', retryable: true, detail: `${what} within ${timeoutMs} ms` };
  }
  return new OutboundError(described.kind, `${where}: ${described.detail}`, {
    retryable: described.retryable,
    ...(described.code ? { code: described.code } : {}),
    cause: err instanceof OutboundError ? (err.cause ?? err) : err,
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

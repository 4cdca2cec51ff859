import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../../src/notifications/channels/webhook/signature.ts';

/**
 * An HTTP server on loopback standing in for whatever a channel posts to: a webhook receiver,
 * Slack, Teams, Discord, the Telegram Bot API, Twilio. It records every request with its raw
 * body, checks the Upkeep signature the way a real receiver would (given the secret), and can
 * be told how to answer: fail (500), hang, say the URL is gone (410), rate limit (429 + Retry-After).
 */
export interface ReceivedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  /** Lower-case names. */
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  /** Whether `Upkeep-Signature` verified; null when the receiver has no secret. */
  signatureValid: boolean | null;
}

export type ReceiverReply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export interface ReceiverOptions {
  /** Verify `Upkeep-Signature` with this secret; requests that fail get 401 like a real receiver. */
  webhookSecret?: string;
  /** The receiver's clock for the signature's timestamp tolerance. */
  now?: () => Date;
  toleranceSeconds?: number;
}

export interface Receiver {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** How to answer from now on (default: 200 with `{"ok":true}`). */
  reply(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Answers the next request this way, then falls back to the standing reply; calls queue up. */
  replyOnce(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Decide per request; return undefined to fall through to the queued and standing replies. */
  respond(handler: (request: ReceivedRequest) => ReceiverReply | undefined): void;
  fail(status?: number): void;
  /** Accepts requests and never answers them. */
  hang(): void;
  gone(status?: 410 | 404 | 401 | 403): void;
  rateLimit(retryAfter: number | string, body?: unknown): void;
  /** Back to 200 for everything, no handler, requests forgotten. */
  reset(): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

const OK: ReceiverReply = { status: 200, body: { ok: true } };

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const queued: ReceiverReply[] = [];
  const waiters = new Set<() => void>();
  let standing: ReceiverReply = OK;
  let handler: ((request: ReceivedRequest) => ReceiverReply | undefined) | null = null;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const text = rawBody.toString('utf8');
      const signatureValid = options.webhookSecret
        ? verifyWebhookSignature(options.webhookSecret, single(req.headers['upkeep-signature']), rawBody, options.now?.() ?? new Date(), options.toleranceSeconds)
        : null;
      const request: ReceivedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody, text, json: parseJson(text), signatureValid };
      requests.push(request);
      for (const wake of waiters) wake();
      if (signatureValid === false) return answer(res, { status: 401, body: { error: 'signature does not verify' } });
      answer(res, handler?.(request) ?? queued.shift() ?? standing);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const set = (reply: ReceiverReply): void => {
    standing = reply;
  };

  return {
    url,
    requests,
    reply: (status, body, headers) => set({ status, body, ...(headers ? { headers } : {}) }),
    replyOnce: (status, body, headers) => void queued.push({ status, body, ...(headers ? { headers } : {}) }),
    respond: (next) => {
      handler = next;
    },
    fail: (status = 500) => set({ status, body: { error: 'internal error' } }),
    hang: () => set('hang'),
    gone: (status = 410) => set({ status, body: { error: 'gone' } }),
    rateLimit: (retryAfter, body = { error: 'slow down' }) => set({ status: 429, body, headers: { 'retry-after': String(retryAfter) } }),
    reset() {
      standing = OK;
      handler = null;
      queued.length = 0;
      requests.length = 0;
    },
    waitForRequests(count, timeoutMs = 5_000) {
      if (requests.length >= count) return Promise.resolve(requests.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`expected ${count} requests, got ${requests.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = (): void => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(requests.slice());
        };
        waiters.add(wake);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(res: ServerResponse, reply: ReceiverReply): void {
  if (reply === 'hang') return; // left open; close() drops it
  const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const type = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(reply.status, { ...(body ? { 'content-type': type } : {}), ...reply.headers });
  res.end(reply.status === 204 ? undefined : body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Hop } from '../../platform/outbound/redirects.ts';

/**
 * One request and its response, with the socket's events turned into phase durations:
 * `lookup` ends DNS, `connect` ends the TCP handshake, `secureConnect` ends TLS, the response
 * headers end the wait for the first byte. A phase whose event never fires stays null.
 */
export interface PhaseClock {
  readonly start: number;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  /** Where the check is, so a timeout can say what did not finish. */
  phase: 'response' | 'body';
}

export interface HopResponse {
  status: number;
  location: string | undefined;
  /** UTF-8 text of the body when it was asked for, else null. */
  body: string | null;
  bodyTruncated: boolean;
}

export interface ExchangeOptions {
  agent: http.Agent;
  lookup: LookupFunction | undefined;
  signal: AbortSignal;
  wantsBody: boolean;
  followRedirects: boolean;
}

/** Keywords are looked for in the first MiB: enough for any page, bounded for memory. */
const MAX_BODY_BYTES = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function exchange(hop: Hop, options: ExchangeOptions, clock: PhaseClock): Promise<HopResponse> {
  return new Promise((resolve, reject) => {
    const hopStart = performance.now();
    let ready = hopStart; // when the connection could carry the request
    const transport = hop.url.protocol === 'https:' ? https : http;
    const request = transport.request(hop.url, {
      method: hop.method,
      headers: hop.headers,
      agent: options.agent,
      signal: options.signal,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
    request.once('socket', (socket: Socket) => {
      let resolvedAt = hopStart;
      let connectedAt = hopStart;
      socket.once('lookup', () => {
        resolvedAt = performance.now();
        clock.dnsMs = add(clock.dnsMs, resolvedAt - hopStart);
      });
      socket.once('connect', () => {
        connectedAt = ready = performance.now();
        clock.connectMs = add(clock.connectMs, connectedAt - resolvedAt);
      });
      socket.once('secureConnect', () => {
        ready = performance.now();
        clock.tlsMs = add(clock.tlsMs, ready - connectedAt);
      });
    });
    request.once('response', (response) => {
      clock.firstByteMs = add(clock.firstByteMs, performance.now() - ready);
      clock.phase = 'body';
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      const isRedirect = options.followRedirects && REDIRECTS.has(status) && location !== undefined;
      if (!options.wantsBody || isRedirect) {
        response.on('end', () => resolve({ status, location, body: null, bodyTruncated: false }));
        response.on('error', reject);
        response.resume();
        return;
      }
      readText(response).then(({ text, truncated }) => resolve({ status, location, body: text, bodyTruncated: truncated }), reject);
    });
    request.on('error', reject); // `on`: an aborted request may report more than one error
    request.end(hop.body);
  });
}

/** Sums a phase over redirect hops; null plus nothing stays null. */
function add(total: number | null, ms: number): number {
  return (total ?? 0) + ms;
}

function readText(response: http.IncomingMessage): Promise<{ text: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean): void => resolve({ text: Buffer.concat(chunks, size).toString('utf8'), truncated });
    response.on('data', (chunk: Buffer) => {
      const room = MAX_BODY_BYTES - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size >= MAX_BODY_BYTES) {
        response.destroy(); // the rest is not needed; the connection is not reused anyway
        finish(true);
      }
    });
    response.once('end', () => finish(false));
    response.on('error', reject);
  });
}

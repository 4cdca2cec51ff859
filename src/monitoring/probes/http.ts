import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { Deadline } from '../../platform/outbound/deadline.ts';
import { OutboundError } from '../../platform/outbound/errors.ts';
import { makeHop, redirectHop, type Hop } from '../../platform/outbound/redirects.ts';
import type { HttpConfig } from './configs.ts';
import { judgeHttp } from './http-expectations.ts';
import { exchange, type HopResponse, type PhaseClock } from './http-exchange.ts';
import type { HttpTimings, Probe, ProbeContext, ProbeResult } from './probe.ts';
import { checkDeadline, failure, targetLookup, unbracket } from './targets.ts';

/**
 * An HTTP(S) check: one request (and its redirects, when followed), judged on status, keyword
 * and speed, with the time of each phase.
 *
 * Connections: a NEW connection for every check, no keep-alive and no TLS session resumption.
 * A check should see what a first-time visitor sees — a moved DNS record, a broken handshake or
 * a replaced certificate — which a kept-alive socket would hide, and only a fresh connection has
 * honest DNS, connect and TLS phases. The cost (a handshake per check) is a few hundred
 * microseconds of CPU; agents are still shared, one per TLS setting, so nothing else is built
 * per check.
 */
const MAX_REDIRECTS = 10;
const USER_AGENT = 'Upkeep-Monitor/1 (+uptime check)';

const plainAgent = new http.Agent({ keepAlive: false });
const verifyingAgent = new https.Agent({ keepAlive: false, maxCachedSessions: 0 });
const lenientAgent = new https.Agent({ keepAlive: false, maxCachedSessions: 0, rejectUnauthorized: false });
/** Agents trusting a context's own CAs, by the list's identity (an engine passes one list for good). */
const caAgents = new WeakMap<readonly string[], https.Agent>();

export const httpProbe: Probe<'http'> = {
  kind: 'http',
  async check(config, context) {
    let first: Hop;
    try {
      first = firstHop(config);
    } catch (err) {
      if (!(err instanceof OutboundError)) throw err;
      return { ok: false, message: err.message, responseMs: null };
    }
    return checkHttp(config, first, context);
  },
};

function firstHop(config: HttpConfig): Hop {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new OutboundError('invalid-url', 'the URL is not valid', { retryable: false });
  }
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(config.headers)) headers[name.toLowerCase()] = value;
  if (config.basicAuth && !headers.authorization) {
    const { username, password } = config.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  if (config.body !== null) headers['content-length'] = String(Buffer.byteLength(config.body));
  return makeHop(url, config.method, headers, config.body ?? undefined);
}

async function checkHttp(config: HttpConfig, first: Hop, context: ProbeContext): Promise<ProbeResult> {
  const deadline = checkDeadline(context);
  const clock: PhaseClock = { start: performance.now(), dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null, phase: 'response' };
  try {
    const { response, hop, redirects } = await follow(config, first, context, deadline, clock);
    const timings = finishTimings(clock);
    const verdict = judgeHttp(config, { status: response.status, body: response.body, totalMs: timings.totalMs });
    return {
      ...verdict,
      responseMs: timings.totalMs,
      statusCode: response.status,
      timings,
      details: { url: hop.url.href, redirects, ...(response.bodyTruncated ? { bodyTruncated: true } : {}) },
    };
  } catch (err) {
    const result = failure(err, deadline, context.timeoutMs, null);
    if (deadline.timedOut && clock.phase === 'body') result.message = `the response body did not finish within ${context.timeoutMs} ms`;
    else if (deadline.timedOut) result.message = `no response within ${context.timeoutMs} ms`;
    return { ...result, timings: finishTimings(clock) };
  } finally {
    deadline.dispose();
  }
}

async function follow(
  config: HttpConfig,
  first: Hop,
  context: ProbeContext,
  deadline: Deadline,
  clock: PhaseClock,
): Promise<{ response: HopResponse; hop: Hop; redirects: number }> {
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const host = unbracket(hop.url.hostname);
    const lookup = targetLookup(host, context);
    const agent = agentFor(hop.url.protocol, config.verifyTls, context.ca);
    const wantsBody = config.keyword !== null && hop.method !== 'HEAD';
    const response = await exchange(hop, { agent, lookup, signal: deadline.signal, wantsBody, followRedirects: config.followRedirects }, clock);
    const next = config.followRedirects ? redirectHop(hop, response.status, response.location) : null;
    if (!next) return { response, hop, redirects };
    if (redirects >= MAX_REDIRECTS) {
      throw new OutboundError('redirects', `more than ${MAX_REDIRECTS} redirects`, { retryable: false });
    }
    hop = next;
  }
}

function agentFor(protocol: string, verifyTls: boolean, ca: readonly string[] | undefined): http.Agent {
  if (protocol === 'http:') return plainAgent;
  if (!verifyTls) return lenientAgent;
  if (!ca) return verifyingAgent;
  let agent = caAgents.get(ca);
  if (!agent) {
    agent = new https.Agent({ keepAlive: false, maxCachedSessions: 0, ca: [...ca] });
    caAgents.set(ca, agent);
  }
  return agent;
}

function finishTimings(clock: PhaseClock): HttpTimings {
  const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 10) / 10);
  return {
    dnsMs: round(clock.dnsMs),
    connectMs: round(clock.connectMs),
    tlsMs: round(clock.tlsMs),
    firstByteMs: round(clock.firstByteMs),
    totalMs: round(performance.now() - clock.start) ?? 0,
  };
}

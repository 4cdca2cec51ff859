import { Resolver } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import { describeError } from '../../platform/outbound/errors.ts';
import { formatIp, parseIp } from '../../platform/outbound/ip.ts';
import { parseResolverAddress, type DnsConfig } from './configs.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { checkDeadline, elapsedSince, targetPolicy, whenAborted } from './targets.ts';

/**
 * Asks for one record type of a name — from the system's resolvers or a chosen one — and checks
 * that every expected value is among the answers. Without expected values any answer is up.
 */
type RecordType = DnsConfig['recordType'];

export const dnsProbe: Probe<'dns'> = {
  kind: 'dns',
  async check(config, context) {
    const name = config.host.replace(/\.$/, '');
    let resolver: Resolver;
    try {
      resolver = resolverFor(config.resolver, context);
    } catch (err) {
      return { ok: false, message: describeError(err).detail, responseMs: null };
    }
    const deadline = checkDeadline(context);
    const aborted = whenAborted(deadline.signal);
    const start = performance.now();
    try {
      const answers = await Promise.race([query(resolver, name, config.recordType), aborted.promise]);
      return judge(config, name, answers, elapsedSince(start));
    } catch (err) {
      if (deadline.cancelled) return { ok: false, message: 'check cancelled (the worker is stopping)', responseMs: null, inconclusive: true };
      return { ok: false, message: dnsFailure(err, name, config, context.timeoutMs, deadline.timedOut), responseMs: null };
    } finally {
      aborted.dispose();
      deadline.dispose();
    }
  },
};

/**
 * Resolvers are kept per (server, timeout): each is a resolver channel of its own, too costly to
 * build per check. Two tries, so one lost UDP packet does not make a monitor go down.
 */
const resolvers = new Map<string, Resolver>();

function resolverFor(server: string | null, context: ProbeContext): Resolver {
  const timeout = Math.max(100, Math.ceil(context.timeoutMs / 2));
  let target: string | null = null;
  if (server !== null) {
    const parsed = parseResolverAddress(server.trim());
    if (!parsed) throw new Error(`resolver "${server}" is not an IP address with an optional port`);
    targetPolicy(context).assertAllowed(parsed.address, parsed.address);
    target = parsed.address.includes(':') ? `[${parsed.address}]:${parsed.port}` : `${parsed.address}:${parsed.port}`;
  }
  const key = `${target ?? 'system'}|${timeout}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new Resolver({ timeout, tries: 2 });
    if (target !== null) resolver.setServers([target]);
    if (resolvers.size >= 256) resolvers.clear();
    resolvers.set(key, resolver);
  }
  return resolver;
}

/** The answers as text, in the form they are compared and shown in. */
async function query(resolver: Resolver, name: string, type: RecordType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'TXT':
      // A TXT record is split into strings of at most 255 bytes; the record is their concatenation.
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  }
}

function judge(config: DnsConfig, name: string, answers: string[], responseMs: number): ProbeResult {
  const details = { recordType: config.recordType, answers, resolver: config.resolver ?? 'system' };
  const shown = answers.join(', ');
  const missing = config.expected.filter((value) => !answers.some((answer) => matches(config.recordType, value, answer)));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `${config.recordType} ${name}: expected ${missing.join(', ')}, got ${shown || 'no records'}`,
      responseMs,
      details,
    };
  }
  return { ok: true, message: `${config.recordType} ${name}: ${shown}`, responseMs, details };
}

/** Case-insensitive, without trailing dots; addresses by value; MX with or without its priority. */
export function matches(type: RecordType, expected: string, answer: string): boolean {
  if (type === 'TXT') return expected === answer;
  if (type === 'A' || type === 'AAAA') {
    const [want, got] = [parseIp(expected.trim()), parseIp(answer)];
    return want !== null && got !== null && formatIp(want) === formatIp(got);
  }
  const norm = (text: string): string => text.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
  if (type === 'MX' && !/^\d+\s/.test(expected.trim())) return norm(answer.replace(/^\d+\s+/, '')) === norm(expected);
  return norm(answer) === norm(expected);
}

const DNS_ERRORS: Record<string, string> = {
  ENOTFOUND: 'no such domain (NXDOMAIN)',
  ENODATA: 'no records of this type',
  ESERVFAIL: 'the resolver failed to answer (SERVFAIL)',
  EREFUSED: 'the resolver refused the query',
  ECONNREFUSED: 'the resolver could not be reached (connection refused)',
  EBADNAME: 'not a valid DNS name',
  EBADRESP: 'the resolver sent a malformed answer',
  EFORMERR: 'the resolver could not read the query',
};

function dnsFailure(err: unknown, name: string, config: DnsConfig, timeoutMs: number, timedOut: boolean): string {
  const code = (err as { code?: string } | null)?.code ?? '';
  const from = config.resolver === null ? '' : ` (resolver ${config.resolver})`;
  if (timedOut || code === 'ETIMEOUT') return `${config.recordType} ${name}: no answer within ${timeoutMs} ms${from}`;
  const what = DNS_ERRORS[code] ?? describeError(err).detail;
  return `${config.recordType} ${name}: ${what}${from}`;
}

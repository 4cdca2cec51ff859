import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { FieldError } from '../platform/http/problem.ts';
import { isPrivateAddress } from '../platform/outbound/address-policy.ts';
import type { MonitorConfigs, MonitorKind } from './probes/configs.ts';

/**
 * Checks of a monitor's target when it is set up: a host name that resolves nowhere is a typo
 * worth a 400 now rather than a monitor that is down from its first check; and where private
 * targets are forbidden, the addresses the name resolves to are checked, not the name.
 * The probes check the resolved address again on every connection (names can change).
 */
const RESOLVE_TIMEOUT_MS = 5_000;
// Answers that say the name does not exist. Anything else (a timeout, a broken resolver) cannot
// tell, and a set-up is not refused for the resolver's trouble.
const DOES_NOT_EXIST = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ESERVFAIL_NX']);

interface Target {
  host: string;
  field: string;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The host a monitor connects to, and the field that names it; null for kinds that connect nowhere we choose. */
export function targetOf(kind: MonitorKind, config: Record<string, unknown>): Target | null {
  switch (kind) {
    case 'http':
      return { host: unbracket(new URL(String(config.url)).hostname), field: 'config.url' };
    case 'tcp':
    case 'tls':
    case 'dns':
      return { host: unbracket(String(config.host)), field: 'config.host' };
    default:
      // A domain is looked up in its registry (it need not resolve: an expired one does not);
      // a heartbeat is pinged, it checks nothing.
      return null;
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The addresses of `host`, `[]` when it does not exist, null when the resolver could not say. */
async function addressesOf(host: string): Promise<string[] | null> {
  if (isIP(host)) return [host];
  try {
    return (await withTimeout(dns.lookup(host, { all: true, verbatim: true }))).map((a) => a.address);
  } catch (err) {
    return DOES_NOT_EXIST.has((err as { code?: string }).code ?? '') ? [] : null;
  }
}

/** A DNS monitor asks DNS about the name: it must exist there, even without the record type asked for yet. */
async function dnsNameExists(config: MonitorConfigs['dns']): Promise<boolean> {
  const resolver = new dns.Resolver({ timeout: RESOLVE_TIMEOUT_MS, tries: 1 });
  if (config.resolver) resolver.setServers([config.resolver]);
  try {
    await withTimeout(resolver.resolve(unbracket(config.host), config.recordType));
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code !== 'ENOTFOUND';
  }
}

function resolverErrors(config: MonitorConfigs['dns'], blockPrivate: boolean, prefix: string): FieldError[] {
  if (!blockPrivate || !config.resolver) return [];
  const address = config.resolver.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return isPrivateAddress(address)
    ? [{ field: `${prefix}config.resolver`, message: `${address} is a private address, and monitors may not target private addresses here` }]
    : [];
}

/** Problems with where a monitor points; `prefix` is where the monitor sits in the request (`body.`). */
export async function targetErrors(kind: MonitorKind, config: Record<string, unknown>, blockPrivate: boolean, prefix = 'body.'): Promise<FieldError[]> {
  const target = targetOf(kind, config);
  if (!target) return [];
  const field = prefix + target.field;
  if (kind === 'dns') {
    const dnsConfig = config as MonitorConfigs['dns'];
    const errors = resolverErrors(dnsConfig, blockPrivate, prefix);
    if (!isIP(target.host) && !(await dnsNameExists(dnsConfig))) errors.push({ field, message: `${target.host} does not exist in DNS` });
    return errors;
  }
  const addresses = await addressesOf(target.host);
  if (addresses !== null && addresses.length === 0) return [{ field, message: `${target.host} does not resolve to any address; check the spelling` }];
  const blocked = blockPrivate ? (addresses ?? []).find(isPrivateAddress) : undefined;
  if (blocked) {
    const what = isIP(target.host) ? `${blocked} is` : `${target.host} resolves to ${blocked}, which is`;
    return [{ field, message: `${what} a private address, and monitors may not target private addresses here (UPKEEP_BLOCK_PRIVATE_TARGETS)` }];
  }
  return [];
}

/** A short description of what a monitor watches, for names and notifications. */
export function targetLabel(kind: MonitorKind, config: Record<string, unknown>): string {
  switch (kind) {
    case 'http':
      return String(config.url);
    case 'tcp':
      return `${String(config.host)}:${String(config.port)}`;
    case 'tls':
      return `${String(config.host)}:${String(config.port ?? 443)} certificate`;
    case 'dns':
      return `${String(config.host)} ${String(config.recordType ?? 'A')}`;
    case 'domain':
      return `${String(config.domain)} registration`;
    case 'heartbeat':
      return 'heartbeat';
  }
}

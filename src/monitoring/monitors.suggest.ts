import { isIP } from 'node:net';
import { getDomain } from 'tldts';
import type { MonitorKind } from './probes/configs.ts';

/**
 * Which monitors to offer when an asset is recorded: a domain gets its registration, its
 * certificate and its website watched; a hosting plan its website and whether the server answers.
 * Pure: the asset and the monitors it already has in, suggestions out.
 */
export interface SuggestedAsset {
  kind: string;
  identifier: string;
  name: string;
}

export interface ExistingMonitor {
  kind: string;
  config: Record<string, unknown>;
}

export interface MonitorSuggestion {
  kind: MonitorKind;
  name: string;
  reason: string;
  /** A create body without the asset, which the one-step creation fills in. */
  body: { kind: MonitorKind; name: string; intervalSeconds: number; config: Record<string, unknown> };
  exists: boolean;
}

// Registries and certificates change slowly; asking RDAP every minute would only get us rate-limited.
const DOMAIN_INTERVAL_SECONDS = 12 * 3600;
const TLS_INTERVAL_SECONDS = 3600;
const WEB_INTERVAL_SECONDS = 60;

/** The host name in an identifier written as `example.com`, `https://example.com/shop` or `Example.com.`. */
export function hostOf(identifier: string): string | null {
  const text = identifier.trim().toLowerCase();
  let host = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    host = text.split(/[/:?#]/)[0] ?? '';
  }
  host = host.replace(/\.$/, '');
  if (isIP(host)) return host;
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host) ? host : null;
}

/** What a monitor points at, to tell whether a suggestion exists already. */
function targetKey(kind: string, config: Record<string, unknown>): string {
  switch (kind) {
    case 'domain':
      return `domain:${String(config.domain).toLowerCase()}`;
    case 'http':
      return `http:${String(config.url).toLowerCase().replace(/\/$/, '')}`;
    default:
      return `${kind}:${String(config.host).toLowerCase()}:${String(config.port ?? '')}`;
  }
}

function suggestion(kind: MonitorKind, name: string, reason: string, intervalSeconds: number, config: Record<string, unknown>, taken: Set<string>): MonitorSuggestion {
  return { kind, name, reason, body: { kind, name, intervalSeconds, config }, exists: taken.has(targetKey(kind, config)) };
}

export function suggestMonitors(asset: SuggestedAsset, existing: readonly ExistingMonitor[]): MonitorSuggestion[] {
  const host = hostOf(asset.identifier);
  if (!host) return [];
  const taken = new Set(existing.map((m) => targetKey(m.kind, m.config)));
  const website = { url: `https://${host.includes(':') ? `[${host}]` : host}/` };
  const out: MonitorSuggestion[] = [];
  if (asset.kind === 'domain') {
    const domain = getDomain(host) ?? host;
    out.push(suggestion('domain', `${domain} registration`, 'Warns before the domain expires and keeps its expiry date in the registry', DOMAIN_INTERVAL_SECONDS, { domain }, taken));
    out.push(suggestion('tls', `${host} certificate`, 'Warns before the TLS certificate expires or stops matching', TLS_INTERVAL_SECONDS, { host, port: 443 }, taken));
    out.push(suggestion('http', `${host} website`, 'Checks that the website answers', WEB_INTERVAL_SECONDS, website, taken));
  } else if (asset.kind === 'hosting') {
    if (!isIP(host)) out.push(suggestion('http', `${host} website`, 'Checks that the website answers', WEB_INTERVAL_SECONDS, website, taken));
    out.push(suggestion('tcp', `${host} server`, 'Checks that the server accepts connections (port 443)', WEB_INTERVAL_SECONDS, { host, port: 443 }, taken));
  } else if (asset.kind === 'certificate') {
    out.push(suggestion('tls', `${host} certificate`, 'Warns before the certificate expires or stops matching', TLS_INTERVAL_SECONDS, { host, port: 443 }, taken));
  }
  return out;
}

import type { SecretBox } from '../platform/crypto/secrets.ts';
import type { MonitorKind } from './probes/configs.ts';

/**
 * The secret parts of a monitor's settings: a basic-auth password, the values of headers that
 * carry credentials, and a heartbeat's ping token. They are stored sealed in `secret_config`
 * (bound to the monitor's id), kept out of `config`, and never sent back by the API.
 *
 * Contract for whoever runs a check: `config` as stored is NOT a complete probe config; call
 * `mergeSecrets(kind, JSON.parse(row.config), openSecrets(box, row.id, row.secret_config))`
 * and parse the result with `MONITOR_CONFIGS[kind]`.
 */
export interface MonitorSecrets {
  basicAuthPassword?: string;
  /** Header name (as written) → value, for headers that carry credentials. */
  headers?: Record<string, string>;
  /** Heartbeat monitors: the token of the ping URL. Only its sha256 is searchable (ping_key_hash). */
  pingToken?: string;
}

/** What the API shows in place of a secret header's value; sending it back keeps the stored value. */
export const SECRET_MASK = '********';

// Headers whose values are credentials: kept sealed, shown masked.
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|api-?key|password|auth/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

type Config = Record<string, unknown>;
type BasicAuth = { username: string; password?: string } | null | undefined;

/** Split a validated config into what may be stored in clear and what must be sealed. */
export function splitSecrets(kind: MonitorKind, config: Config): { config: Config; secrets: MonitorSecrets } {
  if (kind !== 'http') return { config, secrets: {} };
  const secrets: MonitorSecrets = {};
  const basicAuth = config.basicAuth as BasicAuth;
  const clearHeaders: Record<string, string> = {};
  const secretHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries((config.headers ?? {}) as Record<string, string>)) {
    if (isSecretHeader(name)) secretHeaders[name] = value;
    else clearHeaders[name] = value;
  }
  if (basicAuth?.password !== undefined) secrets.basicAuthPassword = basicAuth.password;
  if (Object.keys(secretHeaders).length > 0) secrets.headers = secretHeaders;
  const clear = { ...config, headers: clearHeaders, basicAuth: basicAuth ? { username: basicAuth.username } : null };
  return { config: clear, secrets };
}

/** The complete probe config again: the stored config with its secrets put back. */
export function mergeSecrets(kind: MonitorKind, config: Config, secrets: MonitorSecrets): Config {
  if (kind !== 'http') return config;
  const basicAuth = config.basicAuth as BasicAuth;
  return {
    ...config,
    headers: { ...((config.headers ?? {}) as Record<string, string>), ...(secrets.headers ?? {}) },
    basicAuth: basicAuth ? { username: basicAuth.username, password: secrets.basicAuthPassword ?? '' } : null,
  };
}

/** The config as the API shows it: secret header values masked, the password replaced by whether one is set. */
export function configView(kind: MonitorKind, config: Config, secrets: MonitorSecrets): Config {
  if (kind !== 'http') return config;
  const basicAuth = config.basicAuth as BasicAuth;
  const masked = Object.fromEntries(Object.keys(secrets.headers ?? {}).map((name) => [name, SECRET_MASK]));
  return {
    ...config,
    headers: { ...((config.headers ?? {}) as Record<string, string>), ...masked },
    basicAuth: basicAuth ? { username: basicAuth.username, passwordSet: secrets.basicAuthPassword !== undefined && secrets.basicAuthPassword !== '' } : null,
  };
}

/**
 * A changed config as sent by someone who saw only the view: a masked header value or a
 * basic-auth object without a password means "keep what is stored".
 */
export function restoreSecrets(kind: MonitorKind, input: Config, stored: MonitorSecrets): Config {
  if (kind !== 'http') return input;
  const headers = Object.fromEntries(
    Object.entries((input.headers ?? {}) as Record<string, unknown>).map(([name, value]) => [name, value === SECRET_MASK ? (stored.headers?.[name] ?? value) : value]),
  );
  const basicAuth = input.basicAuth as Record<string, unknown> | null | undefined;
  const keepPassword = basicAuth && typeof basicAuth === 'object' && !('password' in basicAuth) && stored.basicAuthPassword !== undefined;
  const { passwordSet: _shown, ...auth } = (basicAuth ?? {}) as Record<string, unknown>;
  return {
    ...input,
    ...(input.headers !== undefined ? { headers } : {}),
    ...(basicAuth ? { basicAuth: keepPassword ? { ...auth, password: stored.basicAuthPassword } : auth } : {}),
  };
}

const aad = (monitorId: string) => [monitorId, 'secret_config'];

export function sealSecrets(box: SecretBox, monitorId: string, secrets: MonitorSecrets): string | null {
  return Object.keys(secrets).length === 0 ? null : box.encrypt(JSON.stringify(secrets), aad(monitorId));
}

export function openSecrets(box: SecretBox, monitorId: string, sealed: string | null): MonitorSecrets {
  return sealed === null ? {} : (JSON.parse(box.decrypt(sealed, aad(monitorId))) as MonitorSecrets);
}

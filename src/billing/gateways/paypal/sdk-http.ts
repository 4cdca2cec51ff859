import type { Outbound, OutboundMethod } from '../../../platform/outbound/client.ts';

/**
 * The transport the PayPal SDK is given instead of axios's own. The SDK has no setting for a base
 * URL (only its Production and Sandbox environments, both hard-coded), but it hands its axios
 * instance any config we pass as `unstable_httpClientOptions`, and axios lets that config name the
 * function that performs a request (`adapter`). Ours sends through the outbound client (deadline,
 * address policy) and rebases the SDK's fixed `https://api-m…paypal.com` onto the configured API
 * base, which is how tests point the real SDK at a fake PayPal API on loopback.
 */
interface SdkRequestConfig {
  url?: string;
  method?: string;
  headers?: { toJSON?: () => Record<string, unknown> } & Record<string, unknown>;
  auth?: { username: string; password: string };
  data?: unknown;
}

export function outboundAxiosAdapter(outbound: Outbound, apiBase: string | undefined, timeoutMs: number) {
  return async (config: SdkRequestConfig) => {
    const target = apiBase ? rebase(config.url ?? '/', apiBase) : new URL(config.url ?? '/');
    const headers = plainHeaders(config);
    const body = typeof config.data === 'string' ? config.data : undefined;
    const response = await outbound.request(target, {
      method: (config.method ?? 'get').toUpperCase() as OutboundMethod,
      headers,
      ...(body !== undefined ? { body } : {}),
      maxRedirects: 0,
      timeoutMs,
    });
    return { data: response.body, status: response.status, statusText: '', headers: { ...response.headers }, config, request: {} };
  };
}

function plainHeaders(config: SdkRequestConfig): Record<string, string> {
  const source = typeof config.headers?.toJSON === 'function' ? config.headers.toJSON() : (config.headers ?? {});
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== null && value !== false && typeof value !== 'function') headers[name] = String(value);
  }
  if (config.auth) {
    headers.Authorization = `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`;
  }
  return headers;
}

/** Keeps the path and query of the SDK's URL, under the configured base (which may have a path of its own). */
function rebase(uri: string, apiBase: string): URL {
  const original = new URL(uri);
  const base = new URL(apiBase);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${original.pathname}${original.search}`);
}

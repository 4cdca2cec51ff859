import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { OutboundMethod } from '../../../platform/outbound/client.ts';
import type { SendContext } from '../channel.ts';

/**
 * The HTTP client the Twilio SDK is given instead of its own axios one. It sends through our
 * outbound client (deadline, private-address policy, cancellation), and it rebases Twilio's fixed
 * `https://api.twilio.com` onto the configured UPKEEP_TWILIO_API_URL, which is how tests point the
 * real SDK at a fake Twilio API on loopback. The SDK only ever calls `request()`.
 */
export class OutboundTwilioClient {
  constructor(
    private readonly apiUrl: string,
    private readonly context: SendContext,
  ) {}

  async request(options: RequestClient.RequestOptions): Promise<{ statusCode: number; body: string; headers: Record<string, string> }> {
    const target = rebase(options.uri, this.apiUrl);
    for (const [name, value] of formEntries(options.params)) target.searchParams.append(name, value);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (typeof value === 'string' && name.toLowerCase() !== 'connection') headers[name] = value;
    }
    if (options.username && options.password) {
      headers.Authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    }
    const body = options.data ? new URLSearchParams(formEntries(options.data)).toString() : undefined;
    const response = await this.context.outbound.request(target, {
      method: options.method.toUpperCase() as OutboundMethod,
      headers,
      ...(body !== undefined ? { body } : {}),
      maxRedirects: 0,
      signal: this.context.signal,
    });
    return { statusCode: response.status, body: response.body, headers: { ...response.headers } };
  }
}

/** Keeps the path and query of the SDK's URL, under the configured base (which may have a path of its own). */
function rebase(uri: string, apiUrl: string): URL {
  const original = new URL(uri);
  const base = new URL(apiUrl);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${original.pathname}${original.search}`);
}

/** Form fields as Twilio's own client sends them: arrays as repeated fields, undefined left out. */
function formEntries(data: unknown): [string, string][] {
  if (!data || typeof data !== 'object') return [];
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) entries.push([name, String(item)]);
    }
  }
  return entries;
}

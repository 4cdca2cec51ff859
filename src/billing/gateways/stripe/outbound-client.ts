import { Readable } from 'node:stream';
import Stripe from 'stripe';
import type { Outbound, OutboundMethod } from '../../../platform/outbound/client.ts';
import { OutboundError } from '../../../platform/outbound/errors.ts';

/**
 * The HTTP client the Stripe SDK is given when Upkeep's outbound client should carry its
 * requests (one deadline per request, the private-address policy, the shared connection pools)
 * instead of the SDK's own `http` client. The SDK still builds the requests, signs nothing here,
 * and turns what comes back into its typed objects and errors.
 */
export class OutboundStripeClient extends Stripe.HttpClient {
  constructor(private readonly outbound: Outbound) {
    super();
  }

  override getClientName(): string {
    return 'upkeep-outbound';
  }

  override async makeRequest(
    host: string,
    port: string,
    path: string,
    method: string,
    headers: Record<string, unknown>,
    requestData: string,
    protocol: string,
    timeout: number,
  ): Promise<OutboundStripeResponse> {
    const sent: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      // undici counts the body itself; a second Content-Length would be refused.
      if (value !== undefined && value !== null && name.toLowerCase() !== 'content-length') sent[name] = String(value);
    }
    try {
      const response = await this.outbound.request(`${protocol}://${host}:${port}${path}`, {
        method: method.toUpperCase() as OutboundMethod,
        headers: sent,
        ...(requestData ? { body: requestData } : {}),
        timeoutMs: timeout,
        maxRedirects: 0,
      });
      return new OutboundStripeResponse(response.status, { ...response.headers }, response.body);
    } catch (err) {
      // The SDK recognises its own timeout error and reports it as one.
      if (err instanceof OutboundError && err.kind === 'timeout') throw Stripe.HttpClient.makeTimeoutError();
      throw err;
    }
  }
}

class OutboundStripeResponse extends Stripe.HttpClientResponse {
  constructor(
    status: number,
    headers: Record<string, string>,
    private readonly body: string,
  ) {
    super(status, headers);
  }

  /** The SDK hangs request id, account and version on this object as `lastResponse`. */
  override getRawResponse(): Record<string, unknown> {
    return { headers: this.getHeaders() };
  }

  override toStream(streamCompleteCallback: () => void): Readable {
    streamCompleteCallback();
    return Readable.from([this.body]);
  }

  override toJSON(): Promise<unknown> {
    // The body is already read in full (the outbound client's deadline covered it).
    return Promise.resolve().then(() => JSON.parse(this.body) as unknown);
  }
}

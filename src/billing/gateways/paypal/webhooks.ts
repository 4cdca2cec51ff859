import { X509Certificate, verify } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Outbound } from '../../../platform/outbound/client.ts';

/**
 * PayPal webhook verification, done offline as PayPal documents it: the signed message is
 * `<transmission id>|<transmission time>|<webhook id>|<CRC32 of the raw body, decimal>`, signed
 * with SHA256withRSA (PAYPAL-TRANSMISSION-SIG, base64) by the certificate at PAYPAL-CERT-URL.
 * The certificate URL comes from the request, so only PayPal's own hosts are fetched from —
 * otherwise anyone could sign with a key of their own and point us at its certificate.
 */
export interface PaypalWebhookEvent {
  id: string;
  event_type: string;
  resource: Record<string, unknown>;
  [field: string]: unknown;
}

export type PaypalWebhookRejection = 'unsigned' | 'stale' | 'cert-url' | 'certificate' | 'signature' | 'body';

export class PaypalWebhookError extends Error {
  constructor(
    readonly reason: PaypalWebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'PaypalWebhookError';
  }
}

export interface PaypalWebhookVerifierOptions {
  webhookId: string;
  outbound: Outbound;
  /** Origins trusted for certificates besides PayPal's (the configured API base of a fake in tests). */
  extraCertOrigins?: readonly string[];
  /** How far the transmission time may be from now; default 10 minutes. Stops replays of old deliveries. */
  toleranceSeconds?: number;
  now?: () => Date;
}

export interface PaypalWebhookVerifier {
  /** The event, or a PaypalWebhookError saying why the delivery is refused. */
  verify(headers: Readonly<Record<string, string | string[] | undefined>>, rawBody: Buffer | string): Promise<PaypalWebhookEvent>;
}

const PAYPAL_CERT_HOSTS: ReadonlySet<string> = new Set(['api.paypal.com', 'api.sandbox.paypal.com']);
const DEFAULT_TOLERANCE_SECONDS = 600;

export function createPaypalWebhookVerifier(options: PaypalWebhookVerifierOptions): PaypalWebhookVerifier {
  const certificates = new Map<string, Promise<X509Certificate>>();
  const extraOrigins = new Set((options.extraCertOrigins ?? []).map((origin) => new URL(origin).origin));
  const now = options.now ?? (() => new Date());
  const toleranceMs = (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;

  function certificate(url: string): Promise<X509Certificate> {
    let cached = certificates.get(url);
    if (!cached) {
      cached = fetchCertificate(options.outbound, url);
      // A failed fetch is not remembered: the next delivery tries again.
      cached.catch(() => certificates.delete(url));
      certificates.set(url, cached);
    }
    return cached;
  }

  return {
    async verify(headers, rawBody) {
      const signed = signedHeaders(headers);
      const sentAt = Date.parse(signed.transmissionTime);
      if (Number.isNaN(sentAt) || Math.abs(now().getTime() - sentAt) > toleranceMs) {
        throw new PaypalWebhookError('stale', 'paypal-transmission-time: outside the accepted window');
      }
      checkCertUrl(signed.certUrl, extraOrigins);
      const cert = await certificate(signed.certUrl);
      if (Date.parse(cert.validTo) < now().getTime() || Date.parse(cert.validFrom) > now().getTime()) {
        throw new PaypalWebhookError('certificate', 'paypal-cert-url: the certificate is not valid now');
      }
      const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody;
      const message = `${signed.transmissionId}|${signed.transmissionTime}|${options.webhookId}|${crc32(body)}`;
      const good = verify('sha256', Buffer.from(message), cert.publicKey, Buffer.from(signed.signature, 'base64'));
      if (!good) throw new PaypalWebhookError('signature', 'paypal-transmission-sig: does not match the body and webhook id');
      return parseEvent(body);
    },
  };
}

interface SignedHeaders {
  transmissionId: string;
  transmissionTime: string;
  signature: string;
  certUrl: string;
}

function signedHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): SignedHeaders {
  const read = (name: string) => {
    const value = headers[name] ?? headers[name.toUpperCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const signed = {
    transmissionId: read('paypal-transmission-id'),
    transmissionTime: read('paypal-transmission-time'),
    signature: read('paypal-transmission-sig'),
    certUrl: read('paypal-cert-url'),
  };
  const missing = Object.entries(signed).find(([, value]) => !value);
  if (missing) throw new PaypalWebhookError('unsigned', `${headerName(missing[0])}: missing`);
  const algorithm = read('paypal-auth-algo');
  if (algorithm && algorithm !== 'SHA256withRSA') {
    throw new PaypalWebhookError('unsigned', `paypal-auth-algo: ${algorithm} is not SHA256withRSA`);
  }
  return signed as SignedHeaders;
}

function headerName(field: string): string {
  return { transmissionId: 'paypal-transmission-id', transmissionTime: 'paypal-transmission-time', signature: 'paypal-transmission-sig', certUrl: 'paypal-cert-url' }[field] ?? field;
}

function checkCertUrl(certUrl: string, extraOrigins: ReadonlySet<string>): void {
  let url: URL;
  try {
    url = new URL(certUrl);
  } catch {
    throw new PaypalWebhookError('cert-url', 'paypal-cert-url: not a URL');
  }
  const paypal = url.protocol === 'https:' && url.port === '' && PAYPAL_CERT_HOSTS.has(url.hostname);
  if (!paypal && !extraOrigins.has(url.origin)) {
    throw new PaypalWebhookError('cert-url', `paypal-cert-url: ${url.hostname} is not a PayPal host`);
  }
}

async function fetchCertificate(outbound: Outbound, url: string): Promise<X509Certificate> {
  const response = await outbound.request(url, { maxRedirects: 0, maxBodyBytes: 64 * 1024 }).catch((error: unknown) => {
    throw new PaypalWebhookError('certificate', `paypal-cert-url: could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  });
  if (response.status !== 200) throw new PaypalWebhookError('certificate', `paypal-cert-url: answered ${response.status}`);
  try {
    return new X509Certificate(response.body);
  } catch {
    throw new PaypalWebhookError('certificate', 'paypal-cert-url: not a PEM certificate');
  }
}

function parseEvent(body: Buffer): PaypalWebhookEvent {
  try {
    const event = JSON.parse(body.toString('utf8')) as PaypalWebhookEvent;
    if (typeof event?.id === 'string' && typeof event.event_type === 'string') return event;
  } catch {
    // falls through to the refusal below
  }
  throw new PaypalWebhookError('body', 'body: not a PayPal event');
}

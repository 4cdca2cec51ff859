import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signing of webhook deliveries, in the scheme Stripe made familiar:
 *
 *   Upkeep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the channel secret>
 *
 * The timestamp is inside the signed text, so a captured delivery cannot be replayed later with
 * a fresh time; receivers reject signatures older than a tolerance (5 minutes by default).
 * Several `v1=` entries may appear, one per secret, so a secret can be rotated without a gap.
 */
export const SIGNATURE_HEADER = 'Upkeep-Signature';
export const IDEMPOTENCY_HEADER = 'Upkeep-Idempotency-Key';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value for a body sent at `at`. */
export function signWebhook(secret: string, rawBody: string | Buffer, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, rawBody)}`;
}

/**
 * True when `header` carries a valid signature of exactly `rawBody` (the bytes received, before any
 * JSON parsing) made with `secret` no more than `toleranceSeconds` away from `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined | null,
  rawBody: string | Buffer,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const parsed = parseSignatureHeader(header ?? '');
  if (!parsed) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, parsed.timestamp, rawBody), 'hex');
  return parsed.signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

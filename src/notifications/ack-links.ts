import type { Deps } from '../platform/deps.ts';

/**
 * Acknowledge links in messages: `${publicUrl}/ack/<token>`. Following one stops the escalation
 * of a subject (`incident:inc_…`) without signing in, so the token must be unforgeable: it is the
 * subject, the user and an expiry sealed by the installation's secret box (AES-256-GCM, whose tag
 * authenticates it like an HMAC would). A changed or foreign token fails to open and is refused.
 */
const ACK_AAD = 'notifications:ack-link';
/** A message read a month later may still stop an escalation that is still running. */
export const ACK_LINK_DAYS = 30;

interface AckClaims {
  s: string; // subject key
  u: string | null; // user id, or null for a link sent to a channel rather than a person
  e: number; // expiry, ms since the epoch
}

type AckDeps = Pick<Deps, 'config' | 'secrets' | 'now'>;

export function ackToken(deps: AckDeps, subjectKey: string, userId: string | null): string {
  const claims: AckClaims = { s: subjectKey, u: userId, e: deps.now().getTime() + ACK_LINK_DAYS * 86_400_000 };
  return Buffer.from(deps.secrets.encrypt(JSON.stringify(claims), ACK_AAD), 'utf8').toString('base64url');
}

export function ackUrl(deps: AckDeps, subjectKey: string, userId: string | null): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/ack/${ackToken(deps, subjectKey, userId)}`;
}

/** The subject and user a token was made for, or null when it is forged, damaged or expired. */
export function verifyAckToken(deps: AckDeps, token: string): { subjectKey: string; userId: string | null } | null {
  if (!/^[A-Za-z0-9_-]{16,2048}$/.test(token)) return null;
  try {
    const sealed = Buffer.from(token, 'base64url').toString('utf8');
    const claims = JSON.parse(deps.secrets.decrypt(sealed, ACK_AAD)) as Partial<AckClaims>;
    if (typeof claims.s !== 'string' || typeof claims.e !== 'number') return null;
    if (claims.u !== null && typeof claims.u !== 'string') return null;
    if (claims.e < deps.now().getTime()) return null;
    return { subjectKey: claims.s, userId: claims.u };
  } catch {
    return null;
  }
}

import { X509Certificate } from 'node:crypto';
import tls, { type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { CertificateFacts } from './probe.ts';

/**
 * The facts of a server's certificate, and the rules that judge them. The certificate is read
 * with verification OFF, so an expired, self-signed or wrong-host certificate can still be
 * described; its trust is judged here from what the handshake reported.
 */
const DAY_MS = 86_400_000;

export interface Handshake {
  certificate: DetailedPeerCertificate;
  /** The handshake's verdict on the chain against the trusted CAs. */
  authorized: boolean;
  authorizationError: string | null;
}

export function certificateFacts(handshake: Handshake, serverName: string, now: Date): CertificateFacts {
  const leaf = handshake.certificate;
  const validTo = new Date(leaf.valid_to);
  const selfSigned = handshake.authorizationError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || signsItself(leaf);
  return {
    subject: distinguishedName(leaf.subject),
    issuer: distinguishedName(leaf.issuer),
    validFrom: new Date(leaf.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    altNames: altNames(leaf.subjectaltname),
    hostnameMatches: tls.checkServerIdentity(serverName, leaf) === undefined,
    chainValid: handshake.authorized,
    chainError: handshake.authorized ? null : chainErrorText(handshake.authorizationError),
    selfSigned,
  };
}

/**
 * Whether the certificate is its own issuer, signature included. The handshake's error code says
 * so only when that is the first problem it finds; an expired self-signed certificate reports
 * the expiry.
 */
function signsItself(certificate: PeerCertificate): boolean {
  if (!certificate.raw) return false;
  try {
    const x509 = new X509Certificate(certificate.raw);
    // Not `checkIssued`: it also wants the key usage of a CA, which a self-signed server certificate lacks.
    return x509.subject === x509.issuer && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** The chain as the handshake built it (leaf first, then issuers sent or trusted), for the result's details. */
export function chainSummary(leaf: DetailedPeerCertificate): { subject: string; issuer: string; validTo: string }[] {
  const chain = [];
  const seen = new Set<string>();
  for (let cert: DetailedPeerCertificate | undefined = leaf; cert && !seen.has(cert.fingerprint256); cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push({ subject: distinguishedName(cert.subject), issuer: distinguishedName(cert.issuer), validTo: new Date(cert.valid_to).toISOString() });
  }
  return chain;
}

export interface CertificateVerdict {
  ok: boolean;
  warning: boolean;
  message: string;
}

/**
 * Down when expired or not yet valid, issued for another name, not trusted, or within `downDays`
 * of expiry; up with a warning within `warnDays`. Every problem found is named, worst first.
 */
export function judgeCertificate(facts: CertificateFacts, serverName: string, now: Date, warnDays: number, downDays: number): CertificateVerdict {
  const problems: string[] = [];
  const expiresOn = facts.validTo.slice(0, 10);
  const expired = Date.parse(facts.validTo) <= now.getTime();
  const early = Date.parse(facts.validFrom) > now.getTime();
  if (expired) problems.push(`certificate expired ${agoText(Math.floor((now.getTime() - Date.parse(facts.validTo)) / DAY_MS))} (${expiresOn})`);
  else if (early) problems.push(`certificate not valid before ${facts.validFrom}`);
  if (!facts.hostnameMatches) {
    const covers = facts.altNames.length > 0 ? facts.altNames.join(', ') : facts.subject;
    problems.push(`certificate is not for ${serverName} (it covers ${covers})`);
  }
  // The handshake's own "expired" verdict says nothing new when the expiry is already named.
  const saidAlready = (expired || early) && /CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/.test(facts.chainError ?? '');
  if (!facts.chainValid && facts.selfSigned) problems.push('certificate not trusted: self-signed certificate');
  else if (!facts.chainValid && !saidAlready) problems.push(`certificate not trusted: ${facts.chainError ?? 'unknown reason'}`);
  const expiring = `certificate expires in ${daysText(facts.daysLeft)} (${expiresOn})`;
  if (problems.length === 0 && facts.daysLeft <= downDays) problems.push(expiring);
  if (problems.length > 0) return { ok: false, warning: false, message: problems.join('; ') };
  if (facts.daysLeft <= warnDays) return { ok: true, warning: true, message: expiring };
  return { ok: true, warning: false, message: `certificate valid for ${daysText(facts.daysLeft)} (until ${expiresOn})` };
}

function daysText(days: number): string {
  return days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
}

function agoText(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

const CHAIN_ERRORS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'issued by an unknown authority (or the chain is incomplete)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'issued by an unknown authority (or the chain is incomplete)',
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
  CERT_REVOKED: 'revoked',
};

function chainErrorText(code: string | null): string {
  if (!code) return 'not verified';
  return CHAIN_ERRORS[code] ? `${CHAIN_ERRORS[code]} (${code})` : code;
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

/** "DNS:a.example, IP Address:127.0.0.1" → ["a.example", "127.0.0.1"] */
function altNames(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName.split(', ').map((entry) => entry.replace(/^(DNS|IP Address|email|URI):/, ''));
}

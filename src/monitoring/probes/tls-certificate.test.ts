import { describe, expect, it } from 'vitest';
import type { CertificateFacts } from './probe.ts';
import { judgeCertificate } from './tls-certificate.ts';

const now = new Date('2025-03-01T12:00:00Z');
const facts = (changes: Partial<CertificateFacts> = {}): CertificateFacts => ({
  subject: 'CN=shop.example',
  issuer: 'CN=R11, O=Let\'s Encrypt',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2025-05-01T00:00:00.000Z',
  daysLeft: 60,
  altNames: ['shop.example'],
  hostnameMatches: true,
  chainValid: true,
  chainError: null,
  selfSigned: false,
  ...changes,
});

describe('judgeCertificate', () => {
  it('is up and quiet well before expiry', () => {
    expect(judgeCertificate(facts(), 'shop.example', now, 21, 3)).toEqual({
      ok: true,
      warning: false,
      message: 'certificate valid for 60 days (until 2025-05-01)',
    });
  });

  it.each([
    [22, true, false],
    [21, true, true],
    [4, true, true],
    [3, false, false],
    [0, false, false],
  ])('%i days left: up %s, warning %s', (daysLeft, ok, warning) => {
    const validTo = new Date(now.getTime() + (daysLeft + 0.5) * 86_400_000).toISOString();
    expect(judgeCertificate(facts({ daysLeft, validTo }), 'shop.example', now, 21, 3)).toMatchObject({ ok, warning });
  });

  it('is down once expired, by the instant and not only the day', () => {
    const verdict = judgeCertificate(facts({ daysLeft: -1, validTo: '2025-03-01T11:00:00.000Z' }), 'shop.example', now, 21, 3);
    expect(verdict).toEqual({ ok: false, warning: false, message: 'certificate expired today (2025-03-01)' });
  });

  it('does not repeat the handshake\'s expiry complaint', () => {
    const expired = facts({ daysLeft: -10, validTo: '2025-02-19T00:00:00.000Z', chainValid: false, chainError: 'a certificate in the chain has expired (CERT_HAS_EXPIRED)' });
    expect(judgeCertificate(expired, 'shop.example', now, 21, 3).message).toBe('certificate expired 10 days ago (2025-02-19)');
  });

  it('names a wrong host with what the certificate covers', () => {
    const verdict = judgeCertificate(facts({ hostnameMatches: false, altNames: ['a.example', 'b.example'] }), 'shop.example', now, 21, 3);
    expect(verdict).toMatchObject({ ok: false, message: 'certificate is not for shop.example (it covers a.example, b.example)' });
  });

  it('is down on an untrusted chain', () => {
    const verdict = judgeCertificate(facts({ chainValid: false, chainError: 'issued by an unknown authority' }), 'shop.example', now, 21, 3);
    expect(verdict).toMatchObject({ ok: false, message: 'certificate not trusted: issued by an unknown authority' });
  });

  it('is down before the certificate is valid', () => {
    const verdict = judgeCertificate(facts({ validFrom: '2025-03-02T00:00:00.000Z' }), 'shop.example', now, 21, 3);
    expect(verdict).toMatchObject({ ok: false, message: 'certificate not valid before 2025-03-02T00:00:00.000Z' });
  });
});

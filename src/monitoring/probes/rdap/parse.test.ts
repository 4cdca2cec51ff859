import { describe, expect, it } from 'vitest';
import { parseDomainAnswer, RdapFormatError } from './parse.ts';

const vcard = (name: string) => ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', name]]];

describe('parseDomainAnswer', () => {
  it('reads expiry, registrar and statuses', () => {
    const answer = parseDomainAnswer({
      ldhName: 'SHOP.EXAMPLE',
      status: ['client transfer prohibited', 42],
      events: [
        { eventAction: 'registration', eventDate: '2001-01-01T00:00:00Z' },
        { eventAction: 'expiration', eventDate: '2026-01-31T23:30:00-05:00' },
      ],
      entities: [
        { roles: ['registrant'], vcardArray: vcard('Someone') },
        { roles: ['registrar'], handle: '146', vcardArray: vcard('Gandi SAS') },
      ],
    });
    // The registry's own calendar date, not shifted to UTC (that would be 2026-02-01).
    expect(answer).toEqual({ name: 'shop.example', expiresOn: '2026-01-31', registrar: 'Gandi SAS', statuses: ['client transfer prohibited'] });
  });

  it('falls back to the registrar handle, and to nothing', () => {
    expect(parseDomainAnswer({ entities: [{ roles: ['registrar'], handle: 'REG-X' }] }).registrar).toBe('REG-X');
    expect(parseDomainAnswer({ entities: [{ roles: ['registrar'], vcardArray: vcard('  ') }] }).registrar).toBeNull();
    expect(parseDomainAnswer({}).registrar).toBeNull();
  });

  it('publishes no expiry rather than a wrong one', () => {
    expect(parseDomainAnswer({ events: [] }).expiresOn).toBeNull();
    expect(parseDomainAnswer({ events: [{ eventAction: 'expiration', eventDate: 'soon' }] }).expiresOn).toBeNull();
    expect(parseDomainAnswer({ events: [{ eventAction: 'expiration', eventDate: '2025-02-30T00:00:00Z' }] }).expiresOn).toBeNull();
    expect(parseDomainAnswer({ events: 'none' }).expiresOn).toBeNull();
  });

  it('refuses what is not an RDAP object', () => {
    expect(() => parseDomainAnswer([])).toThrow(RdapFormatError);
    expect(() => parseDomainAnswer(null)).toThrow(RdapFormatError);
  });
});

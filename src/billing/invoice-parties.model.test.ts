import { describe, expect, it } from 'vitest';
import { bankTransferFrom, invoiceParties, keptParties, type PartiesSource } from './invoice-parties.model.ts';
import { EMPTY_SELLER } from './seller/seller.model.ts';

const source: PartiesSource = {
  seller: { ...EMPTY_SELLER, legalName: 'Web Agency GmbH', address: ['Hauptstraße 1', '10115 Berlin'], vatNumber: 'DE123456789', email: 'billing@agency.test', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  agency: { name: 'Web Agency', locale: 'en' },
  client: { name: 'Van Dijk Architects', locale: 'nl' },
  profile: { address: ['Keizersgracht 1', '1015 Amsterdam'], vatNumber: 'NL123456789B01' },
};

describe('invoice parties', () => {
  it('take the seller from its details, with the account it is paid into, and the buyer from the client and its profile', () => {
    expect(invoiceParties(source)).toEqual({
      seller: {
        name: 'Web Agency GmbH',
        address: ['Hauptstraße 1', '10115 Berlin'],
        vatNumber: 'DE123456789',
        registrationNumber: null,
        email: 'billing@agency.test',
        bankAccount: { accountHolder: 'Web Agency GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', instructions: null },
      },
      buyer: { name: 'Van Dijk Architects', address: ['Keizersgracht 1', '1015 Amsterdam'], vatNumber: 'NL123456789B01', language: 'nl' },
    });
  });

  it("fall back to the agency's name and language, and keep no account when none was given", () => {
    const parties = invoiceParties({ ...source, seller: EMPTY_SELLER, client: { name: 'Hartley & Finch', locale: null } });
    expect(parties.seller.name).toBe('Web Agency');
    expect(parties.seller.bankAccount).toBeNull();
    expect(parties.buyer.language).toBe('en');
    expect(bankTransferFrom(parties, '2026-0001')).toBeNull();
  });

  it('print a gone client without a name', () => {
    expect(invoiceParties({ ...source, client: null }).buyer).toMatchObject({ name: '', language: 'en' });
  });

  it('are copies: changing the settings they came from afterwards changes nothing kept', () => {
    const seller = { ...source.seller, address: ['Hauptstraße 1'] };
    const profile = { ...source.profile, address: ['Keizersgracht 1'] };
    const parties = invoiceParties({ ...source, seller, profile });
    seller.address.push('10115 Berlin');
    profile.address[0] = 'Herengracht 2';
    expect(parties.seller.address).toEqual(['Hauptstraße 1']);
    expect(parties.buyer.address).toEqual(['Keizersgracht 1']);
  });

  it('quote the invoice number with the kept account', () => {
    expect(bankTransferFrom(invoiceParties(source), '2026-0007')).toEqual({ accountHolder: 'Web Agency GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', instructions: null, reference: '2026-0007' });
  });

  it('are kept only on an issued invoice: a draft always shows the details as they are now', () => {
    const parties = invoiceParties(source);
    expect(keptParties({ state: 'open', parties })).toBe(parties);
    expect(keptParties({ state: 'void', parties })).toBe(parties);
    expect(keptParties({ state: 'draft', parties })).toBeNull();
    // Issued before parties were kept: nothing to show but the current details.
    expect(keptParties({ state: 'paid', parties: null })).toBeNull();
  });
});

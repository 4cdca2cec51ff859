import { describe, expect, it } from 'vitest';
import { bankTransferOf, EMPTY_SELLER, normalizedSeller, sellerParty, sellerProblems, showsBankTransfer, type SellerDetails } from './seller.model.ts';

const seller = (patch: Partial<SellerDetails>): SellerDetails => normalizedSeller({ ...EMPTY_SELLER, ...patch });

describe('seller details', () => {
  it('keep empty text as null, drop blank address lines and store IBAN, BIC and VAT number compact', () => {
    expect(seller({ legalName: '  ', address: [' Storgatan 12 ', '', '  '], iban: 'se45 5000 0000 0583 9825 7466', bic: 'esse se ss', vatNumber: 'se 5566 7788 9901' })).toEqual({
      ...EMPTY_SELLER,
      address: ['Storgatan 12'],
      iban: 'SE4550000000058398257466',
      bic: 'ESSESESS',
      vatNumber: 'SE556677889901',
    });
  });

  it('accept nothing at all, an IBAN with a BIC, or instructions alone', () => {
    expect(sellerProblems(EMPTY_SELLER)).toEqual({});
    expect(sellerProblems(seller({ iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', accountHolder: 'Web Agency GmbH' }))).toEqual({});
    expect(sellerProblems(seller({ paymentInstructions: 'Account 12345678, sort code 12-34-56', accountHolder: 'Web Agency Ltd' }))).toEqual({});
  });

  it('name the field and the reason of each problem', () => {
    expect(sellerProblems(seller({ iban: 'DE89 3704 0044 0532 0130 01', bic: 'COBA' }))).toEqual({ iban: expect.stringMatching(/check digits/), bic: expect.stringMatching(/8 or 11/) });
    expect(sellerProblems(seller({ bic: 'COBADEFF' }))).toEqual({ bic: expect.stringMatching(/needs an IBAN/) });
    expect(sellerProblems(seller({ accountHolder: 'Web Agency GmbH' }))).toEqual({ accountHolder: expect.stringMatching(/IBAN or payment instructions/) });
    expect(sellerProblems(seller({ vatNumber: 'DE 1' }))).toEqual({ vatNumber: expect.stringMatching(/4 to 20/) });
  });

  it('print the legal name, else the agency name', () => {
    expect(sellerParty(seller({ legalName: 'Web Agency AB' }), 'Web Agency').name).toBe('Web Agency AB');
    expect(sellerParty(seller({ address: ['Storgatan 12'] }), 'Web Agency')).toEqual({ name: 'Web Agency', address: ['Storgatan 12'], vatNumber: null, registrationNumber: null, email: null });
  });

  it('give bank transfer details only with an account, held by the seller unless told otherwise', () => {
    expect(bankTransferOf(seller({ bic: null }), 'Web Agency AB', '2026-0001')).toBeNull();
    expect(bankTransferOf(seller({ iban: 'DE89370400440532013000' }), 'Web Agency AB', '2026-0001')).toEqual({ accountHolder: 'Web Agency AB', iban: 'DE89370400440532013000', bic: null, instructions: null, reference: '2026-0001' });
    expect(bankTransferOf(seller({ paymentInstructions: 'Routing 021000021', accountHolder: 'Web Agency Inc' }), 'Web Agency AB', null)).toMatchObject({ accountHolder: 'Web Agency Inc', iban: null, instructions: 'Routing 021000021' });
  });

  it('ask for a transfer on an invoice still owed that is not charged automatically', () => {
    expect(showsBankTransfer({ kind: 'invoice', amountDue: 100, chargedAutomatically: false })).toBe(true);
    expect(showsBankTransfer({ kind: 'invoice', amountDue: 100, chargedAutomatically: true })).toBe(false);
    expect(showsBankTransfer({ kind: 'invoice', amountDue: 0, chargedAutomatically: false })).toBe(false);
    expect(showsBankTransfer({ kind: 'credit-note', amountDue: 100, chargedAutomatically: false })).toBe(false);
  });
});

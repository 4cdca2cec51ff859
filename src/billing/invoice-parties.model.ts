import type { Party } from './invoice.types.ts';
import { bankTransferOf, sellerParty, type BankTransfer, type SellerDetails, type SellerParty } from './seller/seller.model.ts';

/**
 * Who an invoice is from and to, as printed: the seller (from the seller details, a billing
 * setting) with the account it asks to be paid into, and the buyer (its name, the billing
 * profile's address and VAT number) with the language the document is written in.
 *
 * An issued invoice keeps these as they were on its day of issue: legally it cannot change, so a
 * later edit of the seller details or of the client's profile must not reach its PDF. A draft has
 * none kept and shows the details as they are now. Pure: every issuing path builds them here.
 */
export interface InvoiceParties {
  seller: SellerParty & {
    /** Where a client pays by transfer, as asked at issue; null: no account was given then. */
    bankAccount: BankAccount | null;
  };
  buyer: Party & {
    /** The client's language, else the agency's (en, fr, sv, nl, da, ru). */
    language: string;
  };
}

/** A bank transfer's details without the reference, which is the invoice's own number. */
export type BankAccount = Omit<BankTransfer, 'reference'>;

export interface PartiesSource {
  seller: SellerDetails;
  agency: { name: string; locale: string };
  /** Null when the client is gone: the buyer prints without a name. */
  client: { name: string; locale: string | null } | null;
  profile: { address: string[]; vatNumber: string | null };
}

export function invoiceParties(source: PartiesSource): InvoiceParties {
  const seller = sellerParty(source.seller, source.agency.name);
  const transfer = bankTransferOf(source.seller, seller.name, null);
  return {
    seller: {
      ...seller,
      address: [...seller.address],
      bankAccount: transfer ? { accountHolder: transfer.accountHolder, iban: transfer.iban, bic: transfer.bic, instructions: transfer.instructions } : null,
    },
    buyer: {
      name: source.client?.name ?? '',
      address: [...source.profile.address],
      vatNumber: source.profile.vatNumber,
      language: source.client?.locale ?? source.agency.locale,
    },
  };
}

/** The kept parties an invoice prints with; null for a draft (never kept) or one issued before they were kept. */
export function keptParties(invoice: { state: string; parties: InvoiceParties | null }): InvoiceParties | null {
  return invoice.state === 'draft' ? null : invoice.parties;
}

/** Where to pay an invoice by transfer, quoting its number; null when no account was given. */
export function bankTransferFrom(parties: InvoiceParties, reference: string | null): BankTransfer | null {
  const account = parties.seller.bankAccount;
  return account ? { ...account, reference } : null;
}

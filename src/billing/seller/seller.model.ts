import { bicProblem, compactBic, compactIban, ibanProblem } from './bank.model.ts';

/**
 * The agency as the seller on its invoices: the legal name, address, VAT and registration numbers
 * an EU invoice must carry, the address clients write to about billing, and where a client pays by
 * bank transfer — an IBAN with its BIC, or free instructions for countries without IBANs.
 * Empty text is kept as null, so "not set" has one spelling.
 */
export interface SellerDetails {
  /** Printed as the seller; the agency's name when null. */
  legalName: string | null;
  address: string[];
  vatNumber: string | null;
  /** The company's registration number, where its country asks for one on invoices. */
  registrationNumber: string | null;
  /** Where clients write about invoices. */
  email: string | null;
  /** The account's holder; the seller's name when null. */
  accountHolder: string | null;
  /** Stored in its electronic form, without spaces. */
  iban: string | null;
  bic: string | null;
  /** How to pay by transfer where there is no IBAN: account and sort code, routing number, … */
  paymentInstructions: string | null;
}

export const EMPTY_SELLER: SellerDetails = {
  legalName: null,
  address: [],
  vatNumber: null,
  registrationNumber: null,
  email: null,
  accountHolder: null,
  iban: null,
  bic: null,
  paymentInstructions: null,
};

/** How a client pays an invoice by transfer; `reference` is the invoice's number (null on a draft). */
export interface BankTransfer {
  accountHolder: string;
  iban: string | null;
  bic: string | null;
  instructions: string | null;
  reference: string | null;
}

/** The seller as an invoice prints it. */
export interface SellerParty {
  name: string;
  address: string[];
  vatNumber: string | null;
  registrationNumber: string | null;
  email: string | null;
}

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Trimmed, empty text as null, blank address lines dropped; IBAN and BIC without spaces, in capitals; a VAT number without spaces. */
export function normalizedSeller(input: SellerDetails): SellerDetails {
  const iban = text(input.iban);
  const bic = text(input.bic);
  const vat = text(input.vatNumber);
  return {
    legalName: text(input.legalName),
    address: input.address.map((l) => l.trim()).filter((l) => l !== ''),
    vatNumber: vat ? vat.replace(/\s+/g, '').toUpperCase() : null,
    registrationNumber: text(input.registrationNumber),
    email: text(input.email),
    accountHolder: text(input.accountHolder),
    iban: iban ? compactIban(iban) : null,
    bic: bic ? compactBic(bic) : null,
    paymentInstructions: text(input.paymentInstructions),
  };
}

/** Problems of normalized details as field → reason; empty when they can be saved. */
export function sellerProblems(s: SellerDetails): Record<string, string> {
  const problems: Record<string, string> = {};
  const iban = s.iban ? ibanProblem(s.iban) : null;
  if (iban) problems.iban = iban;
  if (s.bic) {
    const bic = bicProblem(s.bic);
    if (bic) problems.bic = bic;
    else if (!s.iban) problems.bic = 'needs an IBAN: a BIC alone says which bank, not which account';
  }
  if (s.accountHolder && !s.iban && !s.paymentInstructions) problems.accountHolder = 'needs an IBAN or payment instructions to say which account it holds';
  if (s.vatNumber && !/^[A-Z0-9+*.\-/]{4,20}$/.test(s.vatNumber)) problems.vatNumber = 'must be 4 to 20 letters and digits, such as SE556677889901';
  return problems;
}

/** The seller as printed: its legal name, else the agency's name. */
export function sellerParty(s: SellerDetails, agencyName: string): SellerParty {
  return { name: s.legalName ?? agencyName, address: s.address, vatNumber: s.vatNumber, registrationNumber: s.registrationNumber, email: s.email };
}

/** Where to pay by transfer, or null when the agency gave no account. */
export function bankTransferOf(s: SellerDetails, sellerName: string, reference: string | null): BankTransfer | null {
  if (!s.iban && !s.paymentInstructions) return null;
  return { accountHolder: s.accountHolder ?? sellerName, iban: s.iban, bic: s.bic, instructions: s.paymentInstructions, reference };
}

/**
 * Whether an invoice asks the client to pay by transfer: an invoice (not a credit note) that still
 * asks for money and that the agency is not about to charge to a saved method by itself.
 */
export function showsBankTransfer(invoice: { kind: 'invoice' | 'credit-note'; amountDue: number; chargedAutomatically: boolean }): boolean {
  return invoice.kind === 'invoice' && invoice.amountDue > 0 && !invoice.chargedAutomatically;
}

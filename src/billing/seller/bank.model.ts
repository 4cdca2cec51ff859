/**
 * Bank account numbers a client pays an invoice into: the IBAN (ISO 13616) and the bank's BIC
 * (ISO 9362). A typing mistake in either sends a client's money nowhere, so both are checked
 * before they are printed on an invoice. Pure: no imports, safe for the web bundle too.
 */

/** An IBAN's length in each country of the IBAN registry; a country not listed gets 15–34. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
/** Bank (4 letters), country (2 letters), location (2), and an optional branch (3). */
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** `de89 3704 0044…` → `DE8937040044…`: the electronic form, as stored and compared. */
export function compactIban(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** `DE8937040044…` → `DE89 3704 0044 …`: the paper form, in groups of four, as printed. */
export function printedIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** An IBAN's remainder modulo 97 with its first four characters moved to the end and letters as 10–35; 1 when valid. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = parseInt(ch, 36);
    // Digits fold in one at a time, letters (two digits) two at a time, so the figure never outgrows a number.
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** Why an IBAN cannot be used, or null when it can; spaces and lower case are accepted. */
export function ibanProblem(raw: string): string | null {
  const iban = compactIban(raw);
  if (!IBAN_SHAPE.test(iban)) return 'must be an IBAN: a country code, two check digits and the account, such as DE89 3704 0044 0532 0130 00';
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return `has ${iban.length} characters; an IBAN of ${iban.slice(0, 2)} has ${expected}`;
  if (iban.length > 34) return 'can be at most 34 characters';
  if (ibanRemainder(iban) !== 1) return 'has check digits that do not match: a character is likely mistyped';
  return null;
}

/** `deut de ff` → `DEUTDEFF`. */
export function compactBic(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Why a BIC cannot be used, or null when it can. Its shape is all that can be checked without the banks' directory. */
export function bicProblem(raw: string): string | null {
  return BIC_SHAPE.test(compactBic(raw)) ? null : 'must be a BIC of 8 or 11 letters and digits, such as DEUTDEFF or NDEASESS';
}

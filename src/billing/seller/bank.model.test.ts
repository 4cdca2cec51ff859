import { describe, expect, it } from 'vitest';
import { bicProblem, compactBic, compactIban, ibanProblem, printedIban } from './bank.model.ts';

/** IBANs from the banks' and the registry's published examples. */
const VALID = ['DE89 3704 0044 0532 0130 00', 'GB82 WEST 1234 5698 7654 32', 'SE45 5000 0000 0583 9825 7466', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91ABNA0417164300', 'BE68 5390 0754 7034', 'NO93 8601 1117 947', 'MT84 MALT 0110 0001 2345 MTLC AST0 01S'];

describe('IBAN', () => {
  it.each(VALID)('accepts %s', (iban) => {
    expect(ibanProblem(iban)).toBeNull();
  });

  it('accepts spaces, dashes and lower case, and stores the electronic form', () => {
    expect(ibanProblem('de89-3704-0044-0532-0130-00')).toBeNull();
    expect(compactIban(' de89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
  });

  it('refuses one mistyped or swapped character by its check digits', () => {
    expect(ibanProblem('DE89 3704 0044 0532 0130 01')).toMatch(/check digits/);
    expect(ibanProblem('DE89 3704 0044 0532 0103 00')).toMatch(/check digits/);
    expect(ibanProblem('GB82 WEST 1234 5698 7654 33')).toMatch(/check digits/);
  });

  it('refuses a length its country does not have, naming both', () => {
    expect(ibanProblem('DE89 3704 0044 0532 0130 0')).toBe('has 21 characters; an IBAN of DE has 22');
    expect(ibanProblem('NO93 8601 1117 9470')).toMatch(/NO has 15/);
  });

  it('refuses what is not shaped like an IBAN', () => {
    for (const raw of ['', '1234567890123456', 'DEXX 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 0€', 'DE89']) expect(ibanProblem(raw), raw).toMatch(/must be an IBAN/);
  });

  it('checks a country outside the length table by its check digits only', () => {
    // Check digits computed for a made-up country code "ZZ" and account "1234567890123".
    const body = 'ZZ001234567890123';
    const digits = String(98 - Number(BigInt([...(body.slice(4) + 'ZZ00')].map((c) => parseInt(c, 36)).join('')) % 97n)).padStart(2, '0');
    expect(ibanProblem(`ZZ${digits}1234567890123`)).toBeNull();
    expect(ibanProblem(`ZZ${digits}1234567890124`)).toMatch(/check digits/);
  });

  it('prints in groups of four', () => {
    expect(printedIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(printedIban('be68539007547034')).toBe('BE68 5390 0754 7034');
  });
});

describe('BIC', () => {
  it('accepts 8 and 11 characters, in any case and with spaces', () => {
    for (const bic of ['DEUTDEFF', 'NDEASESS', 'ABNANL2A', 'DEUTDEFF500', 'deut de ff']) expect(bicProblem(bic), bic).toBeNull();
    expect(compactBic('deut de ff 500')).toBe('DEUTDEFF500');
  });

  it('refuses other lengths, digits where the bank or country letters go, and other characters', () => {
    for (const bic of ['DEUTDEF', 'DEUTDEFF5', 'DEUTDEFF5000', 'DEU1DEFF', 'DEUTD3FF', 'DEUT-DEFF', '']) expect(bicProblem(bic), bic).toMatch(/8 or 11/);
  });
});

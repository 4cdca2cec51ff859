import { describe, expect, it } from 'vitest';
import { invoiceTotals, lineNet, QUANTITY_SCALE, roundedQuotient, taxOn, type InvoiceLineInput, type TaxRate } from './invoice.model.ts';

const vat = (percent: number, name = `VAT ${percent} %`): TaxRate => ({ name, basisPoints: Math.round(percent * 100) });
const line = (unitPrice: number, taxRate: TaxRate | null, units = 1): InvoiceLineInput => ({ description: 'x', quantity: units * QUANTITY_SCALE, unitPrice, taxRate });

describe('rounding', () => {
  it('rounds half away from zero, both signs', () => {
    expect(roundedQuotient(5n, 2n)).toBe(3n);
    expect(roundedQuotient(-5n, 2n)).toBe(-3n);
    expect(roundedQuotient(4n, 3n)).toBe(1n);
    expect(roundedQuotient(-4n, 3n)).toBe(-1n);
  });

  it('computes a line from thousandths of a unit: half a year of a 12.99 monthly service', () => {
    expect(lineNet({ quantity: 6000, unitPrice: 1299 })).toBe(7794);
    expect(lineNet({ quantity: 500, unitPrice: 1299 })).toBe(650); // 649.5 → 650
  });

  it('taxes 19.99 SEK at 25 % as 5.00 (4.9975 rounds up)', () => {
    expect(taxOn(1999, vat(25))).toBe(500);
  });
});

describe('invoice totals', () => {
  it('EUR: one tax line per rate, rounded once on its base', () => {
    // Three 0.35 lines at 21 %: per line 0.0735 → 0.07 each (0.21), on the base 1.05 → 0.2205 → 0.22.
    const totals = invoiceTotals('EUR', [line(35, vat(21)), line(35, vat(21)), line(35, vat(21))], { reverseCharge: false });
    expect(totals.subtotal).toBe(105);
    expect(totals.taxes).toEqual([{ rate: vat(21), base: 105, tax: 22 }]);
    expect(totals.total).toBe(127);
  });

  it('SEK with two rates and an untaxed pass-through fee', () => {
    const totals = invoiceTotals('SEK', [line(19_900, vat(25)), line(4_950, vat(6), 2), line(12_000, null)], { reverseCharge: false });
    expect(totals.lines.map((l) => l.net)).toEqual([19_900, 9_900, 12_000]);
    expect(totals.taxes).toEqual([
      { rate: vat(25), base: 19_900, tax: 4_975 },
      { rate: vat(6), base: 9_900, tax: 594 },
    ]);
    expect(totals.tax).toBe(5_569);
    expect(totals.total).toBe(47_369);
  });

  it('DKK with a discount line taxed at the same rate', () => {
    const totals = invoiceTotals('DKK', [line(99_995, vat(25)), line(-10_000, vat(25))], { reverseCharge: false });
    expect(totals.subtotal).toBe(89_995);
    expect(totals.tax).toBe(22_499); // 22 498.75 → 22 499
    expect(totals.total).toBe(112_494);
  });

  it('RUB at 20 % НДС', () => {
    const totals = invoiceTotals('RUB', [line(149_999, vat(20, 'НДС 20 %'))], { reverseCharge: false });
    expect(totals.tax).toBe(30_000); // 29 999.8 → 30 000 kopecks
    expect(totals.total).toBe(179_999);
  });

  it('JPY has no minor unit: 10 % of ¥1,234 is ¥123', () => {
    const totals = invoiceTotals('JPY', [line(1_234, vat(10))], { reverseCharge: false });
    expect(totals.tax).toBe(123);
    expect(totals.total).toBe(1_357);
    expect(invoiceTotals('JPY', [line(1_235, vat(10))], { reverseCharge: false }).tax).toBe(124); // 123.5 → 124
  });

  it('reverse charge: no tax whatever the rates, the net is the total', () => {
    const totals = invoiceTotals('EUR', [line(10_000, vat(25)), line(5_000, vat(6))], { reverseCharge: true });
    expect(totals.taxes).toEqual([]);
    expect(totals.total).toBe(15_000);
    expect(totals.reverseCharge).toBe(true);
  });

  it('keeps two rates with the same value but different names apart', () => {
    const totals = invoiceTotals('EUR', [line(100, vat(20, 'VAT 20 %')), line(100, vat(20, 'TVA 20 %'))], { reverseCharge: false });
    expect(totals.taxes).toHaveLength(2);
  });

  it('names the field of bad input', () => {
    const bad = (lines: InvoiceLineInput[], currency = 'EUR') => {
      try {
        invoiceTotals(currency, lines, { reverseCharge: false });
      } catch (err) {
        return (err as { field?: string }).field;
      }
      return 'no error';
    };
    expect(bad([line(100, null)], 'XYZ')).toBe('currency');
    expect(bad([])).toBe('lines');
    expect(bad([{ ...line(100, null), quantity: 0 }])).toBe('lines.0.quantity');
    expect(bad([line(100, null), { ...line(100, null), unitPrice: 1.5 }])).toBe('lines.1.unitPrice');
    expect(bad([line(100, vat(101))])).toBe('lines.0.taxRate.basisPoints');
    expect(bad([{ ...line(Number.MAX_SAFE_INTEGER, null), quantity: 2000 }])).toBe('lines.0');
  });
});

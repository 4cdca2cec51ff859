import { describe, expect, it } from 'vitest';
import { creditedAfter, creditNoteLines } from './credit-note.model.ts';
import { InvoiceAmountError, invoiceTotals } from './invoice.model.ts';

const VAT = { name: 'VAT 25 %', basisPoints: 2500 };
const lines = [
  { position: 1, description: 'Hosting', quantity: 1000, unitPrice: 10_000, taxRate: VAT },
  { position: 2, description: 'Licences', quantity: 3000, unitPrice: 1999, taxRate: null },
];

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof InvoiceAmountError) return err.field;
    throw err;
  }
  throw new Error('expected an InvoiceAmountError');
}

describe('creditNoteLines', () => {
  it('negates every line in full when none are named', () => {
    const credit = creditNoteLines(lines, undefined);
    expect(credit.map((l) => [l.position, l.quantity, l.unitPrice])).toEqual([
      [1, 1000, -10_000],
      [2, 3000, -1999],
    ]);
    const totals = invoiceTotals('EUR', credit, { reverseCharge: false });
    expect(totals).toMatchObject({ subtotal: -15_997, tax: -2500, total: -18_497 });
  });

  it('takes part of a line, renumbering from 1 and keeping its tax rate', () => {
    expect(creditNoteLines(lines, [{ position: 2, quantity: 500 }])).toEqual([{ position: 1, description: 'Licences', quantity: 500, unitPrice: -1999, taxRate: null }]);
  });

  it('rounds a negative half away from zero, as the invoice rounded the positive', () => {
    const [line] = creditNoteLines([{ position: 1, description: 'Support', quantity: 1500, unitPrice: 1999, taxRate: VAT }], undefined);
    expect(invoiceTotals('EUR', [line!], { reverseCharge: false })).toMatchObject({ subtotal: -2999, tax: -750 });
  });

  it('names the field of a line the invoice does not have, too much of a line, or nothing at all', () => {
    expect(fieldOf(() => creditNoteLines(lines, [{ position: 1 }, { position: 3 }]))).toBe('lines.1.position');
    expect(fieldOf(() => creditNoteLines(lines, [{ position: 1, quantity: 1001 }]))).toBe('lines.0.quantity');
    expect(fieldOf(() => creditNoteLines(lines, []))).toBe('lines');
  });
});

describe('creditedAfter', () => {
  it('adds up to the whole invoice and no further', () => {
    expect(creditedAfter(12_500, 0, -2500)).toBe(2500);
    expect(creditedAfter(12_500, 2500, -10_000)).toBe(12_500);
    expect(fieldOf(() => creditedAfter(12_500, 12_500, -1))).toBe('lines');
  });
});

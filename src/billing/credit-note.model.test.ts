import { describe, expect, it } from 'vitest';
import { creditedAfter, creditNoteLines, creditsThatFit, invoiceToCredit, monthOfSlaCreditKey, slaCreditDescription, slaCreditKey } from './credit-note.model.ts';
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

describe('SLA credits', () => {
  it('keys a credit once per client and month, and reads the month back', () => {
    expect(slaCreditKey('cli_1', '2026-11')).toBe('sla-credit:cli_1:2026-11');
    expect(monthOfSlaCreditKey('sla-credit:cli_1:2026-11')).toBe('2026-11');
    expect(monthOfSlaCreditKey('renewal:ast_1:2026-11-01')).toBeNull();
    expect(monthOfSlaCreditKey(null)).toBeNull();
  });

  it('describes the credit with the uptime against the guarantee', () => {
    expect(slaCreditDescription('2026-11', 99.7763, 99.9)).toBe('SLA credit — 2026-11: uptime 99.7763 % of 99.9 % guaranteed');
  });

  it('applies whole credits, oldest first, while they fit; a larger one waits and a younger one that fits goes ahead', () => {
    const credits = [{ id: 'a', amount: 3000 }, { id: 'b', amount: 8000 }, { id: 'c', amount: 2000 }];
    expect(creditsThatFit(credits, 10_000).map((c) => c.id)).toEqual(['a', 'c']);
    expect(creditsThatFit(credits, 13_000).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(creditsThatFit(credits, 11_000).map((c) => c.id)).toEqual(['a', 'b']);
    expect(creditsThatFit(credits, 1999)).toEqual([]);
    expect(creditsThatFit(credits, 0)).toEqual([]);
  });

  it('corrects the oldest invoice that still owes the whole credit, or none', () => {
    const invoices = [{ id: 'old', due: 1000 }, { id: 'mid', due: 5000 }, { id: 'new', due: 9000 }];
    expect(invoiceToCredit(invoices, 1000)?.id).toBe('old');
    expect(invoiceToCredit(invoices, 1001)?.id).toBe('mid');
    expect(invoiceToCredit(invoices, 9001)).toBeNull();
    expect(invoiceToCredit([], 1)).toBeNull();
  });
});

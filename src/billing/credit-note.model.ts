import { InvoiceAmountError, type TaxRate } from './invoice.model.ts';

/**
 * What a credit note takes from the invoice it corrects: some or all of its lines, each at most
 * in the quantity invoiced, with the unit price negated so the same per-rate arithmetic gives
 * negative totals. What all of an invoice's credit notes give back can never exceed its total.
 */
export interface CreditableLine {
  position: number;
  quantity: number;
  unitPrice: number;
  taxRate: TaxRate | null;
}

/** A line to credit, by position; no quantity: the whole line. */
export interface CreditRequest {
  position: number;
  quantity?: number | undefined;
}

/** The credit note's lines, renumbered from 1. Throws InvoiceAmountError naming `lines.<i>.<field>`. */
export function creditNoteLines<L extends CreditableLine>(invoiceLines: readonly L[], wanted: readonly CreditRequest[] | undefined): L[] {
  const requests: readonly CreditRequest[] = wanted ?? invoiceLines.map((l) => ({ position: l.position }));
  if (requests.length === 0) throw new InvoiceAmountError('lines', 'must name at least one line');
  return requests.map((w, i) => {
    const line = invoiceLines.find((l) => l.position === w.position);
    if (!line) throw new InvoiceAmountError(`lines.${i}.position`, `the invoice has no line ${w.position}`);
    const quantity = w.quantity ?? line.quantity;
    if (quantity > line.quantity) throw new InvoiceAmountError(`lines.${i}.quantity`, `can be at most the line's quantity, ${line.quantity}`);
    return { ...line, position: i + 1, quantity, unitPrice: -line.unitPrice };
  });
}

/**
 * All that is credited once this credit note (whose total is negative) is added, as a positive
 * amount. Throws when it would exceed the invoice's total.
 */
export function creditedAfter(invoiceTotal: number, creditedBefore: number, creditNoteTotal: number): number {
  const credited = creditedBefore - creditNoteTotal;
  if (credited > invoiceTotal) throw new InvoiceAmountError('lines', `would credit ${credited} in all, more than the invoice's total of ${invoiceTotal}`);
  return credited;
}

import type { InvoiceDocumentLine, TaxRate } from '../../../api/billing.ts';
import { basisPointsOf, majorOf, minorOf, thousandthsOf, unitsOf } from '../amounts.ts';

/**
 * An invoice line as the form holds it (what a person typed) and as the API takes it. A line's
 * tax is the client's rate (left out of the body, so the server applies the profile's), none
 * (null), or a rate of its own.
 */
export type TaxChoice = 'client' | 'none' | 'own';

export interface DraftLine {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  tax: TaxChoice;
  taxName: string;
  taxPercent: string;
  periodFrom: string;
  periodTo: string;
}

export interface LineBody {
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate?: TaxRate | null;
  periodFrom?: string | null;
  periodTo?: string | null;
}

/** Which field is wrong (`lines.0.quantity`, as the API names it) and the message key for it. */
export type LocalErrors = Record<string, 'billing.error.quantity' | 'billing.error.price' | 'billing.error.percent'>;

let nextKey = 1;

export const blankLine = (): DraftLine => ({ key: nextKey++, description: '', quantity: '1', unitPrice: '', tax: 'client', taxName: '', taxPercent: '', periodFrom: '', periodTo: '' });

/** A saved line back into the form; its rate is kept as its own, so saving again changes nothing. */
export function lineFromDocument(line: InvoiceDocumentLine, currency: string): DraftLine {
  return {
    ...blankLine(),
    description: line.description,
    quantity: unitsOf(line.quantity),
    unitPrice: majorOf(line.unitPrice, currency),
    tax: line.taxRate ? 'own' : 'none',
    taxName: line.taxRate?.name ?? '',
    taxPercent: line.taxRate ? String(line.taxRate.basisPoints / 100) : '',
    periodFrom: line.periodFrom ?? '',
    periodTo: line.periodTo ?? '',
  };
}

function taxOf(line: DraftLine, basisPoints: number | null, defaultName: (percent: string) => string): TaxRate | null | undefined {
  if (line.tax === 'client') return undefined;
  if (line.tax === 'none' || basisPoints === null) return null;
  return { name: line.taxName.trim() || defaultName(line.taxPercent.trim()), basisPoints };
}

/** The lines as the API takes them, or the fields that cannot be read (checked before sending). */
export function linesBody(lines: DraftLine[], currency: string, defaultTaxName: (percent: string) => string): { lines: LineBody[]; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const body = lines.map((line, i): LineBody => {
    const quantity = thousandthsOf(line.quantity);
    const unitPrice = minorOf(line.unitPrice, currency);
    const basisPoints = line.tax === 'own' ? basisPointsOf(line.taxPercent) : null;
    if (quantity === null) errors[`lines.${i}.quantity`] = 'billing.error.quantity';
    if (unitPrice === null) errors[`lines.${i}.unitPrice`] = 'billing.error.price';
    if (line.tax === 'own' && basisPoints === null) errors[`lines.${i}.taxRate`] = 'billing.error.percent';
    const taxRate = taxOf(line, basisPoints, defaultTaxName);
    return {
      description: line.description,
      quantity: quantity ?? 0,
      unitPrice: unitPrice ?? 0,
      ...(taxRate === undefined ? {} : { taxRate }),
      periodFrom: line.periodFrom || null,
      periodTo: line.periodTo || null,
    };
  });
  return { lines: body, errors };
}

import { isCurrencyCode } from '../platform/money.ts';

/**
 * Invoice arithmetic, exact in minor units. A line's net amount is quantity × unit price (both
 * integers: a quantity is whole units or whole thousandths, see QUANTITY_SCALE). Tax is computed
 * once per rate on the sum of that rate's lines and rounded half up to the minor unit — the
 * per-rate rounding EU VAT rules ask for, so a hundred 0.01 lines do not each lose a fraction of a
 * cent. A reverse-charge invoice carries no tax; the notice saying so is printed instead.
 */

/** Quantities are stored as thousandths: 1 unit is 1000, half a year of a monthly service is 6000. */
export const QUANTITY_SCALE = 1000;

/** A tax rate as basis points of a percent: 25 % is 2500, 7.7 % is 770. */
export interface TaxRate {
  /** A short name printed on the invoice: "VAT 25 %", "MVA", "НДС 20 %". */
  name: string;
  basisPoints: number;
}

export interface InvoiceLineInput {
  description: string;
  /** Thousandths of a unit (QUANTITY_SCALE = one). */
  quantity: number;
  /** Per whole unit, minor units; negative for a discount or credit line. */
  unitPrice: number;
  /** Null: not taxed (e.g. a pass-through fee the agency pays on the client's behalf). */
  taxRate: TaxRate | null;
}

export interface TaxLine {
  rate: TaxRate;
  /** The sum of the net amounts taxed at this rate. */
  base: number;
  tax: number;
}

export interface InvoiceTotals {
  currency: string;
  lines: { net: number }[];
  subtotal: number;
  taxes: TaxLine[];
  tax: number;
  total: number;
  reverseCharge: boolean;
}

export class InvoiceAmountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** a × b / c rounded half away from zero, in BigInt: no float ever touches an amount. */
export function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

function toSafe(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvoiceAmountError(field, 'is too large an amount');
  }
  return Number(value);
}

/** A line's net amount: quantity (thousandths) × unit price, rounded half up to the minor unit. */
export function lineNet(line: Pick<InvoiceLineInput, 'quantity' | 'unitPrice'>, field = 'lines'): number {
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new InvoiceAmountError(`${field}.quantity`, 'must be a positive whole number of thousandths');
  if (!Number.isSafeInteger(line.unitPrice)) throw new InvoiceAmountError(`${field}.unitPrice`, 'must be a whole number of minor units');
  return toSafe(roundedQuotient(BigInt(line.quantity) * BigInt(line.unitPrice), BigInt(QUANTITY_SCALE)), field);
}

/** Tax on a base at a rate, rounded half up: 25 % of 1 999 öre is 500 (499.75 → 500). */
export function taxOn(base: number, rate: TaxRate): number {
  return toSafe(roundedQuotient(BigInt(base) * BigInt(rate.basisPoints), 10_000n), 'tax');
}

function validRate(rate: TaxRate, field: string): void {
  if (!Number.isInteger(rate.basisPoints) || rate.basisPoints < 0 || rate.basisPoints > 10_000) {
    throw new InvoiceAmountError(`${field}.taxRate.basisPoints`, 'must be a whole number of basis points from 0 to 10000 (0–100 %)');
  }
}

/** Rates are the same rate when name and value agree; the order is the order of first use. */
const rateKey = (rate: TaxRate) => `${rate.basisPoints}:${rate.name}`;

/**
 * Totals of an invoice. `reverseCharge`: the buyer accounts for the tax (EU B2B across borders),
 * so no tax is charged whatever the lines' rates say. Throws InvoiceAmountError naming the field.
 */
export function invoiceTotals(currency: string, lines: readonly InvoiceLineInput[], options: { reverseCharge: boolean }): InvoiceTotals {
  if (!isCurrencyCode(currency)) throw new InvoiceAmountError('currency', `"${currency}" is not an ISO 4217 currency code`);
  if (lines.length === 0) throw new InvoiceAmountError('lines', 'must have at least one line');
  const nets = lines.map((line, i) => {
    if (line.taxRate) validRate(line.taxRate, `lines.${i}`);
    return lineNet(line, `lines.${i}`);
  });
  const groups = new Map<string, TaxLine>();
  lines.forEach((line, i) => {
    if (!line.taxRate || options.reverseCharge) return;
    const key = rateKey(line.taxRate);
    const group = groups.get(key) ?? { rate: line.taxRate, base: 0, tax: 0 };
    group.base += nets[i]!;
    groups.set(key, group);
  });
  const taxes = [...groups.values()].map((g) => ({ ...g, tax: taxOn(g.base, g.rate) }));
  const subtotal = nets.reduce((sum, n) => sum + n, 0);
  const tax = taxes.reduce((sum, t) => sum + t.tax, 0);
  return { currency, lines: nets.map((net) => ({ net })), subtotal, taxes, tax, total: toSafe(BigInt(subtotal) + BigInt(tax), 'total'), reverseCharge: options.reverseCharge };
}

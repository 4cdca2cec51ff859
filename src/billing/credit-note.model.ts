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

/**
 * SLA credits: a service credit the desk's monthly report says is owed, issued as a credit note.
 * One per client and month ever, kept by the key its line carries (`invoice_lines.renewal_key`
 * is unique, so a second issue of the same month cannot land even when two requests race).
 */
export const SLA_CREDIT_KEY_PREFIX = 'sla-credit:';

export function slaCreditKey(clientId: string, month: string): string {
  return `${SLA_CREDIT_KEY_PREFIX}${clientId}:${month}`;
}

/** The month (`YYYY-MM`) an SLA credit key is for; null for any other key. */
export function monthOfSlaCreditKey(key: string | null): string | null {
  if (!key?.startsWith(SLA_CREDIT_KEY_PREFIX)) return null;
  const month = key.slice(key.lastIndexOf(':') + 1);
  return /^\d{4}-\d{2}$/.test(month) ? month : null;
}

/** The credit note's one line, e.g. "SLA credit — 2026-11: uptime 99.7763 % of 99.9 % guaranteed". */
export function slaCreditDescription(month: string, uptimePercent: number, guaranteePercent: number): string {
  return `SLA credit — ${month}: uptime ${uptimePercent} % of ${guaranteePercent} % guaranteed`;
}

/** A credit waiting to be applied (amount positive, minor units), oldest first. */
export interface ClientCredit {
  id: string;
  amount: number;
}

/**
 * Which credits an invoice of `room` (what it still owes) takes: whole credit notes only, oldest
 * first, each while it fits in what is left. A credit note larger than what is left is not split
 * (a credit note corrects one invoice, and splitting would give one month's credit two numbers):
 * it waits for a later invoice, and a younger one that fits is applied meanwhile.
 */
export function creditsThatFit<C extends ClientCredit>(credits: readonly C[], room: number): C[] {
  const taken: C[] = [];
  let left = room;
  for (const credit of credits) {
    if (credit.amount <= 0 || credit.amount > left) continue;
    taken.push(credit);
    left -= credit.amount;
  }
  return taken;
}

/** An invoice still owing `due` (minor units), oldest first. */
export interface OwingInvoice {
  id: string;
  due: number;
}

/** The oldest invoice that still owes at least the whole credit; null: none, the credit waits as the client's. */
export function invoiceToCredit<I extends OwingInvoice>(invoices: readonly I[], credit: number): I | null {
  return invoices.find((i) => i.due >= credit) ?? null;
}

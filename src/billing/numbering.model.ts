/**
 * Invoice numbers: sequential per year without gaps, as tax authorities require — `2026-0001`,
 * `2026-0002`, … A number is taken only when an invoice is issued (drafts have none), inside the
 * transaction that issues it, so a failed issue leaves no hole. Credit notes count in their own
 * series (`CN-2026-0001`) so the invoice series stays unbroken.
 */
export type NumberSeries = 'invoice' | 'credit-note';

const PREFIX: Record<NumberSeries, string> = { invoice: '', 'credit-note': 'CN-' };

/** At least four digits; more when a year needs them (`2026-10000`), so numbers still sort by length then text. */
export function formatNumber(series: NumberSeries, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Not an invoice year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A sequence starts at 1, got ${sequence}`);
  return `${PREFIX[series]}${year}-${String(sequence).padStart(4, '0')}`;
}

/** The next sequence after the highest issued this year (null: none yet). */
export function nextSequence(highestThisYear: number | null): number {
  return (highestThisYear ?? 0) + 1;
}

/** A series' year is the issue date's year in the agency's calendar: a date `YYYY-MM-DD`. */
export function yearOfIssue(issuedOn: string): number {
  const year = Number(issuedOn.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) || !Number.isInteger(year)) throw new RangeError(`Not a date: ${issuedOn}`);
  return year;
}

/** The numbers missing from a year's issued sequences, for an audit view (expected: none). */
export function gapsIn(sequences: readonly number[]): number[] {
  const sorted = [...new Set(sequences)].sort((a, b) => a - b);
  const gaps: number[] = [];
  let expected = 1;
  for (const s of sorted) {
    for (; expected < s; expected++) gaps.push(expected);
    expected = s + 1;
  }
  return gaps;
}

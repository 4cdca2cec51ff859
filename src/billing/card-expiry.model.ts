/**
 * Saved cards that will not last until the next renewal charge. A card is valid through the last
 * day of its expiry month. If it expires before the next charge, the client is asked to update the
 * method `leadDays` before the card ends (which is before the charge), so there is time to act;
 * a problem found inside that lead time is asked about at once.
 */
export interface SavedCard {
  expMonth: number;
  expYear: number;
}

export interface CardExpiryWarning {
  /** The last day the card works, `YYYY-MM-DD`. */
  validThrough: string;
  /** The day to ask for a new method, `YYYY-MM-DD`. */
  askOn: string;
}

export const DEFAULT_LEAD_DAYS = 30;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The last day of the card's expiry month. */
export function validThrough(card: SavedCard): string {
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) throw new RangeError(`Not a month: ${card.expMonth}`);
  return iso(new Date(Date.UTC(card.expYear, card.expMonth, 0)));
}

/**
 * A warning when the card ends before `nextChargeOn` (`YYYY-MM-DD`), else null. `today` bounds the
 * ask date from below: a card added yesterday that already ends too soon is asked about now.
 */
export function cardExpiryWarning(card: SavedCard, nextChargeOn: string, today: string, leadDays = DEFAULT_LEAD_DAYS): CardExpiryWarning | null {
  const through = validThrough(card);
  if (through >= nextChargeOn) return null;
  const ask = iso(new Date(Date.parse(through) - leadDays * DAY_MS));
  return { validThrough: through, askOn: ask < today ? today : ask };
}

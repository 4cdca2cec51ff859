import { decodeCursor, type Cursor } from '../db/keyset.ts';
import { invalid } from './problem.ts';

/** Cursor values that are text (names, slugs). */
export const textValue = (value: unknown): boolean => typeof value === 'string';

/** Cursor values that are instants exactly as `toISOString()` writes them (lists paged by time). */
export const instantValue = (value: unknown): boolean =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/**
 * The `cursor` query parameter of a list, decoded; undefined for the first page. Anything this
 * server did not give out — garbage, or a cursor of another list — is a 400 naming the field.
 */
export function cursorFromQuery(raw: string | undefined, accepts: (value: unknown) => boolean = textValue): Cursor | undefined {
  if (!raw) return undefined;
  const cursor = decodeCursor(raw);
  if (cursor === null || !accepts(cursor.value)) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  return cursor;
}

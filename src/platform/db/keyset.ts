import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';

/**
 * Cursor pagination by (sort value, id). The cursor is opaque to clients: base64url JSON of
 * the last row's sort value and id, so a page is found with an index seek, never an OFFSET.
 */
export interface Cursor {
  value: string | number | null;
  id: string;
}

const cursorSchema = z.object({ value: z.union([z.string(), z.number(), z.null()]), id: z.string() });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Null when the cursor is not one of ours; callers answer that with a 400. */
export function decodeCursor(raw: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The condition "after the cursor" for `ORDER BY column <dir> NULLS LAST, id <dir>`.
 * Nulls sort last in both directions, so the comparison treats them as past every value.
 */
export function afterCursor(column: string, direction: 'asc' | 'desc', cursor: Cursor): Expression<SqlBool> {
  const col = sql.ref(column);
  const id = sql.ref(column.includes('.') ? `${column.split('.')[0]}.id` : 'id');
  const cmp = sql.raw(direction === 'asc' ? '>' : '<');
  if (cursor.value === null) return sql<SqlBool>`(${col} is null and ${id} ${cmp} ${cursor.id})`;
  return sql<SqlBool>`(${col} ${cmp} ${cursor.value} or (${col} = ${cursor.value} and ${id} ${cmp} ${cursor.id}) or ${col} is null)`;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Build a page from `limit + 1` fetched rows: the extra row only says that more exist. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => Cursor, map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

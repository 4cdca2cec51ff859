import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/**
 * Everything that differs between SQLite and PostgreSQL lives here, as capabilities of one
 * object. The rest of the code base is dialect-agnostic and asks this object when it must.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types used by migrations. */
  readonly types: {
    readonly instant: string;
    readonly date: string;
    readonly money: string;
    readonly serial: string;
  };
  /** `FOR UPDATE SKIP LOCKED` for claiming jobs; SQLite has one writer and needs none. */
  readonly supportsSkipLocked: boolean;
  /**
   * Serialise writers of a hash chain (the audit log) until the transaction ends.
   * PostgreSQL takes a row lock; SQLite takes the database write lock by writing first.
   */
  lockRow(trx: Transaction<Schema>, table: 'audit_head', id: number): Promise<void>;
  /**
   * Insert many rows of one table inside the caller's transaction, as fast as the database
   * allows: a prepared statement per row on SQLite, one JSON parameter expanded by
   * `json_populate_recordset` on PostgreSQL. Imports of a million rows depend on it.
   */
  insertMany<T extends keyof Schema & string>(trx: Transaction<Schema>, table: T, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** A predicate matching assets whose search text contains every word of `words` as a prefix. */
  assetTextMatch(words: readonly string[]): Expression<SqlBool>;
  /** Extra DDL for full-text search of assets (FTS5 or a GIN index). */
  createAssetSearch(db: Kysely<unknown>): Promise<void>;
}

function quoteFtsWord(word: string): string {
  return `"${word.replaceAll('"', '""')}"*`;
}

/** SQLite's dialect needs the connection handle: bulk inserts bypass the query builder. */
export function createSqliteDialect(handle: BetterSqlite3.Database): Dialect {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return { ...sqliteBase, insertMany: async (_trx, table, rows) => sqliteInsertMany(handle, statements, table, rows) };
}

// Kysely's SQLite driver uses this same single connection, so these statements run inside the
// transaction the caller opened with Kysely. Rows go in groups of ROWS_PER_STATEMENT with
// positional parameters: binding named parameters row by row was the slowest part of an import.
const ROWS_PER_STATEMENT = 100;

function sqliteInsertMany(handle: BetterSqlite3.Database, statements: Map<string, BetterSqlite3.Statement>, table: string, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  if (table === 'assets') return insertAssetsIndexedAfter(handle, () => insertRows(handle, statements, table, rows));
  insertRows(handle, statements, table, rows);
}

function insertAssetsIndexedAfter(handle: BetterSqlite3.Database, insert: () => void) {
  const { last } = handle.prepare('select coalesce(max(rowid), 0) as last from assets').get() as { last: number };
  handle.prepare('insert into assets_search_deferred (id) values (1)').run();
  insert();
  handle.prepare('insert into assets_search (rowid, search_text) select rowid, search_text from assets where rowid > ?').run(last);
  handle.prepare('delete from assets_search_deferred').run();
}

function insertRows(handle: BetterSqlite3.Database, statements: Map<string, BetterSqlite3.Statement>, table: string, rows: readonly Record<string, unknown>[]) {
  const columns = Object.keys(rows[0]!);
  const prepare = (count: number) => {
    const key = `${table}(${columns.join(',')})x${count}`;
    let statement = statements.get(key);
    if (!statement) {
      const one = `(${columns.map(() => '?').join(', ')})`;
      statement = handle.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array(count).fill(one).join(', ')}`);
      statements.set(key, statement);
    }
    return statement;
  };
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const group = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    for (const row of group) for (const c of columns) values.push(row[c]);
    prepare(group.length).run(values);
  }
}

const sqliteBase: Omit<Dialect, 'insertMany'> = {
  name: 'sqlite',
  types: { instant: 'text', date: 'text', money: 'integer', serial: 'integer' },
  supportsSkipLocked: false,
  async lockRow(trx, table, id) {
    await sql`update ${sql.table(table)} set id = id where id = ${id}`.execute(trx);
  },
  assetTextMatch(words) {
    const query = words.map(quoteFtsWord).join(' AND ');
    return sql<SqlBool>`assets.rowid in (select rowid from assets_search where assets_search match ${query})`;
  },
  async createAssetSearch(db) {
    // An external-content FTS5 index kept in step by triggers, so no code path can forget it.
    await sql`create virtual table assets_search using fts5(search_text, content='assets', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    // Bulk inserts set the flag and index their rows in one statement afterwards (see
    // insertMany): FTS5 indexes a batch some twenty times faster than row by row.
    await sql`create table assets_search_deferred (id integer primary key)`.execute(db);
    await sql`create trigger assets_search_ai after insert on assets when not exists (select 1 from assets_search_deferred) begin
      insert into assets_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger assets_search_ad after delete on assets begin
      insert into assets_search(assets_search, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger assets_search_au after update of search_text on assets begin
      insert into assets_search(assets_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into assets_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  },
};

const PG_BATCH = 5000;

export const postgresDialect: Dialect = {
  name: 'postgres',
  async insertMany(trx, table, rows) {
    if (rows.length === 0) return;
    const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += PG_BATCH) {
      const json = JSON.stringify(rows.slice(i, i + PG_BATCH));
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
    }
  },
  types: { instant: 'timestamptz', date: 'date', money: 'bigint', serial: 'bigserial' },
  supportsSkipLocked: true,
  async lockRow(trx, table, id) {
    await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  },
  assetTextMatch(words) {
    const query = words.map((w) => `${w.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');
    return sql<SqlBool>`to_tsvector('simple', assets.search_text) @@ to_tsquery('simple', ${query})`;
  },
  async createAssetSearch(db) {
    await sql`create index assets_search_idx on assets using gin (to_tsvector('simple', search_text))`.execute(db);
  },
};

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
  /** A predicate matching assets whose search text contains every word of `words` as a prefix. */
  assetTextMatch(words: readonly string[]): Expression<SqlBool>;
  /** Extra DDL for full-text search of assets (FTS5 or a GIN index). */
  createAssetSearch(db: Kysely<unknown>): Promise<void>;
}

function quoteFtsWord(word: string): string {
  return `"${word.replaceAll('"', '""')}"*`;
}

export const sqliteDialect: Dialect = {
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
    await sql`create trigger assets_search_ai after insert on assets begin
      insert into assets_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger assets_search_ad after delete on assets begin
      insert into assets_search(assets_search, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger assets_search_au after update of search_text on assets begin
      insert into assets_search(assets_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into assets_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  },
};

export const postgresDialect: Dialect = {
  name: 'postgres',
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

import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createSqliteDialect, postgresDialect, type Dialect } from './dialect.ts';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;

export interface Database {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: a file path or a redacted URL. */
  readonly location: string;
  /** PostgreSQL only: the schema worked in when not the default one. */
  readonly schema?: string | undefined;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** SQLite only: a file name inside dataDir, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL only: a schema to work in (tests use one per file). */
  pgSchema?: string;
  poolSize?: number;
}

// PostgreSQL returns dates, timestamps and bigints as JS objects or strings by default;
// these parsers make it hand back the same shapes SQLite does.
const PG_DATE = 1082;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;
const PG_INT8 = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_DATE) return (v: string) => v;
    if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v: string) => new Date(v).toISOString();
    if (oid === PG_INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openSqlite(options);
}

function openSqlite(options: OpenOptions): Database {
  const file = options.sqliteFile ?? 'upkeep.db';
  const location = file === ':memory:' ? file : path.join(options.dataDir, file);
  if (file !== ':memory:') ensureWritableDir(options.dataDir);
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 256 MiB of page cache (an upper bound, taken only as used): the indexes of a million assets
  // stay in memory, so lists and large imports don't re-read pages from disk.
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('temp_store = memory');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: createSqliteDialect(sqlite), location, close: () => db.destroy() };
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new DatabaseUnavailableError(
      `The data folder ${dir} cannot be written to (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Set UPKEEP_DATA_DIR to a folder this user may write, or fix its permissions.',
      { cause: err },
    );
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    connectionTimeoutMillis: 5000,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `PostgreSQL at ${location} cannot be reached: ${(err as Error).message}. ` +
        'Check that the server runs and DATABASE_URL is right.',
      { cause: err },
    );
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: postgresDialect, location, schema: options.pgSchema, close: () => db.destroy() };
}

/** True when a query succeeds; used by the readiness probe. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export const testDialect = (process.env.UPKEEP_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const testPgUrl = process.env.UPKEEP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** The settings to open the same database again, e.g. from a second "process". */
  readonly openOptions: Parameters<typeof openDatabase>[0];
  /** Close and drop everything the test created. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a schema of its
 * own on the PostgreSQL server, so files can run in parallel without seeing each other.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect === 'postgres') return createPgSchema();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-test-'));
  const openOptions = { dataDir, sqliteFile: 'test.db' };
  const database = await openDatabase(openOptions);
  await migrateToLatest(database);
  return {
    ...database,
    openOptions,
    async drop() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPgSchema(): Promise<TestDatabase> {
  const schema = `upkeep_t_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const openOptions = { databaseUrl: testPgUrl, dataDir: os.tmpdir(), pgSchema: schema, poolSize: 5 };
  const database = await withSchemaLock(async () => {
    await adminQuery(`create schema ${schema}`);
    const opened = await openDatabase(openOptions);
    await migrateToLatest(opened);
    return opened;
  });
  return {
    ...database,
    openOptions,
    async drop() {
      await database.close();
      await withSchemaLock(() => adminQuery(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** Any number: the key of the advisory lock below, the same in every test worker. */
const SCHEMA_LOCK = 7_361_204;

/**
 * Migrating one file's schema while another worker drops its own fails now and then: the
 * migrator reads the catalogue of every schema in the database, and a schema dropped mid-read
 * is "does not exist". Test workers take turns at creating and dropping schemas.
 */
async function withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client(testPgUrl);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client(testPgUrl);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

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
  await adminQuery(`create schema ${schema}`);
  const openOptions = { databaseUrl: testPgUrl, dataDir: os.tmpdir(), pgSchema: schema, poolSize: 5 };
  const database = await openDatabase(openOptions);
  await migrateToLatest(database);
  return {
    ...database,
    openOptions,
    async drop() {
      await database.close();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    },
  };
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
